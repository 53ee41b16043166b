"""Demo: three fictional diaspora experts with accounts and two open Alytus challenges to invite them to."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from challenges.models import Challenge, Municipality
from experts.models import ExpertProfile, Visibility
from experts.services import record_consent

EXPERTS = [
    {
        "username": "ekspertas-rasa",
        "external_id": "demo-expert-rasa",
        "name": "Rasa Vaitkutė",
        "headline": "Vandentvarkos inžinierė Bergene",
        "cv_text": (
            "Dešimt metų dirbu Bergeno vandentvarkos įmonėje: vadovauju vandens nuotėkių mažinimo programai, "
            "planuoju lietaus nuotekų tinklų atnaujinimą ir rengiu jaunus inžinierius. Anksčiau dirbau "
            "Kauno vandenyse. Baigiau Kauno technologijos universitetą."
        ),
        "competencies": ["vandens nuotėkių mažinimas", "lietaus nuotekos", "turto valdymas"],
        "languages": ["lt", "no", "en"],
        "help_topics": ["geriamojo vandens sauga", "lietaus nuotekų tvarkymas"],
        "hours_per_month": 6,
        "can_travel_to_lithuania": True,
        "country": "NO",
        "city_ties": ["Alytus"],
    },
    {
        "username": "expert-tomas",
        "external_id": "demo-expert-tomas",
        "name": "Tomas Petrauskas",
        "headline": "Transport planner in Manchester",
        "cv_text": (
            "Transport planner at a metropolitan authority in Manchester for eight years. I design safe cycling "
            "and walking routes to schools, run public workshops with parents and pupils, and evaluate traffic "
            "calming schemes. Before that I worked for a consultancy in London. Born in Alytus."
        ),
        "competencies": ["urban mobility", "cycling infrastructure", "public workshops"],
        "languages": ["en", "lt"],
        "help_topics": ["safe routes to school", "traffic calming"],
        "hours_per_month": 4,
        "can_travel_to_lithuania": False,
        "country": "GB",
        "city_ties": ["Alytus", "Vilnius"],
    },
    {
        "username": "ekspertas-ieva",
        "external_id": "demo-expert-ieva",
        "name": "Ieva Kazlauskienė",
        "headline": "Skaitmeninių paslaugų dizainerė Berlyne",
        "cv_text": (
            "Kuriu viešųjų e. paslaugų sąsajas Berlyno žemės administracijai: tyrinėju gyventojų poreikius, "
            "testuoju paslaugas su vartotojais ir rūpinuosi prieinamumu. Padėjau perkelti į internetą "
            "gyvenamosios vietos deklaravimą. Dirbu lietuvių, vokiečių ir anglų kalbomis."
        ),
        "competencies": ["paslaugų dizainas", "naudotojų tyrimai", "skaitmeninis prieinamumas"],
        "languages": ["lt", "de", "en"],
        "help_topics": ["savivaldybės e. paslaugos", "svetainių prieinamumas"],
        "hours_per_month": 8,
        "can_travel_to_lithuania": True,
        "country": "DE",
        "city_ties": ["Alytus", "Kaunas"],
    },
]

CHALLENGES = [
    {
        "external_id": "demo-alytus-lietaus-nuotekos",
        "kind": Challenge.Kind.EXPERT_OPINION,
        "title": "Lietaus nuotekų tvarkymas Vidzgirio rajone",
        "description": (
            "Po liūčių Vidzgirio gatvės ir rūsiai apsemiami. Ieškome ekspertės ar eksperto, kuris įvertintų "
            "lietaus nuotekų tinklo atnaujinimo planą ir patartų, kaip sulaikyti vandenį vietoje."
        ),
        "skills_wanted": ["lietaus nuotekos", "vandentvarka"],
        "languages_required": ["lt"],
        "hours_needed_per_month": 6,
        "in_person": False,
    },
    {
        "external_id": "demo-alytus-safe-routes",
        "kind": Challenge.Kind.WORKSHOP,
        "title": "Safer cycling and walking routes to schools",
        "description": (
            "Alytus wants more pupils to walk and cycle to school. We are looking for an expert to lead a "
            "workshop with parents, teachers and the roads department and to review our draft route map."
        ),
        "skills_wanted": ["urban mobility", "cycling infrastructure"],
        "languages_required": ["en"],
        "hours_needed_per_month": 4,
        "in_person": True,
    },
]


def load_expert_demo(make_user):
    """Create or refresh the demo experts (accounts from make_user) and the open Alytus challenges; return the users."""
    users = {}
    for data in EXPERTS:
        data = dict(data)
        username, external_id = data.pop("username"), data.pop("external_id")
        user = make_user(username, f"{username}@example.com")
        profile = ExpertProfile.objects.filter(external_id=external_id).first() or ExpertProfile(
            external_id=external_id
        )
        for name, value in {**data, "user": user, "visibility": Visibility.PUBLIC}.items():
            setattr(profile, name, value)
        record_consent(profile)
        profile.save()
        users[username] = user
    municipality, _ = Municipality.objects.get_or_create(
        slug="alytus", defaults={"name": "Alytaus miesto savivaldybė", "city_name": "Alytus"}
    )
    staff = get_user_model().objects.filter(username="alytus-darbuotojas").first()
    deadline = timezone.localdate() + timedelta(days=90)
    for data in CHALLENGES:
        Challenge.objects.update_or_create(
            external_id=data["external_id"],
            defaults={
                **data,
                "municipality": municipality,
                "created_by": staff,
                "status": Challenge.Status.OPEN,
                "deadline": deadline,
            },
        )
    return users
