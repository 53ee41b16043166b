from django.apps import AppConfig


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"

    def ready(self):
        """Invalidate the page cache whenever content the pages show changes."""
        from common import pagecache_signals

        pagecache_signals.connect()
