"""Writing an idea: drafts, submission with its pictures and attachments, and members' flags."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.translations import default_language_version
from home.templatetags.site_formats import format_money

from ..models import Idea, IdeaAttachment, IdeaFlag, IdeaImage, Phase
from .calls import IdeasError, call_settings, require_phase


def save_idea(idea: Idea, user, submit: bool) -> Idea:
    """Save an author's idea as a draft or submit it for moderation, enforcing the call's phase and languages."""
    call = default_language_version(idea.call)
    idea.call = call
    if idea.pk and idea.author_id != user.pk:
        raise IdeasError(_("Only the author can edit this idea."))
    if not idea.editable_by_author:
        raise IdeasError(_("This idea has already been moderated and can no longer be edited."))
    require_phase(call, Phase.SUBMISSION, _("The call is not accepting ideas now."))
    conf = call_settings(call)
    if idea.language not in conf.allowed_languages:
        raise IdeasError(_("This call accepts ideas in Lithuanian only."))
    if conf.uses_budget and submit and idea.estimated_cost is None:
        raise IdeasError(_("Please give an estimated cost: this call has a budget."))
    if call.budget and idea.estimated_cost and idea.estimated_cost > call.budget:
        raise IdeasError(
            _("The estimated cost exceeds the call's budget of %(budget)s.") % {"budget": format_money(call.budget)}
        )
    idea.author = user
    if submit:
        idea.status = Idea.Status.SUBMITTED
        idea.submitted_at = idea.submitted_at or timezone.now()
    elif idea.status != Idea.Status.CHANGES_REQUESTED and idea.status != Idea.Status.SUBMITTED:
        idea.status = Idea.Status.DRAFT
    idea.save()
    return idea


@transaction.atomic
def save_idea_with_files(idea: Idea, user, submit: bool, images=(), attachments=()) -> Idea:
    """Save the idea (as save_idea) and its uploaded pictures and attachments: all of them or, on an error, none."""
    idea = save_idea(idea, user, submit)
    for upload in images:
        IdeaImage.objects.create(idea=idea, image=upload)
    for upload in attachments:
        IdeaAttachment.objects.create(idea=idea, file=upload, original_name=upload.name[:255])
    return idea


def flag_idea(idea: Idea, user, reason: str) -> IdeaFlag:
    """Record a member's flag on an idea (once per member)."""
    flag, _created = IdeaFlag.objects.update_or_create(idea=idea, user=user, defaults={"reason": reason[:500]})
    return flag
