"""Challenge rules: who may do what, the status lifecycle, interest and invitations, e-mails, imports."""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from accounts.viewer import as_viewer
from challenges.models import Challenge, Engagement, EngagementEvent, Municipality, StaffMembership, unique_slug
from experts.iso import is_language_code
from jsonl_records import JSON_TYPE_NAMES, json_type_ok, read_json_lines

Status = Challenge.Status

# Allowed lifecycle steps. A draft is published or dropped; an open challenge starts work or closes unfilled;
# work in progress may reopen (the expert fell through) or close. Closed is final.
TRANSITIONS = {
    Status.DRAFT: (Status.OPEN, Status.CLOSED),
    Status.OPEN: (Status.IN_PROGRESS, Status.CLOSED),
    Status.IN_PROGRESS: (Status.OPEN, Status.CLOSED),
    Status.CLOSED: (),
}

# Engagements can be offered while the challenge is looking for or working with experts.
INVITABLE_STATUSES = (Status.OPEN, Status.IN_PROGRESS)

DEFAULT_LANGUAGE = "lt"


class ChallengeError(Exception):
    """A request that breaks a challenge rule; the message is safe to show to the user."""


# --- Permissions ---


def can_create_challenge(user):
    """Return True for approved municipality staff, the only people who post challenges."""
    return as_viewer(user).may_create_challenge()


def can_manage_challenge(user, challenge):
    """Return True for approved staff of the municipality that owns the challenge."""
    return as_viewer(user).may_manage_challenge(challenge)


def can_view_challenge(user, challenge):
    """Return True when `user` may see the challenge (drafts are for the owner's staff and admins)."""
    return Challenge.objects.visible_to(user).filter(pk=challenge.pk).exists()


def allowed_transitions(challenge):
    """Return the statuses the challenge may move to next."""
    return TRANSITIONS.get(challenge.status, ())


def can_express_interest(user, challenge):
    """Return True for an expert who may still say they are interested in this open challenge."""
    viewer = as_viewer(user)
    return (
        viewer.is_expert
        and challenge.status == Status.OPEN
        and not Engagement.objects.filter(challenge=challenge, expert_id=viewer.expert_profile_id).exists()
    )


# --- Challenges ---


def create_challenge(user, challenge):
    """Save a new challenge for the user's municipality, as a draft unless a status was chosen."""
    viewer = as_viewer(user)
    if not viewer.may_create_challenge():
        raise PermissionDenied
    challenge.municipality = viewer.municipality
    challenge.created_by = user
    challenge.save()
    return challenge


def update_challenge(user, challenge):
    """Save changes made by the owning municipality's staff."""
    if not can_manage_challenge(user, challenge):
        raise PermissionDenied
    challenge.save()
    return challenge


def transition(user, challenge, new_status):
    """Move the challenge to `new_status` if the user owns it and the lifecycle allows the step."""
    if not can_manage_challenge(user, challenge):
        raise PermissionDenied
    if new_status not in Status.values:
        raise ChallengeError(_("Unknown status."))
    if new_status not in allowed_transitions(challenge):
        raise ChallengeError(
            _("A challenge cannot go from “%(old)s” to “%(new)s”.")
            % {"old": challenge.get_status_display(), "new": Status(new_status).label}
        )
    challenge.status = new_status
    challenge.save(update_fields=["status", "updated_at"])
    return challenge


# --- Interest and invitations ---


def _record(engagement, status, actor, note=""):
    """Add a history row and queue its e-mail once the transaction commits."""
    event = EngagementEvent.objects.create(engagement=engagement, status=status, actor=actor, note=note)
    from common.outbox import enqueue

    # By name: services never import their tasks (tasks call services), so the flow stays one-way.
    enqueue("challenges.tasks.send_engagement_email", event.pk)
    return event


def _current_language():
    """Return the language the acting user is using right now."""
    return (translation.get_language() or DEFAULT_LANGUAGE).split("-")[0]


def _create_engagement(duplicate_message, **fields):
    """Create an engagement; a concurrent duplicate gets the same ChallengeError as a sequential one."""
    try:
        # A savepoint: the unique constraint is the final judge when two requests pass the check at once.
        with transaction.atomic():
            return Engagement.objects.create(**fields)
    except IntegrityError:
        raise ChallengeError(duplicate_message) from None


@transaction.atomic
def express_interest(user, challenge, message=""):
    """Record an expert's interest in an open challenge; the municipality answers it."""
    viewer = as_viewer(user)
    profile = viewer.expert_profile
    if profile is None or not viewer.is_expert:
        raise PermissionDenied
    if challenge.status != Status.OPEN:
        raise ChallengeError(_("Interest can only be expressed in an open challenge."))
    if Engagement.objects.filter(challenge=challenge, expert=profile).exists():
        raise ChallengeError(_("You have already responded to this challenge."))
    engagement = _create_engagement(
        _("You have already responded to this challenge."),
        challenge=challenge,
        expert=profile,
        initiated_by=Engagement.Initiator.EXPERT,
        message=message.strip(),
        created_by=user,
        expert_language=_current_language(),
    )
    _record(engagement, Engagement.Status.PENDING, user, message.strip())
    return engagement


def invitable_experts(user):
    """Return the experts this user may invite: consented profiles they can see that have an account."""
    from experts.models import ExpertProfile

    return ExpertProfile.objects.visible_to(user).suggestable().filter(user__isnull=False)


@transaction.atomic
def invite_expert(user, challenge, expert, message=""):
    """Record the municipality's invitation of an expert; the expert answers it."""
    if not can_manage_challenge(user, challenge):
        raise PermissionDenied
    if not invitable_experts(user).filter(pk=expert.pk).exists():
        raise ChallengeError(_("This expert cannot be invited."))
    if challenge.status not in INVITABLE_STATUSES:
        raise ChallengeError(_("Experts can only be invited to an open or ongoing challenge."))
    if Engagement.objects.filter(challenge=challenge, expert=expert).exists():
        raise ChallengeError(_("This expert is already engaged with this challenge."))
    engagement = _create_engagement(
        _("This expert is already engaged with this challenge."),
        challenge=challenge,
        expert=expert,
        initiated_by=Engagement.Initiator.MUNICIPALITY,
        message=message.strip(),
        created_by=user,
        expert_language=expert_language(expert),
        municipality_language=_current_language(),
    )
    _record(engagement, Engagement.Status.PENDING, user, message.strip())
    return engagement


def engagements_for(user):
    """Return the engagements the user is a party to: as the expert, and for their municipality as approved staff."""
    viewer = as_viewer(user)
    if not viewer.is_member:
        return Engagement.objects.none()
    allowed = Q(expert__user_id=viewer.user_id)
    if viewer.municipality_id is not None:
        allowed |= Q(challenge__municipality_id=viewer.municipality_id)
    return Engagement.objects.filter(allowed).select_related("challenge__municipality", "expert")


def side_of(user, engagement):
    """Return "expert", "municipality" or None: which party of the engagement the user speaks for."""
    viewer = as_viewer(user)
    if viewer.is_member and engagement.expert.user_id == viewer.user_id:
        return Engagement.Initiator.EXPERT
    if viewer.may_manage_challenge(engagement.challenge):
        return Engagement.Initiator.MUNICIPALITY
    return None


def can_view_engagement(user, engagement):
    """Return True for both parties of the engagement and for platform administrators."""
    return side_of(user, engagement) is not None or as_viewer(user).is_admin


def allowed_responses(user, engagement):
    """Return the decisions the user may take now: the other party accepts/declines, the initiator withdraws."""
    if engagement.status != Engagement.Status.PENDING:
        return ()
    side = side_of(user, engagement)
    if side is None:
        return ()
    if side == engagement.initiated_by:
        return ("withdraw",)
    return ("accept", "decline")


DECISIONS = {
    "accept": Engagement.Status.ACCEPTED,
    "decline": Engagement.Status.DECLINED,
    "withdraw": Engagement.Status.WITHDRAWN,
}


@transaction.atomic
def respond(user, engagement, decision, note=""):
    """Accept, decline or withdraw a pending engagement on behalf of the party allowed to."""
    engagement = (
        Engagement.objects.select_for_update(of=("self",)).select_related("challenge", "expert").get(pk=engagement.pk)
    )
    side = side_of(user, engagement)
    if side is None:
        raise PermissionDenied
    if decision not in DECISIONS:
        raise ChallengeError(_("Unknown answer."))
    if decision not in allowed_responses(user, engagement):
        raise ChallengeError(_("This engagement cannot be answered that way now."))
    engagement.status = DECISIONS[decision]
    if side == Engagement.Initiator.EXPERT:
        engagement.expert_language = _current_language()
    else:
        engagement.municipality_language = _current_language()
    engagement.save(update_fields=["status", "expert_language", "municipality_language", "updated_at"])
    _record(engagement, engagement.status, user, note.strip())
    return engagement


# --- E-mail ---


def expert_language(profile):
    """Return the language to write to an expert in: the one they last used here, else lt unless they lack it."""
    last = (
        Engagement.objects.filter(expert=profile)
        .exclude(expert_language="")
        .order_by("-updated_at")
        .values_list("expert_language", flat=True)
        .first()
    )
    if last:
        return last
    languages = profile.languages or []
    if "lt" not in languages and "en" in languages:
        return "en"
    return DEFAULT_LANGUAGE


def _municipality_recipients(engagement):
    """Return the staff to write to: whoever invited, else the coordinators, else all approved staff."""
    if engagement.initiated_by == Engagement.Initiator.MUNICIPALITY and engagement.created_by_id:
        if can_manage_challenge(engagement.created_by, engagement.challenge):
            return [engagement.created_by]
    staff = StaffMembership.objects.approved().for_municipality(engagement.challenge.municipality)
    staff = staff.select_related("user")
    coordinators = [m.user for m in staff if m.is_coordinator]
    return coordinators or [m.user for m in staff]


def _recipients(event):
    """Return (users, language, template) for the e-mail about one engagement step, or None for no e-mail."""
    engagement = event.engagement
    expert_user = engagement.expert.user
    to_expert = ([expert_user] if expert_user else [], engagement.expert_language or expert_language(engagement.expert))
    to_staff = (_municipality_recipients(engagement), engagement.municipality_language or DEFAULT_LANGUAGE)
    if event.status == Engagement.Status.PENDING:
        if engagement.initiated_by == Engagement.Initiator.MUNICIPALITY:
            return (*to_expert, "invitation")
        return (*to_staff, "interest")
    if event.status in (Engagement.Status.ACCEPTED, Engagement.Status.DECLINED):
        # The answer goes back to the party that started the engagement.
        target = to_expert if engagement.initiated_by == Engagement.Initiator.EXPERT else to_staff
        return (*target, event.status)
    return None


def notify_event(event_id):
    """Send the e-mail about one engagement step once, in the recipient's language; return the number sent."""
    with transaction.atomic():
        event = (
            EngagementEvent.objects.select_for_update(of=("self",))
            .select_related("engagement__challenge__municipality", "engagement__expert__user", "actor")
            .filter(pk=event_id, notified_at__isnull=True)
            .first()
        )
        if event is None:
            return 0
        plan = _recipients(event)
        sent = 0
        if plan:
            users, language, template = plan
            addresses = [user.email for user in users if user.email]
            if addresses:
                sent = _send(event, addresses, language, template)
        event.notified_at = timezone.now()
        event.save(update_fields=["notified_at"])
    return sent


def _send(event, addresses, language, template):
    """Render the e-mail in `language` and send it (challenges.emails)."""
    from challenges import emails

    return emails.send_engagement_step(event, addresses, language, template)


# --- Import ---

IMPORT_REQUIRED = {
    "id": str,
    "municipality": str,
    "kind": str,
    "title": str,
    "description": str,
    "languages_required": list,
    "hours_needed_per_month": int,
    "in_person": bool,
}
IMPORT_OPTIONAL_DATES = ("deadline", "shadowing_start", "shadowing_end")


@dataclass
class ImportReport:
    """What an import did, or why it refused to."""

    created: int = 0
    updated: int = 0
    municipalities_created: int = 0
    errors: list = field(default_factory=list)  # (line number, reason)
    skipped: int = 0
    rolled_back: bool = False  # the database refused a line, so nothing was saved

    @property
    def ok(self):
        return not self.errors


def validate_challenge_record(record):
    """Return the record's problems as a list of texts (empty when it can be imported)."""
    if not isinstance(record, dict):
        return ["not a JSON object"]
    problems = []
    for key, kind in IMPORT_REQUIRED.items():
        if key not in record:
            problems.append(f"missing field '{key}'")
            continue
        value = record[key]
        if not json_type_ok(value, kind):
            expected = "an integer" if kind is int else JSON_TYPE_NAMES[kind]
            problems.append(f"'{key}' must be {expected}")
        elif kind is str and not value.strip():
            problems.append(f"'{key}' is empty")
    if problems:
        return problems
    if record["kind"] not in Challenge.Kind.values:
        problems.append(f"unknown kind '{record['kind']}' (expected one of {', '.join(Challenge.Kind.values)})")
    if len(record["title"]) > 255:
        problems.append("'title' is longer than 255 characters")
    if len(record["id"]) > 64:
        problems.append("'id' is longer than 64 characters")
    if len(record["municipality"].strip()) > 120:
        problems.append("'municipality' is longer than 120 characters")
    department = record.get("department")
    if department is not None and not isinstance(department, str):
        problems.append("'department' must be text")
    elif department is not None and len(department) > 200:
        problems.append("'department' is longer than 200 characters")
    if record["hours_needed_per_month"] < 0:
        problems.append("'hours_needed_per_month' must not be negative")
    bad = [str(code) for code in record["languages_required"] if not is_language_code(code)]
    if bad:
        problems.append(f"not ISO 639-1 language codes: {', '.join(bad)}")
    skills = record.get("skills_wanted", [])
    if not isinstance(skills, list) or not all(isinstance(s, str) for s in skills):
        problems.append("'skills_wanted' must be a list of texts")
    for key in IMPORT_OPTIONAL_DATES:
        if record.get(key) is not None:
            try:
                datetime.date.fromisoformat(record[key])
            except (TypeError, ValueError):
                problems.append(f"'{key}' must be a date (YYYY-MM-DD)")
    start, end = record.get("shadowing_start"), record.get("shadowing_end")
    if not problems and start and end and start > end:
        problems.append("'shadowing_end' is before 'shadowing_start'")
    places = record.get("places")
    if places is not None and (isinstance(places, bool) or not isinstance(places, int) or places < 1):
        problems.append("'places' must be a positive integer")
    return problems


def parse_challenge_lines(lines):
    """Parse JSON Lines; return (records with their line numbers, errors as (line number, reason))."""
    records, errors = [], []
    for number, record, problems in read_json_lines(lines, validate_challenge_record):
        if problems:
            errors.append((number, "; ".join(problems)))
        else:
            records.append((number, record))
    return records, errors


def municipality_for(name, report=None):
    """Return the municipality called `name` (city or full name), creating it when it does not exist."""
    name = name.strip()
    existing = Municipality.objects.matching_name(name).order_by("pk").first()
    if existing:
        return existing
    from home.models import CityPage

    city_page = CityPage.objects.filter(title__iexact=name).order_by("pk").first()
    municipality = Municipality.objects.create(
        name=name, city_name=name, slug=unique_slug(Municipality, name), city_page=city_page
    )
    if report is not None:
        report.municipalities_created += 1
    return municipality


def import_challenges(lines, skip_invalid=False):
    """Import challenges from JSON Lines, all or nothing; refuse a file with errors unless told to skip them."""
    records, errors = parse_challenge_lines(lines)
    report = ImportReport(errors=errors)
    if errors and not skip_invalid:
        return report
    report.skipped = len(errors)
    try:
        _save_challenges(records, report)
    except ImportLineRefused as exc:
        # The transaction rolled back: nothing from this file is saved.
        report.created = report.updated = report.municipalities_created = report.skipped = 0
        report.errors = [*errors, (exc.number, exc.reason)]
        report.rolled_back = True
    return report


class ImportLineRefused(Exception):
    """Raised inside an import transaction when the database refuses one line's values."""

    def __init__(self, number, reason):
        self.number, self.reason = number, reason
        super().__init__(f"line {number}: {reason}")


def _save_challenges(records, report):
    """Create or update every record in one transaction; a line the database refuses rolls it all back."""
    with transaction.atomic():
        for number, record in records:
            try:
                _save_challenge(record, report)
            except (DatabaseError, ValueError) as exc:
                raise ImportLineRefused(number, f"the database refused it: {exc}") from exc


def _save_challenge(record, report):
    """Create or update one validated challenge record."""
    municipality = municipality_for(record["municipality"], report)
    values = {
        "municipality": municipality,
        "kind": record["kind"],
        "title": record["title"].strip(),
        "description": record["description"].strip(),
        "languages_required": record["languages_required"],
        "hours_needed_per_month": record["hours_needed_per_month"],
        "in_person": record["in_person"],
        "skills_wanted": record.get("skills_wanted", []),
    }
    for key in ("department", "places", *IMPORT_OPTIONAL_DATES):
        if key in record:
            values[key] = record[key] if record[key] is not None else (None if key != "department" else "")
    challenge = Challenge.objects.filter(external_id=record["id"]).first()
    if challenge is None:
        Challenge.objects.create(external_id=record["id"], status=Status.OPEN, **values)
        report.created += 1
    else:
        # A re-import refreshes the content but keeps the lifecycle the municipality has moved it along.
        for key, value in values.items():
            setattr(challenge, key, value)
        challenge.save()
        report.updated += 1
