"""Wagtail page types: the national home, city hubs and the content cities publish."""

import zoneinfo
from datetime import timedelta

from dateutil.rrule import rrulestr
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from .blocks import BodyBlock

TIME_ZONE_CHOICES = sorted((name, name) for name in zoneinfo.available_timezones() if "/" in name)
RECURRENCE_HORIZON = timedelta(days=400)


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
        return StoryPage.objects.descendant_of(self).live().public().order_by("-date", "-first_published_at")[:limit]

    def upcoming_events(self, limit=5):
        """Return the next occurrences of events in this city, recurrences expanded."""
        return upcoming_occurrences(EventPage.objects.descendant_of(self).live().public())[:limit]

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
        from .feeds import city_feed

        return city_feed(request, self, kind, flavour)

    @path("ical/", name="calendar")
    def calendar(self, request):
        """Serve the iCalendar feed of every event in this city."""
        from .ical import calendar_response

        events = EventPage.objects.descendant_of(self).live().public().order_by("start")
        return calendar_response(events, name=self.title, filename=f"{self.slug}.ics")


class StoryIndexPage(Page):
    """A city's list of stories, filterable by topic."""

    intro = RichTextField(blank=True, verbose_name=_("Introduction"))
    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.CityPage"]
    subpage_types = ["home.StoryPage"]

    class Meta:
        verbose_name = _("story index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories = StoryPage.objects.child_of(self).live().public().order_by("-date")
        topic = request.GET.get("topic", "").strip()
        kind = request.GET.get("kind", "").strip()
        if topic:
            stories = stories.filter(tags__slug=topic)
        if kind in StoryPage.Kind.values:
            stories = stories.filter(kind=kind)
        context.update(
            stories=stories.distinct(),
            topic=topic,
            kind=kind,
            kinds=StoryPage.Kind.choices,
            topics=StoryPageTag.objects.filter(content_object__in=StoryPage.objects.child_of(self).live())
            .values_list("tag__slug", "tag__name")
            .distinct()
            .order_by("tag__name"),
        )
        return context


class StoryPageTag(TaggedItemBase):
    """Topic tag of a story."""

    content_object = ParentalKey("home.StoryPage", related_name="tagged_items", on_delete=models.CASCADE)


class StoryPage(Page):
    """A community story, a returnee story, a diaspora voice or a notable compatriot."""

    class Kind(models.TextChoices):
        COMMUNITY = "community", _("Community story")
        RETURNEE = "returnee", _("Returnee story")
        DIASPORA_VOICE = "diaspora_voice", _("Diaspora voice")
        NOTABLE = "notable", _("Notable compatriot")

    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.COMMUNITY, verbose_name=_("Kind"))
    author_name = models.CharField(max_length=120, blank=True, verbose_name=_("Author"))
    date = models.DateField(default=timezone.localdate, verbose_name=_("Date"))
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Lead image"),
    )
    intro = models.TextField(blank=True, verbose_name=_("Introduction"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Body"))
    tags = ClusterTaggableManager(through=StoryPageTag, blank=True, verbose_name=_("Topics"))

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
        FieldPanel("author_name"),
        FieldPanel("lead_image"),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    parent_page_types = ["home.StoryIndexPage"]
    subpage_types = []
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("author_name"),
        index.FilterField("kind"),
        index.FilterField("date"),
    ]

    class Meta:
        verbose_name = _("story")

    @cached_property
    def city(self):
        """Return the city hub this story belongs to."""
        return CityPage.objects.ancestor_of(self).first()


class EventIndexPage(Page):
    """A city's upcoming events, with recurring traditions expanded."""

    intro = RichTextField(blank=True, verbose_name=_("Introduction"))
    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.CityPage"]
    subpage_types = ["home.EventPage"]

    class Meta:
        verbose_name = _("event index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = EventPage.objects.child_of(self).live().public()
        context["occurrences"] = upcoming_occurrences(events)
        context["city"] = CityPage.objects.ancestor_of(self).first()
        return context


class Occurrence:
    """One dated occurrence of an event (a recurring event has many)."""

    def __init__(self, event, start, end):
        self.event, self.start, self.end = event, start, end

    def __repr__(self):
        return f"<Occurrence {self.event.title} {self.start.isoformat()}>"


def upcoming_occurrences(events, after=None, horizon=RECURRENCE_HORIZON):
    """Expand events (recurrences included) into occurrences that have not ended, soonest first."""
    after = after or timezone.now()
    occurrences = []
    for event in events:
        occurrences.extend(event.occurrences(after=after, before=after + horizon))
    return sorted(occurrences, key=lambda occurrence: occurrence.start)


class EventPage(RoutablePageMixin, Page):
    """An event, optionally recurring (a yearly tradition), with registration."""

    start = models.DateTimeField(verbose_name=_("Starts"))
    end = models.DateTimeField(verbose_name=_("Ends"))
    time_zone = models.CharField(
        max_length=64, choices=TIME_ZONE_CHOICES, default="Europe/Vilnius", verbose_name=_("Time zone")
    )
    recurrence = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("Recurrence rule"),
        help_text=_("iCalendar RRULE, e.g. FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=26 for every 26 December."),
    )
    venue_name = models.CharField(max_length=200, blank=True, verbose_name=_("Venue"))
    address = models.CharField(max_length=255, blank=True, verbose_name=_("Address"))
    online_url = models.URLField(blank=True, verbose_name=_("Online link"))
    organiser = models.CharField(max_length=200, blank=True, verbose_name=_("Organiser"))
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Lead image"),
    )
    intro = models.TextField(blank=True, verbose_name=_("Introduction"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Body"))
    registration_enabled = models.BooleanField(default=False, verbose_name=_("Registration open"))
    capacity = models.PositiveIntegerField(
        null=True, blank=True, verbose_name=_("Capacity"), help_text=_("Leave empty for unlimited places.")
    )
    registration_closes_at = models.DateTimeField(
        null=True,
        blank=True,
        verbose_name=_("Registration closes"),
        help_text=_("Leave empty to close registration when the event starts."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("time_zone"),
                FieldPanel("recurrence"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [FieldPanel("venue_name"), FieldPanel("address"), FieldPanel("online_url"), FieldPanel("organiser")],
            heading=_("Where and who"),
        ),
        FieldPanel("lead_image"),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("registration_enabled"), FieldPanel("capacity"), FieldPanel("registration_closes_at")],
            heading=_("Registration"),
        ),
    ]
    parent_page_types = ["home.EventIndexPage"]
    subpage_types = []
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("venue_name"),
        index.SearchField("address"),
        index.SearchField("organiser"),
        index.FilterField("start"),
        index.FilterField("end"),
    ]

    class Meta:
        verbose_name = _("event")

    @property
    def tz(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The event must end after it starts.")
        if self.recurrence:
            try:
                self.recurrence_rule()
            except (ValueError, TypeError):
                errors["recurrence"] = _("This is not a valid iCalendar recurrence rule.")
        if not (self.venue_name or self.address or self.online_url):
            errors["address"] = _("Give a venue address or an online link.")
        if errors:
            raise ValidationError(errors)

    def recurrence_rule(self):
        """Return the dateutil rule, anchored at the start in the event's own time zone."""
        rule = self.recurrence.strip()
        if rule.upper().startswith("RRULE:"):
            rule = rule[6:]
        return rrulestr(rule, dtstart=self.start.astimezone(self.tz))

    @property
    def recurrence_description(self):
        """Describe the recurrence in words for visitors ("Every year on 26 December")."""
        if not self.recurrence:
            return ""
        rule = self.recurrence_rule()
        frequency = rule._freq
        start = self.start.astimezone(self.tz)
        if frequency == 0:  # YEARLY
            return _("Every year on %(date)s") % {"date": formats.date_format(start, "MONTH_DAY_FORMAT")}
        if frequency == 1:  # MONTHLY
            return _("Every month on day %(day)s") % {"day": start.day}
        if frequency == 2:  # WEEKLY
            return _("Every week on %(weekday)s") % {"weekday": formats.date_format(start, "l")}
        return _("Repeats (%(rule)s)") % {"rule": self.recurrence}

    def occurrences(self, after, before):
        """Return the occurrences that end after `after` and start before `before`."""
        duration = self.end - self.start
        if not self.recurrence:
            if self.end > after and self.start < before:
                return [Occurrence(self, self.start.astimezone(self.tz), self.end.astimezone(self.tz))]
            return []
        starts = self.recurrence_rule().between(after - duration, before, inc=True)
        # Wall-clock recurrence: rebuild each start in the zone so DST shifts keep the local time.
        return [
            Occurrence(self, start.replace(tzinfo=self.tz), start.replace(tzinfo=self.tz) + duration)
            for start in starts
        ]

    def next_occurrence(self, now=None):
        """Return the next occurrence that has not ended, or None."""
        now = now or timezone.now()
        upcoming = self.occurrences(after=now, before=now + RECURRENCE_HORIZON)
        return upcoming[0] if upcoming else None

    @cached_property
    def city(self):
        """Return the city hub this event belongs to."""
        return CityPage.objects.ancestor_of(self).first()

    @path("")
    def detail(self, request):
        from .views import event_detail

        return event_detail(request, self)

    @path("register/", name="register")
    def register(self, request):
        from .views import event_register

        return event_register(request, self)

    @path("cancel/", name="cancel")
    def cancel(self, request):
        """Let an attendee cancel their registration from the link in the confirmation e-mail (?token=...)."""
        from .views import event_cancel

        return event_cancel(request, self)

    @path("ical/", name="ics")
    def ics(self, request):
        """Serve this event as an .ics file for calendar apps."""
        from .ical import calendar_response

        return calendar_response([self], name=self.title, filename=f"{self.slug}.ics")


class EventRegistration(models.Model):
    """One attendee's sign-up for one occurrence of an event."""

    event = models.ForeignKey(EventPage, on_delete=models.CASCADE, related_name="registrations")
    occurrence_start = models.DateTimeField()
    name = models.CharField(max_length=150, verbose_name=_("Name"))
    email = models.EmailField(verbose_name=_("E-mail"))
    language = models.CharField(max_length=8, default="lt")
    created_at = models.DateTimeField(auto_now_add=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("event registration")
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "occurrence_start", "email"], name="unique_registration_per_occurrence"
            )
        ]

    def __str__(self):
        return f"{self.name} <{self.email}> – {self.event}"


class CallForIdeasQuerySet(PageQuerySet):
    """Filters for calls for ideas."""

    def open_now(self, now=None):
        """Return calls whose submission window contains now."""
        now = now or timezone.now()
        return self.filter(opens_at__lte=now, closes_at__gt=now)


CallForIdeasManager = PageManager.from_queryset(CallForIdeasQuerySet)


class CallForIdeasPage(Page):
    """A call for ideas: theme, dates, prize or budget and rules; ideas and votes hang off it."""

    theme = models.CharField(max_length=200, verbose_name=_("Theme"))
    intro = models.TextField(blank=True, verbose_name=_("Introduction"))
    opens_at = models.DateTimeField(verbose_name=_("Opens"))
    closes_at = models.DateTimeField(verbose_name=_("Closes"))
    budget = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True, verbose_name=_("Budget (EUR)"))
    prize = models.CharField(max_length=255, blank=True, verbose_name=_("Prize"))
    rules = RichTextField(blank=True, verbose_name=_("Rules"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Body"))

    objects = CallForIdeasManager()

    content_panels = Page.content_panels + [
        FieldPanel("theme"),
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        FieldRowPanel([FieldPanel("budget"), FieldPanel("prize")]),
        FieldPanel("rules"),
        FieldPanel("body"),
    ]
    parent_page_types = ["home.CityPage"]
    subpage_types = []
    search_fields = Page.search_fields + [
        index.SearchField("theme"),
        index.SearchField("intro"),
        index.SearchField("rules"),
        index.SearchField("body"),
        index.FilterField("opens_at"),
        index.FilterField("closes_at"),
    ]

    class Meta:
        verbose_name = _("call for ideas")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The call must close after it opens.")})

    @property
    def is_open(self):
        now = timezone.now()
        return self.opens_at <= now < self.closes_at

    @cached_property
    def city(self):
        """Return the city hub this call belongs to."""
        return CityPage.objects.ancestor_of(self).first()


class InformationPage(Page):
    """One-stop information for returnees and newcomers, with the city's contact person."""

    class Audience(models.TextChoices):
        RETURNEES = "returnees", _("Returnees")
        NEWCOMERS = "newcomers", _("Newcomers")
        EVERYONE = "everyone", _("Returnees and newcomers")

    audience = models.CharField(
        max_length=20, choices=Audience.choices, default=Audience.EVERYONE, verbose_name=_("Audience")
    )
    intro = models.TextField(blank=True, verbose_name=_("Introduction"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Body"))
    contact_name = models.CharField(max_length=150, blank=True, verbose_name=_("Contact person"))
    contact_role = models.CharField(max_length=150, blank=True, verbose_name=_("Role"))
    contact_email = models.EmailField(blank=True, verbose_name=_("Contact e-mail"))
    contact_phone = models.CharField(max_length=40, blank=True, verbose_name=_("Contact phone"))

    content_panels = Page.content_panels + [
        FieldPanel("audience"),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_role"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
            ],
            heading=_("One-stop contact"),
        ),
    ]
    parent_page_types = ["home.HomePage", "home.CityPage", "home.InformationPage"]
    subpage_types = ["home.InformationPage"]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("audience"),
    ]

    class Meta:
        verbose_name = _("information page")

    @cached_property
    def city(self):
        """Return the city hub this page belongs to, if any."""
        return CityPage.objects.ancestor_of(self).first()


@register_setting(icon="site")
class SiteContacts(BaseSiteSetting):
    """Site-wide contacts and social links, edited in Settings → Site contacts."""

    contact_email = models.EmailField(blank=True, verbose_name=_("Contact e-mail"))
    phone = models.CharField(max_length=40, blank=True, verbose_name=_("Phone"))
    facebook_url = models.URLField(blank=True, verbose_name=_("Facebook"))
    instagram_url = models.URLField(blank=True, verbose_name=_("Instagram"))
    linkedin_url = models.URLField(blank=True, verbose_name=_("LinkedIn"))
    youtube_url = models.URLField(blank=True, verbose_name=_("YouTube"))

    panels = [
        MultiFieldPanel([FieldPanel("contact_email"), FieldPanel("phone")], heading=_("Contacts")),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("linkedin_url"),
                FieldPanel("youtube_url"),
            ],
            heading=_("Social links"),
        ),
    ]

    class Meta:
        verbose_name = _("site contacts")

    def social_links(self):
        """Return [(name, url)] for the social links that are filled in."""
        names = [
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("LinkedIn", self.linkedin_url),
            ("YouTube", self.youtube_url),
        ]
        return [(name, url) for name, url in names if url]
