"""Django integration: embedding on save, unchanged texts skipped, erasure, views, rebuild, a real worker."""

import time

import pytest
from django.core.management import call_command
from django.urls import reverse

from challenges.models import Challenge, Municipality, StaffMembership
from experts.models import ExpertProfile
from matching import indexing, services, vectors
from matching.models import Embedding, IndexBuildRun
from tests.experts.factories import ExpertProfileFactory, UserFactory

from .conftest import EVENTS_LT, NURSE_LT, OTHERS, WATER_CHALLENGE, WATER_EN


def _profile(data, **extra):
    fields = {
        "name": data["name"],
        "headline": data["headline"],
        "cv_text": data["cv"],
        "help_topics": data["help_topics"],
        "competencies": [],
        "languages": data["languages"],
        "hours_per_month": data["hours_per_month"],
        "can_travel_to_lithuania": data["can_travel_to_lithuania"],
    }
    fields.update(extra)
    return ExpertProfileFactory(**fields)


def _challenge(municipality, **extra):
    data = dict(WATER_CHALLENGE)
    fields = {
        "municipality": municipality,
        "kind": data["kind"],
        "title": data["title"],
        "description": data["description"],
        "skills_wanted": data["skills_wanted"],
        "languages_required": data["languages_required"],
        "hours_needed_per_month": data["hours_needed_per_month"],
        "in_person": data["in_person"],
        "status": "open",
    }
    fields.update(extra)
    return Challenge.objects.create(**fields)


@pytest.fixture
def world(db, embedder):
    """Three profiles (one hidden), a water challenge, approved staff of its municipality; all embedded."""
    municipality = Municipality.objects.create(name="Alytaus miesto savivaldybė", slug="alytus", city_name="Alytus")
    staff = UserFactory()
    StaffMembership.objects.create(user=staff, municipality=municipality, approved=True)
    water = _profile(WATER_EN)
    events = _profile(EVENTS_LT)
    hidden = _profile(NURSE_LT, visibility="hidden")
    others = [_profile(o, user=None) for o in OTHERS]
    challenge = _challenge(municipality)
    for profile in (water, events, hidden, *others):
        indexing.embed_expert(profile.pk)
    indexing.embed_challenge(challenge.pk)
    return {"staff": staff, "water": water, "events": events, "hidden": hidden, "challenge": challenge}


def test_unchanged_profile_is_not_re_embedded(world):
    water = world["water"]
    row = Embedding.objects.get(kind="expert", object_id=water.pk)
    assert indexing.embed_expert(water.pk) is False
    assert Embedding.objects.get(pk=row.pk).updated_at == row.updated_at
    water.cv_text += " I also chair a regional asset management forum."
    water.save()
    assert indexing.embed_expert(water.pk) is True
    assert Embedding.objects.get(pk=row.pk).content_hash != row.content_hash


def test_index_is_built_from_the_rows(world):
    index = vectors.SyncedIndex("expert").refresh()  # what a fresh process builds
    assert {str(world[k].pk) for k in ("water", "events", "hidden")} <= set(index.ids())
    assert len(index) == 9
    stored = Embedding.objects.get(kind="expert", object_id=world["water"].pk).doc_vector()
    assert index.search(stored, k=1)[0][0] == str(world["water"].pk)


def test_erasure_removes_vectors_and_sentences(world, settings):
    from experts.services import erase_expert

    settings.MATCHING_INDEX_CHECK_SECONDS = 0  # reconcile deletions on every refresh
    water_id, events = world["water"].pk, world["events"]
    index = vectors.SyncedIndex("expert")
    index.refresh()
    erase_expert(world["water"])
    assert not Embedding.objects.filter(kind="expert", object_id=water_id).exists()
    assert str(water_id) not in vectors.current_index("expert")
    assert str(water_id) not in index.refresh()  # another process's index reconciles the deletion
    events.delete()  # plain deletion too (post_delete)
    assert str(events.pk) not in vectors.current_index("expert")
    assert not Embedding.objects.filter(kind="expert", object_id=events.pk).exists()


def test_staff_see_ranked_visible_experts_with_explanations(world, client):
    result = services.suggestions_for_challenge(world["challenge"], world["staff"])
    ids = [int(s.id) for s in result.suggestions + result.also_relevant]
    assert world["hidden"].pk not in ids
    assert ids[0] == world["water"].pk
    client.force_login(world["staff"])
    response = client.get(
        reverse("matching:challenge_matches", args=[world["challenge"].pk]), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert WATER_EN["name"] in html and NURSE_LT["name"] not in html
    assert "water mains replacement and sewer rehabilitation" in html
    assert 'name="expert_id"' in html  # invite form posts to challenges:invite
    assert reverse("challenges:invite", args=[world["challenge"].pk]) in html


def test_matches_page_refuses_other_users(world, client):
    client.force_login(UserFactory())
    response = client.get(reverse("matching:challenge_matches", args=[world["challenge"].pk]))
    assert response.status_code == 403


def test_why_not_page_explains_a_hidden_expert(world, client, django_user_model):
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "x")
    client.force_login(admin)
    url = reverse("matching:why_not", args=[world["challenge"].pk]) + f"?expert={world['hidden'].pk}"
    response = client.get(url)
    assert response.status_code == 200
    assert "hid their profile" in response.content.decode() or "paslėp" in response.content.decode()


def test_expert_sees_recommended_open_challenges(world, client):
    client.force_login(world["water"].user)
    response = client.get(reverse("matching:my_recommendations"))
    assert response.status_code == 200
    assert WATER_CHALLENGE["title"] in response.content.decode()
    recs = services.recommendations_for_expert(world["water"])
    assert recs[0].challenge == world["challenge"] and recs[0].why["covered"]


def test_rebuild_command_records_progress(world):
    call_command("rebuild_match_index", "--no-progress")
    run = IndexBuildRun.objects.get()
    assert run.status == "done" and run.done == run.total == 10 and run.embedded == 0


def test_admin_index_page_shows_progress(world, client, django_user_model):
    call_command("rebuild_match_index", "--no-progress")
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "x")
    client.force_login(admin)
    response = client.get(reverse("matching_index_status"))
    assert response.status_code == 200
    assert "10/10" in response.content.decode()


def test_saving_a_profile_embeds_it_on_a_real_worker(celery_worker, embedder):
    """A saved profile is embedded by the worker after commit, not in the request."""
    profile = _profile(WATER_EN)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not Embedding.objects.filter(kind="expert", object_id=profile.pk).exists():
        time.sleep(0.5)
    assert Embedding.objects.filter(kind="expert", object_id=profile.pk).exists()
    assert ExpertProfile.objects.filter(pk=profile.pk).exists()


def test_saving_a_profile_embeds_it_in_the_background_on_the_embedded_default(transactional_db, settings, embedder):
    """Without a broker the background thread embeds after commit; the save itself does not wait."""
    from matching import worker

    if not worker.local_mode():
        pytest.skip("A broker is configured: test_saving_a_profile_embeds_it_on_a_real_worker covers this.")
    profile = _profile(WATER_EN)
    assert worker.local_worker().join(timeout=120)
    assert Embedding.objects.filter(kind="expert", object_id=profile.pk).exists()
    assert str(profile.pk) in vectors.current_index("expert")
