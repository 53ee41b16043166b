"""Erase one expert profile (e.g. an imported one with no account) on request, like the self-service erasure."""

from django.core.management.base import BaseCommand, CommandError

from experts.models import ExpertProfile
from experts.services import erase_expert


class Command(BaseCommand):
    help = "Erase an expert profile, its CV file, access log and (if any) user account; sends expert_erased."

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--external-id", help="The profile's external id, e.g. e001")
        group.add_argument("--pk", type=int, help="The profile's database id")
        parser.add_argument("--keep-user", action="store_true", help="Keep the user account, erase only the profile")

    def handle(self, *args, **options):
        lookup = {"external_id": options["external_id"]} if options["external_id"] else {"pk": options["pk"]}
        profile = ExpertProfile.objects.filter(**lookup).first()
        if profile is None:
            raise CommandError(f"No expert profile with {lookup}.")
        name = profile.name
        erase_expert(profile, delete_user=not options["keep_user"])
        self.stdout.write(self.style.SUCCESS(f"Erased the expert profile of {name}."))
