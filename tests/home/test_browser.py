"""End to end in headless Chromium: home → city → event, switch language, register."""

import pytest

from home.models import EventRegistration

pytestmark = pytest.mark.browser


def test_visitor_browses_switches_language_and_registers(page, live_server, transactional_demo_site):
    page.goto(f"{live_server.url}/lt/")
    assert page.locator("html").get_attribute("lang") == "lt"
    page.get_by_role("link", name="Alytus", exact=True).first.click()
    page.wait_for_url("**/lt/alytus/")
    assert page.get_by_role("heading", name="Artėjantys renginiai").is_visible()

    page.get_by_role("link", name="Karjeros dirbtuvės sugrįžusiems").first.click()
    page.wait_for_url("**/lt/alytus/renginiai/karjeros-dirbtuves-sugrizusiems/")

    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/alytus/**")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", name="Career workshop for returnees").is_visible()

    page.get_by_label("Your name").fill("Anna Smith")
    page.get_by_label("E-mail").fill("anna@example.com")
    page.get_by_role("button", name="Register").click()
    assert page.get_by_text("You are registered.").is_visible()
    registration = EventRegistration.objects.get(email="anna@example.com")
    assert registration.language == "en"
    assert registration.event.locale.language_code == "lt", "translations share the Lithuanian event's list"


def test_keyboard_users_can_skip_to_content(page, live_server, transactional_demo_site):
    page.goto(f"{live_server.url}/lt/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Pereiti prie turinio")
    assert skip.evaluate("element => element === document.activeElement")
    assert page.locator("main#main").count() == 1
    assert page.locator("header").count() >= 1 and page.locator("footer").count() >= 1
