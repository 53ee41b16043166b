"""Abstract mixins shared by the page types: the city a page belongs to."""

from django.apps import apps
from django.db import models
from django.utils.functional import cached_property
from wagtail.models import PageManager
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


class ImagePageQuerySet(PageQuerySet):
    """Listings of pages with a lead image."""

    def with_images(self):
        """Fetch each page's lead image and its renditions with the page, not one query per card."""
        return self.select_related("lead_image").prefetch_related("lead_image__renditions")


ImagePageManager = PageManager.from_queryset(ImagePageQuerySet)
