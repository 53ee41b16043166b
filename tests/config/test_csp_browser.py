"""In Chromium: public pages raise no Content-Security-Policy violation, and the results bars still draw."""

import pytest

from tests.ideas.test_results import voted_call  # noqa: F401 (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WATCH = """() => { window.__csp = []; document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline'))); }"""


def test_public_pages_have_no_csp_violations(page, live_server, voted_call):  # noqa: F811
    call, _ideas = voted_call
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(f"({WATCH})()")
    for path in ("/lt/", f"/lt/ideas/call/{call.pk}/results/", "/en/experts/", "/lt/search/?q=parkas"):
        page.goto(live_server.url + path)
        page.wait_for_load_state("load")
        assert page.evaluate("window.__csp") == [], path
    assert not [text for text in console if "Content Security Policy" in text]
    # The budget bar (SVG, no inline style) is drawn at the share of the budget spent: 80 of 100 €.
    page.goto(f"{live_server.url}/lt/ideas/call/{call.pk}/results/")
    bar = page.locator(".bar-chart .bar").bounding_box()
    fill = page.locator(".bar-chart .bar-fill rect").bounding_box()
    assert fill["width"] == pytest.approx(bar["width"] * 0.8, rel=0.05)
