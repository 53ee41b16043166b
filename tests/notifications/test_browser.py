"""In Chromium: a member chooses what the digest carries and reads their notices."""

import pytest
from django.contrib.auth import get_user_model

from home.models import CityPage
from notifications.models import Notification, Preference
from tests.browser_session import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("lang", ["lt", "en"])
def test_member_sets_digest_preferences_and_reads_notices(page, live_server, transactional_demo_site, lang):
    member = get_user_model().objects.create_user(username="skaitytoja", email="skaitytoja@example.com", password="x")
    Notification.objects.create(user=member, type=Notification.Type.IDEA_MODERATED, title="Jūsų idėja priimta", url="/")
    alytus = CityPage.objects.get(slug="alytus", locale__language_code="lt")

    log_in(page, live_server, member)
    page.goto(f"{live_server.url}/{lang}/notifications/preferences/")
    page.locator(f"input[name=cities][value='{alytus.pk}']").check()
    page.locator("input[name=frequency][value=monthly]").check()
    for kind in ("stories", "challenges", "ideas", "results"):  # all are ticked by default
        page.locator(f"input[name=kinds][value={kind}]").uncheck()
    page.locator("form:has(input[name=frequency]) button[type=submit]").click()
    page.locator(".messages .message.success").wait_for()
    preference = Preference.objects.get(user=member)
    assert preference.frequency == "monthly" and preference.kinds == ["events"]
    assert list(preference.cities.all()) == [alytus]

    page.goto(f"{live_server.url}/{lang}/notifications/")
    assert page.get_by_text("Jūsų idėja priimta").is_visible()
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert not Notification.objects.filter(user=member, read_at__isnull=True).exists()
