from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "campaigns"
    verbose_name = _("Philanthropy campaigns")

    def ready(self):
        from campaigns import signals  # noqa: F401  (connects the erasure receiver)
