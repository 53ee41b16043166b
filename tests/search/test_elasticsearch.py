"""Elasticsearch path: mappings and the exact query JSON (no node needed), fallback, and live-node tests."""

import json
import logging
import os

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils.translation import override

from search import content_search, documents, elastic, expert_search, indexing
from search.content_search import ContentFilters
from search.expert_search import ExpertFilters

LIVE_URL = os.environ.get("ELASTICSEARCH_URL", "")


def test_content_index_uses_the_locale_analyser_with_folding():
    lt = documents.content_index("lt", "test-lt").to_dict()
    en = documents.content_index("en", "test-en").to_dict()
    analysers = lt["settings"]["analysis"]["analyzer"]
    assert analysers["lithuanian_folded"] == {
        "type": "custom",
        "tokenizer": "standard",
        "filter": ["lowercase", "lithuanian_stop", "lithuanian_stemmer", "asciifolding"],
    }
    assert lt["settings"]["analysis"]["filter"]["lithuanian_stemmer"] == {"type": "stemmer", "language": "lithuanian"}
    assert lt["mappings"]["properties"]["title"]["analyzer"] == "lithuanian_folded"
    assert lt["mappings"]["properties"]["title"]["fields"]["folded"]["analyzer"] == "folded"
    assert en["mappings"]["properties"]["body"]["analyzer"] == "english_folded"
    assert lt["mappings"]["properties"]["kind"] == {"type": "keyword"}
    assert lt["mappings"]["properties"]["title_suggest"]["type"] == "search_as_you_type"


def test_expert_index_mapping_has_facets_and_the_dense_vector():
    mapping = documents.experts_index("test-experts").to_dict()["mappings"]["properties"]
    assert mapping["embedding"] == {"type": "dense_vector", "dims": 384, "similarity": "cosine", "index": True}
    for facet in ("country", "languages", "topics", "city_ties", "visibility"):
        assert mapping[facet] == {"type": "keyword"}
    assert mapping["hours_per_month"] == {"type": "integer"}
    assert mapping["can_travel"] == {"type": "boolean"}
    assert mapping["headline"]["analyzer"] == "lithuanian_folded"
    assert mapping["headline"]["fields"]["en"]["analyzer"] == "english_folded"


def test_content_query_json(settings):
    settings.SEARCH_INDEX_PREFIX = "miestai"
    search = documents.build_content_search("vandentvarka", "lt", kinds=["story", "event"], city_key="abc")
    body = search.to_dict()
    assert search._index == ["miestai-content-lt"]
    text = {
        "bool": {
            "should": [
                {
                    "multi_match": {
                        "query": "vandentvarka",
                        "fields": ["title^3", "title.folded^2", "body", "body.folded"],
                        "type": "best_fields",
                        "operator": "and",
                    }
                },
                {
                    "multi_match": {
                        "query": "vandentvarka",
                        "fields": ["title^3", "title.folded^2", "body", "body.folded"],
                        "type": "phrase",
                        "boost": 2,
                    }
                },
            ],
            "minimum_should_match": 1,
        }
    }
    assert body["query"]["bool"]["must"] == [text]
    filters = body["query"]["bool"]["filter"]
    assert {"terms": {"kind": ["event", "story"]}} in filters
    assert {"term": {"city_key": "abc"}} in filters
    upcoming = filters[-1]["bool"]
    assert upcoming["minimum_should_match"] == 1
    assert {"range": {"ends_at": {"gte": "now"}}} in upcoming["should"]
    assert body["highlight"]["pre_tags"] == ["<mark>"] and body["highlight"]["encoder"] == "html"
    assert set(body["highlight"]["fields"]) == {"title", "title.folded", "body", "body.folded"}


def test_content_query_without_text_sorts_by_date_and_past_events_can_be_included():
    body = documents.build_content_search("", "en", upcoming_only=False).to_dict()
    assert body["query"] == {"bool": {"must": [{"match_all": {}}]}}
    assert body["sort"] == [{"date": {"order": "desc"}}]


def test_expert_query_json_respects_visibility_and_cv_permission():
    anonymous = documents.build_expert_search("vandentvarka", "lt", ["public"]).to_dict()
    fields = anonymous["query"]["bool"]["must"][0]["bool"]["should"][0]["multi_match"]["fields"]
    assert not any(name.startswith("cv_text") for name in fields)
    assert anonymous["query"]["bool"]["filter"][0] == {
        "bool": {
            "should": [{"bool": {"filter": [{"terms": {"visibility": ["public"]}}, {"term": {"consented": True}}]}}],
            "minimum_should_match": 1,
        }
    }
    assert anonymous["_source"] == {"excludes": ["embedding", "cv_text"]}
    staff = documents.build_expert_search("water", "en", ["public", "staff"], owner_id=7, include_cv=True).to_dict()
    staff_fields = staff["query"]["bool"]["must"][0]["bool"]["should"][0]["multi_match"]["fields"]
    assert "cv_text.en" in staff_fields and "headline.en^3" in staff_fields
    assert {"term": {"owner_id": 7}} in staff["query"]["bool"]["filter"][0]["bool"]["should"]
    admin = documents.build_expert_search("", "lt", None).to_dict()
    assert admin["query"]["bool"]["filter"][0] == {"match_all": {}}


def test_expert_query_json_facets_filters_and_knn():
    body = documents.build_expert_search(
        "",
        "lt",
        ["public"],
        filters={"country": "GB", "language": "lt", "hours": "11-20", "can_travel": True},
        vector=[0.5] * 384,
    ).to_dict()
    assert body["aggs"]["country"] == {"terms": {"field": "country", "size": 20}}
    assert body["aggs"]["language"] == {"terms": {"field": "languages", "size": 20}}
    assert body["aggs"]["hours"]["range"]["ranges"] == [
        {"key": "1-5", "from": 1, "to": 6},
        {"key": "6-10", "from": 6, "to": 11},
        {"key": "11-20", "from": 11, "to": 21},
        {"key": "21+", "from": 21},
    ]
    filters = body["query"]["bool"]["filter"]
    assert {"term": {"country": "GB"}} in filters
    assert {"term": {"languages": "lt"}} in filters
    assert {"range": {"hours_per_month": {"gte": 11, "lt": 21}}} in filters
    assert {"term": {"can_travel": True}} in filters
    assert body["knn"]["field"] == "embedding" and len(body["knn"]["query_vector"]) == 384
    assert body["knn"]["filter"] == {"bool": {"filter": filters}}


def test_autocomplete_query_json():
    body = documents.build_autocomplete_search("Klaip", "lt").to_dict()
    assert body["query"]["multi_match"]["type"] == "bool_prefix"
    assert body["size"] == 6


@pytest.mark.django_db
def test_unreachable_elasticsearch_falls_back_to_the_database(indexed, settings, client, caplog):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens on the discard port
    settings.SEARCH_ELASTIC_TIMEOUT = 2
    with caplog.at_level(logging.WARNING, logger="search"):
        outcome = content_search.search_content("vandentvarka", "lt")
        experts = expert_search.search_experts("vandentvarka", "lt", AnonymousUser())
        with override("lt"):
            page = client.get(reverse("search:results"), {"q": "vandentvarka"})
            expert_page = client.get(reverse("search:experts"), {"q": "vandentvarka"})
    assert outcome.degraded and outcome.backend == "database"
    assert "Vandentvarkos ateitis Alytuje" in [hit.object.title for hit in outcome.hits]
    assert experts.degraded and [hit.profile.name for hit in experts.hits] == ["Rūta Vandenytė"]
    assert page.status_code == 200 and expert_page.status_code == 200
    assert "Vandentvarkos</mark> ateitis" in page.content.decode()
    assert any("Elasticsearch unavailable" in record.getMessage() for record in caplog.records)


@pytest.mark.django_db
def test_index_updates_survive_an_unreachable_node(site, settings, caplog):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    page = site["pages"]["water"]
    with caplog.at_level(logging.WARNING, logger="search"):
        entry = indexing.index_page(page.pk)
    assert entry is not None  # the database index is still updated
    assert any("Elasticsearch index update failed" in record.getMessage() for record in caplog.records)


# --- live node ------------------------------------------------------------------------------

live = pytest.mark.skipif(
    not LIVE_URL, reason="ELASTICSEARCH_URL is not set: no Elasticsearch node can be installed here"
)


@pytest.fixture
def live_node(settings):
    settings.ELASTICSEARCH_URL = LIVE_URL
    settings.SEARCH_INDEX_PREFIX = "miestai-test"
    if not elastic.ping():
        pytest.skip(f"ELASTICSEARCH_URL={LIVE_URL} does not answer")
    yield elastic.client()
    elastic.client().indices.delete(index="miestai-test-*", ignore_unavailable=True)


@live
@pytest.mark.elasticsearch
@pytest.mark.django_db
def test_live_rebuild_search_and_alias_swap(indexed, live_node):
    first = indexing.rebuild_elastic_index()
    outcome = content_search.search_content("vandentvarka", "lt")
    assert outcome.backend == "elasticsearch" and not outcome.degraded
    assert "Vandentvarkos ateitis Alytuje" in [hit.object.title for hit in outcome.hits]
    assert "Jūrinis festivalis Klaipėdoje" in [
        hit.object.title for hit in content_search.search_content("Klaipeda", "lt").hits
    ]
    second = indexing.rebuild_elastic_index()
    assert set(first).isdisjoint(second)
    assert list(live_node.indices.get_alias(name="miestai-test-experts").keys()) == [second[-1]]


@live
@pytest.mark.elasticsearch
@pytest.mark.django_db
def test_live_expert_facets_visibility_and_erasure(indexed, live_node, users):
    from experts.services import erase_expert

    indexing.rebuild_elastic_index()
    anonymous = expert_search.search_experts("vandentvarkos", "lt", AnonymousUser())
    assert anonymous.backend == "elasticsearch"
    assert [hit.profile.name for hit in anonymous.hits] == ["Rūta Vandenytė"]
    admin = expert_search.search_experts("", "lt", users["admin"], ExpertFilters())
    assert dict(admin.facets["country"])["GB"] == 1
    profile = indexed["experts"]["water"]
    pk = profile.pk
    assert live_node.exists(index="miestai-test-experts", id=str(pk))
    erase_expert(profile)
    indexing.remove_expert(pk)  # what the expert_erased receiver's task runs
    assert not live_node.exists(index="miestai-test-experts", id=str(pk))


@live
@pytest.mark.elasticsearch
@pytest.mark.django_db
def test_live_dropped_index_falls_back(indexed, live_node):
    indexing.rebuild_elastic_index()
    live_node.indices.delete(index="miestai-test-content-lt-*")
    outcome = content_search.search_content("vandentvarka", "lt", ContentFilters())
    assert outcome.degraded and outcome.hits


def test_elasticsearch_url_switches_wagtail_to_elasticsearch8_and_keeps_the_database_fallback():
    """Load the settings in a fresh interpreter with ELASTICSEARCH_URL set and build Wagtail's backends."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    code = (
        "import django, json; django.setup();"
        "from django.conf import settings; from wagtail.search.backends import get_search_backend;"
        "es = get_search_backend('default'); db = get_search_backend(settings.SEARCH_PAGE_BACKEND);"
        "print(json.dumps([[c.__module__ for c in type(es).__mro__], type(db).__module__, settings.SEARCH_PAGE_BACKEND,"
        " es.settings['settings']['analysis']['analyzer']['default']['filter']]))"
    )
    env = {
        **os.environ,
        "ELASTICSEARCH_URL": "http://127.0.0.1:9",
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "PYTHONPATH": f"{root}{os.pathsep}{root / 'platform'}",
    }
    env.pop("DATABASE_URL", None)
    result = subprocess.run([sys.executable, "-c", code], env=env, cwd=root, capture_output=True, text=True, check=True)
    es_modules, db_module, page_backend, filters = json.loads(result.stdout.strip().splitlines()[-1])
    # common.search wraps Elasticsearch 8 so a hanging node falls back to the database (docs/reliability.md).
    assert es_modules[0] == "common.search" and "modelsearch.backends.elasticsearch8" in es_modules
    assert db_module.startswith("modelsearch.backends.database")
    assert page_backend == "database"
    assert filters == ["lowercase", "lt_stop", "lt_stemmer", "asciifolding"]
