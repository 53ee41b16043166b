"""Front-end forms for challenges."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from challenges.models import Challenge
from experts.iso import is_language_code


def split_list(text):
    """Split text on new lines and commas into a list of non-empty, unique items."""
    items = []
    for item in re.split(r"[\n,;]", text or ""):
        item = item.strip()
        if item and item not in items:
            items.append(item)
    return items


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ChallengeForm(forms.ModelForm):
    """Create or edit a challenge; lists are typed as text, one item a line or separated by commas."""

    skills_wanted = forms.CharField(
        label=_("Skills wanted"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One skill a line, or separated by commas."),
    )
    languages_required = forms.CharField(
        label=_("Languages required"),
        required=False,
        help_text=_("ISO 639-1 codes separated by commas, e.g. lt, en. Leave empty for no requirement."),
    )
    publish = forms.BooleanField(
        label=_("Publish now"),
        required=False,
        help_text=_("Leave unticked to save a draft that only your municipality's staff can see."),
    )

    class Meta:
        model = Challenge
        fields = [
            "kind",
            "title",
            "description",
            "skills_wanted",
            "languages_required",
            "hours_needed_per_month",
            "in_person",
            "deadline",
            "department",
            "places",
            "shadowing_start",
            "shadowing_end",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "deadline": DateInput(),
            "shadowing_start": DateInput(),
            "shadowing_end": DateInput(),
        }
        help_texts = {
            "department": _("Job shadowing only: the department that hosts the visitor."),
            "places": _("Job shadowing only."),
            "in_person": _("Tick if the expert has to come to Lithuania; leave unticked for remote work."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["skills_wanted"] = "\n".join(self.instance.skills_wanted or [])
            self.initial["languages_required"] = ", ".join(self.instance.languages_required or [])
            del self.fields["publish"]

    def clean_skills_wanted(self):
        """Turn the typed text into a list of skills."""
        return split_list(self.cleaned_data.get("skills_wanted"))

    def clean_languages_required(self):
        """Turn the typed text into a list of valid ISO 639-1 codes."""
        codes = [code.lower() for code in split_list(self.cleaned_data.get("languages_required"))]
        bad = [code for code in codes if not is_language_code(code)]
        if bad:
            raise forms.ValidationError(_("Not ISO 639-1 language codes: %(codes)s"), params={"codes": ", ".join(bad)})
        return codes
