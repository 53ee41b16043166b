from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RotationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "rotations"
    verbose_name = _("Working meetings")
