"""Diaspora philanthropy campaigns: a page with goal and deadline, pledges paid outside the platform."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from common.translations import default_language_version

MAX_PLEDGE = Decimal("1000000.00")


class CampaignPage(RoutablePageMixin, Page):
    """A city's fundraising campaign: goal, deadline, progress, updates and a transparency report.

    Money never passes through the platform: members pledge an amount and pay by bank transfer
    with their pledge's reference code; the organiser marks pledges received.
    """

    intro = models.TextField(_("introduction"), blank=True)
    body = RichTextField(_("about the campaign"), blank=True)
    goal = models.DecimalField(
        _("goal (EUR)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(Decimal("1.00"))]
    )
    deadline = models.DateField(_("deadline"))
    beneficiary = models.CharField(_("account holder"), max_length=200)
    iban = models.CharField(_("IBAN"), max_length=34)
    bank = models.CharField(_("bank"), max_length=120, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("goal"), FieldPanel("deadline")]),
        MultiFieldPanel([FieldPanel("beneficiary"), FieldPanel("iban"), FieldPanel("bank")], heading=_("Bank details")),
        InlinePanel("updates", heading=_("Updates"), label=_("update")),
        InlinePanel("spending", heading=_("Transparency report: what was spent"), label=_("spending line")),
    ]
    parent_page_types = ["home.CityPage"]
    subpage_types = []
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("philanthropy campaign")

    def clean(self):
        super().clean()
        iban = "".join(self.iban.split()).upper()
        if iban and not (iban[:2].isalpha() and iban[2:].isalnum() and 15 <= len(iban) <= 34):
            raise ValidationError({"iban": _("Enter an IBAN, e.g. LT12 1000 0111 0100 1000.")})
        self.iban = iban

    @property
    def original(self):
        """Return the default-language page, which holds the pledges of every translation."""
        return default_language_version(self)

    @property
    def is_open(self):
        return timezone.localdate() <= self.deadline

    def totals(self):
        """Return (received, pledged) sums in EUR over the campaign's pledges."""
        pledges = Pledge.objects.filter(campaign=self.original)
        received = pledges.filter(status=Pledge.Status.RECEIVED).aggregate(s=Sum("amount"))["s"] or Decimal("0")
        pledged = pledges.exclude(status=Pledge.Status.CANCELLED).aggregate(s=Sum("amount"))["s"] or Decimal("0")
        return received, pledged

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        received, pledged = self.totals()
        context.update(
            received=received,
            pledged=pledged,
            percent=min(100, int(received * 100 / self.goal)) if self.goal else 0,
            supporters=Pledge.objects.filter(campaign=self.original).supporters(),
            spent=self.spending.aggregate(s=Sum("amount"))["s"] or Decimal("0"),
        )
        return context

    @path("pledge/", name="pledge")
    def pledge(self, request):
        """Take a pledge from a signed-in member (the form and its outcome live in campaigns.views)."""
        from campaigns.views import pledge_view

        return pledge_view(request, self)


class CampaignUpdate(Orderable):
    """News from the campaign (what happened, what the money did)."""

    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"))

    panels = [FieldPanel("date"), FieldPanel("title"), FieldPanel("text")]


class SpendingLine(Orderable):
    """One line of the transparency report: what the campaign's money was spent on."""

    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="spending")
    date = models.DateField(_("date"))
    description = models.CharField(_("what"), max_length=255)
    amount = models.DecimalField(_("amount (EUR)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)])

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("amount")]), FieldPanel("description")]


class PledgeQuerySet(models.QuerySet):
    def supporters(self):
        """Return pledges whose members opted in to the public supporters list (never cancelled ones)."""
        return (
            self.filter(show_as_supporter=True, member__isnull=False)
            .exclude(status=Pledge.Status.CANCELLED)
            .order_by("created_at")
        )

    def for_member(self, user):
        return self.filter(member=user)


class Pledge(models.Model):
    """A member's promise to transfer an amount, identified on the bank statement by its reference code."""

    class Status(models.TextChoices):
        PLEDGED = "pledged", _("pledged")
        RECEIVED = "received", _("received")
        CANCELLED = "cancelled", _("cancelled")

    campaign = models.ForeignKey(CampaignPage, on_delete=models.CASCADE, related_name="pledges")
    # Erasing the member keeps the amount (the campaign's totals and report stay true) and drops the person.
    member = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    amount = models.DecimalField(
        _("amount (EUR)"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("1.00"))],
    )
    reference = models.CharField(_("reference code"), max_length=20, unique=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PLEDGED)
    show_as_supporter = models.BooleanField(_("show my name in the supporters list"), default=False)
    supporter_name = models.CharField(_("name to show"), max_length=120, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    received_at = models.DateTimeField(null=True, blank=True)

    objects = PledgeQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("pledge")

    def __str__(self):
        return self.reference
