"""Fixtures for search tests: a small bilingual site with stories, events, calls, challenges and experts."""

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone


@pytest.fixture
def users(db):
    """Return an anonymous marker, a member, approved staff, pending staff and a platform admin."""
    from challenges.models import Municipality, StaffMembership

    user_model = get_user_model()
    municipality, _ = Municipality.objects.get_or_create(
        slug="alytus", defaults={"name": "Alytaus miesto savivaldybė", "city_name": "Alytus"}
    )
    member = user_model.objects.create_user("member", "member@example.org", "x-Passw0rd-1")
    staff = user_model.objects.create_user("staff", "staff@example.org", "x-Passw0rd-1")
    pending = user_model.objects.create_user("pending", "pending@example.org", "x-Passw0rd-1")
    StaffMembership.objects.create(user=staff, municipality=municipality, approved=True)
    StaffMembership.objects.create(user=pending, municipality=municipality, approved=False)
    admin = user_model.objects.create_superuser("admin", "admin@example.org", "x-Passw0rd-1")
    return {"member": member, "staff": staff, "pending": pending, "admin": admin, "municipality": municipality}


def make_expert(**fields):
    """Create a consented, public expert profile with sensible defaults."""
    from experts.models import ExpertProfile

    defaults = {
        "name": "Expert",
        "headline": "",
        "cv_text": "",
        "competencies": [],
        "languages": ["lt"],
        "help_topics": [],
        "hours_per_month": 5,
        "can_travel_to_lithuania": False,
        "country": "GB",
        "city_ties": [],
        "visibility": "public",
        "consent_given_at": timezone.now(),
        "consent_version": "test",
    }
    defaults.update(fields)
    return ExpertProfile.objects.create(**defaults)


def add_story(parent_index, title, intro="", body_text="", locale=None, story_date=None, live=True):
    """Add a story page under a story index."""
    from home.models import StoryPage

    body = [{"type": "paragraph", "value": f"<p>{body_text}</p>"}] if body_text else []
    page = StoryPage(
        title=title,
        intro=intro,
        date=story_date or date(2026, 5, 1),
        live=live,
        locale=locale or parent_index.locale,
    )
    if body:
        page.body = body
    return parent_index.add_child(instance=page)


@pytest.fixture
def site(site_tree):
    """Add story and event indexes, stories, events, a call and an information page to Alytus, and Klaipėda."""
    from home.models import CallForIdeasPage, CityPage, EventIndexPage, EventPage, InformationPage, StoryIndexPage

    city, city_en, home = site_tree["city"], site_tree["city_en"], site_tree["home"]
    stories = city.add_child(instance=StoryIndexPage(title="Istorijos", slug="istorijos"))
    events = city.add_child(instance=EventIndexPage(title="Renginiai", slug="renginiai"))
    stories_en = city_en.add_child(instance=StoryIndexPage(title="Stories", slug="stories", locale=city_en.locale))
    klaipeda = home.add_child(
        instance=CityPage(title="Klaipėda", slug="klaipeda", municipality_name="Klaipėdos miesto savivaldybė")
    )
    klaipeda_stories = klaipeda.add_child(instance=StoryIndexPage(title="Istorijos", slug="istorijos"))
    now = timezone.now()
    pages = {
        "water": add_story(
            stories,
            "Vandentvarkos ateitis Alytuje",
            intro="Kaip atnaujinti miesto vandentvarką.",
            body_text="Vandentvarkos specialistai iš diasporos dalijasi patirtimi.",
        ),
        "mention": add_story(
            stories,
            "Sugrįžimo istorija",
            intro="Grįžau į Alytų po dešimties metų.",
            body_text="Dirbau Londone, o dabar padedu vandentvarkos įmonei.",
        ),
        "klaipeda_story": add_story(
            klaipeda_stories, "Jūrinis festivalis Klaipėdoje", intro="Klaipėdos uostas ir žmonės."
        ),
        "english": add_story(stories_en, "Water utilities of the future", intro="How Alytus renews its water utility."),
        "upcoming": events.add_child(
            instance=EventPage(
                title="Bendruomenės susitikimas",
                start=now + timedelta(days=10),
                end=now + timedelta(days=10, hours=2),
                venue_name="Alytaus kultūros centras",
                intro="Susitikimas su vandentvarkos ekspertais.",
            )
        ),
        "past": events.add_child(
            instance=EventPage(
                title="Praėjęs susitikimas",
                start=now - timedelta(days=30),
                end=now - timedelta(days=30) + timedelta(hours=2),
                venue_name="Alytaus kultūros centras",
                intro="Senas vandentvarkos susitikimas.",
            )
        ),
        "call": city.add_child(
            instance=CallForIdeasPage(
                title="Idėjų konkursas: vandentvarka",
                theme="Vanduo",
                opens_at=now - timedelta(days=1),
                closes_at=now + timedelta(days=30),
                intro="Pasiūlykite idėjų vandentvarkai.",
            )
        ),
        "info": city.add_child(
            instance=InformationPage(title="Informacija grįžtantiems", intro="Kaip grįžti į Lietuvą.")
        ),
        "draft": add_story(stories, "Juodraštis apie vandentvarką", intro="Vandentvarkos juodraštis.", live=False),
    }
    return {**site_tree, "klaipeda": klaipeda, "stories": stories, "stories_en": stories_en, "pages": pages}


@pytest.fixture
def challenges(site, users):
    """Create an open, an in-progress, a draft and a closed challenge about water utilities."""
    from challenges.models import Challenge

    municipality = users["municipality"]
    municipality.city_page = site["city"]
    municipality.save()
    out = {}
    for status in ("open", "in_progress", "draft", "closed"):
        out[status] = Challenge.objects.create(
            municipality=municipality,
            kind="expert_opinion",
            title=f"Vandentvarkos iššūkis ({status})",
            description="Reikia patarimo dėl vandentvarkos tinklų renovacijos.",
            skills_wanted=["vandentvarka"],
            status=status,
            deadline=date(2027, 1, 31),
        )
    return out


@pytest.fixture
def experts(users):
    """Create experts of every visibility, with facets spread over countries, languages and hours."""
    owner_of_hidden = users["member"]
    return {
        "water": make_expert(
            name="Rūta Vandenytė",
            headline="Vandentvarkos inžinierė",
            competencies=["vandentvarka", "nuotekų valymas"],
            help_topics=["vandentvarka"],
            languages=["lt", "en"],
            country="GB",
            hours_per_month=8,
            can_travel_to_lithuania=True,
            city_ties=["Klaipėda"],
            cv_text="Dirbau Thames Water bendrovėje penkiolika metų.",
        ),
        "energy": make_expert(
            name="Jonas Energetikas",
            headline="Energy efficiency consultant",
            competencies=["renewable energy"],
            help_topics=["energy"],
            languages=["en"],
            country="DE",
            hours_per_month=15,
            cv_text="Secret bankruptcy restructuring work for water utilities.",
            city_ties=["Alytus"],
        ),
        "staff_only": make_expert(
            name="Staff Only",
            headline="Vandentvarkos auditorius",
            visibility="staff",
            country="NO",
            hours_per_month=30,
        ),
        "hidden": make_expert(
            name="Hidden Person",
            headline="Vandentvarkos konsultantas",
            visibility="hidden",
            user=owner_of_hidden,
            country="US",
        ),
        "unconsented": make_expert(
            name="No Consent", headline="Vandentvarkos vadovas", consent_given_at=None, country="FR"
        ),
    }


@pytest.fixture(autouse=True)
def elasticsearch_test_indices(settings):
    """Keep test documents in their own indices and make single writes visible at once (live node only)."""
    settings.SEARCH_INDEX_PREFIX = "miestai-test"
    settings.SEARCH_ELASTIC_REFRESH = True
    # Search tests do not need matching's per-save embeddings (semantic search encodes on the fly).
    settings.MATCHING_AUTO_EMBED = False


@pytest.fixture
def indexed(site, challenges, experts):
    """Build the search index tables from everything above (as the rebuild command does).

    With ELASTICSEARCH_URL pointing at a live node the Elasticsearch indices are built too, so the
    behavioural tests then run against Elasticsearch; otherwise they run on the database path.
    """
    from search import elastic, indexing

    indexing.rebuild_database_index()
    if elastic.enabled() and elastic.ping():
        indexing.rebuild_elastic_index()
    return {"site": site, "challenges": challenges, "experts": experts}
