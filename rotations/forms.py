"""Forms for pinning seats, session records, follow-ups and the pre-event questionnaire."""

from django import forms
from django.utils.translation import gettext_lazy as _

from challenges.models import Municipality
from rotations.models import QuestionnaireAnswer


class PinForm(forms.Form):
    """Pin one group to one table in one slot."""

    group = forms.ModelChoiceField(queryset=None, label=_("Group"))
    table = forms.ModelChoiceField(queryset=None, label=_("Table"))
    slot = forms.ModelChoiceField(queryset=None, label=_("Time slot"))

    def __init__(self, meeting, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = meeting.groups.all()
        self.fields["table"].queryset = meeting.tables.all()
        self.fields["slot"].queryset = meeting.slots.all()


class SessionRecordForm(forms.Form):
    """Notes and conclusions of one session."""

    notes = forms.CharField(
        label=_("Notes"), widget=forms.Textarea(attrs={"rows": 6}), required=False, max_length=10000
    )
    conclusions = forms.CharField(
        label=_("Conclusions"), widget=forms.Textarea(attrs={"rows": 4}), required=False, max_length=5000
    )


class FollowUpForm(forms.Form):
    """A follow-up action with its owner municipality and due date."""

    description = forms.CharField(label=_("Action"), max_length=500)
    municipality = forms.ModelChoiceField(queryset=Municipality.objects.all(), label=_("Municipality"))
    due_date = forms.DateField(label=_("Due date"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, session, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.session = session

    def clean_due_date(self):
        due = self.cleaned_data["due_date"]
        if due < self.session.slot.starts_at.date():
            raise forms.ValidationError(_("The due date cannot be before the session."))
        return due


class QuestionnaireForm(forms.ModelForm):
    """The short pre-event questionnaire a participant fills in."""

    class Meta:
        model = QuestionnaireAnswer
        fields = ["group", "expectations", "topics"]
        widgets = {"expectations": forms.Textarea(attrs={"rows": 4}), "topics": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, meeting, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = meeting.groups.all()
