"""Abstract mixins shared by the page types: the city a page belongs to."""

from django.apps import apps
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet


class CityMixin(models.Model):
    """A page that lives under a city hub and links back to it."""

    class Meta:
        abstract = True

    @cached_property
    def city(self):
        """Return the city hub this page belongs to, or None (a site-wide page)."""
        # By name: the hub module imports the page modules that use this mixin.
        return apps.get_model("home", "CityPage").objects.ancestor_of(self).first()


class CityListingPage(CityMixin, Page):
    """A list page directly under a city hub (its stories, its events): an introduction, then the items."""

    intro = RichTextField(blank=True, verbose_name=_("Introduction"))
    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.CityPage"]

    class Meta:
        abstract = True


class ImagePageQuerySet(PageQuerySet):
    """Listings of pages with a lead image."""

    def with_images(self):
        """Fetch each page's lead image and its renditions with the page, not one query per card."""
        return self.select_related("lead_image").prefetch_related("lead_image__renditions")


ImagePageManager = PageManager.from_queryset(ImagePageQuerySet)
