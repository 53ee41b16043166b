from django.contrib import admin

from coordination import models

for model in (models.Overseer, models.FundingCall, models.AnnualReport, models.Partner, models.Plan):
    admin.site.register(model)
