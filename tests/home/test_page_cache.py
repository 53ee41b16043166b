"""The anonymous page cache: fresh after every change, never personal, CSRF forms still work."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from home.models import EventIndexPage, EventPage, EventRegistration, StoryIndexPage, StoryPage
from home.services import register_attendee

HIT = "X-Page-Cache"


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response


@pytest.fixture(autouse=True)
def site_contacts(site_tree):
    """Create the footer's settings row up front: its first read saves it, which starts a new generation."""
    from wagtail.models import Site

    from home.models import SiteContacts

    SiteContacts.for_site(Site.objects.get(is_default_site=True))


@pytest.fixture
def stories(site_tree):
    city = site_tree["city"]
    index = city.add_child(instance=StoryIndexPage(title="Istorijos", slug="istorijos"))
    story = index.add_child(instance=StoryPage(title="Pirmoji istorija", slug="pirmoji", intro="Apie Alytų"))
    return {"city": city, "index": index, "story": story}


@pytest.fixture
def event(site_tree):
    index = site_tree["city"].add_child(instance=EventIndexPage(title="Renginiai", slug="renginiai"))
    start = timezone.now() + timedelta(days=5)
    return index.add_child(
        instance=EventPage(
            title="Susitikimas",
            slug="susitikimas",
            start=start,
            end=start + timedelta(hours=2),
            venue_name="Rotušė",
            registration_enabled=True,
            capacity=5,
        )
    )


def test_second_anonymous_request_is_a_hit(client, stories):
    url = stories["story"].url
    assert HIT not in get(client, url)
    second = get(Client(), url)
    assert second[HIT] == "hit"
    assert "Pirmoji istorija" in second.content.decode()


def test_publish_shows_at_once_on_the_page_and_the_hub(client, stories):
    story, city = stories["story"], stories["city"]
    get(client, story.url), get(client, city.url)
    assert get(client, city.url)[HIT] == "hit"
    story.title = "Pataisyta istorija"
    story.save_revision().publish()
    assert "Pataisyta istorija" in get(client, story.url).content.decode()
    assert "Pataisyta istorija" in get(client, city.url).content.decode()
    added = stories["index"].add_child(instance=StoryPage(title="Naujausia istorija", slug="naujausia"))
    added.save_revision().publish()
    assert "Naujausia istorija" in get(client, stories["index"].url).content.decode()


def test_unpublished_and_deleted_pages_are_gone(client, stories):
    story, city = stories["story"], stories["city"]
    url = story.url
    get(client, url), get(client, city.url)
    story.unpublish()
    assert client.get(url).status_code == 404
    assert "Pirmoji istorija" not in get(client, city.url).content.decode()
    story.save_revision().publish()
    assert get(client, url).status_code == 200
    StoryPage.objects.get(pk=story.pk).delete()
    assert client.get(url).status_code == 404
    assert "Pirmoji istorija" not in get(client, city.url).content.decode()


def test_move_changes_the_url_at_once(client, stories):
    story = stories["story"]
    other = stories["city"].add_child(instance=StoryIndexPage(title="Kitos istorijos", slug="kitos"))
    old_url = story.url
    get(client, old_url), get(client, old_url)
    story.move(other, pos="last-child")
    assert client.get(old_url).status_code in (301, 404)  # Wagtail may leave a redirect behind
    assert get(client, StoryPage.objects.get(pk=story.pk).url).status_code == 200


def test_a_registration_changes_places_left_at_once(client, event):
    assert "Liko 5 vietos" in get(client, event.url).content.decode()
    assert get(client, event.url)[HIT] == "hit"
    register_attendee(event, "Ona", "ona@example.com", "lt")
    page = get(client, event.url)
    assert HIT not in page
    assert "Liko 4 vietos" in page.content.decode()


def test_cached_event_form_takes_registrations_from_new_visitors(event):
    for number in range(2):
        get(Client(enforce_csrf_checks=True), event.url)  # fills the cache (each registration empties it)
        visitor = Client(enforce_csrf_checks=True)
        page = get(visitor, event.url)
        assert page[HIT] == "hit"
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
        assert "csrftoken" in page.cookies  # the visitor's own token comes with its cookie
        response = visitor.post(
            event.url + "register/",
            {"name": f"Dalyvis {number}", "email": f"dalyvis{number}@example.com", "csrfmiddlewaretoken": token},
        )
        assert response.status_code == 302, response.content[:300]
    assert EventRegistration.objects.filter(event=event).count() == 2


def test_a_visitor_with_a_flash_message_gets_it_and_nobody_else_does(event):
    visitor = Client()
    get(Client(), event.url)
    response = visitor.post(event.url + "register/", {"name": "Ona", "email": "ona@example.com"}, follow=True)
    assert "Jūs užsiregistravote" in response.content.decode()
    assert "Jūs užsiregistravote" not in get(Client(), event.url).content.decode()


def test_logged_in_pages_are_never_cached_nor_served_a_cached_page(stories):
    url = stories["story"].url
    user = get_user_model().objects.create_user("ona", "ona@example.com", "slaptas-123")
    member = Client()
    member.force_login(user)
    personal = get(member, url)
    assert HIT not in personal and "Atsijungti" in personal.content.decode()
    anonymous = get(Client(), url)
    assert HIT not in anonymous  # the member's page was not stored
    assert "Atsijungti" not in anonymous.content.decode()
    assert get(Client(), url)[HIT] == "hit"
    again = get(member, url)
    assert HIT not in again and "Atsijungti" in again.content.decode()


def test_cancel_links_are_never_cached(client, event):
    registration = register_attendee(event, "Ona", "ona@example.com", "lt")
    from home.services import cancel_token

    url = f"{event.url}cancel/?token={cancel_token(registration)}"
    assert client.get(url).status_code == 200
    assert HIT not in client.get(url)


def test_anonymous_search_results_are_cached_and_follow_the_index(client, stories, no_auto_embed):
    """A repeated anonymous search is a hit; an index write (not only the publish) starts a new generation."""
    from search import indexing

    indexing.rebuild_database_index()
    url = "/lt/search/?q=naujausia"
    assert "/istorijos/naujausia/" not in get(client, url).content.decode()
    assert get(Client(), url)[HIT] == "hit"
    added = stories["index"].add_child(instance=StoryPage(title="Naujausia istorija", slug="naujausia", live=False))
    added.save_revision().publish()
    get(client, url)  # rendered between the publish and the index task: must not outlive the index write
    indexing.index_page(added.pk)
    final = get(Client(), url)
    assert HIT not in final
    assert "/istorijos/naujausia/" in final.content.decode()  # the hit's link (its title is highlighted)
