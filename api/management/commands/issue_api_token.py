"""Issue an API token to approved municipality staff and print its secret once."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from api import services


class Command(BaseCommand):
    help = "Issue an API token to an approved municipality staff member (by e-mail or username); print the secret."

    def add_arguments(self, parser):
        parser.add_argument("user", help="E-mail address or username")
        parser.add_argument("--name", default="API", help="What the token is for")

    def handle(self, *args, **options):
        users = get_user_model().objects
        user = users.filter(email__iexact=options["user"]).first() or users.filter(username=options["user"]).first()
        if user is None:
            raise CommandError(f"No user {options['user']!r}.")
        try:
            token, secret = services.issue_token(user, options["name"])
        except PermissionDenied as exc:
            raise CommandError(f"{user} is not approved municipality staff; only they get API tokens.") from exc
        self.stderr.write(f"Token {token.prefix} for {user} ({token.name}); the secret is shown only now:")
        self.stdout.write(secret)
