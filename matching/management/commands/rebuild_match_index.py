"""Re-embed every expert profile and challenge and rebuild the vector indexes."""

from django.core.management.base import BaseCommand
from tqdm import tqdm

from matching import indexing
from matching.models import IndexBuildRun


class Command(BaseCommand):
    help = "Re-embed profiles and challenges (unchanged texts are skipped unless --force); progress shows in admin."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="re-embed even unchanged texts")
        parser.add_argument("--no-progress", action="store_true", help="hide the terminal progress bar")

    def handle(self, *args, force=False, no_progress=False, **options):
        """Run the rebuild with a tqdm bar mirrored by an IndexBuildRun row."""
        run = IndexBuildRun.objects.create()
        bar = tqdm(desc="embedding", unit="item", disable=no_progress, file=self.stderr._out)

        def progress(step):
            if bar.total is None:
                bar.total = IndexBuildRun.objects.get(pk=run.pk).total
                bar.refresh()
            bar.update(step)

        try:
            run = indexing.rebuild_index(force=force, run=run, progress=progress)
        finally:
            bar.close()
        self.stdout.write(f"Embedded {run.embedded} of {run.total} items ({run.total - run.embedded} unchanged).")
