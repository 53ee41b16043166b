"""In Chromium: a juror scores a nomination privately; the organiser publishes the winner."""

from datetime import timedelta

import pytest
from django.utils import timezone

from awards.models import AwardPage, JuryScore
from tests.browser_session import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("lang", ["lt", "en"])
def test_juror_scores_and_organiser_publishes_the_winner(page, live_server, transactional_demo_site, lang):
    award = AwardPage.objects.get(slug="diasporos-premija", locale__language_code="lt")
    nomination = award.nominations.get(nominee_name="Ona Pavyzdienė")

    log_in(page, live_server, "admin")
    page.goto(f"{live_server.url}/{lang}/awards/{award.pk}/jury/")
    page.fill(f"#score-{nomination.pk}", "8")
    page.locator(f"section:has(#score-{nomination.pk}) button").click()
    page.locator(".messages .message.success").wait_for()
    assert JuryScore.objects.get(nomination=nomination).score == 8

    award.judging_closes = timezone.now() - timedelta(minutes=1)
    award.save_revision().publish()
    page.context.clear_cookies()
    log_in(page, live_server, "alytus-editor")
    page.goto(f"{live_server.url}/{lang}/awards/{award.pk}/winners/")
    page.check(f"#winner-{nomination.pk}")
    page.locator(f"form:has(#winner-{nomination.pk}) button[type=submit]").click()
    page.wait_for_url("**/diasporos-premija-laureatai/")
    assert page.get_by_text("Ona Pavyzdienė").first.is_visible()
