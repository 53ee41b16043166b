"""Information pages for returnees and newcomers, and the site-wide contacts setting."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import BodyBlock
from .mixins import CityMixin


class InformationPage(CityMixin, Page):
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
