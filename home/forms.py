"""Front-end forms of the content site."""

from django import forms
from django.utils.translation import gettext_lazy as _


class EventRegistrationForm(forms.Form):
    """Sign up for an event."""

    name = forms.CharField(max_length=150, label=_("Your name"))
    # 254 is the longest address SMTP delivers and the column's size; longer input is a form error, not a 500.
    email = forms.EmailField(max_length=254, label=_("E-mail"))
