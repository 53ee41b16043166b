"""City awards: nominating in the period, private jury scores, winners published as a story, the gallery."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.utils import timezone

from awards.models import AwardPage, JuryScore, Nomination
from home.models import StoryPage
from tests.factories import ExpertProfileFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def award(demo_site):
    cache.clear()
    return AwardPage.objects.get(slug="diasporos-premija", locale__language_code="lt")


def signed_in(client, username):
    user = get_user_model().objects.get(username=username)
    client.force_login(user)
    return user


def set_phase(award, phase):
    now = timezone.now()
    offsets = {"nominating": (-5, 5, 20), "judging": (-20, -1, 20), "closed": (-30, -20, -1)}[phase]
    award.nominations_open, award.nominations_close, award.judging_closes = (now + timedelta(days=d) for d in offsets)
    award.save_revision().publish()


def nominate(client, award, **extra):
    data = {
        "category": award.categories.first().pk,
        "nominee_name": "Jonas Bandomasis",
        "nominee_place": "Berlynas",
        "reason": "Subūrė Berlyno lietuvių chorą ir surengė koncertą Alytuje.",
    } | extra
    return client.post(award.url + "nominate/", data)


def test_members_nominate_while_nominations_are_open_and_within_the_limit(client, award, settings):
    settings.AWARD_NOMINATION_LIMIT = (2, 86400)
    set_phase(award, "nominating")
    signed_in(client, "kaunas-editor")
    assert [nominate(client, award).status_code for _ in range(3)] == [302, 302, 400]
    assert Nomination.objects.filter(nominated_by__username="kaunas-editor").count() == 2


def test_nominations_outside_the_period_or_too_short_are_refused(client, award):
    signed_in(client, "kaunas-editor")
    before = Nomination.objects.count()
    assert nominate(client, award).status_code == 400  # the demo award is judging
    set_phase(award, "nominating")
    assert nominate(client, award, reason="Šaunus").status_code == 400
    assert nominate(client, award, category=10**9).status_code == 400
    assert Nomination.objects.count() == before


def test_anonymous_visitors_are_sent_to_log_in(client, award):
    set_phase(award, "nominating")
    assert nominate(client, award).status_code == 302
    assert not Nomination.objects.filter(nominee_name="Jonas Bandomasis").exists()


def test_jurors_see_only_their_own_scores_until_judging_closes(client, award):
    nomination = award.nominations.first()
    signed_in(client, "admin")
    assert (
        client.post(
            f"/lt/awards/{award.pk}/jury/", {"nomination": nomination.pk, "score": "9", "note": "Puiku"}
        ).status_code
        == 302
    )
    signed_in(client, "klaipeda-editor")
    client.post(f"/lt/awards/{award.pk}/jury/", {"nomination": nomination.pk, "score": "4"})
    page = client.get(f"/lt/awards/{award.pk}/jury/").content.decode()
    assert 'value="4"' in page and 'value="9"' not in page and "Puiku" not in page
    assert JuryScore.objects.filter(nomination=nomination).count() == 2
    set_phase(award, "closed")
    page = client.get(f"/en/awards/{award.pk}/jury/").content.decode()
    assert "Average 6.5 from 2 jurors" in page


def test_non_jurors_and_nominees_never_see_scores(client, award):
    nomination = award.nominations.first()
    JuryScore.objects.create(nomination=nomination, juror=get_user_model().objects.get(username="admin"), score=7)
    signed_in(client, "alytus-editor")  # the organiser, not on the jury
    assert client.get(f"/lt/awards/{award.pk}/jury/").status_code == 403
    assert client.post(f"/lt/awards/{award.pk}/jury/", {"nomination": nomination.pk, "score": "1"}).status_code == 403
    public = client.get(award.url).content.decode()
    assert f"/awards/{award.pk}/jury/" not in public and "Average" not in public and "Vidurkis" not in public


@pytest.mark.parametrize("score", ["0", "11", "7.5", "²", ""])
def test_bad_scores_are_refused(client, award, score):
    signed_in(client, "admin")
    response = client.post(f"/lt/awards/{award.pk}/jury/", {"nomination": award.nominations.first().pk, "score": score})
    assert response.status_code == 400
    assert not JuryScore.objects.exists()


def test_organiser_publishes_winners_after_judging_as_page_and_story(client, award):
    winner = award.nominations.get(nominee_name="Rasa Demonstracinė")
    signed_in(client, "alytus-editor")
    client.post(f"/lt/awards/{award.pk}/winners/", {"winner": [winner.pk]})
    assert not Nomination.objects.filter(is_winner=True).exists()  # still judging
    set_phase(award, "closed")
    signed_in(client, "klaipeda-editor")
    assert client.post(f"/lt/awards/{award.pk}/winners/", {"winner": [winner.pk]}).status_code == 403
    signed_in(client, "alytus-editor")
    response = client.post(f"/lt/awards/{award.pk}/winners/", {"winner": [winner.pk]})
    assert response.status_code == 302
    story = StoryPage.objects.get(slug="diasporos-premija-laureatai")
    assert story.live and "Rasa Demonstracinė" in str(story.body)
    client.logout()
    assert "Rasa Demonstracinė" in client.get(award.url).content.decode().split('id="winners-heading"')[1]


def test_gallery_shows_only_public_consenting_notable_profiles(client, award):
    base = {"user": None, "hours_per_month": 2, "consent_given_at": timezone.now(), "notable": True}
    ExpertProfileFactory(name="Matoma Įžymybė", visibility="public", **base)
    ExpertProfileFactory(name="Paslėpta Įžymybė", visibility="hidden", **base)
    ExpertProfileFactory(name="Be Sutikimo", visibility="public", **(base | {"consent_given_at": None}))
    ExpertProfileFactory(name="Neįžymus", visibility="public", **(base | {"notable": False}))
    body = client.get("/lt/awards/notable/").content.decode()
    assert "Matoma Įžymybė" in body
    assert not any(name in body for name in ("Paslėpta", "Be Sutikimo", "Neįžymus"))
