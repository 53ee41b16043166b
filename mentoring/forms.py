"""Forms for offering help, asking for help, answering and ending a pairing."""

from babel import Locale as BabelLocale
from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from home.models import CityPage
from mentoring.models import HelpRequest, MentorOffer, Topic

LANGUAGES = ["lt", "en", "ru", "uk", "pl", "be", "de", "fr", "es", "no", "sv", "ar", "hi", "tr"]


def language_choices():
    """Return the languages people here often speak, named in the page's language."""
    locale = BabelLocale.parse((get_language() or "lt").split("-")[0])
    return sorted(((code, (locale.languages.get(code) or code).capitalize()) for code in LANGUAGES), key=lambda c: c[1])


def city_choices():
    return CityPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE).order_by("title")


class OfferForm(forms.ModelForm):
    city = forms.ModelChoiceField(queryset=CityPage.objects.none(), label=_("City"))
    topics = forms.MultipleChoiceField(
        choices=Topic.choices, widget=forms.CheckboxSelectMultiple, label=_("I can help with")
    )
    languages = forms.MultipleChoiceField(choices=[], widget=forms.CheckboxSelectMultiple, label=_("Languages I speak"))

    class Meta:
        model = MentorOffer
        fields = ["city", "about", "topics", "languages", "capacity", "contact_phone", "active"]
        widgets = {"about": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = city_choices()
        self.fields["languages"].choices = language_choices()


class RequestForm(forms.ModelForm):
    city = forms.ModelChoiceField(queryset=CityPage.objects.none(), label=_("City"))
    languages = forms.MultipleChoiceField(
        choices=[], widget=forms.CheckboxSelectMultiple, label=_("Languages you speak")
    )

    class Meta:
        model = HelpRequest
        fields = ["city", "text", "languages", "contact_phone"]
        widgets = {"text": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = city_choices()
        self.fields["languages"].choices = language_choices()

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if len(text) < 10:
            raise forms.ValidationError(_("Tell us in a sentence what you need help with."))
        return text
