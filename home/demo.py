"""Demo content: three city communities with stories, events, calls and information pages.

The texts live in home/demo_data/*.json, accounts and groups in home.demo_accounts. Everything is keyed
by slug, so loading twice updates what is there instead of duplicating it.
"""

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone
from wagtail.coreutils import cautious_slugify
from wagtail.models import Locale, Page, Site

from awards.demo import load_award_demo
from campaigns.demo import load_campaign_demo
from coordination.demo import load_coordination_demo
from experts.demo import load_expert_demo
from mentoring.demo import load_mentoring_demo
from rotations.demo import load_rotation_demo

from .demo_accounts import DEMO_PASSWORD, city_collection, city_groups, demo_user
from .demo_ideas import load_demo_ideas
from .demo_images import attach_demo_images
from .models import (
    CallForIdeasPage,
    CityPage,
    EventIndexPage,
    EventPage,
    HomePage,
    InformationPage,
    StoryIndexPage,
    StoryPage,
)

VILNIUS = ZoneInfo("Europe/Vilnius")
DATA_DIR = Path(__file__).resolve().parent / "demo_data"


@dataclass
class Translated:
    """A text in Lithuanian and English."""

    lt: str
    en: str

    def get(self, language):
        return getattr(self, language)


def paragraph(text):
    return ("paragraph", f"<p>{text}</p>")


@dataclass
class CityData:
    slug: str
    title: Translated
    municipality: Translated
    intro: Translated
    stories: list = field(default_factory=list)
    events: list = field(default_factory=list)
    calls: list = field(default_factory=list)
    info: list = field(default_factory=list)
    moderated: bool = False


def _next_year_date(month, day, hour=18):
    """Return the next such date (this year or next) in Vilnius time."""
    now = timezone.now().astimezone(VILNIUS)
    candidate = datetime(now.year, month, day, hour, tzinfo=VILNIUS)
    return candidate if candidate > now else candidate.replace(year=now.year + 1)


def _translated(value):
    """Turn every {"lt": …, "en": …} object of the demo data into a Translated, recursively."""
    if isinstance(value, dict):
        if value.keys() == {"lt", "en"}:
            return Translated(value["lt"], value["en"])
        return {key: _translated(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_translated(item) for item in value]
    return value


def _read(name):
    """Return one demo data file (home/demo_data/NAME.json) with its texts as Translated."""
    with open(DATA_DIR / f"{name}.json", encoding="utf-8") as handle:
        return _translated(json.load(handle))


def _event_start(spec, soon):
    """Return an event's start: the next yearly date ({"next": …}) or some days after `soon`."""
    if "next" in spec:
        return _next_year_date(**spec["next"])
    return soon + timedelta(days=spec["soon_plus_days"])


def city_data():
    """Return the demo cities (home/demo_data/cities.json); dates are relative to today so the demo stays current."""
    soon = (timezone.now() + timedelta(days=21)).astimezone(VILNIUS).replace(hour=17, minute=0, second=0, microsecond=0)
    cities = []
    for city in _read("cities"):
        for event in city["events"]:
            event["start"] = _event_start(event["start"], soon)
        for info in city["info"]:
            info["contact"] = tuple(info["contact"])
        cities.append(CityData(**city))
    return cities


def site_data():
    """Return the home page texts and the site-wide information pages (home/demo_data/site.json)."""
    return _read("site")


def _upsert_child(parent, model, slug, locale, **fields):
    """Create or update the child page with this slug under parent, and publish it."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, locale=locale, **fields)
        parent.add_child(instance=page)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _upsert_translation(page, locale, **fields):
    """Create or update the translation of a page into locale, and publish it."""
    translation = page.get_translation_or_none(locale)
    if translation is None:
        translation = page.copy_for_translation(locale, copy_parents=True)
    translation = translation.specific
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def _both(parent_lt, model, slug, locales, common, per_language):
    """Upsert a page in Lithuanian and its English translation; per_language maps field → Translated."""
    lt, en = locales
    page = _upsert_child(parent_lt, model, slug, lt, **common, **{k: v.lt for k, v in per_language.items()})
    # English URLs read in English: the translation's slug comes from its own title.
    english_slug = cautious_slugify(per_language["title"].en) if "title" in per_language else slug
    translation = _upsert_translation(page, en, slug=english_slug, **{k: v.en for k, v in per_language.items()})
    return page, translation


def _body(text):
    return [paragraph(text)]


@transaction.atomic
def load_demo(city_sites=False, stdout=None):
    """Load (or refresh) the demo site, groups, workflow and users; return the created users' logins."""
    lt, _ = Locale.objects.get_or_create(language_code="lt")
    en, _ = Locale.objects.get_or_create(language_code="en")
    site_texts = site_data()
    title, intro = site_texts["home"]["title"], site_texts["home"]["intro"]
    root = tree_root(lt)
    home = HomePage.objects.filter(depth=2, locale=lt).first()
    if home is None:
        home = root.add_child(instance=HomePage(title=title.lt, slug=site_texts["home"]["slug"], locale=lt))
    home.title = title.lt
    home.intro = intro.lt
    home.save_revision().publish()
    home_en = _upsert_translation(home, en, title=title.en, intro=intro.en)
    for info in site_texts["pages"]:
        _both(
            home,
            InformationPage,
            info["slug"],
            (lt, en),
            {"audience": "everyone", "contact_name": "", "contact_email": "info@miestai.lt", "contact_phone": ""},
            {
                "title": info["title"],
                "intro": info["intro"],
                "body": _stream(info["body"]),
                "contact_role": Translated("", ""),
            },
        )
    site, _ = Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": title.lt},
    )
    # Wagtail's installer creates a "Welcome" page; the demo replaces it.
    for stale in (
        Page.objects.filter(depth=2).exclude(pk__in=[home.pk, home_en.pk]).exclude(sites_rooted_here__isnull=False)
    ):
        stale.delete()

    users = {"admin": demo_user("admin", "admin@example.com", superuser=True)}
    for data in city_data():
        city, city_en = _both(
            home,
            CityPage,
            data.slug,
            (lt, en),
            {},
            {"title": data.title, "municipality_name": data.municipality, "intro": _rich(data.intro)},
        )
        stories, stories_en = _both(
            city, StoryIndexPage, "istorijos", (lt, en), {}, {"title": Translated("Istorijos", "Stories")}
        )
        for story in data.stories:
            page, translation = _both(
                stories,
                StoryPage,
                story["slug"],
                (lt, en),
                {"kind": story["kind"], "author_name": story["author"]},
                {"title": story["title"], "intro": story["intro"], "body": _stream(story["body"])},
            )
            page.tags.set(story["tags"])
            page.save_revision().publish()
        events, events_en = _both(
            city, EventIndexPage, "renginiai", (lt, en), {}, {"title": Translated("Renginiai", "Events")}
        )
        for event in data.events:
            _both(
                events,
                EventPage,
                event["slug"],
                (lt, en),
                {
                    "start": event["start"],
                    "end": event["start"] + timedelta(hours=event["hours"]),
                    "time_zone": "Europe/Vilnius",
                    "recurrence": event["recurrence"],
                    "venue_name": event["venue"],
                    "address": event["address"],
                    "online_url": event.get("online", ""),
                    "organiser": event["organiser"],
                    "registration_enabled": True,
                    "capacity": event["capacity"],
                },
                {"title": event["title"], "intro": event["intro"]},
            )
        for call in data.calls:
            now = timezone.now()
            _both(
                city,
                CallForIdeasPage,
                call["slug"],
                (lt, en),
                {
                    "opens_at": now - timedelta(days=7),
                    "closes_at": now + timedelta(days=60),
                    "budget": call["budget"],
                    "prize": call["prize"],
                },
                {"title": call["title"], "theme": call["theme"], "intro": call["intro"]},
            )
        for info in data.info:
            name, role, email, phone = info["contact"]
            _both(
                city,
                InformationPage,
                info["slug"],
                (lt, en),
                {"audience": info["audience"], "contact_name": name, "contact_email": email, "contact_phone": phone},
                {"title": info["title"], "intro": info["intro"], "contact_role": role},
            )
        users.update(city_groups(data, city, city_en))
        attach_demo_images(city, city_en, city_collection(data, []))
        if data.slug == "klaipeda":
            load_demo_ideas(
                city, lambda *args: _both(args[0], args[1], args[2], (lt, en), args[3], args[4]), Translated
            )
        if city_sites:
            Site.objects.update_or_create(
                hostname=f"{data.slug}.localhost", port=80, defaults={"root_page": city, "site_name": data.title.lt}
            )
    users.update(load_coordination_demo())
    load_rotation_demo()
    load_campaign_demo()
    load_award_demo()
    load_mentoring_demo(DEMO_PASSWORD)
    users.update(load_expert_demo(demo_user))
    return users


def tree_root(locale):
    """Return Wagtail's root node, recreating it if the database was flushed."""
    root = Page.get_first_root_node()
    if root is None:
        from django.contrib.contenttypes.models import ContentType

        root = Page.add_root(
            instance=Page(
                title="Root", slug="root", content_type=ContentType.objects.get_for_model(Page), locale=locale
            )
        )
    return root


def _rich(text):
    return Translated(f"<p>{text.lt}</p>", f"<p>{text.en}</p>")


def _stream(text):
    return Translated(_body(text.lt), _body(text.en))
