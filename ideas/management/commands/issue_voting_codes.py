"""Issue one-time voting codes for a call and print them (they are stored only hashed)."""

from django.core.management.base import BaseCommand, CommandError

from home.models import CallForIdeasPage
from ideas.services import issue_codes


class Command(BaseCommand):
    help = "Issue one-time voting codes for a call for ideas; prints the codes, one per line."

    def add_arguments(self, parser):
        parser.add_argument("call_id", type=int, help="page id of the CallForIdeasPage")
        parser.add_argument("--count", type=int, default=100)

    def handle(self, *args, call_id, count, **options):
        call = CallForIdeasPage.objects.filter(pk=call_id).first()
        if call is None:
            raise CommandError(f"No call for ideas with id {call_id}.")
        if not 0 < count <= 100000:
            raise CommandError("--count must be between 1 and 100000.")
        for code in issue_codes(call, count):
            self.stdout.write(code)
