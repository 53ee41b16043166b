"""Each public page type renders in a fixed number of queries, however much content the city has."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from common import pagecache
from home.models import CallForIdeasPage, CityPage, EventIndexPage, EventPage, HomePage, StoryIndexPage, StoryPage

# Cold (nothing cached) and warm (page served from the page cache) limits, per page type.
COLD_LIMIT = 30
WARM_LIMIT = 2
GROWTH = 10


def urls():
    """Return one URL per public page type, in Lithuanian."""
    lt = {"locale__language_code": "lt"}
    city = CityPage.objects.live().filter(**lt).first()
    pages = [
        HomePage.objects.live().filter(**lt).first(),
        city,
        StoryIndexPage.objects.live().descendant_of(city).first(),
        StoryPage.objects.live().descendant_of(city).first(),
        EventIndexPage.objects.live().descendant_of(city).first(),
        EventPage.objects.live().descendant_of(city).filter(registration_enabled=True).first()
        or EventPage.objects.live().descendant_of(city).first(),
        CallForIdeasPage.objects.live().filter(**lt).first(),
    ]
    return [page.url for page in pages if page is not None]


def count(url, client=None):
    """Return the number of queries one anonymous GET of url takes."""
    with CaptureQueriesContext(connection) as queries:
        response = (client or Client()).get(url)
    assert response.status_code == 200, url
    return len(queries)


def grow(factor):
    """Add (factor - 1) copies of every story and event of the first Lithuanian city, with their images."""
    city = CityPage.objects.live().filter(locale__language_code="lt").first()
    for index in StoryIndexPage.objects.child_of(city):
        for story in list(StoryPage.objects.child_of(index)):
            for number in range(factor - 1):
                index.add_child(
                    instance=StoryPage(
                        title=f"{story.title} {number}",
                        slug=f"{story.slug}-{number}",
                        intro=story.intro,
                        kind=story.kind,
                        lead_image=story.lead_image,
                        date=story.date,
                    )
                )
    for index in EventIndexPage.objects.child_of(city):
        for event in list(EventPage.objects.child_of(index)):
            for number in range(factor - 1):
                start = timezone.now() + timedelta(days=number + 1)
                index.add_child(
                    instance=EventPage(
                        title=f"{event.title} {number}",
                        slug=f"{event.slug}-{number}",
                        start=start,
                        end=start + timedelta(hours=2),
                        venue_name=event.venue_name or "Rotušė",
                        recurrence=event.recurrence,
                        lead_image=event.lead_image,
                        registration_enabled=event.registration_enabled,
                        capacity=event.capacity,
                    )
                )


@pytest.fixture
def warmed(demo_site):
    """Render every page once, so one-off rows (site settings) exist before counting."""
    for url in urls():
        Client().get(url)


def test_queries_do_not_grow_with_content(warmed):
    before = {}
    for url in urls():
        pagecache.bump()
        before[url] = count(url)
    grow(GROWTH)
    for url in urls():
        Client().get(url)  # renditions of the new images are made once, outside the count
    pagecache.bump()
    report = []
    for url in urls():
        pagecache.bump()
        cold = count(url)
        warm = count(url)
        report.append((url, before.get(url), cold, warm))
    print(report)
    for url, small, cold, warm in report:
        assert cold <= COLD_LIMIT, (url, cold)
        assert small is None or cold <= small + 2, (url, small, cold)
        assert warm <= WARM_LIMIT, (url, warm)
