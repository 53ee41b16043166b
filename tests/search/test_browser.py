"""End to end in Chromium: the header box autocomplete (listbox, keyboard) and a search without JS."""

import pytest

from search import indexing
from tests.search.conftest import add_story


@pytest.fixture
def stories(site_tree):
    from home.models import StoryIndexPage

    index = site_tree["city"].add_child(instance=StoryIndexPage(title="Istorijos", slug="istorijos"))
    first = add_story(index, "Vandentvarkos ateitis", intro="Apie miesto vandentvarką.")
    second = add_story(index, "Vandentvarkos istorija", intro="Kaip keitėsi vandentvarka.")
    indexing.rebuild_database_index()
    return first, second


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_header_autocomplete_keyboard(page, live_server, stories, settings):
    settings.MATCHING_AUTO_EMBED = False
    page.goto(f"{live_server.url}/lt/search/")
    box = page.locator("#site-search-q")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "false"
    box.fill("Vandentvark")
    listbox = page.get_by_role("listbox")
    listbox.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    options = listbox.get_by_role("option")
    assert options.count() == 2
    box.press("ArrowDown")
    first_id = box.get_attribute("aria-activedescendant")
    assert first_id and page.locator(f"#{first_id}").get_attribute("aria-selected") == "true"
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") != first_id
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert not listbox.is_visible()
    box.press("ArrowDown")  # reopens
    listbox.wait_for()
    box.press("ArrowDown")
    label = page.locator(f"#{box.get_attribute('aria-activedescendant')}").inner_text()
    box.press("Enter")
    page.wait_for_url("**/istorijos/**")
    assert page.locator("h1").inner_text() in label


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_search_works_without_javascript(browser, live_server, stories, settings):
    settings.MATCHING_AUTO_EMBED = False
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/lt/")
    page.locator("#site-search-q").fill("vandentvarka")
    page.locator("#site-search-q").press("Enter")
    page.wait_for_url("**/lt/search/?q=vandentvarka")
    assert page.locator(".search-result").count() == 2
    assert page.locator(".search-result mark").count() >= 2
    context.close()
