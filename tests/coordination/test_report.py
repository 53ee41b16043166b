"""The annual report computed from the demo data: exact figures, documents, status, reminders, the overseer's table."""

import io
from datetime import date

import pytest
from django.core import mail
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from challenges.models import Municipality
from coordination import services
from coordination.models import AnnualReport, Measure
from home.models import EventPage


@pytest.fixture
def alytus(demo_site):
    return Municipality.objects.get(slug="alytus")


def test_demo_has_the_whole_cycle(demo_site, alytus):
    assert alytus.partners.count() == 10
    plan = alytus.integration_plans.get()
    assert plan.measures.count() == 9
    assert all(ind.values.count() == 2 for m in plan.measures.all() for ind in m.indicators.all())
    survey = alytus.surveys.get()
    assert survey.languages == ["lt", "en", "ru", "uk"]
    assert survey.responses.count() == 64
    assert dict(
        survey.responses.values_list("language").annotate(n=__import__("django.db.models").db.models.Count("pk"))
    ) == {
        "lt": 16,
        "en": 16,
        "ru": 16,
        "uk": 16,
    }
    assert AnnualReport.objects.get(municipality=alytus, year=2026).generated_at is not None
    assert AnnualReport.objects.get(municipality__slug="klaipeda", year=2026).status == "submitted"


def test_demo_loads_again_without_duplicates(demo_site, alytus):
    from coordination.demo import load_coordination_demo

    load_coordination_demo()
    assert alytus.partners.count() == 10
    assert alytus.surveys.count() == 1 and alytus.surveys.get().responses.count() == 64
    plan = alytus.integration_plans.get()
    assert plan.measures.count() == 9 and plan.revisions.count() == 1
    assert alytus.meetings.count() == 4 and alytus.needs.count() == 5


def test_report_figures_from_the_demo(demo_site, alytus):
    f = services.report_figures(alytus, 2026)
    assert f["networking"] == {
        "partners": 10,
        "public_partners": 7,
        "meetings": 4,
        "meetings_with_agreements": 3,
        "follow_ups": 3,
        "follow_ups_done": 2,
    }
    assert f["monitoring"]["surveys"] == 1
    assert f["monitoring"]["respondents"] == 64
    assert f["monitoring"]["respondents_by_language"] == {"en": 16, "lt": 16, "ru": 16, "uk": 16}
    assert f["monitoring"]["needs"] == 5
    assert f["monitoring"]["needs_by_area"] == {
        "education": 1,
        "employment": 1,
        "health": 1,
        "housing": 1,
        "language": 1,
    }
    plan = f["plan"]
    assert plan["measures"] == 9 and plan["measures_by_status"] == {"in_progress": 9}
    assert plan["unfunded_measures"] == 1  # public education: neither funding nor "no funding needed"
    # 2026 funding of Alytus (scale 1): 6000+8000+4000+1500+2000+3000+2500; used 5200+8000+3100+1450+1200+2900+1800.
    assert plan["funding_planned"] == 27000
    assert plan["funding_used"] == 23650
    assert plan["funding_by_source"]["pmif"] == {"amount": 8500, "used": 7000}
    assert plan["order"] == "A-125 (2025-01-20)"
    language = next(m for m in plan["items"] if m["area"] == "language")
    assert language["indicators"][0] | {} == {
        "name": "Baigę A1–A2 kursus",
        "unit": "asmenys",
        "common_code": "K01",
        "baseline": 20,
        "target": 60,
        "actual": 45,
    }
    assert f["applications"] == {"count": 1, "requested": 50000, "granted": 42000, "projects": 1}
    city = alytus.city_page
    expected_events = EventPage.objects.descendant_of(city).filter(locale=city.locale, start__year=2026).count()
    assert f["information"]["events"] == expected_events


def test_klaipeda_figures_scale(demo_site):
    f = services.report_figures(Municipality.objects.get(slug="klaipeda"), 2026)
    assert f["plan"]["funding_planned"] == 81000 and f["applications"]["granted"] == 126000


def test_documents_carry_the_figures(demo_site, alytus, client):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="alytus-koordinatorius"))
    base = reverse("coordination:report", args=["alytus", 2026])
    docx = client.get(base + "download.docx")
    assert docx.status_code == 200
    text = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    tables = " ".join(c.text for t in Document(io.BytesIO(docx.content)).tables for r in t.rows for c in r.cells)
    assert "Alytaus miesto savivaldybė" in text and "64" in tables and "27 000" in tables
    pdf = client.get(base + "download.pdf")
    assert pdf.content.startswith(b"%PDF")
    pdf_text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Alytaus miesto savivaldybė" in pdf_text and "Baigę A1–A2 kursus" in pdf_text
    book = load_workbook(io.BytesIO(client.get(base + "download.xlsx").content))
    rows = list(book.active.iter_rows(values_only=True))
    # The page was served under /lt/, so the status is in Lithuanian.
    assert rows[2] == (
        "Lietuvių kalbos kursai suaugusiesiems",
        "Baigę A1–A2 kursus",
        "asmenys",
        20,
        60,
        45,
        "Vykdomas",
    )
    assert len(rows) == 2 + 9


def test_submit_and_accept_through_the_site(demo_site, alytus, client):
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    client.force_login(users.get(username="alytus-koordinatorius"))
    client.post(
        reverse("coordination:report", args=["alytus", 2026]),
        {
            "summary": "Geri metai.",
            "networking_text": "",
            "monitoring_text": "",
            "plan_text": "",
            "information_text": "",
            "difficulties": "Trūksta vertėjų.",
        },
    )
    client.post(reverse("coordination:report_action", args=["alytus", 2026, "submit"]))
    report = AnnualReport.objects.get(municipality=alytus, year=2026)
    assert (
        report.status == "submitted"
        and report.summary == "Geri metai."
        and report.submitted_by.username == "alytus-koordinatorius"
    )
    # A submitted report is frozen: regenerating changes nothing.
    Measure.objects.filter(plan__municipality=alytus).update(status="done")
    client.post(reverse("coordination:report_action", args=["alytus", 2026, "generate"]))
    report.refresh_from_db()
    assert report.figures["plan"]["measures_by_status"] == {"in_progress": 9}
    client.force_login(users.get(username="sppd-priziuretojas"))
    html = client.get(reverse("coordination:overview") + "?year=2026").content.decode()
    assert "Alytaus miesto savivaldybė" in html and html.count("download.pdf") == 2
    assert "Pateiktos 2 ataskaitos." in html  # the overseer reads Lithuanian
    client.post(reverse("coordination:report_action", args=["alytus", 2026, "accept"]))
    report.refresh_from_db()
    assert report.status == "accepted"


def test_national_totals_add_up_common_indicators(demo_site):
    totals = {t["code"]: t for t in services.national_overview(2026)["totals"]}
    # K01: Alytus 60/45 and Klaipėda 3× that.
    assert totals["K01"]["target"] == 240 and totals["K01"]["actual"] == 180 and totals["K01"]["municipalities"] == 2


@pytest.mark.parametrize(
    "day,reminded",
    [
        (date(2026, 12, 1), True),
        (date(2027, 1, 10), True),
        (date(2027, 1, 17), True),
        (date(2026, 12, 10), False),
        (date(2027, 1, 21), False),
        (date(2026, 11, 30), False),
    ],
)
def test_reminders_on_the_days_while_not_submitted(demo_site, day, reminded):
    """1 Dec, 10 and 17 Jan remind of the 2026 report: Alytus (draft) is reminded, Klaipėda (submitted) is not."""
    mail.outbox = []
    count = services.send_report_reminders(day)
    recipients = sorted(r for m in mail.outbox for r in m.to)
    if reminded:
        assert "alytus-koordinatorius@example.com" in recipients
        assert "2026" in mail.outbox[0].subject
    else:
        assert count == 0
    assert "klaipeda-koordinatorius@example.com" not in recipients


def test_beat_schedule_names_the_task(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["coordination-report-reminders"]
    assert entry["task"] == "coordination.tasks.send_report_reminders"
    from coordination import tasks

    assert tasks.send_report_reminders.name == entry["task"]


def test_reminders_are_sent_once_a_day_even_when_retried(demo_site):
    mail.outbox = []
    assert services.send_report_reminders(date(2026, 12, 1)) == 1
    assert services.send_report_reminders(date(2026, 12, 1)) == 0
    assert len(mail.outbox) == 1


@pytest.mark.worker
def test_a_real_worker_sends_the_reminder(celery_worker):
    from coordination import tasks
    from tests.challenges.factories import MunicipalityFactory, StaffFactory, UserFactory

    municipality = MunicipalityFactory(slug="utena")
    StaffFactory(user=UserFactory(email="koord@utena.lt"), municipality=municipality, is_coordinator=True)
    mail.outbox = []
    assert tasks.send_report_reminders.delay("2027-01-10").get(timeout=30) == 1
    assert tasks.send_report_reminders.delay("2027-01-10").get(timeout=30) == 0
    assert tasks.send_report_reminders.delay("2027-01-11").get(timeout=30) == 0
    assert [m.to for m in mail.outbox] == [["koord@utena.lt"]]


def test_report_reminder_is_a_lithuanian_text_and_html_message_with_the_report_link(demo_site):
    mail.outbox = []
    services.send_report_reminders(date(2026, 12, 1))
    (message,) = mail.outbox
    assert message.to == ["alytus-koordinatorius@example.com"]
    assert "metinę ataskaitą reikia pateikti iki sausio 20 d." in message.subject
    assert "Alytaus miesto savivaldybė 2026 m. metinė ataskaita dar nepateikta." in message.body
    assert "/lt/coordination/alytus/reports/2026/" in message.body
    html, mime = message.alternatives[0]
    assert mime == "text/html" and 'href="http' in html and "metinė ataskaita" in html
