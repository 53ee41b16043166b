"""Working meetings: who may manage them, generating the rotation, notes, follow-ups, questionnaires."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from accounts.viewer import Viewer
from rotations.models import (
    FollowUpAction,
    PinnedChoice,
    QuestionnaireAnswer,
    RotationSession,
    WorkingMeeting,
)
from rotations.schedule import ImpossibleSchedule, Pin, generate_rotation


def may_manage(user, meeting):
    """Return True for platform admins and for editors who may edit the meeting's event page."""
    return Viewer(user).may_edit_page(meeting.event)


def require_manager(user, meeting):
    """Raise PermissionDenied unless the user may manage the meeting."""
    if not may_manage(user, meeting):
        raise PermissionDenied


def _members(meeting):
    """Return the meeting's groups, tables and slots in their display order."""
    return list(meeting.groups.all()), list(meeting.tables.all()), list(meeting.slots.all())


@transaction.atomic
def generate_sessions(user, meeting_id):
    """Replace the meeting's sessions with a generated rotation; raise ValidationError if none exists.

    A rotation that already holds notes, conclusions or follow-ups is never overwritten.
    """
    meeting = WorkingMeeting.objects.select_for_update().get(pk=meeting_id)
    require_manager(user, meeting)
    return apply_rotation(meeting)


def apply_rotation(meeting):
    """Write a generated rotation for the meeting (no permission check: callers check, or it is the demo)."""
    if any(session.has_content for session in meeting.sessions.prefetch_related("actions")):
        raise ValidationError(
            _("Sessions already have notes or follow-ups; the rotation can no longer be regenerated.")
        )
    groups, tables, slots = _members(meeting)
    group_index = {group.pk: i for i, group in enumerate(groups)}
    table_index = {table.pk: i for i, table in enumerate(tables)}
    slot_index = {slot.pk: i for i, slot in enumerate(slots)}
    pins = [
        Pin(group_index[pin.group_id], table_index[pin.table_id], slot_index[pin.slot_id])
        for pin in meeting.pins.all()
        if pin.group_id in group_index and pin.table_id in table_index and pin.slot_id in slot_index
    ]
    try:
        rotation = generate_rotation(len(groups), len(tables), len(slots), pins)
    except ImpossibleSchedule as error:
        raise ValidationError(_("No rotation is possible: %(reason)s") % {"reason": error}) from error
    meeting.sessions.all().delete()
    RotationSession.objects.bulk_create(
        RotationSession(meeting=meeting, group=groups[g], table=tables[t], slot=slots[s])
        for (g, t), s in sorted(rotation.slot_of.items(), key=lambda item: (item[1], item[0][1]))
    )
    return meeting


@transaction.atomic
def pin_choice(user, meeting, *, group, table, slot):
    """Pin a group to a table in a slot (replacing that pair's earlier pin)."""
    require_manager(user, meeting)
    if not (group.meeting_id == table.meeting_id == slot.meeting_id == meeting.pk):
        raise ValidationError(_("The group, table and slot must belong to this meeting."))
    PinnedChoice.objects.filter(meeting=meeting, group=group, table=table).delete()
    return PinnedChoice.objects.create(meeting=meeting, group=group, table=table, slot=slot)


def remove_pin(user, meeting, pin_id):
    """Remove one pinned choice of the meeting."""
    require_manager(user, meeting)
    meeting.pins.filter(pk=pin_id).delete()


def save_session_record(user, session, *, notes, conclusions):
    """Store a session's notes and conclusions."""
    require_manager(user, session.meeting)
    session.notes, session.conclusions = notes, conclusions
    session.save(update_fields=["notes", "conclusions"])
    return session


def add_follow_up(user, session, *, description, municipality, due_date):
    """Record a follow-up action agreed in a session."""
    require_manager(user, session.meeting)
    return FollowUpAction.objects.create(
        session=session, description=description, municipality=municipality, due_date=due_date
    )


def set_follow_up_done(user, action, done):
    """Mark a follow-up action done or open again."""
    require_manager(user, action.session.meeting)
    action.done = bool(done)
    action.save(update_fields=["done"])


def submit_questionnaire(user, meeting, *, group, expectations, topics):
    """Create or update the participant's pre-event questionnaire answer."""
    if not meeting.questionnaire_open:
        raise ValidationError(_("The questionnaire is closed."))
    if group.meeting_id != meeting.pk:
        raise ValidationError(_("Choose one of this meeting's groups."))
    fields = {"group": group, "expectations": expectations, "topics": topics}
    try:
        with transaction.atomic():
            answer, _created = QuestionnaireAnswer.objects.update_or_create(
                meeting=meeting, participant=user, defaults=fields
            )
    except IntegrityError:
        # Two submissions raced; the second updates the row the first created.
        answer = QuestionnaireAnswer.objects.get(meeting=meeting, participant=user)
        for name, value in fields.items():
            setattr(answer, name, value)
        answer.save()
    return answer


def agenda_for_group(meeting, group):
    """Return the group's sessions in slot order."""
    return list(meeting.sessions.filter(group=group).select_related("table", "slot").order_by("slot__sort_order"))


def agenda_for_table(meeting, table):
    """Return the table's sessions in slot order."""
    return list(meeting.sessions.filter(table=table).select_related("group", "slot").order_by("slot__sort_order"))


def programme_grid(meeting):
    """Return (tables, rows) where each row is (slot, [session or None per table])."""
    groups, tables, slots = _members(meeting)
    by_key = {(s.slot_id, s.table_id): s for s in meeting.sessions.select_related("group")}
    rows = [(slot, [by_key.get((slot.pk, table.pk)) for table in tables]) for slot in slots]
    return tables, rows
