"""Account forms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from challenges.models import Municipality


class StaffAccessRequestForm(forms.Form):
    """Choose the municipality you work for; an administrator approves the request."""

    municipality = forms.ModelChoiceField(
        queryset=Municipality.objects.order_by("name"), label=_("Municipality"), empty_label=_("Choose…")
    )
    confirm = forms.BooleanField(
        label=_("I work for this municipality and understand an administrator will verify it."), required=True
    )
