"""Lithuanian and English formats: money, dates with weekdays, a full event without its form."""

import pytest
from django.template import Context, Template
from django.utils import formats, translation

from home.models import EventPage, EventRegistration
from home.templatetags.site_formats import format_money


@pytest.mark.parametrize(
    ("language", "value", "expected"),
    [
        ("lt", 50000, "50\u00a0000,00\u00a0€"),
        ("en", 50000, "€50,000.00"),
        ("lt", "13666.67", "13\u00a0666,67\u00a0€"),
        ("en", "0.5", "€0.50"),
        ("lt", None, ""),
    ],
)
def test_money_in_each_language(language, value, expected):
    assert format_money(value, language=language) == expected
    with translation.override(language):
        assert Template("{% load site_formats %}{{ v|money }}").render(Context({"v": value})) == expected


@pytest.mark.parametrize("language", ["lt", "en"])
def test_event_page_shows_the_weekday_in_the_pages_language(client, demo_site, language):
    page = EventPage.objects.get(slug="karjeros-dirbtuves-sugrizusiems", locale__language_code="lt")
    if language == "en":
        page = page.get_translations().get(locale__language_code="en")
    html = client.get(page.url).content.decode()
    with translation.override(language):
        start = page.next_occurrence().start
        weekday = formats.date_format(start, "l")
        expected = f"{weekday}, {formats.date_format(start, 'DATETIME_FORMAT')}"
    assert expected in html
    assert "Y-m-d" not in html
    if language == "lt":
        assert weekday.lower() in {
            "pirmadienis",
            "antradienis",
            "trečiadienis",
            "ketvirtadienis",
            "penktadienis",
            "šeštadienis",
            "sekmadienis",
        }
        assert " m. " in expected and " d." in expected


def test_call_budget_is_money_in_lithuanian(client, demo_site):
    from home.models import CallForIdeasPage

    call = CallForIdeasPage.objects.get(slug="zalesnis-alytus", locale__language_code="lt")
    assert "50\u00a0000,00\u00a0€" in client.get(call.url).content.decode()


def test_a_full_event_hides_its_registration_form(client, demo_site):
    page = EventPage.objects.get(slug="karjeros-dirbtuves-sugrizusiems", locale__language_code="lt")
    assert 'action="' + page.url + 'register/"' in client.get(page.url).content.decode()
    start = page.next_occurrence().start
    for number in range(page.capacity):
        EventRegistration.objects.create(
            event=page, name=f"Dalyvis {number}", email=f"d{number}@example.com", occurrence_start=start, language="lt"
        )
    html = client.get(page.url).content.decode()
    assert 'class="event-full"' in html
    assert 'action="' + page.url + 'register/"' not in html
    assert 'name="email"' not in html


@pytest.mark.parametrize(
    ("language", "country", "languages"),
    [("lt", "Jungtinė Karalystė", "lietuvių, anglų"), ("en", "United Kingdom", "Lithuanian, English")],
)
def test_expert_directory_and_profile_name_countries_and_languages(client, db, language, country, languages):
    from tests.experts.factories import ExpertProfileFactory

    profile = ExpertProfileFactory(country="GB", languages=["lt", "en"])
    directory = client.get(f"/{language}/experts/", follow=True).content.decode()
    detail = client.get(f"/{language}/experts/{profile.pk}/").content.decode()
    for html in (directory, detail):
        assert country in html and languages in html
        assert "lt, en" not in html
