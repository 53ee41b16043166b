"""Working meetings held at an event: groups rotate through parallel tables in time slots."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable


class WorkingMeetingQuerySet(models.QuerySet):
    def for_event(self, event):
        """Return the meetings held at an event, whichever translation of it is given."""
        return self.filter(event__translation_key=event.translation_key)


class WorkingMeeting(ClusterableModel):
    """A programme of rotating group sessions (e.g. a coordinators' policy lab) held at an event."""

    event = models.ForeignKey(
        "home.EventPage", on_delete=models.CASCADE, related_name="working_meetings", verbose_name=_("event")
    )
    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True)
    questionnaire_open = models.BooleanField(_("pre-event questionnaire open"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = WorkingMeetingQuerySet.as_manager()

    panels = [
        FieldPanel("event"),
        FieldPanel("title"),
        FieldPanel("intro"),
        FieldPanel("questionnaire_open"),
        InlinePanel("groups", heading=_("Groups"), label=_("group")),
        InlinePanel("tables", heading=_("Tables"), label=_("table")),
        InlinePanel("slots", heading=_("Time slots"), label=_("time slot")),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("working meeting")
        verbose_name_plural = _("working meetings")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("rotations:programme", args=[self.pk])


class MeetingGroup(Orderable):
    """A group of participants (usually several municipalities) that moves from table to table."""

    meeting = ParentalKey(WorkingMeeting, on_delete=models.CASCADE, related_name="groups")
    name = models.CharField(_("name"), max_length=120)
    members = models.TextField(_("members"), blank=True, help_text=_("One municipality or person per line."))

    panels = [FieldPanel("name"), FieldPanel("members")]

    class Meta(Orderable.Meta):
        verbose_name = _("group")

    def __str__(self):
        return self.name

    def member_list(self):
        """Return the members as a list of non-empty lines."""
        return [line.strip() for line in self.members.splitlines() if line.strip()]


class MeetingTable(Orderable):
    """A table (a topic with its moderators) that every group visits once."""

    meeting = ParentalKey(WorkingMeeting, on_delete=models.CASCADE, related_name="tables")
    name = models.CharField(_("topic"), max_length=120)
    moderators = models.CharField(_("moderators"), max_length=255, blank=True)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("moderators"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("table")

    def __str__(self):
        return self.name


class MeetingSlot(Orderable):
    """A time slot in which every table holds one session."""

    meeting = ParentalKey(WorkingMeeting, on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))

    panels = [FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")])]

    class Meta(Orderable.Meta):
        verbose_name = _("time slot")

    def __str__(self):
        return f"{self.starts_at:%Y-%m-%d %H:%M}–{self.ends_at:%H:%M}"

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("A slot must end after it starts.")})


class PinnedChoice(models.Model):
    """A fixed seat the generator must honour: this group at this table in this slot."""

    meeting = models.ForeignKey(WorkingMeeting, on_delete=models.CASCADE, related_name="pins")
    group = models.ForeignKey(MeetingGroup, on_delete=models.CASCADE, related_name="+")
    table = models.ForeignKey(MeetingTable, on_delete=models.CASCADE, related_name="+")
    slot = models.ForeignKey(MeetingSlot, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["group", "table"], name="rotations_pin_once_per_pair")]
        verbose_name = _("pinned choice")

    def __str__(self):
        return f"{self.group} · {self.table} · {self.slot}"


class RotationSession(models.Model):
    """One group at one table in one slot, with what was said and concluded there."""

    meeting = models.ForeignKey(WorkingMeeting, on_delete=models.CASCADE, related_name="sessions")
    group = models.ForeignKey(MeetingGroup, on_delete=models.CASCADE, related_name="sessions")
    table = models.ForeignKey(MeetingTable, on_delete=models.CASCADE, related_name="sessions")
    slot = models.ForeignKey(MeetingSlot, on_delete=models.CASCADE, related_name="sessions")
    notes = models.TextField(_("notes"), blank=True)
    conclusions = models.TextField(_("conclusions"), blank=True)

    class Meta:
        ordering = ["slot__sort_order", "table__sort_order"]
        constraints = [
            models.UniqueConstraint(fields=["group", "table"], name="rotations_group_visits_table_once"),
            models.UniqueConstraint(fields=["table", "slot"], name="rotations_table_one_group_per_slot"),
            models.UniqueConstraint(fields=["group", "slot"], name="rotations_group_one_table_per_slot"),
        ]
        verbose_name = _("session")

    def __str__(self):
        return f"{self.group} · {self.table} · {self.slot}"

    @property
    def has_content(self):
        """Return True once notes, conclusions or follow-up actions were recorded."""
        return bool(self.notes or self.conclusions or self.actions.exists())


class FollowUpAction(models.Model):
    """A follow-up agreed in a session, owned by a municipality, due by a date."""

    session = models.ForeignKey(RotationSession, on_delete=models.CASCADE, related_name="actions")
    description = models.CharField(_("action"), max_length=500)
    municipality = models.ForeignKey(
        "challenges.Municipality", on_delete=models.PROTECT, related_name="+", verbose_name=_("municipality")
    )
    due_date = models.DateField(_("due date"))
    done = models.BooleanField(_("done"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("follow-up action")

    def __str__(self):
        return self.description


class QuestionnaireAnswer(models.Model):
    """A participant's short pre-event questionnaire (personal data: erased with the account)."""

    meeting = models.ForeignKey(WorkingMeeting, on_delete=models.CASCADE, related_name="answers")
    participant = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    group = models.ForeignKey(MeetingGroup, on_delete=models.CASCADE, related_name="answers", verbose_name=_("group"))
    expectations = models.TextField(_("what do you expect from the meeting?"), max_length=2000)
    topics = models.TextField(_("questions you want to raise at the tables"), max_length=2000, blank=True)
    submitted_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "participant"], name="rotations_one_answer_per_participant")
        ]
        verbose_name = _("questionnaire answer")

    def __str__(self):
        return f"{self.meeting} · {self.participant_id}"
