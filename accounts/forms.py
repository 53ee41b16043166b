"""Account forms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.services import municipality_model


class StaffAccessRequestForm(forms.Form):
    """Choose the municipality you work for; an administrator approves the request."""

    municipality = forms.ModelChoiceField(queryset=None, label=_("Municipality"), empty_label=_("Choose…"))
    confirm = forms.BooleanField(
        label=_("I work for this municipality and understand an administrator will verify it."), required=True
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        model = municipality_model()
        self.fields["municipality"].queryset = model.objects.order_by("name") if model else []
