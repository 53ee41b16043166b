"""Demo: the coordinators' policy lab in Birštonas — five groups through five tables in five slots."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone
from wagtail.models import Locale

from challenges.models import Municipality
from home.demo_images import demo_image
from home.models import CityPage, EventIndexPage, EventPage
from rotations.models import MeetingGroup, MeetingSlot, MeetingTable, PinnedChoice, WorkingMeeting
from rotations.services import apply_rotation

VILNIUS = ZoneInfo("Europe/Vilnius")
TABLES = [
    ("Strateginiai pokalbiai", "Rūta Demo, Tomas Pavyzdys"),
    ("Paslaugų dizainas", "Eglė Bandomoji"),
    ("Projektų valdymas", "Jonas Išgalvotas"),
    ("Vidinė komunikacija", "Aistė Pramanyta"),
    ("Motyvacija", "Darius Sugalvotas"),
]
GROUPS = [
    ("1 grupė", ["Alytaus miesto savivaldybė", "Birštono savivaldybė", "Druskininkų savivaldybė"]),
    ("2 grupė", ["Klaipėdos miesto savivaldybė", "Palangos miesto savivaldybė", "Neringos savivaldybė"]),
    ("3 grupė", ["Kauno miesto savivaldybė", "Jonavos rajono savivaldybė", "Kėdainių rajono savivaldybė"]),
    ("4 grupė", ["Vilniaus miesto savivaldybė", "Trakų rajono savivaldybė", "Elektrėnų savivaldybė"]),
    ("5 grupė", ["Šiaulių miesto savivaldybė", "Panevėžio miesto savivaldybė", "Utenos rajono savivaldybė"]),
]
SLOT_STARTS = [(9, 0), (10, 30), (12, 30), (14, 0), (15, 30)]


def _next_may_12():
    """Return the next 12 May (09:00 Vilnius time), so the demo never goes stale."""
    now = timezone.now().astimezone(VILNIUS)
    candidate = datetime(now.year, 5, 12, 9, tzinfo=VILNIUS)
    return candidate if candidate > now else candidate.replace(year=now.year + 1)


def _policy_lab_event():
    """Create or update the policy lab event under Alytus's events, in Lithuanian and English."""
    events = EventIndexPage.objects.child_of(CityPage.objects.get(slug="alytus", locale__language_code="lt")).first()
    start = _next_may_12()
    fields = {
        "start": start,
        "end": start + timedelta(days=2, hours=8),
        "time_zone": "Europe/Vilnius",
        "venue_name": "Birštono kurhauzas",
        "address": "Birutės g. 2, Birštonas",
        "organiser": "Socialinių paslaugų priežiūros departamentas",
        "intro": "Integracijos koordinatorių politikos laboratorija: penkios grupės, penki stalai, penki laiko tarpai.",
    }
    event = EventPage.objects.child_of(events).filter(slug="politikos-laboratorija").first()
    if event is None:
        event = EventPage(
            title="Koordinatorių politikos laboratorija", slug="politikos-laboratorija", locale=events.locale, **fields
        )
        events.add_child(instance=event)
    else:
        for name, value in fields.items():
            setattr(event, name, value)
    event.save_revision().publish()
    english = Locale.objects.get(language_code="en")
    translation = event.get_translation_or_none(english)
    if translation is None:
        translation = event.copy_for_translation(english, copy_parents=True)
    translation = translation.specific
    translation.title = "Coordinators' policy lab"
    translation.slug = "policy-lab"
    translation.intro = "A policy lab for integration coordinators: five groups, five tables, five time slots."
    translation.save_revision().publish()
    city = CityPage.objects.ancestor_of(event).first()
    if city.lead_image_id:
        # A picture like every other demo event's, in the city's own collection.
        image = demo_image(event.title, city.lead_image.collection)
        for version in (event, translation):
            version.lead_image = image
            version.save_revision().publish()
    return event


def load_rotation_demo():
    """Create (or rebuild) the demo working meeting with a generated rotation and one pinned choice."""
    event = _policy_lab_event()
    WorkingMeeting.objects.filter(event=event).delete()
    meeting = WorkingMeeting.objects.create(
        event=event,
        title="Darbo susitikimas: rotuojančios grupės",
        intro="Kiekviena savivaldybių grupė kartą aplanko kiekvieną stalą; moderatoriai užrašo išvadas ir tolesnius veiksmus.",
    )
    for order, (name, members) in enumerate(GROUPS):
        MeetingGroup.objects.create(meeting=meeting, sort_order=order, name=name, members="\n".join(members))
    for order, (name, moderators) in enumerate(TABLES):
        MeetingTable.objects.create(meeting=meeting, sort_order=order, name=name, moderators=moderators)
    day = event.start.astimezone(VILNIUS) + timedelta(days=1)
    for order, (hour, minute) in enumerate(SLOT_STARTS):
        starts = day.replace(hour=hour, minute=minute)
        MeetingSlot.objects.create(
            meeting=meeting, sort_order=order, starts_at=starts, ends_at=starts + timedelta(minutes=75)
        )
    groups, tables, slots = list(meeting.groups.all()), list(meeting.tables.all()), list(meeting.slots.all())
    PinnedChoice.objects.create(meeting=meeting, group=groups[2], table=tables[4], slot=slots[0])
    apply_rotation(meeting)
    for slug, name, city in (
        ("alytus", "Alytaus miesto savivaldybė", "Alytus"),
        ("klaipeda", "Klaipėdos miesto savivaldybė", "Klaipėda"),
    ):
        Municipality.objects.get_or_create(slug=slug, defaults={"name": name, "city_name": city})
    return meeting
