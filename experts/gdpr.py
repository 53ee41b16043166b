"""GDPR for every member (with or without an expert profile): export everything held, erase every copy.

Erasure rules (docs/experts.md, "GDPR"):
- event registrations under any of the member's e-mail addresses are deleted;
- ideas that never became public (draft, awaiting moderation, changes requested, rejected) are
  deleted with their images and attachments; accepted or merged ideas stay as projects, so ballots
  and published results do not change, but are redacted: author unlinked, text, address,
  coordinates, images and attachments removed;
- follows and flags go with the account; ballots are handled by the ideas app (not changed here);
- Wagtail log entries and revisions about the member or their profile are deleted, and the member
  is unlinked as the actor of any other entry; the member's e-mail is blanked in other experts'
  access logs; django-axes login records under the member's addresses are deleted;
- the expert profile, CV file, vectors and search entries go through `services.erase_expert`.
Nothing here logs names, addresses or message bodies: only ids.
"""

import io
import json
import logging
import zipfile

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext

from experts import services
from experts.models import ExpertProfile, ProfileAccessLog

logger = logging.getLogger(__name__)

UNPUBLISHED_IDEA_STATUSES = ("draft", "submitted", "changes_requested", "rejected")


def _model(label):
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def member_emails(user):
    """Return every e-mail address the member uses (account and allauth addresses), lower-cased."""
    emails = {user.email.lower()} if user.email else set()
    EmailAddress = _model("account.EmailAddress")
    if EmailAddress is not None:
        emails |= {e.lower() for e in EmailAddress.objects.filter(user=user).values_list("email", flat=True)}
    return emails


def _email_q(field, emails):
    query = Q(pk__in=[])
    for email in emails:
        query |= Q(**{f"{field}__iexact": email})
    return query


def _iso(value):
    return value.isoformat() if value else None


# --- Export -----------------------------------------------------------------------------------


def account_data(user):
    """Return the account row and its e-mail addresses."""
    return {
        "username": user.get_username(),
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "date_joined": _iso(user.date_joined),
        "last_login": _iso(user.last_login),
        "email_addresses": sorted(member_emails(user)),
    }


def ideas_data(user):
    """Return the member's ideas with their text and status."""
    Idea = _model("ideas.Idea")
    if Idea is None:
        return []
    return [
        {
            "id": idea.pk,
            "call": idea.call.title,
            "title": idea.title,
            "summary": idea.summary,
            "description": idea.description,
            "address": idea.address,
            "category": idea.category,
            "status": idea.status,
            "language": idea.language,
            "created_at": _iso(idea.created_at),
            "attachments": [a.original_name for a in idea.attachments.all()],
        }
        for idea in Idea.objects.filter(author=user).select_related("call")
    ]


def ballots_data(user):
    """Return the member's ballots (and, for supports calls, the ideas they support)."""
    Ballot = _model("ideas.Ballot")
    if Ballot is None:
        return [], []
    ballots, supports = [], []
    for ballot in Ballot.objects.filter(voter=user).select_related("call").prefetch_related("ideas"):
        ballot_type = getattr(getattr(ballot.call, "idea_settings", None), "ballot_type", "")
        ideas = [{"id": idea.pk, "title": idea.title} for idea in ballot.ideas.all()]
        ballots.append(
            {
                "call": ballot.call.title,
                "ballot_type": ballot_type,
                "tie": ballot.tie,
                "ideas": ideas,
                "created_at": _iso(ballot.created_at),
                "updated_at": _iso(ballot.updated_at),
            }
        )
        if ballot_type == "supports":
            supports += [{"call": ballot.call.title, **idea} for idea in ideas]
    return ballots, supports


def follows_data(user):
    """Return the ideas the member follows."""
    Follow = _model("ideas.Follow")
    if Follow is None:
        return []
    return [
        {"idea": f.idea_id, "title": f.idea.title, "since": _iso(getattr(f, "created_at", None))}
        for f in Follow.objects.filter(user=user).select_related("idea")
    ]


def registrations_data(user):
    """Return event registrations made under any of the member's e-mail addresses."""
    EventRegistration = _model("home.EventRegistration")
    emails = member_emails(user)
    if EventRegistration is None or not emails:
        return []
    return [
        {
            "event": r.event.title,
            "occurrence_start": _iso(r.occurrence_start),
            "name": r.name,
            "email": r.email,
            "language": r.language,
            "registered_at": _iso(r.created_at),
        }
        for r in EventRegistration.objects.filter(_email_q("email", emails)).select_related("event")
    ]


def export_member(user, requested_by=None):
    """Build a ZIP with everything held about a member: account, ideas, ballots, supports, follows, sign-ups, profile."""
    ballots, supports = ballots_data(user)
    files = {
        "account.json": account_data(user),
        "ideas.json": ideas_data(user),
        "ballots.json": ballots,
        "supports.json": supports,
        "follows.json": follows_data(user),
        "event_registrations.json": registrations_data(user),
    }
    profile = ExpertProfile.objects.filter(user=user).first()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, json.dumps(data, ensure_ascii=False, indent=2))
        if profile is not None:
            # The expert part (profile.json, access_log.json, engagements.json, the CV) as before.
            expert_zip = zipfile.ZipFile(io.BytesIO(services.export_expert(profile, requested_by=requested_by)))
            for name in expert_zip.namelist():
                archive.writestr(name, expert_zip.read(name))
    return buffer.getvalue()


# --- Erasure ----------------------------------------------------------------------------------


def _erase_ideas(user):
    """Delete unpublished ideas, redact public ones; return the stored file names to delete after commit."""
    Idea = _model("ideas.Idea")
    if Idea is None:
        return []
    files = []
    ideas = Idea.objects.filter(author=user)
    for idea in ideas:
        files += [(image.image.storage, image.image.name) for image in idea.images.all()]
        files += [(a.file.storage, a.file.name) for a in idea.attachments.all()]
    _erase_log_entries_for(Idea, list(ideas.values_list("pk", flat=True)))
    ideas.filter(status__in=UNPUBLISHED_IDEA_STATUSES).delete()
    with translation.override(settings.LANGUAGE_CODE):
        removed = gettext("Idea removed at its author's request")
    for idea in Idea.objects.filter(author=user):
        idea.images.all().delete()
        idea.attachments.all().delete()
        Idea.objects.filter(pk=idea.pk).update(
            author=None,
            title=f"{removed} #{idea.pk}",
            summary=removed,
            description="",
            address="",
            latitude=None,
            longitude=None,
            moderation_message="",
        )
    return files


def _erase_log_entries_for(model, pks):
    """Delete Wagtail log entries and revisions about these objects (their labels hold names)."""
    if not pks:
        return
    from wagtail.models import ModelLogEntry, Revision

    content_type = ContentType.objects.get_for_model(model)
    object_ids = [str(pk) for pk in pks]
    ModelLogEntry.objects.filter(content_type=content_type, object_id__in=object_ids).delete()
    Revision.objects.filter(
        Q(content_type=content_type) | Q(base_content_type=content_type), object_id__in=object_ids
    ).delete()


def _erase_wagtail_traces(user, profile, emails):
    """Remove Wagtail's log entries about the member and unlink them as the actor of others."""
    from wagtail.models import ModelLogEntry, PageLogEntry, Revision

    _erase_log_entries_for(get_user_model(), [user.pk])
    if profile is not None:
        _erase_log_entries_for(type(profile), [profile.pk])
    for entries in (ModelLogEntry.objects, PageLogEntry.objects):
        labels = Q(pk__in=[])
        for value in (
            emails | {user.get_username()} | ({profile.name} if profile is not None and profile.name else set())
        ):
            if len(value) >= 4:
                labels |= Q(label__icontains=value)
        entries.filter(labels).delete()
        entries.filter(user_id=user.pk).update(user=None)
    Revision.objects.filter(user=user).update(user=None)


def _erase_other_traces(user, emails):
    """Blank the member's e-mail in others' access logs; delete axes login records under their addresses."""
    ProfileAccessLog.objects.filter(Q(viewer=user) | _email_q("viewer_email", emails)).update(
        viewer=None, viewer_email=""
    )
    for label in ("axes.AccessAttempt", "axes.AccessLog", "axes.AccessFailureLog"):
        model = _model(label)
        if model is not None and emails:
            model.objects.filter(_email_q("username", emails)).delete()
    EventRegistration = _model("home.EventRegistration")
    if EventRegistration is not None and emails:
        EventRegistration.objects.filter(_email_q("email", emails)).delete()


def erase_member(user):
    """Erase a member and every copy of their data; return the number of the user's id for the log."""
    user = get_user_model().objects.get(pk=user.pk)  # a real instance, not request.user's lazy wrapper
    user_id = user.pk
    profile = ExpertProfile.objects.filter(user=user).first()
    emails = member_emails(user)
    with transaction.atomic():
        files = _erase_ideas(user)
        _erase_wagtail_traces(user, profile, emails)
        _erase_other_traces(user, emails)
        if profile is not None:
            services.erase_expert(profile, delete_user=True)
        else:
            user.delete()
        transaction.on_commit(lambda: _delete_files(files))
    logger.info("Member %s erased", user_id)
    return user_id


def _delete_files(files):
    for storage, name in files:
        if name and storage.exists(name):
            storage.delete(name)
