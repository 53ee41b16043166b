"""Load the demo content (idempotent)."""

from django.core.management.base import BaseCommand

from home.demo import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Load three demo cities with stories, events, calls for ideas, information pages and users."

    def add_arguments(self, parser):
        parser.add_argument("--city-sites", action="store_true", help="Also serve each city at <slug>.localhost.")

    def handle(self, *args, **options):
        users = load_demo(city_sites=options["city_sites"])
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
        for username, user in users.items():
            self.stdout.write(f"  {username:<20} {user.email:<32} password: {DEMO_PASSWORD}")
