"""Public programme and printable agendas; management pages for the meeting's editors."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.request_params import parse_id
from rotations import services
from rotations.forms import FollowUpForm, PinForm, QuestionnaireForm, SessionRecordForm
from rotations.models import FollowUpAction, QuestionnaireAnswer, RotationSession, WorkingMeeting


def _meeting(meeting_id):
    return get_object_or_404(WorkingMeeting.objects.select_related("event"), pk=meeting_id)


def programme(request, meeting_id):
    """Show the rotation grid: slots down, tables across, the group at each table."""
    meeting = _meeting(meeting_id)
    tables, rows = services.programme_grid(meeting)
    context = {
        "meeting": meeting,
        "tables": tables,
        "rows": rows,
        "groups": meeting.groups.all(),
        "may_manage": services.may_manage(request.user, meeting),
    }
    return render(request, "rotations/programme.html", context)


def group_agenda(request, meeting_id, group_id):
    """Printable agenda of one group: where it sits in each slot."""
    meeting = _meeting(meeting_id)
    group = get_object_or_404(meeting.groups, pk=group_id)
    sessions = services.agenda_for_group(meeting, group)
    return render(
        request, "rotations/agenda.html", {"meeting": meeting, "subject": group, "sessions": sessions, "by": "group"}
    )


def table_agenda(request, meeting_id, table_id):
    """Printable agenda of one table: which group it hosts in each slot."""
    meeting = _meeting(meeting_id)
    table = get_object_or_404(meeting.tables, pk=table_id)
    sessions = services.agenda_for_table(meeting, table)
    return render(
        request, "rotations/agenda.html", {"meeting": meeting, "subject": table, "sessions": sessions, "by": "table"}
    )


@login_required
def questionnaire(request, meeting_id):
    """Let a signed-in participant fill in (or update) the pre-event questionnaire."""
    meeting = _meeting(meeting_id)
    existing = QuestionnaireAnswer.objects.filter(meeting=meeting, participant=request.user).first()
    form = QuestionnaireForm(meeting, request.POST or None, instance=existing)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_questionnaire(request.user, meeting, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you, your answers are saved."))
            return redirect("rotations:programme", meeting.pk)
    return render(
        request, "rotations/questionnaire.html", {"meeting": meeting, "form": form}, status=400 if form.errors else 200
    )


@login_required
def manage(request, meeting_id):
    """Pins, generation, questionnaire answers and session links for the meeting's editors."""
    meeting = _meeting(meeting_id)
    services.require_manager(request.user, meeting)
    form = PinForm(meeting, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.pin_choice(request.user, meeting, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The choice is pinned. Generate the rotation again to apply it."))
            return redirect("rotations:manage", meeting.pk)
    context = {
        "meeting": meeting,
        "form": form,
        "pins": meeting.pins.select_related("group", "table", "slot"),
        "sessions": meeting.sessions.select_related("group", "table", "slot").prefetch_related("actions"),
        "answers": meeting.answers.select_related("group", "participant"),
    }
    return render(request, "rotations/manage.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def generate(request, meeting_id):
    """Generate the rotation, or say why none exists."""
    meeting = _meeting(meeting_id)
    services.require_manager(request.user, meeting)
    try:
        services.generate_sessions(request.user, meeting.pk)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The rotation is ready: every group visits every table once."))
    return redirect("rotations:manage", meeting.pk)


@login_required
@require_POST
def unpin(request, meeting_id, pin_id):
    """Remove a pinned choice."""
    meeting = _meeting(meeting_id)
    services.remove_pin(request.user, meeting, pin_id)
    return redirect("rotations:manage", meeting.pk)


@login_required
def session_record(request, meeting_id, session_id):
    """Record notes, conclusions and follow-up actions of one session."""
    meeting = _meeting(meeting_id)
    services.require_manager(request.user, meeting)
    session = get_object_or_404(
        RotationSession.objects.select_related("group", "table", "slot"), pk=session_id, meeting=meeting
    )
    record_form = SessionRecordForm(initial={"notes": session.notes, "conclusions": session.conclusions})
    action_form = FollowUpForm(session)
    status = 200
    if request.method == "POST":
        if "add_action" in request.POST:
            action_form = FollowUpForm(session, request.POST)
            if action_form.is_valid():
                services.add_follow_up(request.user, session, **action_form.cleaned_data)
                messages.success(request, _("The follow-up action is recorded."))
                return redirect("rotations:session", meeting.pk, session.pk)
        elif "toggle_action" in request.POST:
            action = get_object_or_404(
                FollowUpAction, pk=parse_id(request.POST["toggle_action"].strip()), session=session
            )
            services.set_follow_up_done(request.user, action, not action.done)
            return redirect("rotations:session", meeting.pk, session.pk)
        else:
            record_form = SessionRecordForm(request.POST)
            if record_form.is_valid():
                services.save_session_record(request.user, session, **record_form.cleaned_data)
                messages.success(request, _("The session record is saved."))
                return redirect("rotations:session", meeting.pk, session.pk)
        status = 400
    context = {
        "meeting": meeting,
        "session": session,
        "record_form": record_form,
        "action_form": action_form,
        "actions": session.actions.select_related("municipality"),
    }
    return render(request, "rotations/session.html", context, status=status)
