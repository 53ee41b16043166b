"""Calls for ideas: theme, dates, prize or budget and rules; ideas and votes hang off them (ideas app)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from ..blocks import BodyBlock
from .mixins import CityMixin


class CallForIdeasQuerySet(PageQuerySet):
    """Filters for calls for ideas."""

    def open_now(self, now=None):
        """Return calls whose submission window contains now."""
        now = now or timezone.now()
        return self.filter(opens_at__lte=now, closes_at__gt=now)


CallForIdeasManager = PageManager.from_queryset(CallForIdeasQuerySet)


class CallForIdeasPage(CityMixin, Page):
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
