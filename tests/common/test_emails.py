"""Templated e-mails: text and HTML, the recipient's language, absolute links from SITE_URL, no bodies in logs."""

import logging

from django.core import mail

from common.links import absolute_url
from home.services import register_attendee, send_confirmation
from tests.home.test_registration import make_event


def test_absolute_url_uses_site_url(settings):
    settings.SITE_URL = "https://miestai.example/"
    assert absolute_url("/lt/renginiai/") == "https://miestai.example/lt/renginiai/"
    assert absolute_url("lt/") == "https://miestai.example/lt/"
    assert absolute_url("https://elsewhere.example/x") == "https://elsewhere.example/x"


def test_registration_confirmation_is_text_and_html_in_the_attendees_language(site_tree, settings, caplog):
    settings.SITE_URL = "https://miestai.example"
    caplog.set_level(logging.DEBUG)
    event = make_event(site_tree["city"], title="Vakaronė & šokiai")
    registration = register_attendee(event, "<b>Ona</b>", "ona@example.com", "lt")
    assert send_confirmation(registration.pk) is True
    message = mail.outbox[-1]
    assert message.subject == "Registracija patvirtinta: Vakaronė & šokiai"
    assert message.extra_headers["Content-Language"] == "lt"
    assert "<b>Ona</b>" in message.body  # plain text is not HTML-escaped
    assert f"https://miestai.example{event.url}" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "&lt;b&gt;Ona&lt;/b&gt;" in html and "<b>Ona</b>" not in html
    assert f'href="https://miestai.example{event.url}"' in html
    assert '<html lang="lt">' in html
    assert "Ona" not in caplog.text and "ona@example.com" not in caplog.text


def test_engagement_mail_has_html_and_absolute_link(db, settings):
    from challenges import emails, services
    from tests.challenges.factories import ChallengeFactory, ExpertFactory, StaffFactory

    settings.SITE_URL = "https://miestai.example"
    settings.MATCHING_AUTO_EMBED = False
    challenge = ChallengeFactory()
    staff = StaffFactory(municipality=challenge.municipality)
    expert = ExpertFactory()
    engagement = services.invite_expert(staff.user, challenge, expert)
    assert emails.notify_event(engagement.events.get().pk) == 1
    message = mail.outbox[-1]
    assert f"https://miestai.example/lt/challenges/{challenge.pk}/" in message.body
    html = message.alternatives[0][0]
    assert f'href="https://miestai.example/lt/challenges/{challenge.pk}/"' in html
