"""End to end in Chromium: a resident answers a survey in Ukrainian; the coordinator generates and submits the report."""

import os
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress

from coordination.demo import _survey_definition
from coordination.models import AnnualReport
from surveys import services as survey_services
from surveys.models import Response
from tests.challenges.factories import MunicipalityFactory, StaffFactory, UserFactory

PASSWORD = "correct-horse-battery"
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "img"


def shot(page, name):
    """Save a screenshot for docs/coordination.md when COORD_SCREENSHOTS is set."""
    if os.environ.get("COORD_SCREENSHOTS"):
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.mark.browser
def test_resident_answers_in_ukrainian_and_coordinator_submits_the_report(live_server, page):
    page.set_default_timeout(45000)  # the machine is shared with other test runs
    alytus = MunicipalityFactory(name="Alytaus miesto savivaldybė", city_name="Alytus", slug="alytus")
    coordinator = UserFactory(email="koordinatore@alytus.lt", password=PASSWORD)
    EmailAddress.objects.create(user=coordinator, email=coordinator.email, verified=True, primary=True)
    StaffFactory(user=coordinator, municipality=alytus, approved=True, is_coordinator=True)
    survey = survey_services.import_definition(_survey_definition(), alytus, coordinator)
    survey.status = "open"
    survey.save()

    # The resident: Ukrainian questions and interface words, a conditional question, anonymous.
    page.goto(f"{live_server.url}/uk/surveys/s/{survey.token}/")
    assert page.locator("h1").inner_text() == "Опитування потреб мешканців 2026"
    page.get_by_label("Так").check()
    page.get_by_label("Скільки годин на тиждень ви працюєте?").fill("30")
    page.get_by_label("Курси литовської мови").check()
    page.get_by_label("Житло").check()
    page.locator("fieldset").nth(3).get_by_label("4", exact=True).check()
    page.get_by_label("Що ще ви хотіли б сказати?").fill("Потрібні вечірні курси")
    shot(page, "survey-uk")
    page.get_by_role("button", name="Надіслати відповіді").click()
    assert "Дякуємо!" in page.locator("#survey-notice").inner_text()
    # The same browser cannot answer twice.
    page.goto(f"{live_server.url}/uk/surveys/s/{survey.token}/")
    assert "вже відповіли" in page.locator("#survey-notice").inner_text()
    response = Response.objects.get(survey=survey)
    # Five questions, the multiple choice one with two options: six answer rows.
    assert response.language == "uk" and response.answers.count() == 6

    # The coordinator logs in, generates the 2026 report, writes a comment and submits it.
    report_path = "/lt/coordination/alytus/reports/2026/"
    page.goto(f"{live_server.url}/lt/accounts/login/?next={report_path}")
    page.fill("#id_login", coordinator.email)
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(f"**{report_path}")
    page.click(f"form[action='{report_path}generate/'] button")
    page.wait_for_url(f"**{report_path}")
    assert page.locator("#respondents").inner_text() == "1"
    page.fill("#id_summary", "Pirmieji metai su darbo vieta.")
    page.click("form.stacked button[type=submit]")
    page.click("#submit-report")
    page.wait_for_url(f"**{report_path}")
    report = AnnualReport.objects.get(municipality=alytus, year=2026)
    assert report.status == "submitted" and report.submitted_by == coordinator
    assert report.summary == "Pirmieji metai su darbo vieta."
    assert report.figures["monitoring"]["respondents"] == 1
    with page.expect_download() as download:
        page.click("text=PDF")
    assert download.value.suggested_filename == "alytus-2026-report.pdf"
