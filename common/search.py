"""Wagtail's Elasticsearch 8 backend with a database fallback: a down or hanging node costs one timeout, never a 500.

After a failure the backend skips Elasticsearch for SEARCH_ELASTIC_RETRY_AFTER seconds (a small
circuit breaker), so a page that searches, counts and facets pays the timeout once, not three times.
"""

import logging
import time
from collections import Counter

from django.conf import settings
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.elasticsearch8 import (
    Elasticsearch8AutocompleteQueryCompiler,
    Elasticsearch8SearchBackend,
    Elasticsearch8SearchResults,
)

logger = logging.getLogger(__name__)
_down_until = [0.0]


def _database_backend():
    try:
        return get_search_backend("database")
    except Exception:  # no "database" alias configured
        return get_search_backend("wagtail.search.backends.database")


def _guarded(action, fallback):
    """Run an Elasticsearch call unless the breaker is open; on failure open it and use the fallback."""
    if time.monotonic() < _down_until[0]:
        return fallback()
    try:
        return action()
    except Exception as error:  # transport errors, timeouts, a missing index
        _down_until[0] = time.monotonic() + float(getattr(settings, "SEARCH_ELASTIC_RETRY_AFTER", 30))
        logger.warning("search: Elasticsearch failed (%s), using the database backend", type(error).__name__)
        return fallback()


class ResilientSearchResults(Elasticsearch8SearchResults):
    """Search results that ask the database backend when Elasticsearch fails."""

    def _fallback_results(self):
        compiler = self.query_compiler
        backend = _database_backend()
        autocomplete = isinstance(compiler, Elasticsearch8AutocompleteQueryCompiler)
        method = backend.autocomplete if autocomplete else backend.search
        return method(
            compiler.query, compiler.queryset, fields=compiler.fields, order_by_relevance=compiler.order_by_relevance
        )

    def _do_search(self):
        return _guarded(super()._do_search, lambda: list(self._fallback_results()[self.start : self.stop]))

    def _do_count(self):
        return _guarded(super()._do_count, lambda: self._fallback_results()[self.start : self.stop].count())

    def facet(self, field_name):
        """Count results per value of a filter field (from the database results when Elasticsearch fails)."""

        def fallback():
            return dict(Counter(getattr(obj, field_name) for obj in self._fallback_results()))

        return _guarded(lambda: super(ResilientSearchResults, self).facet(field_name), fallback)


class ResilientElasticsearchBackend(Elasticsearch8SearchBackend):
    """Elasticsearch 8 backend whose queries fall back to the database backend on failure."""

    results_class = ResilientSearchResults
