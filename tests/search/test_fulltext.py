"""Full-text index (SQLite FTS5 / PostgreSQL tsvector), read-only search requests and did-you-mean."""

import re

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import override

from search import content_search, fulltext, indexing
from search.models import ContentEntry

pytestmark = pytest.mark.django_db

WRITE_RE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE|SAVEPOINT|BEGIN|CREATE|DROP|ALTER)\b", re.IGNORECASE)


class WriteRecorder:
    """Record every statement sent to the database (and, on SQLite, every statement sqlite3 itself runs)."""

    def __enter__(self):
        self.traced = []
        self.capture = CaptureQueriesContext(connection).__enter__()
        connection.ensure_connection()
        if connection.vendor == "sqlite":
            connection.connection.set_trace_callback(self.traced.append)
        return self

    def __exit__(self, *exc):
        if connection.vendor == "sqlite":
            connection.connection.set_trace_callback(None)
        self.capture.__exit__(*exc)

    @property
    def writes(self):
        statements = [query["sql"] for query in self.capture.captured_queries] + self.traced
        return [sql for sql in statements if WRITE_RE.match(sql)]


def url(name, language="lt"):
    with override(language):
        return reverse(name)


def test_the_write_recorder_sees_transactions_and_writes(indexed):
    with WriteRecorder() as recorder, transaction.atomic():
        ContentEntry.objects.filter(pk=-1).update(title="x")
    assert any(sql.upper().startswith("SAVEPOINT") for sql in recorder.writes)
    assert any(sql.upper().startswith("UPDATE") for sql in recorder.writes)


def test_search_requests_do_not_write(indexed, client):
    client.get(url("search:results"), {"q": "vandentvarka"})  # warm caches, sessions and lazy setup first
    with WriteRecorder() as recorder:
        for query in ("vandentvarka", "Klaipda festivalis", "iššūkis"):
            assert client.get(url("search:results"), {"q": query}).status_code == 200
        assert client.get(url("search:experts"), {"q": "vandentvarka"}).status_code == 200
        assert client.get(url("search:autocomplete"), {"q": "vand"}).status_code == 200
    assert recorder.capture.captured_queries  # the requests did reach the database
    assert recorder.writes == []


def test_fulltext_index_follows_entry_writes(indexed):
    entry = ContentEntry.objects.get(source="page", title="Vandentvarkos ateitis Alytuje")
    assert entry.pk in fulltext.ranked_entry_ids(["vandentvark"])
    ContentEntry.objects.filter(pk=entry.pk).update(normalised=" laivyb ", normalised_title=" laivyb ")
    assert entry.pk not in fulltext.ranked_entry_ids(["vandentvark"])
    assert entry.pk in fulltext.ranked_entry_ids(["laivyb"])
    ContentEntry.objects.filter(pk=entry.pk).delete()
    assert entry.pk not in fulltext.ranked_entry_ids(["laivyb"])


def test_every_word_must_match_and_short_words_match_whole(indexed):
    both = content_search.search_content("festivalis Klaipėdoje", "lt")
    assert [str(hit.object.title) for hit in both.hits] == ["Jūrinis festivalis Klaipėdoje"]
    assert content_search.search_content("festivalis vandentvarka", "lt").total == 0
    assert content_search.search_content("fes", "lt").total == 0  # a three-letter stem is not a prefix


def test_did_you_mean_in_lithuanian_and_english(indexed, client):
    from home.models import StoryIndexPage
    from tests.search.conftest import add_story

    english_index = StoryIndexPage.objects.get(slug="stories")
    page = add_story(english_index, "Help desk for returnees", intro="Advice for returnees and their families.")
    indexing.index_page(page.pk)

    lithuanian = content_search.search_content("Klaipda", "lt")
    assert lithuanian.total == 0 and lithuanian.suggestion == "klaipėda"
    english = content_search.search_content("retunees", "en")
    assert english.total == 0 and english.suggestion == "returnees"
    assert content_search.search_content(english.suggestion, "en").total == 1

    lt_page = client.get(url("search:results"), {"q": "Klaipda"}).content.decode()
    assert "Galbūt turėjote omenyje" in lt_page and "?q=klaip%C4%97da" in lt_page
    en_page = client.get(url("search:results", "en"), {"q": "retunees"}).content.decode()
    assert "Did you mean" in en_page and "?q=returnees" in en_page
