"""Page fragments (listings, articles, footer): reused across requests, fresh after every change, never personal."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from common import pagecache
from home.models import StoryIndexPage, StoryPage


@pytest.fixture
def stories(site_tree):
    from wagtail.models import Site

    from home.models import SiteContacts

    SiteContacts.for_site(Site.objects.get(is_default_site=True))  # its first read saves a row (a new generation)
    city = site_tree["city"]
    index = city.add_child(instance=StoryIndexPage(title="Istorijos", slug="istorijos"))
    story = index.add_child(instance=StoryPage(title="Pirmoji istorija", slug="pirmoji", intro="Apie Alytų"))
    return {"city": city, "index": index, "story": story}


def logged_in(username):
    user = get_user_model().objects.create_user(username, f"{username}@example.com", "x-Slaptazodis-9")
    client = Client()
    client.force_login(user)
    return client


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def test_hub_listing_is_rendered_once_per_generation(stories):
    """A logged-in visitor is never served a cached page, but the hub's listings come from the fragment cache."""
    client = logged_in("rasa")
    url = stories["city"].url
    with CaptureQueriesContext(connection) as first:
        assert "Pirmoji istorija" in html(client, url)
    with CaptureQueriesContext(connection) as second:
        assert "Pirmoji istorija" in html(client, url)
    assert len(second) < len(first) - 3, (len(first), len(second))


def test_publish_renders_the_fragments_afresh(stories):
    client = logged_in("rasa")
    city, story = stories["city"], stories["story"]
    html(client, city.url), html(client, story.url)
    story.title = "Pataisyta istorija"
    story.save_revision().publish()
    assert "Pataisyta istorija" in html(client, city.url)
    assert "Pataisyta istorija" in html(client, story.url)
    story.unpublish()
    assert "Pataisyta istorija" not in html(client, city.url)


def test_fragments_hold_nothing_personal(stories):
    """The header (account links, log-out form) is outside every fragment: an anonymous miss never shows them."""
    html(logged_in("asmeninis-vardas"), stories["city"].url)
    anonymous = html(Client(), stories["city"].url + "?naujas=1")  # a page-cache miss that reuses the fragments
    assert "Pirmoji istorija" in anonymous
    assert "asmeninis-vardas" not in anonymous
    assert "Log out" not in anonymous and "Atsijungti" not in anonymous


def test_a_preview_never_reaches_the_fragment_cache(stories):
    """An editor's preview renders the draft: visitors keep seeing the live story."""
    story = stories["story"]
    story.title = "Juodraštis, dar neskelbti"
    story.save_revision()  # a draft, not published
    draft = story.get_latest_revision_as_object()
    editor_request = RequestFactory().get(story.url)
    editor_request.user = get_user_model().objects.create_superuser("redaktorius", "r@example.com", "x-Slaptazodis-9")
    preview = draft.make_preview_request(editor_request)  # Wagtail's own preview path: request.is_preview is set
    assert preview.status_code == 200 and "Juodraštis, dar neskelbti" in preview.content.decode()
    # Wagtail renders the preview for the site's own hostname: visitors of that host must not get the draft.
    visitor = html(Client(HTTP_HOST="localhost"), story.url + "?po-perziuros=1")
    assert "Juodraštis, dar neskelbti" not in visitor and "Pirmoji istorija" in visitor


def test_output_with_a_csrf_token_is_never_stored(db):
    request = RequestFactory().get("/lt/")
    calls = []

    def render():
        calls.append(1)
        return '<form><input type="hidden" name="csrfmiddlewaretoken" value="secret"></form>'

    pagecache.fragment_html("form", (), render, request)
    pagecache.fragment_html("form", (), render, request)
    assert len(calls) == 2

    def plain():
        calls.append(1)
        return "<ul></ul>"

    pagecache.fragment_html("plain", (), plain, request)
    pagecache.fragment_html("plain", (), plain, RequestFactory().get("/lt/"))
    assert len(calls) == 3


@pytest.mark.django_db(transaction=True)
def test_a_bump_in_another_connection_is_seen_at_once():
    """Without a shared cache the generation is a database row, so every process sees a bump (no shared file)."""
    if not pagecache._generation_in_database():
        pytest.skip("The generation lives in the shared cache (Redis) in this configuration.")
    before = pagecache.generation()

    def bump_elsewhere():
        pagecache.bump()
        connection.close()

    thread = threading.Thread(target=bump_elsewhere)
    thread.start()
    thread.join()
    assert pagecache.generation() != before


def test_event_index_expands_occurrences_once_and_shows_a_new_event(stories):
    """The occurrences (recurrences expanded) come from the fragment; a published event renders it afresh."""
    from datetime import timedelta

    from django.utils import timezone

    from home.models import EventIndexPage, EventPage

    index = stories["city"].add_child(instance=EventIndexPage(title="Renginiai", slug="renginiai"))
    start = timezone.now() + timedelta(days=3)
    index.add_child(
        instance=EventPage(
            title="Kūčių vakaras", slug="kuciu", start=start, end=start + timedelta(hours=2), address="Rotušės a. 1"
        )
    )
    client = logged_in("rasa")
    with CaptureQueriesContext(connection) as first:
        assert "Kūčių vakaras" in html(client, index.url)
    with CaptureQueriesContext(connection) as second:
        html(client, index.url)
    assert len(second) < len(first), (len(first), len(second))
    added = index.add_child(
        instance=EventPage(
            title="Užgavėnės", slug="uzgavenes", start=start, end=start + timedelta(hours=3), address="Rotušės a. 1"
        )
    )
    added.save_revision().publish()
    assert "Užgavėnės" in html(client, index.url)
