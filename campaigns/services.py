"""Pledges: taking them (bounded per member), marking them received, cancelling, exporting."""

import csv
import io
import secrets

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.viewer import Viewer
from campaigns.models import MAX_PLEDGE, CampaignPage, Pledge
from common.ratelimit import over_limit

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I: people retype it in their bank


def pledge_limit():
    """Return (pledges, seconds): how many pledges one member may make in a window."""
    return getattr(settings, "CAMPAIGN_PLEDGE_LIMIT", (5, 3600))


def may_organise(user, campaign):
    """Return True for platform admins and editors who may edit the campaign page."""
    return Viewer(user).may_edit_page(campaign)


def new_reference(campaign):
    """Return a fresh reference code such as "MD-7K3Q-9PXA" for a bank transfer."""
    random_part = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"MD-{random_part[:4]}-{random_part[4:]}"


def _count_against_limit(user):
    """Count one pledge against the member's window; raise ValidationError past the limit."""
    limit, window = pledge_limit()
    if over_limit("campaigns:pledges", user.pk, limit, window):
        raise ValidationError(_("You have made several pledges in a short time; please try again later."))


def create_pledge(user, campaign, *, amount, show_as_supporter=False, supporter_name=""):
    """Record a pledge by a signed-in member to the campaign (its default-language original)."""
    if not (user and user.is_authenticated):
        raise PermissionDenied
    campaign = campaign.original
    if not campaign.is_open:
        raise ValidationError(_("This campaign has ended."))
    if not 1 <= amount <= MAX_PLEDGE:
        raise ValidationError(_("Enter an amount between 1 and 1 000 000 EUR."))
    _count_against_limit(user)
    name = (supporter_name or user.get_full_name() or "").strip()[:120] if show_as_supporter else ""
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Pledge.objects.create(
                    campaign=campaign,
                    member=user,
                    amount=amount,
                    reference=new_reference(campaign),
                    show_as_supporter=bool(show_as_supporter and name),
                    supporter_name=name,
                )
        except IntegrityError:
            continue  # a reference code collision; draw another
    raise ValidationError(_("The pledge could not be recorded; please try again."))


@transaction.atomic
def set_status(user, pledge_id, status):
    """Let the organiser mark a pledge received (money arrived) or cancelled."""
    pledge = Pledge.objects.select_for_update().select_related("campaign").get(pk=pledge_id)
    if not may_organise(user, pledge.campaign):
        raise PermissionDenied
    if status not in Pledge.Status.values:
        raise ValidationError(_("Unknown status."))
    pledge.status = status
    pledge.received_at = timezone.now() if status == Pledge.Status.RECEIVED else None
    pledge.save(update_fields=["status", "received_at"])
    return pledge


@transaction.atomic
def cancel_own_pledge(user, pledge_id):
    """Let a member withdraw their own pledge while the money has not arrived."""
    pledge = Pledge.objects.select_for_update().filter(pk=pledge_id, member=user).first()
    if pledge is None:
        raise PermissionDenied
    if pledge.status != Pledge.Status.PLEDGED:
        raise ValidationError(_("Only a pledge not yet received can be withdrawn."))
    pledge.status = Pledge.Status.CANCELLED
    pledge.save(update_fields=["status"])
    return pledge


def pledges_for_organiser(user, campaign):
    """Return the campaign's pledges for its organiser."""
    campaign = campaign.original
    if not may_organise(user, campaign):
        raise PermissionDenied
    return Pledge.objects.filter(campaign=campaign).select_related("member")


def pledges_csv(pledges):
    """Return the pledges as CSV text with a BOM (spreadsheets then read Lithuanian letters right)."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow([_("Reference code"), _("Amount (EUR)"), _("Status"), _("Pledged"), _("Received"), _("E-mail")])
    for pledge in pledges:
        writer.writerow(
            [
                pledge.reference,
                f"{pledge.amount:.2f}",
                pledge.get_status_display(),
                pledge.created_at.date().isoformat(),
                pledge.received_at.date().isoformat() if pledge.received_at else "",
                pledge.member.email if pledge.member else "",
            ]
        )
    return out.getvalue()


def forget_member(user):
    """Drop the member's name from their pledges before the account goes (amounts stay counted)."""
    Pledge.objects.filter(member=user).update(supporter_name="", show_as_supporter=False)


def campaign_of(page_id):
    """Return the campaign page by id (any translation), or raise CampaignPage.DoesNotExist."""
    return CampaignPage.objects.get(pk=page_id)
