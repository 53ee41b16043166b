"""Demo content for the coordination workspace: Alytus and Klaipėda, a year from partners to the report.

Keyed by natural keys and upserted, so `load_demo` stays idempotent. All people are fictional.
Years are fixed (plan 2025–2027, report 2026) so the report's figures are known exactly.
"""

import random
from datetime import date, datetime
from decimal import Decimal

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

CITIES = [
    ("alytus", "Alytaus miesto savivaldybė", "Alytus", 1),
    ("klaipeda", "Klaipėdos miesto savivaldybė", "Klaipėda", 3),
]

PARTNERS = [
    (
        "Socialinių paslaugų centras",
        "social",
        "Socialinė pagalba, laikinas apgyvendinimas, vertimas konsultacijose",
        ["lt", "ru", "en"],
        True,
    ),
    (
        "Užimtumo tarnybos skyrius",
        "employment",
        "Registracija, darbo paieška, profesinis mokymas",
        ["lt", "en", "ru"],
        True,
    ),
    (
        "Pirminės sveikatos priežiūros centras",
        "health",
        "Šeimos gydytojai, registracija be asmens kodo",
        ["lt", "ru"],
        True,
    ),
    (
        "Švietimo pagalbos tarnyba",
        "education",
        "Vaikų priėmimas į mokyklas, lietuvių kalbos išlyginamosios klasės",
        ["lt", "uk", "ru"],
        True,
    ),
    ("Policijos komisariatas", "law", "Prevencija, pagalba nukentėjusiems nuo prekybos žmonėmis", ["lt", "en"], False),
    ("Centro seniūnija", "eldership", "Gyvenamosios vietos deklaravimas, pažymos", ["lt"], False),
    ("Bendruomenės namai", "community", "Kalbos klubai, savanorystė, renginiai šeimoms", ["lt", "uk", "en"], True),
    (
        "Ukrainiečių bendruomenė",
        "migrant",
        "Savitarpio pagalba, informacija ukrainiečių kalba",
        ["uk", "ru", "lt"],
        True,
    ),
    (
        "Raudonojo Kryžiaus skyrius",
        "ngo",
        "Humanitarinė pagalba, psichosocialinė parama",
        ["lt", "en", "ru", "uk"],
        True,
    ),
    (
        "Pabėgėlių priėmimo ir integracijos agentūra",
        "piia",
        "Prieglobstį gavusių asmenų integracijos programa",
        ["lt", "en", "ru"],
        False,
    ),
]

# (first name, last name) pairs are invented; e-mails use example.org.
CONTACTS = ["Rasa Žiedaitė", "Tomas Kalnėnas", "Ieva Mėlynė", "Darius Upelis", "Greta Šilelė"]

MEASURES = [
    # title, area, indicator, unit, baseline, (target, actual) 2025, (target, actual) 2026, funding per year or None/"none"
    (
        "Lietuvių kalbos kursai suaugusiesiems",
        "language",
        "Baigę A1–A2 kursus",
        "asmenys",
        20,
        (40, 38),
        (60, 45),
        ("pmif", 6000, 5200),
    ),
    (
        "Išlyginamosios klasės vaikams",
        "education",
        "Mokiniai išlyginamosiose klasėse",
        "mokiniai",
        10,
        (15, 15),
        (20, 22),
        ("state", 8000, 8000),
    ),
    (
        "Įdarbinimo konsultacijos",
        "employment",
        "Įsidarbinę po konsultacijų",
        "asmenys",
        5,
        (15, 12),
        (25, 19),
        ("esf", 4000, 3100),
    ),
    (
        "Informacija keturiomis kalbomis",
        "information",
        "Parengti informaciniai leidiniai",
        "leidiniai",
        2,
        (6, 6),
        (8, 9),
        ("municipal", 1500, 1450),
    ),
    (
        "Sveikatos priežiūros palydėjimas",
        "health",
        "Palydėti vizitai pas gydytoją",
        "vizitai",
        0,
        (30, 24),
        (40, 36),
        ("municipal", 2000, 1200),
    ),
    (
        "Kultūrų savaitė",
        "participation",
        "Renginių dalyviai",
        "asmenys",
        100,
        (250, 310),
        (300, 280),
        ("municipal", 3000, 2900),
    ),
    ("Tarpinstitucinis tinklas", "social", "Tinklo susitikimai", "susitikimai", 2, (4, 4), (4, 5), "none"),
    (
        "Visuomenės švietimas apie migraciją",
        "public_education",
        "Paskaitos mokyklose",
        "paskaitos",
        0,
        (6, 3),
        (10, 4),
        None,
    ),
    ("Būsto paieškos pagalba", "housing", "Rastas būstas", "šeimos", 3, (10, 7), (12, 11), ("pmif", 2500, 1800)),
]

NEEDS = [
    ("Trūksta lietuvių kalbos kursų vakarais", "language", 1, "survey"),
    ("Sunku rasti darbą be kalbos žinių", "employment", 1, "survey"),
    ("Vaikams reikia pagalbos mokykloje", "education", 2, "meeting"),
    ("Informacija apie sveikatos priežiūrą tik lietuviškai", "health", 2, "partner_report"),
    ("Nuomotojai nenori nuomoti užsieniečiams", "housing", 3, "meeting"),
]

MEETINGS = [
    (
        date(2026, 2, 12),
        "Tinklo susitikimas: metų planas",
        [0, 1, 2, 3],
        "Bendras kontaktų sąrašas; kas mėnesį keistis informacija",
    ),
    (date(2026, 4, 20), "Kalbos kursų poreikis", [1, 6, 7], "Atidaryti vakarinę grupę rudenį"),
    (date(2026, 6, 9), "Sveikatos priežiūros prieinamumas", [2, 8], ""),
    (date(2026, 9, 15), "Mokslo metų pradžia", [3, 6, 7], "Švietimo pagalbos tarnyba skirs asistentą"),
]

COLLABORATIONS = [
    (0, 1, "Įdarbinimas ir socialinė pagalba"),
    (1, 6, "Kalbos klubai ieškantiems darbo"),
    (3, 7, "Vaikų priėmimas į mokyklas"),
    (2, 8, "Psichosocialinė parama"),
    (0, 9, "Integracijos programa"),
]

SURVEY_LANGS = ["lt", "en", "ru", "uk"]
SURVEY_RESPONSES = 64  # 16 per language


def _survey_definition():
    """Return the demo questionnaire (four languages) as export_definition data."""
    return {
        "version": 1,
        "year": REPORT_YEAR,
        "title": {
            "lt": "Gyventojų poreikių apklausa 2026",
            "en": "Residents' needs survey 2026",
            "ru": "Опрос о потребностях жителей 2026",
            "uk": "Опитування потреб мешканців 2026",
        },
        "intro": {
            "lt": "Apklausa anoniminė, užtruks 3 minutes.",
            "en": "The survey is anonymous and takes 3 minutes.",
            "ru": "Опрос анонимный, займёт 3 минуты.",
            "uk": "Опитування анонімне, займе 3 хвилини.",
        },
        "languages": SURVEY_LANGS,
        "allow_repeat": False,
        "questions": [
            {
                "kind": "single",
                "required": True,
                "scale_min": 1,
                "scale_max": 5,
                "show_if": None,
                "text": {
                    "lt": "Ar šiuo metu dirbate?",
                    "en": "Are you working at the moment?",
                    "ru": "Вы сейчас работаете?",
                    "uk": "Чи працюєте ви зараз?",
                },
                "choices": [
                    {"lt": "Taip", "en": "Yes", "ru": "Да", "uk": "Так"},
                    {"lt": "Ne", "en": "No", "ru": "Нет", "uk": "Ні"},
                ],
            },
            {
                "kind": "number",
                "required": True,
                "scale_min": 1,
                "scale_max": 5,
                "show_if": [0, 0],
                "choices": [],
                "text": {
                    "lt": "Kiek valandų per savaitę dirbate?",
                    "en": "How many hours a week do you work?",
                    "ru": "Сколько часов в неделю вы работаете?",
                    "uk": "Скільки годин на тиждень ви працюєте?",
                },
            },
            {
                "kind": "multiple",
                "required": True,
                "scale_min": 1,
                "scale_max": 5,
                "show_if": None,
                "text": {
                    "lt": "Kokios pagalbos labiausiai reikia?",
                    "en": "What help do you need most?",
                    "ru": "Какая помощь вам нужна больше всего?",
                    "uk": "Яка допомога вам найбільше потрібна?",
                },
                "choices": [
                    {
                        "lt": "Lietuvių kalbos kursų",
                        "en": "Lithuanian courses",
                        "ru": "Курсы литовского языка",
                        "uk": "Курси литовської мови",
                    },
                    {"lt": "Darbo paieškos", "en": "Finding a job", "ru": "Поиск работы", "uk": "Пошук роботи"},
                    {"lt": "Būsto", "en": "Housing", "ru": "Жильё", "uk": "Житло"},
                    {
                        "lt": "Sveikatos priežiūros",
                        "en": "Health care",
                        "ru": "Медицинская помощь",
                        "uk": "Медична допомога",
                    },
                ],
            },
            {
                "kind": "scale",
                "required": True,
                "scale_min": 1,
                "scale_max": 5,
                "show_if": None,
                "choices": [],
                "text": {
                    "lt": "Kaip vertinate savivaldybės informaciją (1–5)?",
                    "en": "How do you rate the municipality's information (1–5)?",
                    "ru": "Как вы оцениваете информацию самоуправления (1–5)?",
                    "uk": "Як ви оцінюєте інформацію самоврядування (1–5)?",
                },
            },
            {
                "kind": "text",
                "required": False,
                "scale_min": 1,
                "scale_max": 5,
                "show_if": None,
                "choices": [],
                "text": {
                    "lt": "Ką dar norėtumėte pasakyti?",
                    "en": "Anything else you would like to tell us?",
                    "ru": "Что ещё вы хотели бы сказать?",
                    "uk": "Що ще ви хотіли б сказати?",
                },
            },
        ],
    }


def _users():
    from home.demo_accounts import demo_user as _user

    users = {}
    for slug, _name, _city, _scale in CITIES:
        users[f"{slug}-koordinatorius"] = _user(f"{slug}-koordinatorius", f"{slug}-koordinatorius@example.com")
        users[f"{slug}-darbuotojas"] = _user(f"{slug}-darbuotojas", f"{slug}-darbuotojas@example.com")
    users["sppd-priziuretojas"] = _user("sppd-priziuretojas", "sppd-priziuretojas@example.com")
    Overseer.objects.get_or_create(user=users["sppd-priziuretojas"])
    return users


def _municipality(slug, name, city):
    from home.models import CityPage

    page = CityPage.objects.filter(slug=slug, locale__language_code="lt").first()
    municipality, _ = Municipality.objects.update_or_create(
        slug=slug, defaults={"name": name, "city_name": city, "city_page": page}
    )
    return municipality


def _aware(d):
    return timezone.make_aware(datetime(d.year, d.month, d.day, 12, 0))


@transaction.atomic
def load_coordination_demo():
    """Load (or refresh) the coordination and survey demo; return the demo users by username."""
    users = _users()
    call, _ = FundingCall.objects.update_or_create(
        code="PMIF-2.01-V-03",
        defaults={
            "title": "Užsieniečių integracija savivaldybėse",
            "deadline": date(2026, 3, 31),
            "url": "https://www.esinvesticijos.lt/",
        },
    )
    for slug, name, city, scale in CITIES:
        municipality = _municipality(slug, name, city)
        coordinator, staff = users[f"{slug}-koordinatorius"], users[f"{slug}-darbuotojas"]
        StaffMembership.objects.update_or_create(
            user=coordinator,
            defaults={
                "municipality": municipality,
                "approved": True,
                "is_coordinator": True,
                "job_title": "Integracijos koordinatorius",
            },
        )
        StaffMembership.objects.update_or_create(
            user=staff,
            defaults={
                "municipality": municipality,
                "approved": True,
                "is_coordinator": False,
                "job_title": "Socialinio darbo specialistas",
            },
        )
        partners = []
        for i, (pname, kind, what, langs, public) in enumerate(PARTNERS):
            partner, _ = Partner.objects.update_or_create(
                municipality=municipality,
                name=f"{city}: {pname}" if kind != "piia" else pname,
                defaults={
                    "kind": kind,
                    "services": what,
                    "languages": langs,
                    "is_public": public,
                    "address": f"Pavyzdžio g. {i + 1}, {city}",
                    "phone": f"+370 600 0{scale}{i:03d}",
                    "email": f"info{i + 1}@{slug}.example.org",
                },
            )
            partners.append(partner)
            if i < len(CONTACTS):
                ContactPerson.objects.update_or_create(
                    partner=partner,
                    name=CONTACTS[i],
                    defaults={
                        "role": "Specialistas",
                        "email": f"kontaktas{i + 1}@{slug}.example.org",
                        "consent_given_on": date(2026, 1, 15),
                    },
                )
        for a, b, topic in COLLABORATIONS:
            Collaboration.objects.get_or_create(
                municipality=municipality, first=partners[a], second=partners[b], topic=topic
            )
        meetings = []
        for day, title, who, agreements in MEETINGS:
            meeting, _ = Meeting.objects.update_or_create(
                municipality=municipality,
                date=day,
                title=title,
                defaults={
                    "participants": "Koordinatorius ir partnerių atstovai",
                    "topics": title,
                    "problems": "Trūksta informacijos kitomis kalbomis",
                    "agreements": agreements,
                },
            )
            meeting.partners.set([partners[i] for i in who])
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
        needs = []
        for title, area, priority, evidence in NEEDS:
            need, _ = Need.objects.update_or_create(
                municipality=municipality,
                year=REPORT_YEAR,
                title=title,
                defaults={
                    "area": area,
                    "priority": priority,
                    "evidence_kind": evidence,
                    "meeting": meetings[1] if evidence == "meeting" else None,
                },
            )
            needs.append(need)
        plan, created = Plan.objects.update_or_create(
            municipality=municipality,
            title=f"{city} integracijos planas",
            defaults={
                "start_year": 2025,
                "end_year": 2027,
                "order_number": f"A-{100 * scale + 25}",
                "order_date": date(2025, 1, 20),
            },
        )
        for i, (title, area, ind_name, unit, baseline, v25, v26, funding) in enumerate(MEASURES):
            end = date(2026, 6, 30) if area == "public_education" else date(2027, 12, 31)
            measure, _ = Measure.objects.update_or_create(
                plan=plan,
                title=title,
                defaults={
                    "area": area,
                    "start_date": date(2025, 1, 1),
                    "end_date": end,
                    "status": "in_progress",
                    "responsible": partners[i % len(partners)],
                    "no_funding_needed": funding == "none",
                },
            )
            measure.needs.set([n for n in needs if n.area == area])
            indicator, _ = Indicator.objects.update_or_create(
                measure=measure,
                name=ind_name,
                defaults={"unit": unit, "baseline": Decimal(baseline * scale), "common_code": f"K{i + 1:02d}"},
            )
            for year, (target, actual) in ((2025, v25), (2026, v26)):
                IndicatorValue.objects.update_or_create(
                    indicator=indicator,
                    year=year,
                    defaults={"target": Decimal(target * scale), "actual": Decimal(actual * scale)},
                )
            if isinstance(funding, tuple):
                source, amount, used = funding
                for year in (2025, 2026):
                    Funding.objects.update_or_create(
                        measure=measure,
                        year=year,
                        source=source,
                        defaults={"amount": Decimal(amount * scale), "used": Decimal(used * scale)},
                    )
        if not plan.revisions.exists():
            services.record_revision(
                plan, users[f"{slug}-koordinatorius"], "added integracijos planas (demo)", at=_aware(date(2025, 1, 20))
            )
        application, _ = Application.objects.update_or_create(
            municipality=municipality,
            call=call,
            defaults={
                "title": f"{city}: integracijos paslaugos",
                "status": "granted",
                "requested": Decimal(50000 * scale),
                "granted": Decimal(42000 * scale),
                "deadline": date(2026, 3, 31),
                "submitted_on": date(2026, 3, 20),
            },
        )
        project, _ = Project.objects.update_or_create(
            municipality=municipality,
            title=f"{city}: kartu lengviau",
            defaults={
                "application": application,
                "start_date": date(2026, 5, 1),
                "end_date": date(2028, 4, 30),
                "budget": Decimal(42000 * scale),
            },
        )
        project.measures.set(plan.measures.filter(area__in=["language", "employment"]))
        survey = _demo_survey(municipality, coordinator)
        if slug == "alytus" and survey.questions.exists():
            Need.objects.filter(municipality=municipality, evidence_kind="survey").update(
                survey_question=survey.questions.order_by("position")[2]
            )
        report = services.generate_report(municipality, REPORT_YEAR)
        if slug == "klaipeda" and report.status == AnnualReport.Status.DRAFT:
            report.summary = "Metai su stipresniu tinklu ir nauja vakarine kalbos grupe."
            report.save(update_fields=["summary"])
            services.submit_report(report, coordinator)
    return users


def _demo_survey(municipality, coordinator):
    """Create the four-language survey once, with 64 synthetic answers (16 per language)."""
    wanted = _survey_definition()["title"]["lt"]
    # Filtered in Python: "lt" is also the name of a lookup, so title__lt would compare, not pick the key.
    candidates = Survey.objects.filter(municipality=municipality, year=REPORT_YEAR)
    survey = next((s for s in candidates if s.title.get("lt") == wanted), None)
    if survey is None:
        survey = survey_services.import_definition(_survey_definition(), municipality, coordinator)
        survey.status = Survey.Status.OPEN
        survey.save(update_fields=["status"])
    if survey.responses.exists():
        return survey
    rng = random.Random(f"demo-{municipality.slug}")
    questions = list(survey.questions.order_by("position"))
    works, hours, needs, scale, comment = questions
    work_choices = list(works.choices.all())
    need_choices = list(needs.choices.all())
    comments = ["", "", "Daugiau vakarinių kursų", "Informacijos ukrainiečių kalba", "Ačiū už pagalbą"]
    for n in range(SURVEY_RESPONSES):
        language = SURVEY_LANGS[n % 4]
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
