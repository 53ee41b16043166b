"""Nominating, private jury scoring, choosing winners and publishing them as a story."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Avg, Count
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.viewer import Viewer
from awards.models import AwardPage, JuryScore, Nomination
from common.ratelimit import over_limit


def nomination_limit():
    """Return (nominations, seconds): how many nominations one member may send in a window."""
    return getattr(settings, "AWARD_NOMINATION_LIMIT", (5, 86400))


def may_organise(user, award):
    """Return True for platform admins and editors who may edit the award page."""
    return Viewer(user).may_edit_page(award)


def is_juror(user, award):
    return bool(user and user.is_authenticated and award.original.jurors.filter(user=user).exists())


def _count_against_limit(user):
    limit, window = nomination_limit()
    if over_limit("awards:nominations", user.pk, limit, window):
        raise ValidationError(_("You have sent several nominations today; please try again tomorrow."))


def nominate(user, award, *, category, nominee_name, nominee_place, reason):
    """Record a member's nomination while nominations are open."""
    if not (user and user.is_authenticated):
        raise PermissionDenied
    award = award.original
    if award.phase != AwardPage.Phase.NOMINATING:
        raise ValidationError(_("Nominations are not open."))
    if category.page_id != award.pk:
        raise ValidationError(_("Choose one of this award's categories."))
    _count_against_limit(user)
    return Nomination.objects.create(
        award=award,
        category=category,
        nominee_name=nominee_name,
        nominee_place=nominee_place,
        reason=reason,
        nominated_by=user,
    )


def jury_view(user, award):
    """Return the nominations a juror sees: their own scores always, everyone's totals only after judging."""
    award = award.original
    if not is_juror(user, award):
        raise PermissionDenied
    nominations = list(award.nominations.select_related("category"))
    own = {s.nomination_id: s for s in JuryScore.objects.filter(juror=user, nomination__award=award)}
    totals = {}
    if award.phase == AwardPage.Phase.CLOSED:
        totals = {
            row["nomination"]: row
            for row in JuryScore.objects.filter(nomination__award=award)
            .values("nomination")
            .annotate(average=Avg("score"), jurors=Count("id"))
        }
    return [(n, own.get(n.pk), totals.get(n.pk)) for n in nominations]


def score(user, nomination_id, *, value, note=""):
    """Store the juror's own score for a nomination while the jury is scoring."""
    nomination = Nomination.objects.select_related("award").get(pk=nomination_id)
    award = nomination.award
    if not is_juror(user, award):
        raise PermissionDenied
    if award.phase != AwardPage.Phase.JUDGING:
        raise ValidationError(_("Scores can be given only while the jury is scoring."))
    if not 1 <= value <= 10:
        raise ValidationError(_("A score is a whole number from 1 to 10."))
    JuryScore.objects.update_or_create(nomination=nomination, juror=user, defaults={"score": value, "note": note})


def ranking(award):
    """Return every nomination with its average score and number of scores, best first (for organisers)."""
    return (
        award.original.nominations.select_related("category")
        .annotate(average=Avg("scores__score"), jurors=Count("scores"))
        .order_by("category__sort_order", "-average")
    )


@transaction.atomic
def publish_winners(user, award, nomination_ids):
    """Mark the chosen nominations winners (after judging) and publish a story announcing them."""
    award = award.original
    if not may_organise(user, award):
        raise PermissionDenied
    if award.phase != AwardPage.Phase.CLOSED:
        raise ValidationError(_("Winners can be chosen only after judging closes."))
    chosen = list(award.nominations.filter(pk__in=nomination_ids).select_related("category"))
    if not chosen:
        raise ValidationError(_("Choose at least one winner."))
    award.nominations.update(is_winner=False)
    Nomination.objects.filter(pk__in=[n.pk for n in chosen]).update(is_winner=True)
    return _announce(award, chosen)


def _announce(award, winners):
    """Create (or refresh) the story announcing the winners under the city's story index."""
    from home.models import CityPage, StoryIndexPage, StoryPage

    city = CityPage.objects.ancestor_of(award).first()
    stories = StoryIndexPage.objects.child_of(city).first() if city else None
    if stories is None:
        return None
    slug = f"{award.slug}-laureatai"[:80]
    lines = "".join(f"<li><strong>{w.category.name}</strong>: {w.nominee_name}</li>" for w in winners)
    fields = {
        "title": f"{award.title}: laureatai",
        "kind": StoryPage.Kind.NOTABLE,
        "author_name": award.title,
        "date": timezone.localdate(),
        "intro": _("The jury has chosen the winners of %(award)s.") % {"award": award.title},
        "body": [("paragraph", f"<ul>{lines}</ul>")],
    }
    story = StoryPage.objects.child_of(stories).filter(slug=slug).first()
    if story is None:
        story = StoryPage(slug=slug, locale=stories.locale, **fields)
        stories.add_child(instance=story)
    else:
        for name, value in fields.items():
            setattr(story, name, value)
    story.save_revision().publish()
    return story


def notable_gallery():
    """Return public, consenting expert profiles that editors marked notable compatriots."""
    from django.contrib.auth.models import AnonymousUser

    from experts.models import ExpertProfile

    return ExpertProfile.objects.visible_to(AnonymousUser()).filter(notable=True).order_by("name")
