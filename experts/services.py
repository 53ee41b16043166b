"""Expert-profile domain logic: access rules, CV storage, audit logging, GDPR export and erasure."""

import io
import json
import logging
import zipfile
from contextlib import contextmanager
from pathlib import Path

from django.apps import apps
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from accounts.viewer import as_viewer
from experts import consent
from experts.cv import CONTENT_TYPES, inspect_cv
from experts.models import ExpertProfile, ProfileAccessLog, Visibility
from experts.signals import expert_erased

logger = logging.getLogger(__name__)

# Fields anyone may see on a public profile; CV text and file, e-mail and consent data are never public.
PUBLIC_FIELDS = (
    "name",
    "headline",
    "competencies",
    "languages",
    "help_topics",
    "hours_per_month",
    "can_travel_to_lithuania",
    "country",
    "city_ties",
    "notable",
)


def is_owner(user, profile):
    """Return True when `user` (a user or a Viewer) owns `profile`."""
    return as_viewer(user).owns_profile(profile)


def can_view(user, profile):
    """Return True when `user` may open the profile at all (same rule as ExpertProfile.objects.visible_to)."""
    return as_viewer(user).may_see_profile(profile)


def can_see_private_fields(user, profile):
    """Return True when `user` may see CV text, CV file and e-mail: owner, approved staff, platform admins."""
    return as_viewer(user).may_read_cv(profile)


def can_download_cv(user, profile):
    """Return True when `user` may download the profile's CV file."""
    return bool(profile.cv_file) and can_see_private_fields(user, profile)


def log_access(viewer, profile, action):
    """Record an access in the audit trail."""
    return ProfileAccessLog.objects.create(
        viewer=viewer if viewer is not None and viewer.is_authenticated else None,
        viewer_email=getattr(viewer, "email", "") or "",
        profile=profile,
        action=action,
    )


def record_view(viewer, profile):
    """Log a view of a non-public profile by anyone but its owner."""
    if profile.visibility != Visibility.PUBLIC and not is_owner(viewer, profile):
        log_access(viewer, profile, ProfileAccessLog.Action.VIEW)


def record_consent(profile, now=None):
    """Stamp the profile with the consent text version in force (keeping the original time if unchanged)."""
    version = consent.current_version()
    if profile.consent_given_at is None or profile.consent_version != version:
        profile.consent_given_at = now or timezone.now()
        profile.consent_version = version


def attach_cv(profile, uploaded, fill_text=True, inspected=None):
    """Validate and store an uploaded CV privately; fill cv_text from it when the expert left it empty.

    `inspected` is an already computed (kind, text) from experts.cv.inspect_cv. Returns the extracted
    text. Raises ValidationError (and stores nothing) for a bad file.
    """
    kind, text = inspected or inspect_cv(uploaded)
    old_name = profile.cv_file.name if profile.cv_file else ""
    uploaded.seek(0)
    profile.cv_file.save(f"cv.{kind}", ContentFile(uploaded.read()), save=False)
    profile.cv_file_name = Path(uploaded.name or f"cv.{kind}").name[:255]
    if old_name and old_name != profile.cv_file.name:
        transaction.on_commit(lambda: _delete_file(old_name))
    if fill_text and not profile.cv_text.strip() and text:
        profile.cv_text = text
    return text


@contextmanager
def discard_new_cv_on_failure(profile):
    """Delete a CV file written inside the block when the block fails, so a refused save leaves no file behind."""
    before = profile.cv_file.name if profile.cv_file else ""
    try:
        yield
    except BaseException:
        after = profile.cv_file.name if profile.cv_file else ""
        if after and after != before:
            _delete_file(after)
        raise


def save_profile(profile, *, remove_old_cv=False, cv_upload=None, cv_inspected=None):
    """Save an expert's own profile with consent stamped and the CV replaced or removed, all or nothing.

    `profile` carries the form's values; `cv_inspected` is the upload's (kind, text) from experts.cv.inspect_cv.
    A CV file written for a save that fails is deleted again.
    """
    with discard_new_cv_on_failure(profile):
        return _save_profile(profile, remove_old_cv, cv_upload, cv_inspected)


@transaction.atomic
def _save_profile(profile, remove_old_cv, cv_upload, cv_inspected):
    """Stamp consent, apply the CV change and save the row in one transaction."""
    record_consent(profile)
    if remove_old_cv:
        remove_cv(profile)
    if cv_upload:
        attach_cv(profile, cv_upload, inspected=cv_inspected)
    profile.save()
    return profile


def remove_cv(profile):
    """Delete the stored CV file of a profile."""
    if profile.cv_file:
        name = profile.cv_file.name
        profile.cv_file = ""
        profile.cv_file_name = ""
        transaction.on_commit(lambda: _delete_file(name))


def _delete_file(name):
    """Delete a private file by name, ignoring one that is already gone."""
    from experts.models import private_storage

    storage = private_storage()
    if name and storage.exists(name):
        storage.delete(name)


def cv_content_type(profile):
    """Return the MIME type to serve a stored CV with."""
    suffix = Path(profile.cv_file.name).suffix.lstrip(".")
    return CONTENT_TYPES.get(suffix, "application/octet-stream")


def profile_data(profile):
    """Return everything stored in the profile row as JSON-ready data."""
    user = profile.user
    return {
        "id": profile.pk,
        "external_id": profile.external_id,
        "account": {"email": user.email, "date_joined": user.date_joined.isoformat()} if user else None,
        "name": profile.name,
        "headline": profile.headline,
        "cv_text": profile.cv_text,
        "cv_file": profile.cv_file_name if profile.cv_file else None,
        "competencies": profile.competencies,
        "languages": profile.languages,
        "help_topics": profile.help_topics,
        "hours_per_month": profile.hours_per_month,
        "can_travel_to_lithuania": profile.can_travel_to_lithuania,
        "country": profile.country,
        "city_ties": profile.city_ties,
        "notable": profile.notable,
        "visibility": profile.visibility,
        "consent_given_at": profile.consent_given_at.isoformat() if profile.consent_given_at else None,
        "consent_version": profile.consent_version,
        "created_at": profile.created_at.isoformat(),
        "updated_at": profile.updated_at.isoformat(),
    }


def _engagements_data(profile):
    """Return the expert's engagements with challenges (by label: challenges depends on experts, not back)."""
    engagement_model = apps.get_model("challenges", "Engagement")
    rows = []
    for engagement in engagement_model.objects.filter(expert=profile).select_related("challenge"):
        rows.append(
            {
                "challenge": engagement.challenge.title,
                "initiated_by": engagement.initiated_by,
                "status": engagement.status,
                "message": engagement.message,
                "created_at": engagement.created_at.isoformat(),
            }
        )
    return rows


def export_expert(profile, requested_by=None):
    """Build a ZIP with everything held about the expert: profile.json, access_log.json, engagements, the CV."""
    if requested_by is not None:
        log_access(requested_by, profile, ProfileAccessLog.Action.EXPORT)
    access_log = [
        {"at": entry.at.isoformat(), "viewer": entry.viewer_email or None, "action": entry.action}
        for entry in profile.access_logs.all()
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("profile.json", json.dumps(profile_data(profile), ensure_ascii=False, indent=2))
        archive.writestr("access_log.json", json.dumps(access_log, ensure_ascii=False, indent=2))
        archive.writestr("engagements.json", json.dumps(_engagements_data(profile), ensure_ascii=False, indent=2))
        if profile.cv_file:
            with profile.cv_file.open("rb") as handle:
                suffix = Path(profile.cv_file.name).suffix
                archive.writestr(f"cv{suffix}", handle.read())
    return buffer.getvalue()


def erase_expert(profile, delete_user=True):
    """Erase a profile, its CV file, its access log and (by default) the user account, then send expert_erased.

    Challenges created by others stay; the expert's engagements go with the profile (CASCADE).
    """
    profile_id, external_id = profile.pk, profile.external_id
    file_name = profile.cv_file.name if profile.cv_file else ""
    user = profile.user
    with transaction.atomic():
        profile.delete()
        if delete_user and user is not None:
            user.delete()  # allauth EmailAddress rows cascade with the user
    _delete_file(file_name)
    logger.info("Expert profile %s erased", profile_id)
    expert_erased.send(sender=ExpertProfile, profile_id=profile_id, external_id=external_id)
