"""Demo content: three city communities with stories, events, calls and information pages.

Everything is keyed by slug, so loading twice updates what is there instead of duplicating it.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone
from wagtail.coreutils import cautious_slugify
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from awards.demo import load_award_demo
from campaigns.demo import load_campaign_demo
from coordination.demo import load_coordination_demo
from experts.demo import load_expert_demo
from mentoring.demo import load_mentoring_demo
from rotations.demo import load_rotation_demo

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
DEMO_PASSWORD = "demo-slaptazodis-2026"


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


def city_data():
    """Return the demo cities; dates are relative to today so the demo stays current."""
    soon = (timezone.now() + timedelta(days=21)).astimezone(VILNIUS).replace(hour=17, minute=0, second=0, microsecond=0)
    return [
        CityData(
            slug="alytus",
            title=Translated("Alytus", "Alytus"),
            municipality=Translated("Alytaus miesto savivaldybė", "Alytus City Municipality"),
            intro=Translated(
                "Alytaus bendruomenė – čia gyvenantys, išvykę ir sugrįžę alytiškiai.",
                "The Alytus community: people who live here, who left, and who came back.",
            ),
            stories=[
                {
                    "slug": "grizau-i-dzukija",
                    "kind": "returnee",
                    "title": Translated(
                        "Grįžau į Dzūkiją po dešimties metų Londone", "Back in Dzūkija after ten years in London"
                    ),
                    "author": "Rūta Jankauskienė",
                    "intro": Translated(
                        "Rūta dešimt metų dirbo vandentvarkos inžiniere Londone, o pernai su šeima grįžo į Alytų.",
                        "Rūta spent ten years as a water engineer in London and last year moved back to Alytus with her family.",
                    ),
                    "body": Translated(
                        "Didžiausias iššūkis buvo ne darbas, o vaikų mokykla. Savivaldybės vieno langelio konsultantė padėjo per savaitę.",
                        "The biggest challenge was not work but the children's school. The municipality's one-stop adviser sorted it in a week.",
                    ),
                    "tags": ["sugrįžimas", "šeima"],
                },
                {
                    "slug": "dzuku-balsai-norvegijoje",
                    "kind": "diaspora_voice",
                    "title": Translated("Dzūkų balsai Norvegijoje", "Dzūkija voices in Norway"),
                    "author": "Tomas Vaitkus",
                    "intro": Translated(
                        "Bergene susibūrusi alytiškių grupė kas mėnesį rengia lietuvišką vakarą.",
                        "A group of Alytus people in Bergen holds a Lithuanian evening every month.",
                    ),
                    "body": Translated(
                        "Jie padeda naujai atvykusiems susirasti darbą ir palaiko ryšį su gimtuoju miestu.",
                        "They help newcomers find work and keep in touch with their home town.",
                    ),
                    "tags": ["diaspora", "kultūra"],
                },
            ],
            events=[
                {
                    "slug": "kaledu-diasporos-vakaras",
                    "title": Translated("Antrosios Kalėdų dienos diasporos vakaras", "Boxing Day diaspora evening"),
                    "intro": Translated(
                        "Kasmet gruodžio 26 d. alytiškiai iš viso pasaulio susitinka rotušėje.",
                        "Every year on 26 December people from Alytus all over the world meet at the town hall.",
                    ),
                    "start": _next_year_date(12, 26, 18),
                    "hours": 3,
                    "recurrence": "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=26",
                    "venue": "Alytaus rotušė",
                    "address": "Rotušės a. 4, Alytus",
                    "capacity": 120,
                    "organiser": "Alytaus miesto savivaldybė",
                },
                {
                    "slug": "karjeros-dirbtuves-sugrizusiems",
                    "title": Translated("Karjeros dirbtuvės sugrįžusiems", "Career workshop for returnees"),
                    "intro": Translated(
                        "Praktinės dirbtuvės apie darbo paiešką ir verslo pradžią Alytuje.",
                        "A practical workshop on finding work and starting a business in Alytus.",
                    ),
                    "start": soon,
                    "hours": 2,
                    "recurrence": "",
                    "venue": "Alytaus verslo centras",
                    "address": "Pulko g. 2, Alytus",
                    "capacity": 2,
                    "organiser": "Alytaus verslo centras",
                },
            ],
            calls=[
                {
                    "slug": "zalesnis-alytus",
                    "title": Translated("Žalesnis Alytus: idėjų konkursas", "A greener Alytus: call for ideas"),
                    "theme": Translated("Žaliosios erdvės", "Green spaces"),
                    "intro": Translated(
                        "Siūlykite, kaip pagerinti miesto parkus ir kiemus. Balsuoti gali ir išvykę alytiškiai.",
                        "Propose how to improve the city's parks and courtyards. Alytus people abroad can vote too.",
                    ),
                    "budget": 50000,
                    "prize": "",
                },
            ],
            info=[
                {
                    "slug": "grizusiems",
                    "audience": "returnees",
                    "title": Translated("Grįžtantiems į Alytų", "Returning to Alytus"),
                    "intro": Translated(
                        "Viskas vienoje vietoje: deklaravimas, mokyklos, darbas, sveikatos draudimas.",
                        "Everything in one place: registering your address, schools, work and health insurance.",
                    ),
                    "contact": (
                        "Ieva Marcinkevičienė",
                        Translated("Vieno langelio konsultantė", "One-stop adviser"),
                        "grizk@alytus.lt",
                        "+370 315 55 100",
                    ),
                },
                {
                    "slug": "atvykusiems",
                    "audience": "newcomers",
                    "title": Translated("Atvykusiems į Alytų", "New to Alytus"),
                    "intro": Translated(
                        "Lietuvių kalbos kursai, leidimai gyventi ir pagalba įsikuriant.",
                        "Lithuanian courses, residence permits and help settling in.",
                    ),
                    "contact": (
                        "Jonas Petrauskas",
                        Translated("Integracijos koordinatorius", "Integration coordinator"),
                        "integracija@alytus.lt",
                        "+370 315 55 101",
                    ),
                },
            ],
        ),
        CityData(
            slug="kaunas",
            moderated=True,
            title=Translated("Kaunas", "Kaunas"),
            municipality=Translated("Kauno miesto savivaldybė", "Kaunas City Municipality"),
            intro=Translated(
                "Kauno bendruomenė pasaulyje: istorijos, renginiai ir idėjos miestui.",
                "The Kaunas community worldwide: stories, events and ideas for the city.",
            ),
            stories=[
                {
                    "slug": "architekte-is-cikagos",
                    "kind": "notable",
                    "title": Translated(
                        "Architektė iš Čikagos kuria Kauno modernizmo maršrutus",
                        "A Chicago architect maps Kaunas modernism",
                    ),
                    "author": "Eglė Stankevičiūtė",
                    "intro": Translated(
                        "Tarpukario architektūros tyrinėtoja savanoriauja Kauno turizmo projektuose.",
                        "A scholar of interwar architecture volunteers for Kaunas tourism projects.",
                    ),
                    "body": Translated(
                        "Jos sudaryti maršrutai jau naudojami ekskursijose lietuvių ir anglų kalbomis.",
                        "Her routes are already used for tours in Lithuanian and English.",
                    ),
                    "tags": ["architektūra", "diaspora"],
                },
            ],
            events=[
                {
                    "slug": "pasaulio-kauniecziu-forumas",
                    "title": Translated("Pasaulio kauniečių forumas", "World Kaunas Forum"),
                    "intro": Translated(
                        "Hibridinis forumas apie miesto ateitį.", "A hybrid forum on the city's future."
                    ),
                    "start": soon + timedelta(days=10),
                    "hours": 6,
                    "recurrence": "",
                    "venue": "Kauno rotušė",
                    "address": "Rotušės a. 15, Kaunas",
                    "online": "https://example.org/kaunas-forum",
                    "capacity": 200,
                    "organiser": "Kauno miesto savivaldybė",
                },
            ],
            calls=[
                {
                    "slug": "kauno-miesto-vartai",
                    "title": Translated("Kauno miesto vartų idėja", "An idea for the Kaunas city gate"),
                    "theme": Translated("Miesto identitetas", "City identity"),
                    "intro": Translated(
                        "Ieškome simbolinio miesto įvažiavimo akcento.", "We are looking for a symbolic city entrance."
                    ),
                    "budget": None,
                    "prize": "3000 €",
                },
            ],
            info=[
                {
                    "slug": "grizusiems",
                    "audience": "everyone",
                    "title": Translated("Sugrįžtantiems ir atvykstantiems", "Returnees and newcomers"),
                    "intro": Translated("Kauno vieno langelio paslaugos.", "Kaunas one-stop services."),
                    "contact": (
                        "Laura Kazlauskaitė",
                        Translated("Vieno langelio vadovė", "Head of the one-stop office"),
                        "grizk@kaunas.lt",
                        "+370 37 42 42 42",
                    ),
                },
            ],
        ),
        CityData(
            slug="klaipeda",
            title=Translated("Klaipėda", "Klaipėda"),
            municipality=Translated("Klaipėdos miesto savivaldybė", "Klaipėda City Municipality"),
            intro=Translated(
                "Uostamiesčio bendruomenė ir jos išeivija.", "The port city's community and its diaspora."
            ),
            stories=[
                {
                    "slug": "jurininkas-gryzo-namo",
                    "kind": "returnee",
                    "title": Translated(
                        "Jūrininkas grįžo namo ir įkūrė mokyklą", "A sailor came home and founded a school"
                    ),
                    "author": "Darius Bružas",
                    "intro": Translated(
                        "Po dvidešimties metų laivuose Darius moko jaunimą buriuoti.",
                        "After twenty years at sea Darius teaches young people to sail.",
                    ),
                    "body": Translated(
                        "Mokykla jau priėmė pirmuosius 40 mokinių.", "The school has taken its first 40 pupils."
                    ),
                    "tags": ["sugrįžimas", "jūra"],
                },
            ],
            events=[
                {
                    "slug": "juros-svente-diasporai",
                    "title": Translated("Jūros šventės diasporos susitikimas", "Sea Festival diaspora meet-up"),
                    "intro": Translated(
                        "Kiekvienų metų liepos pabaigoje per Jūros šventę.",
                        "Every year at the end of July during the Sea Festival.",
                    ),
                    "start": _next_year_date(7, 25, 15),
                    "hours": 2,
                    "recurrence": "FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=25",
                    "venue": "Kruizinių laivų terminalas",
                    "address": "Žvejų g. 8, Klaipėda",
                    "capacity": None,
                    "organiser": "Klaipėdos miesto savivaldybė",
                },
            ],
            calls=[],
            info=[
                {
                    "slug": "atvykusiems",
                    "audience": "newcomers",
                    "title": Translated("Atvykusiems į Klaipėdą", "New to Klaipėda"),
                    "intro": Translated(
                        "Informacija užsieniečiams ir jų šeimoms.", "Information for foreigners and their families."
                    ),
                    "contact": (
                        "Aistė Jonaitytė",
                        Translated("Migrantų informacijos centras", "Migrant information centre"),
                        "info@klaipeda.lt",
                        "+370 46 39 60 00",
                    ),
                },
            ],
        ),
    ]


SITE_PAGES = [
    {
        "slug": "apie",
        "title": Translated("Apie platformą", "About the platform"),
        "intro": Translated(
            "Miestai ir diaspora jungia Lietuvos miestus su jų žmonėmis visame pasaulyje.",
            "Cities and diaspora connects Lithuanian cities with their people all over the world.",
        ),
        "body": Translated(
            "Savivaldybės skelbia iššūkius ir randa ekspertų tarp išvykusiųjų; miestai dalijasi istorijomis ir "
            "renginiais; gyventojai ir išeivija kartu siūlo idėjas ir balsuoja dėl dalyvaujamojo biudžeto.",
            "Municipalities post challenges and find experts among those who left; cities share stories and events; "
            "residents and the diaspora propose ideas and vote on participatory budgets together.",
        ),
    },
    {
        "slug": "privatumas",
        "title": Translated("Privatumo politika", "Privacy policy"),
        "intro": Translated(
            "Kokius duomenis renkame, kodėl ir kaip galite juos gauti ar ištrinti.",
            "What data we collect, why, and how you can get or erase it.",
        ),
        "body": Translated(
            "Eksperto profilį ir gyvenimo aprašymą matote jūs ir tik tos savivaldybės, kurioms leidžiate. "
            "Savo duomenis galite atsisiųsti ir ištrinti paskyros puslapyje bet kada.",
            "Your expert profile and CV are seen by you and only by the municipalities you allow. "
            "You can download and erase your data from your account page at any time.",
        ),
    },
]


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
    root = tree_root(lt)
    home = HomePage.objects.filter(depth=2, locale=lt).first()
    if home is None:
        home = root.add_child(instance=HomePage(title="Miestai ir diaspora", slug="miestai", locale=lt))
    home.title = "Miestai ir diaspora"
    home.intro = (
        "<p>Lietuvos miestų bendruomenės – čia gyvenantys, išvykę, sugrįžę ir atvykę. Čia savivaldybės "
        "kviečia diasporos ekspertus į savo iššūkius, miestai skelbia renginius ir istorijas, o gyventojai "
        "kartu su išeivija siūlo idėjas ir balsuoja dėl dalyvaujamojo biudžeto.</p>"
    )
    home.save_revision().publish()
    home_en = _upsert_translation(
        home,
        en,
        title="Cities and diaspora",
        intro=(
            "<p>Lithuanian city communities: people who live there, who left, who returned and who arrived. "
            "Here municipalities invite experts from the diaspora to their challenges, cities publish events and "
            "stories, and residents propose ideas and vote on participatory budgets together with those abroad.</p>"
        ),
    )
    for info in SITE_PAGES:
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
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Miestai ir diaspora"},
    )
    # Wagtail's installer creates a "Welcome" page; the demo replaces it.
    for stale in (
        Page.objects.filter(depth=2).exclude(pk__in=[home.pk, home_en.pk]).exclude(sites_rooted_here__isnull=False)
    ):
        stale.delete()

    users = {"admin": _user("admin", "admin@example.com", superuser=True)}
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
        users.update(_city_groups(data, city, city_en))
        attach_demo_images(city, city_en, _city_collection(data, []))
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
    users.update(load_expert_demo(_user))
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


def _user(username, email, superuser=False):
    """Create or refresh a demo user with a verified e-mail address."""
    from allauth.account.models import EmailAddress

    user, _ = get_user_model().objects.get_or_create(username=username, defaults={"email": email})
    user.email = email
    user.is_staff = superuser
    user.is_superuser = superuser
    user.set_password(DEMO_PASSWORD)
    user.save()
    EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


def _page_group(name, hubs, codenames):
    """Create or refresh a group that may use the Wagtail admin with these page permissions on the hubs."""
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for hub in hubs:
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=hub,
                permission=Permission.objects.get(codename=codename, content_type__app_label="wagtailcore"),
            )
    return group


def _city_groups(data, city, city_en):
    """Give the city its editors (and moderators with a workflow where the city wants one)."""
    hubs = (city, city_en)
    publishing = ("add_page", "change_page", "publish_page")
    # In a moderated city editors may not publish: their changes go through the workflow.
    editors = _page_group(f"{data.title.lt} editors", hubs, publishing[:2] if data.moderated else publishing)
    _city_collection(data, [editors])
    editor = _user(f"{data.slug}-editor", f"{data.slug}-editor@example.com")
    editor.groups.add(editors)
    users = {editor.username: editor}
    if data.moderated:
        moderators = _page_group(f"{data.title.lt} moderators", hubs, publishing)
        moderator = _user(f"{data.slug}-moderator", f"{data.slug}-moderator@example.com")
        moderator.groups.add(moderators)
        _city_collection(data, [moderators])
        users[moderator.username] = moderator
        task, _ = GroupApprovalTask.objects.get_or_create(name=f"{data.title.lt}: moderatorių patvirtinimas")
        task.groups.set([moderators])
        workflow, _ = Workflow.objects.get_or_create(name=f"{data.title.lt}: moderavimas")
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
        for hub in hubs:
            WorkflowPage.objects.update_or_create(page=hub, defaults={"workflow": workflow})
    return users


MEDIA_PERMISSIONS = {
    "wagtailimages": ("add_image", "change_image", "choose_image"),
    "wagtaildocs": ("add_document", "change_document", "choose_document"),
}


def _city_collection(data, groups):
    """Give the city its image and document collection, which its groups may use (and see who registered)."""
    from wagtail.models import Collection, GroupCollectionPermission

    root = Collection.get_first_root_node() or Collection.add_root(name="Root")  # gone after a test flush
    collection = root.get_children().filter(name=data.title.lt).first()
    if collection is None:
        collection = root.add_child(name=data.title.lt)
    view_registrations = Permission.objects.get(content_type__app_label="home", codename="view_eventregistration")
    for group in groups:
        group.permissions.add(view_registrations)
        for app_label, codenames in MEDIA_PERMISSIONS.items():
            for codename in codenames:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=collection,
                    permission=Permission.objects.get(content_type__app_label=app_label, codename=codename),
                )
    return collection
