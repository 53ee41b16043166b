"""Public forms and query parameters under generated input: never a 5xx, never a traceback."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import example, given
from hypothesis import strategies as st

from tests.fuzz.conftest import assert_no_server_error, tried
from tests.fuzz.strategies import LONG_EMAIL, field_values, texts

pytestmark = pytest.mark.django_db


@given(email=field_values, password1=texts, password2=texts)
@example(email=LONG_EMAIL, password1="Pa55-word-long", password2="Pa55-word-long")
def test_sign_up(fuzz_client, site_tree, email, password1, password2):
    tried("sign-up form")
    response = fuzz_client.post(
        "/lt/accounts/signup/", {"email": email, "password1": password1, "password2": password2}
    )
    assert_no_server_error("sign-up form", response)


@pytest.fixture
def event(site_tree):
    from home.models import EventIndexPage, EventPage

    index = site_tree["city"].add_child(instance=EventIndexPage(title="Renginiai", slug="renginiai"))
    start = timezone.now() + timedelta(days=5)
    return index.add_child(
        instance=EventPage(
            title="Susitikimas",
            slug="susitikimas",
            start=start,
            end=start + timedelta(hours=2),
            venue_name="Rotušė",
            registration_enabled=True,
            capacity=1000,
        )
    )


@given(name=field_values, email=field_values, extra=st.dictionaries(texts, texts, max_size=3))
@example(name="Ona", email=LONG_EMAIL, extra={})  # valid but over the column's 254: once a DataError
def test_event_registration(fuzz_client, event, name, email, extra):
    tried("event registration form")
    response = fuzz_client.post(event.url + "register/", {**extra, "name": name, "email": email})
    assert_no_server_error("event registration form", response)


IDEA_FIELDS = ["title", "summary", "description", "estimated_cost", "category", "address", "latitude", "longitude"]


@pytest.fixture
def idea_call(site_tree):
    from tests.ideas.conftest import make_call

    return make_call(site_tree["city"], slug="fuzz-call")


@given(values=st.fixed_dictionaries({name: field_values for name in IDEA_FIELDS}), submit=st.booleans())
def test_idea_submission(fuzz_client, idea_call, django_user_model, values, submit):
    tried("idea submission form")
    member = django_user_model.objects.filter(username="fuzz@example.com").first()
    if member is None:
        from tests.ideas.conftest import make_member

        member = make_member("fuzz@example.com")
    fuzz_client.force_login(member)
    data = {**values, "language": "lt", ("submit" if submit else "save"): "1"}
    response = fuzz_client.post(reverse("ideas:submit", args=[idea_call.pk]), data)
    assert_no_server_error("idea submission form", response)


@given(title=texts, summary=texts, exclude=field_values)
@example(title="Parkas", summary="", exclude="²")  # a digit to isdigit(), not to int(): once a 500
@example(title="Parkas", summary="", exclude="9" * 5000)  # past int()'s digit limit
def test_similar_ideas_parameters(fuzz_client, idea_call, title, summary, exclude):
    tried("similar ideas ?exclude=")
    response = fuzz_client.get(
        reverse("ideas:similar", args=[idea_call.pk]), {"title": title, "summary": summary, "exclude": exclude}
    )
    assert_no_server_error("similar ideas ?exclude=", response)


PROFILE_FIELDS = [
    "name",
    "headline",
    "cv_text",
    "competencies",
    "languages",
    "help_topics",
    "hours_per_month",
    "country",
    "city_ties",
    "visibility",
]


@given(values=st.fixed_dictionaries({name: field_values for name in PROFILE_FIELDS}), consent=st.booleans())
def test_expert_profile_form(fuzz_client, site_tree, django_user_model, values, consent):
    tried("expert profile form")
    user, _ = django_user_model.objects.get_or_create(username="expert-fuzz", defaults={"email": "ef@example.com"})
    fuzz_client.force_login(user)
    data = {**values, **({"consent": "on"} if consent else {})}
    response = fuzz_client.post(reverse("experts:profile_edit"), data)
    assert_no_server_error("expert profile form", response)


@given(params=st.dictionaries(st.sampled_from(["q", "page", "city", "type", "lang", "sort"]), field_values, max_size=4))
def test_site_search_parameters(fuzz_client, site_tree, params):
    tried("search query parameters")
    for url in (reverse("search:results"), reverse("search:autocomplete")):
        assert_no_server_error("search query parameters", fuzz_client.get(url, params))


@given(
    params=st.dictionaries(
        st.sampled_from(["q", "page", "country", "language", "languages", "city", "topic", "hours", "travel"]),
        field_values,
        max_size=4,
    )
)
def test_expert_search_parameters(fuzz_client, site_tree, params):
    tried("search query parameters")
    assert_no_server_error("search query parameters", fuzz_client.get(reverse("search:experts"), params))


@pytest.fixture
def staff_challenge(django_user_model):
    from tests.challenges.factories import ChallengeFactory

    admin = django_user_model.objects.create_superuser("fuzz-admin", "fa@example.com", "pw")
    return admin, ChallengeFactory()


@given(expert=field_values, expert_id=field_values, message=texts)
@example(expert="²", expert_id="²", message="")  # once a 500 on both
@example(expert="9" * 30, expert_id="9" * 30, message="")
def test_matching_parameters(fuzz_client, site_tree, staff_challenge, expert, expert_id, message):
    tried("matching ?expert= / expert_id")
    admin, challenge = staff_challenge
    fuzz_client.force_login(admin)
    response = fuzz_client.get(reverse("matching:why_not", args=[challenge.pk]), {"expert": expert})
    assert_no_server_error("matching ?expert= / expert_id", response)
    response = fuzz_client.post(
        reverse("challenges:invite", args=[challenge.pk]), {"expert_id": expert_id, "message": message}
    )
    assert_no_server_error("matching ?expert= / expert_id", response)
