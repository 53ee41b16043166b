"""Found and shared: sitemap, robots.txt, feeds, social tags, canonical and hreflang links, English slugs."""

import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Locale

from home.models import CityPage, EventPage, HomePage, StoryPage

SM = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
ATOM = {"atom": "http://www.w3.org/2005/Atom"}


def story(language):
    lt = StoryPage.objects.get(slug="grizau-i-dzukija", locale__language_code="lt")
    return lt if language == "lt" else lt.get_translation(Locale.objects.get(language_code=language))


def test_sitemap_lists_both_languages_with_hreflang_alternates(client, demo_site):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    urls = {url.find("sm:loc", SM).text: url for url in root.findall("sm:url", SM)}
    lt_url = "http://testserver/lt/alytus/istorijos/grizau-i-dzukija/"
    en_url = "http://testserver/en/alytus/stories/back-in-dzukija-after-ten-years-in-london/"
    assert lt_url in urls and en_url in urls
    assert "http://testserver/lt/" in urls and "http://testserver/en/" in urls
    alternates = {link.get("hreflang"): link.get("href") for link in urls[en_url].findall("xhtml:link", SM)}
    assert alternates == {"lt": lt_url, "en": en_url, "x-default": lt_url}
    live_public = StoryPage.objects.live().public().count()
    assert sum("/istorijos/" in url or "/stories/" in url for url in urls) == live_public + 6  # plus 3 indexes × 2


def test_sitemap_leaves_out_drafts(client, demo_site):
    draft = story("en")
    draft.unpublish()
    assert draft.url_path.split("/")[-2] not in client.get("/sitemap.xml").content.decode()


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_private_areas(client, db):
    response = client.get("/robots.txt")
    body = response.content.decode()
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body and "Disallow: /*/account/" in body
    assert "Disallow: /\n" not in body


@pytest.mark.parametrize(("language", "title"), [("lt", "Grįžau į Dzūkiją"), ("en", "Back in Dzūkija")])
def test_city_story_feeds_in_rss_and_atom(client, demo_site, language, title):
    city = CityPage.objects.get(slug="alytus", locale__language_code=language)
    rss = client.get(f"{city.url}feeds/stories/rss/")
    assert rss.status_code == 200 and rss["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(rss.content).find("channel")
    assert channel.find("language").text == language
    items = channel.findall("item")
    assert len(items) == StoryPage.objects.descendant_of(city).live().count() == 2
    assert any(item.find("title").text.startswith(title) for item in items)
    assert all(item.find("link").text.startswith(f"http://testserver/{language}/alytus/") for item in items)
    atom = client.get(f"{city.url}feeds/stories/atom/")
    assert atom["Content-Type"].startswith("application/atom+xml")
    entries = ET.fromstring(atom.content).findall("atom:entry", ATOM)
    assert len(entries) == 2


def test_city_event_feed_lists_upcoming_occurrences_with_dates(client, demo_site):
    city = CityPage.objects.get(slug="alytus", locale__language_code="lt")
    response = client.get(f"{city.url}feeds/events/rss/")
    titles = [item.find("title").text for item in ET.fromstring(response.content).find("channel").findall("item")]
    assert any(t.startswith("Karjeros dirbtuvės sugrįžusiems (") for t in titles)
    assert len(titles) >= EventPage.objects.descendant_of(city).live().count()
    assert client.get(f"{city.url}feeds/nope/rss/").status_code == 404


def test_story_page_has_social_tags_canonical_and_alternates(client, demo_site):
    page = story("en")
    page.search_description = "Rūta came back to Alytus with her family."
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    lt_url = f"http://testserver{story('lt').url}"
    en_url = f"http://testserver{page.url}"
    assert '<meta name="description" content="Rūta came back to Alytus with her family.">' in html
    assert f'<link rel="canonical" href="{en_url}">' in html
    assert f'<link rel="alternate" hreflang="lt" href="{lt_url}">' in html
    assert f'<link rel="alternate" hreflang="en" href="{en_url}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert f'<meta property="og:title" content="{page.title}">' in html
    assert '<meta property="og:image" content="http://testserver/' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert 'type="application/rss+xml"' in html and "/en/alytus/feeds/stories/rss/" in html


def test_description_falls_back_to_the_introduction(client, demo_site):
    html = client.get(story("lt").url).content.decode()
    assert '<meta name="description" content="Rūta dešimt metų dirbo' in html


@pytest.mark.parametrize("language", ["lt", "en"])
def test_home_title_is_not_doubled(client, demo_site, language):
    html = client.get(f"/{language}/").content.decode()
    title = html.split("<title>")[1].split("</title>")[0]
    assert title.count("·") == 0
    assert title in {"Miestai ir diaspora", "Cities and diaspora"}


def test_english_pages_have_english_slugs(demo_site):
    english = EventPage.objects.filter(locale__language_code="en")
    assert english.count() >= 4
    for page in english:
        lithuanian = page.get_translation(Locale.objects.get(language_code="lt"))
        assert page.slug != lithuanian.slug, page.title
    assert HomePage.objects.filter(locale__language_code="en").exists()
    assert StoryPage.objects.get(slug="a-sailor-came-home-and-founded-a-school").locale.language_code == "en"
