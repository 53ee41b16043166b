"""The member's digest preferences."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from home.models import CityPage
from notifications.models import Kind, Preference


class PreferenceForm(forms.ModelForm):
    cities = forms.ModelMultipleChoiceField(
        queryset=CityPage.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Cities"),
        help_text=_("None ticked: every city."),
    )
    kinds = forms.MultipleChoiceField(
        choices=Kind.choices, widget=forms.CheckboxSelectMultiple, required=False, label=_("What to include")
    )
    language = forms.ChoiceField(
        choices=[(code, name) for code, name in settings.LANGUAGES if code in ("lt", "en")],
        label=_("Language of the e-mails"),
    )

    class Meta:
        model = Preference
        fields = ["cities", "kinds", "frequency", "expert_alerts", "language"]
        widgets = {"frequency": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cities"].queryset = (
            CityPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE).order_by("title")
        )
