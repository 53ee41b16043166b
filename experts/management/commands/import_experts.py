"""Import expert profiles from a JSON lines file (see experts.importing for the rules)."""

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError

from experts.importing import ImportFailed, import_experts
from experts.models import Visibility


class Command(BaseCommand):
    help = "Import expert profiles from JSON lines; nothing is imported from a file with errors unless --skip-invalid."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to the .jsonl file")
        parser.add_argument("--skip-invalid", action="store_true", help="Import the valid lines, skip the bad ones")
        parser.add_argument(
            "--visibility",
            choices=Visibility.values,
            default=Visibility.STAFF,
            help="Visibility of newly created profiles (default: staff)",
        )

    def handle(self, *args, **options):
        try:
            result = import_experts(
                options["file"], skip_invalid=options["skip_invalid"], visibility=options["visibility"]
            )
        except FileNotFoundError as exc:
            raise CommandError(f"File not found: {options['file']}") from exc
        except UnicodeDecodeError as exc:
            raise CommandError(f"The file is not UTF-8 text: {exc}") from exc
        except ImportFailed as exc:
            for number, reason in exc.errors:
                self.stderr.write(f"line {number}: {reason}")
            raise CommandError(
                f"{len(exc.errors)} invalid line(s); nothing was imported. Fix them or use --skip-invalid."
            ) from exc
        for number, reason in result.errors:
            self.stderr.write(f"line {number}: {reason} (skipped)")
        if apps.is_installed("matching"):
            from matching import worker

            # Without a broker the embedding runs in this process's background thread: wait for it.
            if worker.local_mode():
                worker.local_worker().join(timeout=None)
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {result.imported} expert(s): {result.created} created, "
                f"{result.updated} updated, {result.skipped} skipped."
            )
        )
