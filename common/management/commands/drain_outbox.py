from django.core.management.base import BaseCommand

from common import outbox


class Command(BaseCommand):
    """Deliver pending outbox rows now (cron on the embedded default, or after a broker outage)."""

    help = "Deliver pending outbox messages (tasks recorded after a commit)."

    def handle(self, *args, **options):
        """Drain the outbox and say how many rows went out."""
        delivered = outbox.drain()
        self.stdout.write(f"delivered {len(delivered)}")
