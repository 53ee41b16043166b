"""Front-end forms of the content site."""

from django import forms
from django.utils.translation import gettext_lazy as _


class EventRegistrationForm(forms.Form):
    """Sign up for an event."""

    name = forms.CharField(max_length=150, label=_("Your name"))
    email = forms.EmailField(max_length=254, label=_("E-mail"))  # the column holds 254
