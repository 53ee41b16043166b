"""The national home page and the city hubs, the two levels above all city content."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import BodyBlock
from .calls import CallForIdeasPage
from .events import EventPage, upcoming_occurrences
from .information import InformationPage
from .stories import StoryPage


class HomePage(Page):
    """The national home page: lists the city communities."""

    intro = RichTextField(blank=True, verbose_name=_("Introduction"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.CityPage", "home.InformationPage"]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("national home page")

    def cities(self):
        """Return the live, public city hubs under this home page."""
        return CityPage.objects.child_of(self).live().public().order_by("title")

    def open_calls(self, limit=3):
        """Return calls for ideas open today in any city, closing soonest first."""
        return CallForIdeasPage.objects.descendant_of(self).live().public().open_now().order_by("closes_at")[:limit]

    def information_pages(self):
        """Return the site-wide information pages (about, privacy) under this home page."""
        return InformationPage.objects.child_of(self).live().public().order_by("path")


class CityPage(RoutablePageMixin, Page):
    """A city's hub: its latest stories, upcoming events and open calls for ideas."""

    municipality_name = models.CharField(max_length=120, verbose_name=_("Municipality"))
    intro = RichTextField(blank=True, verbose_name=_("Introduction"))
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Lead image"),
    )
    contact_email = models.EmailField(blank=True, verbose_name=_("Contact e-mail"))

    content_panels = Page.content_panels + [
        FieldPanel("municipality_name"),
        FieldPanel("intro"),
        FieldPanel("lead_image"),
        FieldPanel("contact_email"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "home.StoryIndexPage",
        "home.EventIndexPage",
        "home.CallForIdeasPage",
        "home.InformationPage",
        "campaigns.CampaignPage",
        "awards.AwardPage",
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("municipality_name")]

    class Meta:
        verbose_name = _("city hub")

    def latest_stories(self, limit=3):
        """Return the newest published stories in this city."""
        stories = StoryPage.objects.descendant_of(self).live().public().with_images()
        return stories.order_by("-date", "-first_published_at")[:limit]

    def upcoming_events(self, limit=5):
        """Return the next occurrences of events in this city, recurrences expanded."""
        return upcoming_occurrences(EventPage.objects.descendant_of(self).live().public().with_images())[:limit]

    def open_calls(self):
        """Return calls for ideas that are open today."""
        return CallForIdeasPage.objects.descendant_of(self).live().public().open_now()

    def open_challenges(self, limit=4):
        """Return the open challenges this city's municipality has posted."""
        from challenges.models import Challenge

        return Challenge.objects.open().for_city_page(self).select_related("municipality")[:limit]

    @path("feeds/<str:kind>/<str:flavour>/", name="feed")
    def feed(self, request, kind, flavour):
        """Serve the RSS or Atom feed of this city's stories or events."""
        from ..feeds import city_feed

        return city_feed(request, self, kind, flavour)

    @path("ical/", name="calendar")
    def calendar(self, request):
        """Serve the iCalendar feed of every event in this city."""
        from ..ical import calendar_response

        events = EventPage.objects.descendant_of(self).live().public().order_by("start")
        return calendar_response(events, name=self.title, filename=f"{self.slug}.ics")
