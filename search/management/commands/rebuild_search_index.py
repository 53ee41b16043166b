"""Rebuild the search indices: entry tables in one transaction, Elasticsearch into new indices + alias swap."""

from django.core.management.base import BaseCommand, CommandError

from search import elastic, indexing


class Command(BaseCommand):
    help = "Rebuild the search indices without taking search offline."

    def add_arguments(self, parser):
        parser.add_argument("--database-only", action="store_true", help="Skip Elasticsearch even when configured.")

    def handle(self, *args, database_only=False, **options):
        counts = indexing.rebuild_database_index()
        self.stdout.write(
            f"Database index: {counts['pages']} pages, {counts['challenges']} challenges, {counts['experts']} experts."
        )
        if elastic.enabled() and not database_only:
            try:
                names = indexing.rebuild_elastic_index()
            except elastic.ElasticUnavailable as error:
                raise CommandError(f"Elasticsearch rebuild failed, the old indices stay live: {error}") from error
            self.stdout.write(f"Elasticsearch indices swapped in: {', '.join(names)}")
