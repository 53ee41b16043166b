"""Digests per member and period, one-click unsubscribe, immediate notices addressed to one person."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from challenges.models import Municipality, StaffMembership
from home.models import CityPage, StoryIndexPage, StoryPage
from ideas.models import Idea
from notifications import services
from notifications.models import Frequency, Kind, Notification, Preference

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager_celery")]


def later(days):
    """Return a moment some days ahead: digests are due by period, content is dated now."""
    return timezone.now() + timedelta(days=days)


def member(email, **preference):
    user = get_user_model().objects.create_user(username=email, email=email, password="x")
    Preference.objects.create(user=user, **({"language": "lt"} | preference))
    return user


def publish_story(city_slug, title, language="lt"):
    city = CityPage.objects.get(slug=city_slug, locale__language_code="lt")
    stories = StoryIndexPage.objects.child_of(city).get()
    story = StoryPage(title=title, slug=f"s-{abs(hash(title)) % 10**8}", locale=stories.locale, intro="Naujiena")
    stories.add_child(instance=story)
    story.save_revision().publish()
    return story


@pytest.fixture
def alytus(demo_site):
    return CityPage.objects.get(slug="alytus", locale__language_code="lt")


def test_digest_gathers_what_is_new_in_the_chosen_cities_once_per_period(alytus):
    reader = member("skaitytoja@example.com", last_digest_at=timezone.now())
    reader.notification_preference.cities.set([alytus])
    other = member("kita@example.com", last_digest_at=timezone.now())
    other.notification_preference.cities.set([CityPage.objects.get(slug="klaipeda", locale__language_code="lt")])
    publish_story("alytus", "Alytaus choras koncertavo Osle")
    mail.outbox.clear()

    assert services.send_due_digests(later(8)) == 1
    [message] = mail.outbox
    assert message.to == ["skaitytoja@example.com"]
    assert "Alytaus choras koncertavo Osle" in message.body
    assert "Alytaus choras koncertavo Osle" in message.alternatives[0][0]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/notifications/unsubscribe/" in message.extra_headers["List-Unsubscribe"]

    publish_story("alytus", "Dar viena istorija")
    assert services.send_due_digests(later(10)) == 0  # a week has not passed since the last digest
    assert len(mail.outbox) == 1


def test_nothing_new_sends_nothing_and_kinds_are_honoured(alytus):
    reader = member("renginiai@example.com", kinds=[Kind.EVENTS], last_digest_at=timezone.now())
    reader.notification_preference.cities.set([alytus])
    publish_story("alytus", "Istorija, kurios nereikia")
    mail.outbox.clear()
    assert services.send_due_digests(later(8)) == 0
    assert mail.outbox == []


def test_digest_is_in_the_members_language(alytus):
    member(
        "reader@example.com",
        language="en",
        frequency=Frequency.MONTHLY,
        last_digest_at=timezone.now(),
    )
    story = publish_story("alytus", "Choras Osle")
    english = story.copy_for_translation(alytus.get_translations().get().locale, copy_parents=True)
    english.title = "The choir in Oslo"
    english.save_revision().publish()
    mail.outbox.clear()
    services.send_due_digests(later(31))
    [message] = mail.outbox
    assert message.subject.endswith("What is new for you")
    assert "The choir in Oslo" in message.body and "Choras Osle" not in message.body


def test_one_click_unsubscribe_stops_bulk_mail(client, alytus):
    reader = member("atsisakau@example.com", last_digest_at=timezone.now())
    token = services.unsubscribe_token(reader)
    assert client.get(f"/lt/notifications/unsubscribe/{token}/").status_code == 200
    response = client.post(
        f"/lt/notifications/unsubscribe/{token}/",
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    preference = Preference.objects.get(user=reader)
    assert preference.frequency == Frequency.NEVER and not preference.expert_alerts
    publish_story("alytus", "Nebegausite")
    mail.outbox.clear()
    assert services.send_due_digests(later(8)) == 0
    assert client.post("/lt/notifications/unsubscribe/suklastotas/").status_code == 400


def test_preferences_form_validates_and_saves(client, alytus):
    reader = member("nustatymai@example.com")
    client.force_login(reader)
    response = client.post("/lt/notifications/preferences/", {"frequency": "hourly", "language": "lt"})
    assert response.status_code == 400
    response = client.post(
        "/lt/notifications/preferences/",
        {"frequency": "monthly", "language": "en", "kinds": ["events"], "cities": [alytus.pk]},
    )
    assert response.status_code == 302
    preference = Preference.objects.get(user=reader)
    assert (preference.frequency, preference.language, preference.kinds) == ("monthly", "en", ["events"])
    assert list(preference.cities.all()) == [alytus]


def test_author_hears_the_moderation_decision_at_once(client, alytus, django_capture_on_commit_callbacks):
    from home.models import CallForIdeasPage

    author = member("autorius@example.com")
    call = CallForIdeasPage.objects.descendant_of(alytus).first()
    idea = Idea.objects.create(
        call=call, author=author, title="Suoliukai prie ežero", summary="Daugiau suoliukų", status=Idea.Status.SUBMITTED
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        idea.status = Idea.Status.ACCEPTED
        idea.save()
    [message] = mail.outbox
    assert message.to == ["autorius@example.com"] and "Suoliukai prie ežero" in message.subject
    client.force_login(author)
    assert "Suoliukai prie ežero" in client.get("/lt/notifications/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        idea.summary = "Pataisyta"
        idea.save()  # no status change, no new notice
    assert len(mail.outbox) == 1


def test_staff_access_request_reaches_platform_admins(demo_site, django_capture_on_commit_callbacks):
    applicant = member("darbuotoja@example.com")
    municipality = Municipality.objects.get(slug="alytus")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        StaffMembership.objects.create(user=applicant, municipality=municipality)
    assert [m.to for m in mail.outbox] == [["admin@example.com"]]
    assert "darbuotoja@example.com" in mail.outbox[0].subject
    assert Notification.objects.filter(user__username="admin", type=Notification.Type.STAFF_REQUEST).count() == 1
