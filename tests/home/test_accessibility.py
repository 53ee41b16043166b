"""Browser passes over every page type in both languages: axe-core finds no serious or critical
violation, and at 390 px nothing scrolls sideways and the header stays small."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from wagtail.models import Page

from home.models import (
    CallForIdeasPage,
    CityPage,
    EventIndexPage,
    EventPage,
    HomePage,
    InformationPage,
    StoryIndexPage,
    StoryPage,
)

pytestmark = pytest.mark.browser

PAGE_TYPES = [
    HomePage,
    CityPage,
    StoryIndexPage,
    StoryPage,
    EventIndexPage,
    EventPage,
    CallForIdeasPage,
    InformationPage,
]
APP_PATHS = [
    "experts/",
    "challenges/",
    "search/?q=Alytus",
    "accounts/login/",
    "accounts/signup/",
    "ideas/mine/",
    "no-such-page/",
]
AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
}
HEADER_MAX_PX = 120  # at 390 × 844: brand and menu button on one row (it was 230 px)


def site_paths(language):
    """Return one path per page type in the language, then the app pages."""
    paths = []
    for model in PAGE_TYPES:
        page = model.objects.live().public().filter(locale__language_code=language).first()
        assert page is not None, f"the demo has no {model.__name__} in {language}"
        paths.append(page.url)
    results = CallForIdeasPage.objects.get(slug="kiemai-2026", locale__language_code="lt")
    paths.append(f"/{language}/ideas/call/{results.pk}/results/")  # the demo's published results
    paths.extend(f"/{language}/{path}" for path in APP_PATHS)
    return paths


@pytest.fixture
def axe_page(browser):
    """A page whose context lets axe.js in despite the CSP (it is injected by the test, not the site)."""
    context = browser.new_context(locale="lt-LT", bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


def serious(results):
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(" ".join(n["target"]) for n in v["nodes"][:5])
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


@pytest.mark.parametrize("language", ["lt", "en"])
def test_no_serious_axe_violations_on_any_page_type(axe_page, live_server, transactional_demo_site, language):
    axe = Axe()
    problems = {}
    paths = site_paths(language)
    for path in paths:
        axe_page.goto(f"{live_server.url}{path}")
        assert axe_page.locator("html").get_attribute("lang") == language, path
        found = serious(axe.run(axe_page, options=AXE_OPTIONS))
        if found:
            problems[path] = found
    assert len(paths) >= 16
    assert not problems, "\n".join(f"{path}: {found}" for path, found in problems.items())


@pytest.mark.parametrize("language", ["lt", "en"])
def test_phone_width_has_no_sideways_scroll_and_a_small_header(browser, live_server, transactional_demo_site, language):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="lt-LT", is_mobile=True, has_touch=True
    )
    page = context.new_page()
    try:
        wide = {}
        for path in site_paths(language):
            page.goto(f"{live_server.url}{path}")
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            header = page.locator("header.site-header").bounding_box()["height"]
            if scroll_width > 390 or header > HEADER_MAX_PX:
                wide[path] = (scroll_width, header)
        assert not wide, f"(scroll width, header height) over 390 / {HEADER_MAX_PX} px: {wide}"
    finally:
        context.close()


def test_menu_button_opens_the_menu_without_javascript_and_by_keyboard(browser, live_server, transactional_demo_site):
    for javascript in (False, True):
        context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=javascript)
        page = context.new_page()
        try:
            page.goto(f"{live_server.url}/lt/")
            experts = page.get_by_role("link", name="Ekspertai")
            assert not experts.is_visible(), "the menu starts collapsed on a phone"
            summary = page.locator("summary.menu-button")
            summary.focus()
            page.keyboard.press("Enter")
            assert experts.is_visible()
            page.keyboard.press("Enter")
            assert not experts.is_visible()
        finally:
            context.close()


def test_menu_is_always_shown_on_a_wide_screen(page, live_server, transactional_demo_site):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{live_server.url}/lt/")
    assert page.get_by_role("link", name="Ekspertai").is_visible()
    assert not page.locator("summary.menu-button").is_visible()
    assert Page.objects.live().count() > 10


def test_navigation_targets_are_at_least_24_px(browser, live_server, transactional_demo_site):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/lt/alytus/")
        small = page.evaluate(
            """() => [...document.querySelectorAll('header a, header button, header summary, main nav a, footer a, .tags a, .cards a')]
                 .filter(e => e.offsetParent !== null)
                 .map(e => [e.textContent.trim(), e.getBoundingClientRect()])
                 .filter(([, r]) => r.width < 24 || r.height < 24)
                 .map(([t, r]) => `${t}: ${Math.round(r.width)}×${Math.round(r.height)}`)"""
        )
        assert not small, small
    finally:
        context.close()
