from django.contrib import admin

from surveys.models import Survey

admin.site.register(Survey)
