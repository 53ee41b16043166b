"""Import municipal challenges from a JSON Lines file (schema: shared eval README)."""

from django.core.management.base import BaseCommand, CommandError

from challenges import importing


class Command(BaseCommand):
    help = "Import challenges from a JSON Lines file; a file with bad lines imports nothing unless --skip-invalid."

    def add_arguments(self, parser):
        parser.add_argument("file", help="path to a .jsonl file, one challenge per line")
        parser.add_argument("--skip-invalid", action="store_true", help="import the valid lines and skip bad ones")

    def handle(self, *args, file, skip_invalid, **options):
        """Validate every line, report the bad ones, then import in one transaction."""
        try:
            with open(file, encoding="utf-8") as handle:
                lines = handle.read().splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"Cannot read {file}: {exc}") from exc
        report = importing.import_challenges(lines, skip_invalid=skip_invalid)
        for number, reason in report.errors:
            self.stderr.write(f"line {number}: {reason}")
        if report.errors and (report.rolled_back or not skip_invalid):
            raise CommandError(f"{len(report.errors)} bad line(s); nothing imported. Fix them or use --skip-invalid.")
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {report.created} new and updated {report.updated} challenge(s); "
                f"created {report.municipalities_created} municipality(ies); skipped {report.skipped} bad line(s)."
            )
        )
