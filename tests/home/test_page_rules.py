"""Page-type parent/child rules: the site tree can only be built the intended way."""

import pytest
from wagtail.models import Page

from awards.models import AwardPage
from campaigns.models import CampaignPage
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

ALLOWED_CHILDREN = {
    HomePage: {CityPage, InformationPage},
    CityPage: {StoryIndexPage, EventIndexPage, CallForIdeasPage, InformationPage, CampaignPage, AwardPage},
    StoryIndexPage: {StoryPage},
    EventIndexPage: {EventPage},
    StoryPage: set(),
    EventPage: set(),
    CallForIdeasPage: set(),
    InformationPage: {InformationPage},
}


@pytest.mark.parametrize("parent", list(ALLOWED_CHILDREN))
def test_allowed_subpage_types(parent):
    allowed = {model for model in parent.allowed_subpage_models()}
    assert allowed == ALLOWED_CHILDREN[parent]


def test_home_page_only_under_the_root():
    assert HomePage.allowed_parent_page_models() == [Page]


@pytest.mark.parametrize("child", [StoryPage, EventPage, CallForIdeasPage])
def test_content_cannot_hang_directly_under_home(child):
    assert child not in HomePage.allowed_subpage_models()
    assert HomePage not in child.allowed_parent_page_models()


def test_a_story_cannot_be_created_under_an_event_index(site_tree):
    city = site_tree["city"]
    events = city.add_child(instance=EventIndexPage(title="Renginiai", slug="renginiai"))
    assert not StoryPage.can_create_at(events)
    assert EventPage.can_create_at(events)
