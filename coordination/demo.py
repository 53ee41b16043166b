"""Demo content for the coordination workspace: Alytus and Klaipėda, a year from partners to the report.

The rows live in `demo_data/workspace.json` and the questionnaire in `demo_data/survey.json`; this
module upserts them by natural keys, so `load_demo` stays idempotent. All people are fictional.
Years are fixed (plan 2025–2027, report 2026) so the report's figures are known exactly.
"""

import json
import random
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from challenges.models import Municipality, StaffMembership
from coordination import services
from coordination.models import (
    AnnualReport,
    Application,
    Collaboration,
    ContactPerson,
    FollowUp,
    Funding,
    FundingCall,
    Indicator,
    IndicatorValue,
    Measure,
    Meeting,
    Need,
    Overseer,
    Partner,
    Plan,
    Project,
)
from surveys import services as survey_services
from surveys.forms import respondent_form
from surveys.models import Survey

REPORT_YEAR = 2026
SURVEY_RESPONSES = 64  # 16 per language
DATA = Path(__file__).resolve().parent / "demo_data"


@cache
def _data(name):
    """Return the parsed demo data file `demo_data/<name>.json`."""
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


def _survey_definition():
    """Return the demo questionnaire (four languages) as export_definition data."""
    return json.loads(json.dumps(_data("survey")))  # a fresh copy: importing may not change the cached one


def _aware(d):
    return timezone.make_aware(datetime(d.year, d.month, d.day, 12, 0))


def _users():
    from home.demo_accounts import demo_user as _user

    users = {}
    for city in _data("workspace")["cities"]:
        for role in ("koordinatorius", "darbuotojas"):
            username = f"{city['slug']}-{role}"
            users[username] = _user(username, f"{username}@example.com")
    users["sppd-priziuretojas"] = _user("sppd-priziuretojas", "sppd-priziuretojas@example.com")
    Overseer.objects.get_or_create(user=users["sppd-priziuretojas"])
    return users


def _municipality(city, coordinator, staff):
    """Upsert the municipality and its two staff members (the coordinator and a social worker)."""
    from home.models import CityPage

    page = CityPage.objects.filter(slug=city["slug"], locale__language_code="lt").first()
    municipality, _ = Municipality.objects.update_or_create(
        slug=city["slug"], defaults={"name": city["name"], "city_name": city["city"], "city_page": page}
    )
    for user, is_coordinator, job_title in (
        (coordinator, True, "Integracijos koordinatorius"),
        (staff, False, "Socialinio darbo specialistas"),
    ):
        StaffMembership.objects.update_or_create(
            user=user,
            defaults={
                "municipality": municipality,
                "approved": True,
                "is_coordinator": is_coordinator,
                "job_title": job_title,
            },
        )
    return municipality


def _partners(municipality, city):
    """Upsert the partners (the first ones with a contact person) and their collaborations."""
    data, slug, name = _data("workspace"), city["slug"], city["city"]
    partners = []
    for i, row in enumerate(data["partners"]):
        partner, _ = Partner.objects.update_or_create(
            municipality=municipality,
            name=f"{name}: {row['name']}" if row["kind"] != "piia" else row["name"],
            defaults={
                "kind": row["kind"],
                "services": row["services"],
                "languages": row["languages"],
                "is_public": row["is_public"],
                "address": f"Pavyzdžio g. {i + 1}, {name}",
                "phone": f"+370 600 0{city['scale']}{i:03d}",
                "email": f"info{i + 1}@{slug}.example.org",
            },
        )
        partners.append(partner)
        if i < len(data["contacts"]):
            ContactPerson.objects.update_or_create(
                partner=partner,
                name=data["contacts"][i],
                defaults={
                    "role": "Specialistas",
                    "email": f"kontaktas{i + 1}@{slug}.example.org",
                    "consent_given_on": date(2026, 1, 15),
                },
            )
    for link in data["collaborations"]:
        Collaboration.objects.get_or_create(
            municipality=municipality,
            first=partners[link["first"]],
            second=partners[link["second"]],
            topic=link["topic"],
        )
    return partners


def _meetings(municipality, partners):
    """Upsert the year's meetings; each with agreements gets a follow-up (those before June are done)."""
    meetings = []
    for row in _data("workspace")["meetings"]:
        day, agreements = date.fromisoformat(row["date"]), row["agreements"]
        meeting, _ = Meeting.objects.update_or_create(
            municipality=municipality,
            date=day,
            title=row["title"],
            defaults={
                "participants": "Koordinatorius ir partnerių atstovai",
                "topics": row["title"],
                "problems": "Trūksta informacijos kitomis kalbomis",
                "agreements": agreements,
            },
        )
        meeting.partners.set([partners[i] for i in row["partners"]])
        if agreements:
            FollowUp.objects.update_or_create(
                meeting=meeting,
                task=f"Įgyvendinti: {agreements}"[:300],
                defaults={
                    "owner": "Koordinatorius",
                    "due_date": date(day.year, day.month + 2, 1),
                    "done": day.month < 6,
                },
            )
        meetings.append(meeting)
    return meetings


def _needs(municipality, meetings):
    """Upsert the report year's needs; those found at a meeting point at the second meeting."""
    needs = []
    for row in _data("workspace")["needs"]:
        need, _ = Need.objects.update_or_create(
            municipality=municipality,
            year=REPORT_YEAR,
            title=row["title"],
            defaults={
                "area": row["area"],
                "priority": row["priority"],
                "evidence_kind": row["evidence_kind"],
                "meeting": meetings[1] if row["evidence_kind"] == "meeting" else None,
            },
        )
        needs.append(need)
    return needs


def _measure(plan, i, row, partners, needs, scale):
    """Upsert one measure with its indicator, the 2025 and 2026 values and funding lines."""
    end = date(2026, 6, 30) if row["area"] == "public_education" else date(2027, 12, 31)
    measure, _ = Measure.objects.update_or_create(
        plan=plan,
        title=row["title"],
        defaults={
            "area": row["area"],
            "start_date": date(2025, 1, 1),
            "end_date": end,
            "status": "in_progress",
            "responsible": partners[i % len(partners)],
            "no_funding_needed": row["funding"] == "none",
        },
    )
    measure.needs.set([n for n in needs if n.area == row["area"]])
    indicator, _ = Indicator.objects.update_or_create(
        measure=measure,
        name=row["indicator"],
        defaults={"unit": row["unit"], "baseline": Decimal(row["baseline"] * scale), "common_code": f"K{i + 1:02d}"},
    )
    for year, value in row["values"].items():
        IndicatorValue.objects.update_or_create(
            indicator=indicator,
            year=int(year),
            defaults={"target": Decimal(value["target"] * scale), "actual": Decimal(value["actual"] * scale)},
        )
    funding = row["funding"]
    if isinstance(funding, dict):
        for year in (2025, 2026):
            Funding.objects.update_or_create(
                measure=measure,
                year=year,
                source=funding["source"],
                defaults={"amount": Decimal(funding["amount"] * scale), "used": Decimal(funding["used"] * scale)},
            )


def _plan(municipality, city, coordinator, partners, needs):
    """Upsert the 2025–2027 plan with its measures; its first revision is dated the director's order."""
    scale = city["scale"]
    plan, _ = Plan.objects.update_or_create(
        municipality=municipality,
        title=f"{city['city']} integracijos planas",
        defaults={
            "start_year": 2025,
            "end_year": 2027,
            "order_number": f"A-{100 * scale + 25}",
            "order_date": date(2025, 1, 20),
        },
    )
    for i, row in enumerate(_data("workspace")["measures"]):
        _measure(plan, i, row, partners, needs, scale)
    if not plan.revisions.exists():
        services.record_revision(plan, coordinator, "added integracijos planas (demo)", at=_aware(date(2025, 1, 20)))
    return plan


def _funding_call():
    row = _data("workspace")["funding_call"]
    call, _ = FundingCall.objects.update_or_create(
        code=row["code"],
        defaults={"title": row["title"], "deadline": date.fromisoformat(row["deadline"]), "url": row["url"]},
    )
    return call


def _application_and_project(municipality, city, call, plan):
    """Upsert the granted PMIF application and the project it funds (language and employment measures)."""
    scale, name = city["scale"], city["city"]
    application, _ = Application.objects.update_or_create(
        municipality=municipality,
        call=call,
        defaults={
            "title": f"{name}: integracijos paslaugos",
            "status": "granted",
            "requested": Decimal(50000 * scale),
            "granted": Decimal(42000 * scale),
            "deadline": date(2026, 3, 31),
            "submitted_on": date(2026, 3, 20),
        },
    )
    project, _ = Project.objects.update_or_create(
        municipality=municipality,
        title=f"{name}: kartu lengviau",
        defaults={
            "application": application,
            "start_date": date(2026, 5, 1),
            "end_date": date(2028, 4, 30),
            "budget": Decimal(42000 * scale),
        },
    )
    project.measures.set(plan.measures.filter(area__in=["language", "employment"]))


def _report(municipality, slug, coordinator):
    """Generate the report year's report; Klaipėda's is submitted with a summary, Alytus' stays a draft."""
    report = services.generate_report(municipality, REPORT_YEAR)
    if slug == "klaipeda" and report.status == AnnualReport.Status.DRAFT:
        report.summary = "Metai su stipresniu tinklu ir nauja vakarine kalbos grupe."
        report.save(update_fields=["summary"])
        services.submit_report(report, coordinator)


@transaction.atomic
def load_coordination_demo():
    """Load (or refresh) the coordination and survey demo; return the demo users by username."""
    users = _users()
    call = _funding_call()
    for city in _data("workspace")["cities"]:
        slug = city["slug"]
        coordinator = users[f"{slug}-koordinatorius"]
        municipality = _municipality(city, coordinator, users[f"{slug}-darbuotojas"])
        partners = _partners(municipality, city)
        needs = _needs(municipality, _meetings(municipality, partners))
        plan = _plan(municipality, city, coordinator, partners, needs)
        _application_and_project(municipality, city, call, plan)
        survey = _demo_survey(municipality, coordinator)
        if slug == "alytus" and survey.questions.exists():
            Need.objects.filter(municipality=municipality, evidence_kind="survey").update(
                survey_question=survey.questions.order_by("position")[2]
            )
        _report(municipality, slug, coordinator)
    return users


def _demo_survey(municipality, coordinator):
    """Create the four-language survey once, with 64 synthetic answers (16 per language)."""
    definition = _survey_definition()
    # Filtered in Python: "lt" is also the name of a lookup, so title__lt would compare, not pick the key.
    candidates = Survey.objects.filter(municipality=municipality, year=REPORT_YEAR)
    survey = next((s for s in candidates if s.title.get("lt") == definition["title"]["lt"]), None)
    if survey is None:
        survey = survey_services.import_definition(definition, municipality, coordinator)
        survey.status = Survey.Status.OPEN
        survey.save(update_fields=["status"])
    if survey.responses.exists():
        return survey
    rng = random.Random(f"demo-{municipality.slug}")
    works, hours, needs, scale, comment = survey.questions.order_by("position")
    work_choices = list(works.choices.all())
    need_choices = list(needs.choices.all())
    comments = ["", "", "Daugiau vakarinių kursų", "Informacijos ukrainiečių kalba", "Ačiū už pagalbą"]
    languages = definition["languages"]
    for n in range(SURVEY_RESPONSES):
        language = languages[n % len(languages)]
        working = work_choices[0] if rng.random() < 0.55 else work_choices[1]
        data = {
            f"q{works.pk}": str(working.pk),
            f"q{needs.pk}": [str(c.pk) for c in rng.sample(need_choices, rng.randint(1, 3))],
            f"q{scale.pk}": str(rng.randint(2, 5)),
            f"q{comment.pk}": rng.choice(comments),
        }
        if working == work_choices[0]:
            data[f"q{hours.pk}"] = str(rng.choice([20, 30, 40]))
        form = respondent_form(survey, language, data)
        if not form.is_valid():
            raise ValueError(form.errors)
        survey_services.submit(survey, language, form.cleaned_data, today=date(REPORT_YEAR, 3 + n % 6, 1 + n % 27))
    return survey
