"""The pages show exactly what explain() computes, and lines never contradict each other or the order."""

import html

import pytest
from django.urls import reverse
from django.utils.translation import gettext, override

from challenges.models import Municipality, StaffMembership
from experts.models import ExpertProfile
from matching import explain, indexing, services
from matching.records import challenge_record, expert_record
from tests.experts.factories import UserFactory

from .conftest import EVENTS_LT, OTHERS, WATER_CHALLENGE, WATER_EN
from .test_services import _challenge, _profile

MENTOR_EN = {
    "id": "mentor-en",
    "name": "Giedrė Mentorė",
    "languages": ["lt", "en"],
    "hours_per_month": 10,
    "can_travel_to_lithuania": True,
    "headline": "Start-up mentor and founder of a youth entrepreneurship charity in London",
    "cv": (
        "For eight years I have run a programme in which teams of secondary-school pupils start and run a small "
        "company for a school year. I mentor young founders every week and train volunteer mentors from local "
        "businesses. I built partnerships between thirty schools and local companies that host visits and judge "
        "the pupils' pitches."
    ),
    "help_topics": ["youth entrepreneurship education", "mentoring young founders"],
}
MENTORING = {
    "kind": "mentoring",
    "title": "Mentor for the school entrepreneurship programme",
    "description": (
        "The municipality wants every secondary school to run a year-long pupil company programme. We need a "
        "mentor who has run such programmes and can coach teachers and volunteer mentors."
    ),
    "skills_wanted": ["youth entrepreneurship education", "mentoring young founders", "school–business partnerships"],
    "languages_required": ["lt"],
    "hours_needed_per_month": 20,
    "in_person": False,
}
UNRELATED = {
    "kind": "mentoring",
    "title": "Mentor for the municipal nursing homes",
    "description": "We look for a mentor for the heads of our two nursing homes: infection control and night shifts.",
    "skills_wanted": ["infection control in nursing homes", "night-shift nursing"],
    "languages_required": ["lt"],
    "hours_needed_per_month": 20,
    "in_person": False,
}


@pytest.fixture
def town(db, embedder):
    """A mentor (10 h a month), other experts, two 20-hour mentoring challenges and the water one."""
    municipality = Municipality.objects.create(name="Telšių rajono savivaldybė", slug="telsiai", city_name="Telšiai")
    staff = UserFactory()
    StaffMembership.objects.create(user=staff, municipality=municipality, approved=True)
    mentor = _profile(MENTOR_EN)
    water = _profile(WATER_EN)
    others = [_profile(o, user=None) for o in [EVENTS_LT, *OTHERS]]
    mentoring = _challenge(municipality, **MENTORING)
    unrelated = _challenge(municipality, **UNRELATED)
    water_challenge = _challenge(municipality)
    for profile in (mentor, water, *others):
        indexing.embed_expert(profile.pk)
    for challenge in (mentoring, unrelated, water_challenge):
        indexing.embed_challenge(challenge.pk)
    return {
        "staff": staff,
        "mentor": mentor,
        "water": water,
        "mentoring": mentoring,
        "unrelated": unrelated,
        "water_challenge": water_challenge,
    }


def _en_url(name, *args):
    """Return the English URL of a page (the language is part of the path)."""
    with override("en"):
        return reverse(name, args=args)


def _pure(challenge, profile, embedder, pool_profiles):
    """Return explain() of the pair in English, computed from the records alone (as the command does)."""
    with override("en"):
        return _pure_now(challenge, profile, embedder, pool_profiles)


def _pure_now(challenge, profile, embedder, pool_profiles):
    """Return explain() of the pair in the active language."""
    records = [expert_record(p) for p in pool_profiles]
    mine = expert_record(profile)
    return explain.explain(challenge_record(challenge), mine, embedder, pool=records, gettext=gettext)


def test_for_me_page_shows_the_pure_explanation_without_contradictions(town, client, embedder):
    mentor = town["mentor"]
    with override("en"):
        recs = services.recommendations_for_expert(mentor, top=10)
    by_challenge = {r.challenge.pk: r for r in recs}
    pool = list(ExpertProfile.objects.suggestable())
    for rec in recs:
        pure = _pure(rec.challenge, mentor, embedder, pool)
        assert {k: rec.why[k] for k in ("covered", "missing", "constraints", "summary")} == {
            k: pure[k] for k in ("covered", "missing", "constraints", "summary")
        }
    why = by_challenge[town["mentoring"].pk].why
    hours = next(c for c in why["constraints"] if c["name"] == "hours")
    assert hours["ok"] and "10 of the 20" in hours["text"]  # half the hours: holds, but partial
    assert "every hard constraint holds" not in why["summary"]

    client.force_login(mentor.user)
    page = html.unescape(client.get(_en_url("matching:my_recommendations"), HTTP_ACCEPT_LANGUAGE="en").content.decode())
    assert why["summary"] in page
    assert hours["text"] in page
    for item in why["covered"]:
        assert item["evidence"] in page


def test_challenge_covering_more_wanted_skills_comes_first_for_the_expert(town):
    recs = services.recommendations_for_expert(town["mentor"], top=10)
    order = [r.challenge.pk for r in recs]
    mentoring, unrelated = (next(r for r in recs if r.challenge.pk == town[k].pk) for k in ("mentoring", "unrelated"))
    assert len(mentoring.why["covered"]) > len(unrelated.why["covered"]) == 0
    assert order.index(town["mentoring"].pk) < order.index(town["unrelated"].pk)


def test_challenge_page_shows_the_pure_explanation(town, client, embedder):
    challenge = town["water_challenge"]
    client.force_login(town["staff"])
    page = html.unescape(
        client.get(_en_url("matching:challenge_matches", challenge.pk), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    )
    with override("en"):
        result = services.suggestions_for_challenge(challenge, town["staff"])
    pool = list(ExpertProfile.objects.suggestable().visible_to(town["staff"]))
    top = result.suggestions[0]
    assert top.id == str(town["water"].pk)
    pure = _pure(challenge, town["water"], embedder, pool)
    assert pure["covered"], "the water engineer is shown with evidence"
    for item in pure["covered"]:
        assert item["evidence"] in page
    for line in pure["constraints"]:
        assert line["text"] in page
    assert pure["summary"] in page
    assert WATER_CHALLENGE["skills_wanted"][0] in page


def test_why_not_page_shows_the_same_explanation(town, client, embedder, django_user_model):
    challenge = town["water_challenge"]
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "x")
    client.force_login(admin)
    url = _en_url("matching:why_not", challenge.pk) + f"?expert={town['mentor'].pk}"
    page = html.unescape(client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode())
    pure = _pure(challenge, town["mentor"], embedder, list(ExpertProfile.objects.suggestable()))
    assert pure["summary"] in page
    for line in pure["constraints"]:
        assert line["text"] in page
