"""In Chromium: a newcomer asks for help in Ukrainian; the coordinator confirms the proposed mentor."""

import pytest
from django.contrib.auth import get_user_model

from challenges.models import Municipality, StaffMembership
from home.models import CityPage
from mentoring.models import HelpRequest, Pairing
from tests.browser_session import log_in
from tests.waiting import wait_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("lang", ["lt", "en"])
def test_newcomer_asks_and_coordinator_confirms(page, live_server, transactional_demo_site, background_worker, lang):
    city = CityPage.objects.get(slug="alytus", locale__language_code="lt")
    municipality, _ = Municipality.objects.get_or_create(
        slug="alytus", defaults={"name": "Alytaus miesto savivaldybė", "city_name": "Alytus"}
    )
    municipality.city_page = city
    municipality.save()
    users = get_user_model().objects
    coordinator = users.create_user(username="koord", email="koord@example.com", password="x")
    StaffMembership.objects.create(user=coordinator, municipality=municipality, approved=True, is_coordinator=True)
    newcomer = users.create_user(username="naujoke", email="naujoke@example.com", password="x")

    log_in(page, live_server, newcomer)
    page.goto(f"{live_server.url}/{lang}/mentoring/ask/")
    page.select_option("#id_city", str(city.pk))
    page.fill("#id_text", "Мені потрібна допомога з документами на посвідку на проживання.")
    page.locator("input[name=languages][value=uk]").check()
    page.locator("form:has(#id_text) button").click()
    page.wait_for_url(f"**/{lang}/mentoring/mine/")
    request = HelpRequest.objects.get(user=newcomer)
    # Proposals are computed in the worker (or the embedding thread), never in the request.
    assert wait_for(lambda: request.pairings.exists(), timeout=120)

    page.context.clear_cookies()
    log_in(page, live_server, coordinator)
    page.goto(f"{live_server.url}/{lang}/mentoring/coordinate/")
    best = request.pairings.order_by("-score").first()
    page.locator(f"form:has(input[name=pairing][value='{best.pk}']) button[value=confirm]").click()
    page.wait_for_load_state()
    best.refresh_from_db()
    assert best.status == Pairing.Status.CONFIRMED
