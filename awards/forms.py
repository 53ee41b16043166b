"""Nomination and jury-score forms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from awards.models import Nomination


class NominationForm(forms.ModelForm):
    class Meta:
        model = Nomination
        fields = ["category", "nominee_name", "nominee_place", "reason"]
        widgets = {"reason": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, award, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = award.original.categories.all()

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if len(reason) < 20:
            raise forms.ValidationError(_("Say in a sentence or two why this person deserves the award."))
        return reason


class ScoreForm(forms.Form):
    score = forms.IntegerField(label=_("Score (1–10)"), min_value=1, max_value=10)
    note = forms.CharField(label=_("Private note"), max_length=500, required=False)
