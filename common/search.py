"""Wagtail's Elasticsearch 8 backend with a database fallback: a down or hanging node costs one timeout, never a 500."""

import logging

from wagtail.search.backends import get_search_backend
from wagtail.search.backends.elasticsearch8 import (
    Elasticsearch8AutocompleteQueryCompiler,
    Elasticsearch8SearchBackend,
    Elasticsearch8SearchResults,
)

logger = logging.getLogger(__name__)


def _database_backend():
    try:
        return get_search_backend("database")
    except Exception:  # "database" alias not configured
        return get_search_backend("wagtail.search.backends.database")


class ResilientSearchResults(Elasticsearch8SearchResults):
    """Search results that ask the database backend when Elasticsearch fails."""

    def _fallback(self):
        compiler = self.query_compiler
        backend = _database_backend()
        method = (
            backend.autocomplete if isinstance(compiler, Elasticsearch8AutocompleteQueryCompiler) else backend.search
        )
        results = method(
            compiler.query, compiler.queryset, fields=compiler.fields, order_by_relevance=compiler.order_by_relevance
        )
        return results[self.start : self.stop] if (self.start or self.stop is not None) else results

    def _do_search(self):
        try:
            return super()._do_search()
        except Exception as error:  # transport errors, timeouts, missing index
            logger.warning("search: Elasticsearch failed (%s), using the database backend", type(error).__name__)
            return list(self._fallback())

    def _do_count(self):
        try:
            return super()._do_count()
        except Exception as error:
            logger.warning("search: Elasticsearch count failed (%s), using the database backend", type(error).__name__)
            return self._fallback().count()


class ResilientElasticsearchBackend(Elasticsearch8SearchBackend):
    """Elasticsearch 8 backend whose queries fall back to the database backend on failure."""

    results_class = ResilientSearchResults
