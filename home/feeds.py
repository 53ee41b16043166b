"""RSS and Atom feeds of a city's stories and upcoming events (django.contrib.syndication)."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import formats, timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext, override

FEED_LENGTH = 20
FLAVOURS = {"rss": Rss201rev2Feed, "atom": Atom1Feed}
KINDS = ("stories", "events")


class CityFeed(Feed):
    """A feed of one city's pages; `kind` is "stories" or "events", `feed_type` RSS or Atom."""

    def __init__(self, kind, feed_type):
        super().__init__()
        self.kind, self.feed_type = kind, feed_type

    def get_object(self, request, city):
        self.request = request
        return city

    def title(self, city):
        label = gettext("Stories") if self.kind == "stories" else gettext("Events")
        return f"{city.title}: {label} · {gettext('Cities and diaspora')}"

    def link(self, city):
        return city.get_url(self.request)

    def description(self, city):
        return (
            gettext("Stories from %(city)s and its people around the world.") % {"city": city.title}
            if self.kind == "stories"
            else gettext("Upcoming events in %(city)s and online.") % {"city": city.title}
        )

    subtitle = description

    def feed_url(self, city):
        return self.request.path

    def items(self, city):
        # Through the page's own listings, so feeds never import the models that route to them.
        if self.kind == "stories":
            return list(city.latest_stories(limit=FEED_LENGTH))
        return city.upcoming_events(limit=FEED_LENGTH)

    def item_title(self, item):
        if self.kind == "stories":
            return item.title
        when = formats.date_format(timezone.localtime(item.start, item.event.tz), "DATE_FORMAT")
        return f"{item.event.title} ({when})"

    def item_description(self, item):
        page = item if self.kind == "stories" else item.event
        text = page.search_description or page.intro
        if self.kind == "events":
            place = ", ".join(part for part in (page.venue_name, page.address) if part)
            text = f"{text} {place}".strip()
        return text

    def item_link(self, item):
        page = item if self.kind == "stories" else item.event
        return page.get_url(self.request)

    def item_guid(self, item):
        if self.kind == "stories":
            return None  # the link
        return f"{self.request.build_absolute_uri(item.event.get_url(self.request))}#{item.start.isoformat()}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        if self.kind == "stories":
            return timezone.make_aware(datetime.combine(item.date, time(12)))
        return item.event.first_published_at

    def item_updateddate(self, item):
        page = item if self.kind == "stories" else item.event
        return page.last_published_at

    def item_author_name(self, item):
        return item.author_name if self.kind == "stories" else item.event.organiser or None


def city_feed(request, city, kind, flavour):
    """Serve the city's `kind` feed as RSS or Atom, in the city page's language."""
    if kind not in KINDS or flavour not in FLAVOURS:
        raise Http404("No such feed.")
    with override(city.locale.language_code):
        return CityFeed(kind, FLAVOURS[flavour])(request, city=city)


def feed_links(city, request):
    """Return [(title, url, mime type)] for the city's feeds, for <link rel="alternate"> tags."""
    links = []
    for kind in KINDS:
        label = gettext("Stories") if kind == "stories" else gettext("Events")
        for flavour, mime in (("rss", "application/rss+xml"), ("atom", "application/atom+xml")):
            url = city.get_url(request) + city.reverse_subpage("feed", kwargs={"kind": kind, "flavour": flavour})
            links.append(
                (f"{city.title}: {label} ({flavour.upper() if flavour == 'rss' else 'Atom'})", url, mime, kind, flavour)
            )
    return links
