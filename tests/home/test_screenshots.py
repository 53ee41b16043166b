"""Screenshots for docs/site.md: home, an event, results and the editor dashboard at 390 and 1280 px.

Opt-in (they rewrite docs/img/): SCREENSHOTS=1 pytest tests/home/test_screenshots.py
"""

import os
from pathlib import Path

import pytest

from home.models import CallForIdeasPage, EventPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.environ.get("SCREENSHOTS"), reason="set SCREENSHOTS=1 to rewrite docs/img/"),
]
OUT = Path(__file__).resolve().parents[2] / "docs" / "img"


def test_take_screenshots(browser, live_server, transactional_demo_site, site_catalogue):
    event = EventPage.objects.get(slug="karjeros-dirbtuves-sugrizusiems", locale__language_code="lt")
    results = CallForIdeasPage.objects.get(slug="kiemai-2026", locale__language_code="lt")
    shots = {
        "home": "/lt/",
        "event": event.url,
        "results": f"/lt/ideas/call/{results.pk}/results/",
        "dashboard": "/admin/",
    }
    OUT.mkdir(parents=True, exist_ok=True)
    for width in (390, 1280):
        context = browser.new_context(viewport={"width": width, "height": 844 if width == 390 else 800}, locale="lt-LT")
        page = context.new_page()
        page.goto(f"{live_server.url}/admin/login/")
        page.fill("#id_username", "klaipeda-editor")
        page.fill("#id_password", "demo-slaptazodis-2026")
        page.click("button[type=submit]")
        page.wait_for_url("**/admin/")
        for name, path in shots.items():
            page.goto(f"{live_server.url}{path}")
            page.screenshot(path=str(OUT / f"{name}-{width}.png"), full_page=name != "dashboard")
        context.close()
    assert len(list(OUT.glob("*.png"))) >= 8
