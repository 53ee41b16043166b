"""Every page type renders in Lithuanian and in English."""

import pytest

from home.models import (
    CallForIdeasPage,
    CityPage,
    EventIndexPage,
    EventPage,
    HomePage,
    InformationPage,
    StoryIndexPage,
    StoryPage,
)

PAGE_TYPES = [
    HomePage,
    CityPage,
    StoryIndexPage,
    StoryPage,
    EventIndexPage,
    EventPage,
    CallForIdeasPage,
    InformationPage,
]


@pytest.mark.parametrize("language", ["lt", "en"])
@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda model: model.__name__)
def test_page_type_renders(client, demo_site, page_type, language):
    page = page_type.objects.live().filter(locale__language_code=language).first()
    assert page is not None, f"demo has no {page_type.__name__} in {language}"
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert page.title in html


def test_interface_strings_follow_the_language(client, demo_site):
    city_lt = CityPage.objects.get(slug="alytus", locale__language_code="lt")
    city_en = city_lt.get_translation(city_lt.locale.__class__.objects.get(language_code="en"))
    assert "Artėjantys renginiai" in client.get(city_lt.url).content.decode()
    assert "Upcoming events" in client.get(city_en.url).content.decode()


def test_language_switcher_links_to_the_translation(client, demo_site):
    story = StoryPage.objects.get(slug="grizau-i-dzukija", locale__language_code="lt")
    english = story.get_translation(story.locale.__class__.objects.get(language_code="en"))
    html = client.get(story.url).content.decode()
    assert f'href="{english.url}" hreflang="en"' in html


def test_city_hub_lists_stories_events_and_open_calls(client, demo_site):
    html = client.get(CityPage.objects.get(slug="alytus", locale__language_code="lt").url).content.decode()
    assert "Grįžau į Dzūkiją" in html
    assert "Antrosios Kalėdų dienos diasporos vakaras" in html
    assert "Žalesnis Alytus" in html


def test_story_index_filters_by_topic(client, demo_site):
    index = StoryIndexPage.objects.get(slug="istorijos", locale__language_code="lt", url_path__contains="alytus")
    family = StoryPage.objects.get(slug="grizau-i-dzukija", locale__language_code="lt").tags.get(name="šeima")
    html = client.get(index.url, {"topic": family.slug}).content.decode()
    assert "Grįžau į Dzūkiją" in html
    assert "Dzūkų balsai Norvegijoje" not in html


def test_drafts_are_not_served(client, demo_site):
    story = StoryPage.objects.get(slug="grizau-i-dzukija", locale__language_code="lt")
    story.unpublish()
    assert client.get(story.url).status_code == 404


def test_national_home_lists_the_three_cities(client, demo_site):
    html = client.get("/lt/").content.decode()
    for city in ("Alytus", "Kaunas", "Klaipėda"):
        assert city in html
