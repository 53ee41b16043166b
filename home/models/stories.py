"""Stories: the city's story index and the stories under it, tagged by topic."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import BodyBlock
from .mixins import CityListingPage, CityMixin, ImagePageManager


class StoryIndexPage(CityListingPage):
    """A city's list of stories, filterable by topic."""

    subpage_types = ["home.StoryPage"]

    class Meta:
        verbose_name = _("story index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories = StoryPage.objects.child_of(self).live().public().with_images().order_by("-date")
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


class StoryPage(CityMixin, Page):
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

    objects = ImagePageManager()

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
