"""The pledge form: an amount and an optional name in the supporters list — never card data."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from campaigns.models import MAX_PLEDGE


class PledgeForm(forms.Form):
    amount = forms.DecimalField(
        label=_("Amount (EUR)"), min_value=Decimal("1.00"), max_value=MAX_PLEDGE, max_digits=12, decimal_places=2
    )
    show_as_supporter = forms.BooleanField(label=_("Show my name in the public supporters list"), required=False)
    supporter_name = forms.CharField(label=_("Name to show"), max_length=120, required=False)

    def clean(self):
        data = super().clean()
        if data.get("show_as_supporter") and not (data.get("supporter_name") or "").strip():
            self.add_error("supporter_name", _("Enter the name to show, or leave the list unticked."))
        return data
