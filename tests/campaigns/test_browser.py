"""In Chromium: a member pledges and gets the transfer details; the organiser marks the pledge received."""

import pytest

from campaigns.models import CampaignPage, Pledge
from tests.browser_session import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("lang", ["lt", "en"])
def test_pledge_then_organiser_marks_it_received(page, live_server, transactional_demo_site, lang):
    original = CampaignPage.objects.get(slug="pagalba-po-audros", locale__language_code="lt")
    shown = original if lang == "lt" else original.get_translations().get()

    log_in(page, live_server, "kaunas-editor")
    page.goto(live_server.url + shown.url)
    page.locator("a.button[href$='/pledge/']").click()
    page.fill("#id_amount", "120")
    page.check("#id_show_as_supporter")
    page.fill("#id_supporter_name", "Kauno rėmėja")
    page.locator("form:has(#id_amount) button").click()
    reference = page.locator("strong.reference").inner_text()
    pledge = Pledge.objects.get(reference=reference)
    assert pledge.campaign_id == original.pk and pledge.status == Pledge.Status.PLEDGED

    page.context.clear_cookies()
    log_in(page, live_server, "klaipeda-editor")
    page.goto(f"{live_server.url}/{lang}/campaigns/{original.pk}/pledges/")
    page.locator(f"tr:has-text('{reference}') button[value=received]").click()
    page.wait_for_load_state()
    pledge.refresh_from_db()
    assert pledge.status == Pledge.Status.RECEIVED
    page.goto(live_server.url + shown.url)
    assert page.locator("#campaign-progress").get_attribute("value") == "2"  # 570 of 20 000
    assert page.get_by_text("Kauno rėmėja").is_visible()
