"""City awards: categories, a nomination period, a jury scoring privately, published winners."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page
from wagtail.search import index

from common.translations import default_language_version


class AwardPage(RoutablePageMixin, Page):
    """A city's prize for people who distinguished themselves, at home or abroad, for one year."""

    class Phase(models.TextChoices):
        UPCOMING = "upcoming", _("Nominations not open yet")
        NOMINATING = "nominating", _("Nominations open")
        JUDGING = "judging", _("The jury is scoring")
        CLOSED = "closed", _("Judging closed")

    intro = models.TextField(_("introduction"), blank=True)
    nominations_open = models.DateTimeField(_("nominations open"))
    nominations_close = models.DateTimeField(_("nominations close"))
    judging_closes = models.DateTimeField(_("judging closes"))

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("nominations_open"), FieldPanel("nominations_close"), FieldPanel("judging_closes")]),
        InlinePanel("categories", heading=_("Categories"), label=_("category"), min_num=1),
        InlinePanel("jurors", heading=_("Jury"), label=_("juror")),
    ]
    parent_page_types = ["home.CityPage"]
    subpage_types = []
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("city award")

    def clean(self):
        super().clean()
        if self.nominations_open and self.nominations_close and self.nominations_close <= self.nominations_open:
            raise ValidationError({"nominations_close": _("Nominations must close after they open.")})
        if self.nominations_close and self.judging_closes and self.judging_closes <= self.nominations_close:
            raise ValidationError({"judging_closes": _("Judging must close after nominations close.")})

    @property
    def original(self):
        """Return the default-language page, which holds the nominations of every translation."""
        return default_language_version(self)

    @property
    def phase(self):
        now = timezone.now()
        if now < self.nominations_open:
            return self.Phase.UPCOMING
        if now < self.nominations_close:
            return self.Phase.NOMINATING
        if now < self.judging_closes:
            return self.Phase.JUDGING
        return self.Phase.CLOSED

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        original = self.original
        context["winners"] = Nomination.objects.filter(award=original, is_winner=True).select_related("category")
        context["is_juror"] = (
            original.jurors.filter(user_id=request.user.pk).exists() if request.user.is_authenticated else False
        )
        return context

    @path("nominate/", name="nominate")
    def nominate(self, request):
        """Take a nomination from a signed-in member while nominations are open."""
        from awards.views import nominate_view

        return nominate_view(request, self)


class AwardCategory(Orderable):
    """A category of the award (e.g. "Diaspora voice of the year")."""

    page = ParentalKey(AwardPage, on_delete=models.CASCADE, related_name="categories")
    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("description")]

    def __str__(self):
        return self.name


class AwardJuror(Orderable):
    """A named account on the award's jury."""

    page = ParentalKey(AwardPage, on_delete=models.CASCADE, related_name="jurors")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("juror")
    )

    panels = [FieldPanel("user")]

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["page", "user"], name="awards_juror_once")]


class Nomination(models.Model):
    """A member's nomination of a person, with the reason."""

    award = models.ForeignKey(AwardPage, on_delete=models.CASCADE, related_name="nominations")
    category = models.ForeignKey(
        AwardCategory, on_delete=models.CASCADE, related_name="nominations", verbose_name=_("category")
    )
    nominee_name = models.CharField(_("nominee's name"), max_length=200)
    nominee_place = models.CharField(_("where the nominee lives or works"), max_length=200, blank=True)
    reason = models.TextField(_("why this person deserves the award"), max_length=3000)
    nominated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    is_winner = models.BooleanField(_("winner"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["category__sort_order", "created_at"]
        verbose_name = _("nomination")

    def __str__(self):
        return self.nominee_name


class JuryScore(models.Model):
    """One juror's private score of one nomination (1–10); jurors see only their own until judging closes."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="scores")
    juror = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField(_("score"), validators=[MinValueValidator(1), MaxValueValidator(10)])
    note = models.CharField(_("private note"), max_length=500, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["nomination", "juror"], name="awards_one_score_per_juror"),
            models.CheckConstraint(condition=models.Q(score__gte=1, score__lte=10), name="awards_score_1_to_10"),
        ]

    def __str__(self):
        return f"{self.nomination} · {self.score}"
