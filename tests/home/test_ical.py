"""iCalendar feeds parse with the icalendar library and carry the recurrence."""

from icalendar import Calendar

from home.models import CityPage, EventPage


def test_city_feed_contains_events_and_the_yearly_tradition(client, demo_site):
    city = CityPage.objects.get(slug="alytus", locale__language_code="lt")
    response = client.get(city.url + "ical/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = {str(component["summary"]): component for component in calendar.walk("VEVENT")}
    assert set(events) == {
        "Antrosios Kalėdų dienos diasporos vakaras",
        "Karjeros dirbtuvės sugrįžusiems",
        "Koordinatorių politikos laboratorija",  # the working-meetings demo (rotations/demo.py)
    }
    rule = events["Antrosios Kalėdų dienos diasporos vakaras"]["RRULE"]
    assert rule["FREQ"] == ["YEARLY"] and rule["BYMONTH"] == [12] and rule["BYMONTHDAY"] == [26]
    start = events["Antrosios Kalėdų dienos diasporos vakaras"].decoded("dtstart")
    assert (start.month, start.day, start.hour) == (12, 26, 18)
    assert str(start.tzinfo) == "Europe/Vilnius"
    assert calendar.walk("VTIMEZONE"), "time zone definitions must be included for calendar apps"


def test_event_ics_download(client, demo_site):
    event = EventPage.objects.get(slug="boxing-day-diaspora-evening", locale__language_code="en")
    response = client.get(event.url + "ical/")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    (component,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(component["summary"]) == "Boxing Day diaspora evening"
    assert component["UID"].endswith("@miestai-diaspora")


def test_upcoming_listing_expands_recurrences(demo_site):
    from datetime import timedelta

    from django.utils import timezone

    event = EventPage.objects.get(slug="kaledu-diasporos-vakaras", locale__language_code="lt")
    now = timezone.now()
    occurrences = event.occurrences(after=now, before=now + timedelta(days=3 * 366))
    assert len(occurrences) == 3
    assert all((o.start.month, o.start.day, o.start.hour) == (12, 26, 18) for o in occurrences)


def test_recurrence_is_described_in_words(client, demo_site):
    event = EventPage.objects.get(slug="kaledu-diasporos-vakaras", locale__language_code="lt")
    assert "Kasmet gruodžio 26 d." in client.get(event.url).content.decode()
    english = EventPage.objects.get(slug="boxing-day-diaspora-evening", locale__language_code="en")
    assert "Every year on December 26" in client.get(english.url).content.decode()
