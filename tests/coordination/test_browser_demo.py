"""End to end on the demo in Chromium: the coordinator's monitoring and network, survey results, the overseer's table."""

import pytest

from tests.coordination.test_browser import shot

PASSWORD = "demo-slaptazodis-2026"


def login(page, live_server, username, next_path):
    page.goto(f"{live_server.url}/lt/accounts/login/?next={next_path}")
    page.fill("#id_login", f"{username}@example.com")
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(f"**{next_path}")


@pytest.mark.browser
def test_demo_year_in_the_browser(live_server, page, transactional_demo_site):
    from coordination.models import Plan

    page.set_default_timeout(45000)
    page.set_viewport_size({"width": 1280, "height": 900})
    plan = Plan.objects.get(municipality__slug="alytus")
    login(page, live_server, "alytus-koordinatorius", "/en/coordination/alytus/")
    shot(page, "dashboard")
    page.goto(f"{live_server.url}/en/coordination/alytus/plans/{plan.pk}/monitoring/")
    assert page.locator("progress").count() >= 9
    assert "Visuomenės švietimas apie migraciją" in page.locator("main").inner_text()  # overdue and unfunded
    shot(page, "monitoring")
    page.goto(f"{live_server.url}/en/coordination/alytus/network/")
    assert page.locator("table.matrix th[scope=row]").count() == 8
    shot(page, "network")
    page.goto(f"{live_server.url}/en/coordination/alytus/reports/2026/")
    assert page.locator("#respondents").inner_text() == "64"
    shot(page, "report")
    survey = plan.municipality.surveys.get()
    page.goto(f"{live_server.url}/en/surveys/alytus/{survey.pk}/results/")
    assert page.locator("#response-count").inner_text() == "64 responses"
    shot(page, "survey-results")
    # The overseer reads every municipality and edits nothing.
    page.context.clear_cookies()
    login(page, live_server, "sppd-priziuretojas", "/en/coordination/overview/?year=2026")
    rows = page.locator("tbody tr")
    assert "Submitted" in page.locator("tr", has_text="Klaipėdos miesto savivaldybė").inner_text()
    assert "Draft" in page.locator("tr", has_text="Alytaus miesto savivaldybė").inner_text()
    assert rows.count() >= 2
    shot(page, "overview")
    page.goto(f"{live_server.url}/en/coordination/alytus/plans/{plan.pk}/")
    assert page.get_by_text("Add a measure").count() == 0
    assert "read only" in page.locator("main").inner_text()
