"""Anonymous reads: events with occurrences and iCal links, pages in both languages, ideas and results."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from tests.api.conftest import client_for
from tests.ideas.conftest import make_call


def test_upcoming_occurrences_with_ical_links(events):
    response = client_for().get("/api/v1/events/", {"city": "alytus", "language": "lt"})
    assert response.status_code == 200
    rows = response.json()["results"]
    titles = [row["event"]["title"] for row in rows]
    assert titles == ["Kūčių vakaras", "Susitikimas", "Kūčių vakaras"]  # recurrence expanded, soonest first
    assert "Praėjęs" not in titles
    first = rows[0]["event"]
    assert first["city"] == "alytus" and first["language"] == "lt"
    assert first["ical_url"].endswith("/kuciu-vakaras/ical/")
    ical = client_for().get(first["ical_url"].replace("http://testserver", ""))
    assert ical.status_code == 200 and b"BEGIN:VCALENDAR" in ical.content


def test_event_filters_by_language_date_and_city(events):
    english = client_for().get("/api/v1/events/", {"language": "en"}).json()["results"]
    assert {row["event"]["title"] for row in english} == {"Christmas Eve"}
    later = (timezone.now() + timedelta(days=8)).date().isoformat()
    after = client_for().get("/api/v1/events/", {"language": "lt", "after": later}).json()["results"]
    assert [row["event"]["title"] for row in after] == ["Susitikimas", "Kūčių vakaras"]
    assert client_for().get("/api/v1/events/", {"city": "kaunas"}).json()["count"] == 0
    assert client_for().get("/api/v1/events/", {"after": "not-a-date"}).status_code == 400


def test_event_detail_lists_occurrences(events):
    body = client_for().get(f"/api/v1/events/{events['yearly'].pk}/").json()
    assert len(body["occurrences"]) == 2 and body["recurrence"] == "FREQ=YEARLY"


def test_wagtail_pages_in_both_languages(events):
    lt = client_for().get("/api/v1/pages/", {"type": "home.EventPage", "locale": "lt", "fields": "start,venue_name"})
    assert lt.status_code == 200, lt.content
    assert {item["title"] for item in lt.json()["items"]} == {"Kūčių vakaras", "Susitikimas", "Praėjęs"}
    en = client_for().get("/api/v1/pages/", {"type": "home.EventPage", "locale": "en"}).json()
    assert [item["title"] for item in en["items"]] == ["Christmas Eve"]
    detail = client_for().get(f"/api/v1/pages/{events['yearly'].pk}/").json()
    assert detail["venue_name"] == "Rotušė" and detail["meta"]["locale"] == "lt"


def test_cities(site_tree):
    rows = client_for().get("/api/v1/cities/", {"language": "lt"}).json()["results"]
    assert [(row["slug"], row["ical_url"].endswith("/alytus/ical/")) for row in rows] == [("alytus", True)]


def test_ideas_and_published_results(site_tree):
    from ideas.models import Ballot, Idea

    call = make_call(site_tree["city"], slug="zalias", budget=Decimal("100"), phase_override="results")
    good = Idea.objects.create(
        call=call, title="Suoliukai", summary="s", estimated_cost=Decimal("60"), status="accepted"
    )
    Idea.objects.create(call=call, title="Slapta", summary="s", status="submitted")
    ballot = Ballot.objects.create(call=call, external_voter_id="v1")
    ballot.ideas.add(good)
    ideas = client_for().get("/api/v1/ideas/", {"city": "alytus"}).json()["results"]
    assert [row["title"] for row in ideas] == ["Suoliukai"]
    calls = client_for().get("/api/v1/calls/").json()["results"]
    assert calls[0]["phase"] == "results" and calls[0]["results_url"].endswith(f"/api/v1/calls/{call.pk}/results/")
    results = client_for().get(f"/api/v1/calls/{call.pk}/results/").json()
    assert results["winners"] == [good.project_id] and results["ballots"] == 1
    assert results["pb_url"].endswith(f"/ideas/call/{call.pk}/export.pb")


def test_results_are_hidden_before_the_results_phase(site_tree):
    call = make_call(site_tree["city"], slug="atviras")
    assert client_for().get(f"/api/v1/calls/{call.pk}/results/").status_code == 404
