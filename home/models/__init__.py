"""Wagtail page types: the national home, city hubs and the content cities publish.

The classes live in modules by kind of page; they are re-exported here, where Django and callers look.
"""

from .calls import CallForIdeasManager, CallForIdeasPage, CallForIdeasQuerySet
from .events import (
    RECURRENCE_HORIZON,
    TIME_ZONE_CHOICES,
    EventIndexPage,
    EventPage,
    EventRegistration,
    Occurrence,
    upcoming_occurrences,
)
from .hubs import CityPage, HomePage
from .information import InformationPage, SiteContacts
from .mixins import CityMixin
from .stories import StoryIndexPage, StoryPage, StoryPageTag

__all__ = [
    "RECURRENCE_HORIZON",
    "TIME_ZONE_CHOICES",
    "CallForIdeasManager",
    "CallForIdeasPage",
    "CallForIdeasQuerySet",
    "CityMixin",
    "CityPage",
    "EventIndexPage",
    "EventPage",
    "EventRegistration",
    "HomePage",
    "InformationPage",
    "Occurrence",
    "SiteContacts",
    "StoryIndexPage",
    "StoryPage",
    "StoryPageTag",
    "upcoming_occurrences",
]
