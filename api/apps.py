"""The public API: read access for everyone, token access for approved municipality staff."""

from django.apps import AppConfig


class ApiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "api"
    verbose_name = "API"

    def ready(self):
        """Connect the CORS rule and declare which page fields Wagtail's API exposes."""
        from api import cors, pages  # noqa: F401

        pages.declare_api_fields()
