from django.apps import AppConfig


class CommonConfig(AppConfig):
    """Shared building blocks: the transactional outbox, resilient cache, health checks, e-mail helpers."""

    name = "common"
    default_auto_field = "django.db.models.BigAutoField"
