"""Events: the city's event index, events (recurring ones expanded into occurrences) and registrations."""

import functools
import zoneinfo
from datetime import timedelta

from dateutil.rrule import rrulestr
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import BodyBlock
from .mixins import CityListingPage, CityMixin, ImagePageManager

TIME_ZONE_CHOICES = sorted((name, name) for name in zoneinfo.available_timezones() if "/" in name)
RECURRENCE_HORIZON = timedelta(days=400)


class EventIndexPage(CityListingPage):
    """A city's upcoming events, with recurring traditions expanded."""

    subpage_types = ["home.EventPage"]

    class Meta:
        verbose_name = _("event index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = EventPage.objects.child_of(self).live().public().with_images()
        # Expanded only if the template renders the listing: its fragment is usually cached.
        context["occurrences"] = functools.partial(upcoming_occurrences, events)
        context["city"] = self.city
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


class EventPage(CityMixin, RoutablePageMixin, Page):
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

    objects = ImagePageManager()

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

    @path("")
    def detail(self, request):
        from ..views import event_detail

        return event_detail(request, self)

    @path("register/", name="register")
    def register(self, request):
        from ..views import event_register

        return event_register(request, self)

    @path("cancel/", name="cancel")
    def cancel(self, request):
        """Let an attendee cancel their registration from the link in the confirmation e-mail (?token=...)."""
        from ..views import event_cancel

        return event_cancel(request, self)

    @path("ical/", name="ics")
    def ics(self, request):
        """Serve this event as an .ics file for calendar apps."""
        from ..ical import calendar_response

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
