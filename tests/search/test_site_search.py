"""Behavioural tests of site search on the configured database (SQLite FTS5 or PostgreSQL)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from search import content_search, indexing
from search.content_search import ContentFilters
from search.models import ContentEntry

pytestmark = pytest.mark.django_db


def results_url(language="lt"):
    with override(language):
        return reverse("search:results")


def titles(outcome):
    return [str(hit.object.title) for hit in outcome.hits]


def test_urls_are_language_prefixed():
    assert results_url("lt") == "/lt/search/"
    assert results_url("en") == "/en/search/"
    with override("lt"):
        assert reverse("search:autocomplete") == "/lt/search/autocomplete/"
        assert reverse("search:experts") == "/lt/search/experts/"


def test_inflected_query_finds_other_case_forms(indexed):
    outcome = content_search.search_content("vandentvarka", "lt")
    found = titles(outcome)
    assert "Vandentvarkos ateitis Alytuje" in found  # genitive in the title
    assert "Sugrįžimo istorija" in found  # genitive only in the body
    assert "Idėjų konkursas: vandentvarka" in found


def test_title_match_ranks_above_body_mention(indexed):
    found = titles(content_search.search_content("vandentvarkos", "lt"))
    assert found.index("Vandentvarkos ateitis Alytuje") < found.index("Sugrįžimo istorija")


def test_diacritics_insensitive(indexed):
    assert "Jūrinis festivalis Klaipėdoje" in titles(content_search.search_content("Klaipeda", "lt"))
    assert "Jūrinis festivalis Klaipėdoje" in titles(content_search.search_content("klaipėdos", "lt"))


def test_results_are_in_the_visitors_language(indexed):
    lt_titles = titles(content_search.search_content("water", "lt"))
    en_titles = titles(content_search.search_content("water", "en"))
    assert "Water utilities of the future" not in lt_titles
    assert "Water utilities of the future" in en_titles
    assert "Water utilities of the future" in titles(content_search.search_content("utility", "en"))
    assert "Vandentvarkos ateitis Alytuje" not in titles(content_search.search_content("vandentvarkos", "en"))


def test_drafts_never_appear_even_with_a_stale_index_entry(indexed):
    draft = indexed["site"]["pages"]["draft"]
    assert not ContentEntry.objects.filter(source="page", object_id=draft.pk).exists()
    # Publish, index, then unpublish without letting the index task run: the entry is stale.
    draft.save_revision().publish()
    indexing.index_page(draft.pk)
    assert "Juodraštis apie vandentvarką" in titles(content_search.search_content("juodraštis", "lt"))
    draft.refresh_from_db()
    draft.unpublish()
    assert ContentEntry.objects.filter(source="page", object_id=draft.pk).exists()
    assert "Juodraštis apie vandentvarką" not in titles(content_search.search_content("juodraštis", "lt"))


def test_private_pages_never_appear(indexed):
    from wagtail.models import PageViewRestriction

    page = indexed["site"]["pages"]["water"]
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="secret")
    assert "Vandentvarkos ateitis Alytuje" not in titles(content_search.search_content("vandentvarka", "lt"))
    indexing.index_page_tree(page.pk)  # what the privacy signal's task does
    assert not ContentEntry.objects.filter(source="page", object_id=page.pk).exists()


def test_past_events_hidden_by_default_and_shown_on_request(indexed):
    default = titles(content_search.search_content("susitikimas", "lt"))
    assert "Bendruomenės susitikimas" in default
    assert "Praėjęs susitikimas" not in default
    with_past = titles(content_search.search_content("susitikimas", "lt", ContentFilters(include_past=True)))
    assert "Praėjęs susitikimas" in with_past


def test_kind_facet_counts(indexed, client):
    outcome = content_search.search_content("vandentvarka", "lt")
    assert outcome.facets["kind"] == {"story": 2, "event": 1, "call": 1, "challenge": 2}
    html = client.get(results_url(), {"q": "vandentvarka"}).content.decode()
    assert "kind=challenge" in html and "(2)" in html


def test_filter_by_content_type(indexed):
    found = content_search.search_content("vandentvarka", "lt", ContentFilters(kinds=["story"]))
    assert found.hits and {hit.kind for hit in found.hits} == {"story"}
    calls = content_search.search_content("vandentvarka", "lt", ContentFilters(kinds=["call"]))
    assert titles(calls) == ["Idėjų konkursas: vandentvarka"]


def test_filter_by_city(indexed):
    klaipeda_key = str(indexed["site"]["klaipeda"].translation_key)
    found = content_search.search_content("festivalis vandentvarka", "lt", ContentFilters(city_key=klaipeda_key))
    assert found.total == 0
    found = content_search.search_content("festivalis", "lt", ContentFilters(city_key=klaipeda_key))
    assert titles(found) == ["Jūrinis festivalis Klaipėdoje"]
    alytus_key = str(indexed["site"]["city"].translation_key)
    assert "Jūrinis festivalis Klaipėdoje" not in titles(
        content_search.search_content("festivalis", "lt", ContentFilters(city_key=alytus_key))
    )


def test_filter_by_date(indexed):
    soon = timezone.localdate() + timedelta(days=5)
    found = content_search.search_content("vandentvarka", "lt", ContentFilters(date_from=soon))
    names = [hit.title for hit in found.hits]
    assert found.total >= 1
    assert all(hit.date is None or hit.date >= soon for hit in found.hits), names
    assert "Vandentvarkos ateitis Alytuje" not in titles(found)  # dated 2026-05-01


def test_challenges_only_open_or_in_progress(indexed):
    kinds = content_search.search_content("iššūkis", "lt", ContentFilters(kinds=["challenge"]))
    assert sorted(titles(kinds)) == ["Vandentvarkos iššūkis (in_progress)", "Vandentvarkos iššūkis (open)"]
    # Challenges are shown in both languages.
    assert content_search.search_content("iššūkis", "en", ContentFilters(kinds=["challenge"])).total == 2


def test_closing_a_challenge_removes_it(indexed):
    challenge = indexed["challenges"]["open"]
    challenge.status = "closed"
    challenge.save()
    # Even before the index task runs the result is re-checked against the database...
    assert "Vandentvarkos iššūkis (open)" not in titles(content_search.search_content("iššūkis", "lt"))
    indexing.index_challenge(challenge.pk)  # ...and the task then drops the entry.
    assert not ContentEntry.objects.filter(source="challenge", object_id=challenge.pk).exists()


def test_highlighted_snippets_escape_html(indexed, client):
    page = indexed["site"]["pages"]["water"]
    page.intro = "Vandentvarka <script>alert(1)</script> ir vanduo: 5 < 6 & 7."
    page.save_revision().publish()
    indexing.index_page(page.pk)
    response = client.get(results_url(), {"q": "vandentvarka"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<mark>Vandentvarkos</mark>" in html
    assert "<script>alert(1)</script>" not in html
    assert "5 &lt; 6 &amp; 7" in html


def test_pagination(site, client):
    for number in range(23):
        from tests.search.conftest import add_story

        add_story(site["stories"], f"Savaitės naujiena {number}", intro="Naujienos iš miesto.")
    indexing.rebuild_database_index()
    first = content_search.search_content("naujienos", "lt")
    assert first.total == 23 and len(first.hits) == 10
    third = content_search.search_content("naujienos", "lt", page_number=3)
    assert len(third.hits) == 3
    every = set()
    for number in (1, 2, 3):
        every |= {hit.object.pk for hit in content_search.search_content("naujienos", "lt", page_number=number).hits}
    assert len(every) == 23
    for bad in ("999", "abc", "-1", "0"):
        response = client.get(results_url(), {"q": "naujienos", "page": bad})
        assert response.status_code == 200
    assert 'rel="next"' in client.get(results_url(), {"q": "naujienos"}).content.decode()


HOSTILE = [
    '"',
    "'",
    "x" * 5000,
    "vandentvarka " * 500,
    "'; DROP TABLE search_contententry; --",
    "1' OR '1'='1",
    "%",
    "_",
    "*",
    "vandentvark*",
    "NEAR(a b)",
    "a AND OR NOT",
    "(((",
    "\x00\x01",
    "🙂 ąčęėįšųūž",
    "<script>alert(1)</script>",
]


def test_hostile_queries_give_a_normal_page(indexed, client):
    for query in HOSTILE:
        response = client.get(results_url(), {"q": query})
        assert response.status_code == 200, query
        assert "<script>alert(1)</script>" not in response.content.decode()
        assert client.get(reverse("search:autocomplete"), {"q": query}).status_code == 200, query
        assert client.get(reverse("search:experts"), {"q": query}).status_code == 200, query
    assert ContentEntry.objects.count() == indexing.rebuild_database_index()["pages"] + 2  # nothing was dropped


def test_empty_query_shows_help_and_filters_alone_browse(indexed, client):
    response = client.get(results_url(), {"q": ""})
    assert response.status_code == 200
    events = content_search.search_content("", "lt", ContentFilters(kinds=["event"]))
    assert titles(events) == ["Bendruomenės susitikimas"]


def test_no_results_offers_did_you_mean(indexed, client):
    outcome = content_search.search_content("Klaipda festivalis", "lt")
    assert outcome.total == 0 and outcome.suggestion == "klaipėda festivalis"
    assert content_search.search_content(outcome.suggestion, "lt").total == 1
    outcome = content_search.search_content("festivallis", "lt")
    assert outcome.total == 0
    assert outcome.suggestion == "festivalis"
    response = client.get(results_url(), {"q": "festivallis"})
    assert "?q=festivalis" in response.content.decode()


def test_results_view_in_both_languages(indexed, client):
    lt = client.get(results_url("lt"), {"q": "vandentvarka"})
    en = client.get(results_url("en"), {"q": "water"})
    assert lt.status_code == en.status_code == 200
    assert "<mark>Vandentvarkos</mark> ateitis Alytuje" in lt.content.decode()
    assert "<mark>Water</mark> utilities of the future" in en.content.decode()
    assert "utilities of the future" not in lt.content.decode()
    assert 'lang="en"' in en.content.decode()


def test_bad_filter_values_are_ignored_not_errors(indexed, client):
    response = client.get(
        results_url(), {"q": "vandentvarka", "kind": "nonsense", "city": "nope", "date_from": "31-31-31"}
    )
    assert response.status_code == 200
    response = client.get(results_url(), {"q": "x", "date_from": "2027-01-02", "date_to": "2026-01-01"})
    assert response.status_code == 200


def test_page_without_entry_is_found_once_the_indexer_has_run(site):
    """Search only reads: a page whose entry is missing (task not run yet) is found after index_page, not healed."""
    page = site["pages"]["water"]
    ContentEntry.objects.all().delete()
    assert "Vandentvarkos ateitis Alytuje" not in titles(content_search.search_content("Vandentvarkos", "lt"))
    assert not ContentEntry.objects.filter(source="page", object_id=page.pk).exists()
    indexing.index_page(page.pk)
    assert "Vandentvarkos ateitis Alytuje" in titles(content_search.search_content("Vandentvarkos", "lt"))


def test_rebuild_command(site, challenges, experts):
    from io import StringIO

    from django.core.management import call_command

    ContentEntry.objects.create(source="page", object_id=999999, kind="story", title="Stale", locale="lt")
    out = StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "Database index" in out.getvalue()
    assert not ContentEntry.objects.filter(object_id=999999).exists()
    assert ContentEntry.objects.filter(source="challenge").count() == 2
    assert ContentEntry.objects.filter(source="page", kind="event").count() == 2
