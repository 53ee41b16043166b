"""Front-end forms for expert profiles and account erasure."""

import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from experts import consent
from experts.iso import COUNTRY_CODES, LANGUAGE_CODES, is_country_code, is_language_code
from experts.models import ExpertProfile
from home.templatetags.site_formats import country_label, language_label


class ListField(forms.CharField):
    """A text box holding a list: one item per line or separated by commas."""

    widget = forms.Textarea(attrs={"rows": 3})
    separators = r"[\n,;]+"

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(value)
        return value

    def to_python(self, value):
        text = super().to_python(value)
        return [item.strip() for item in re.split(self.separators, text or "") if item.strip()]


def _by_name(pairs):
    """Sort (code, name) pairs by name, letters with diacritics next to their base letter."""
    return sorted(pairs, key=lambda pair: unicodedata.normalize("NFD", pair[1]).casefold())


def country_choices():
    """Return the ISO 3166-1 countries as (code, name in the active language), by name."""
    return [("", "—"), *_by_name((code, country_label(code)) for code in COUNTRY_CODES)]


def language_choices():
    """Return the ISO 639-1 languages as (code, name in the active language), by name."""
    return _by_name((code, language_label(code)) for code in LANGUAGE_CODES)


class CountryField(forms.ChoiceField):
    """A country of residence chosen by name; stores the upper-case ISO 3166-1 alpha-2 code."""

    def to_python(self, value):
        return super().to_python(value).strip().upper()

    def validate(self, value):
        forms.Field.validate(self, value)
        if value and not is_country_code(value):
            raise ValidationError(
                _("Unknown country code %(code)s. Use two letters, e.g. GB."),
                code="invalid_choice",
                params={"code": value},
            )


class LanguageCodesField(forms.MultipleChoiceField):
    """Languages chosen by name from a list; stores lower-case ISO 639-1 codes in the order given."""

    def to_python(self, value):
        return [code.strip().lower() for code in super().to_python(value)]

    def validate(self, value):
        forms.Field.validate(self, value)
        bad = [code for code in value if not is_language_code(code)]
        if bad:
            raise ValidationError(
                _("Unknown ISO 639-1 language codes: %(codes)s. Use two letters, e.g. lt, en, de."),
                code="invalid_choice",
                params={"codes": ", ".join(bad)},
            )
        if len(set(value)) != len(value):
            raise ValidationError(_("Each language only once, please."))


def describe_fields(form):
    """Point each input at its help text (the id templates/experts/_field.html gives it)."""
    for name, field in form.fields.items():
        if field.help_text:
            field.widget.attrs["aria-describedby"] = f"{form[name].auto_id}_help"


class ExpertProfileForm(forms.ModelForm):
    """The expert's own profile form; `notable` is deliberately absent (editors set it)."""

    competencies = ListField(label=_("Competencies"), required=False, help_text=_("One per line or comma-separated."))
    languages = LanguageCodesField(
        label=_("Languages"),
        required=True,
        choices=language_choices,
        help_text=_("Choose every language you can work in; hold Ctrl (⌘ on a Mac) to choose more than one."),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    help_topics = ListField(
        label=_("Topics I would help with for free"), required=False, help_text=_("One per line or comma-separated.")
    )
    city_ties = ListField(
        label=_("Lithuanian cities I am tied to"), required=False, help_text=_("One per line or comma-separated.")
    )
    country = CountryField(
        label=_("Country of residence"),
        choices=country_choices,
        help_text=_("Lithuania if you have returned."),
        widget=forms.Select(attrs={"autocomplete": "country"}),
    )
    cv_upload = forms.FileField(
        label=_("CV file (optional)"),
        required=False,
        help_text=_("PDF, Word (.docx) or plain text, up to 5 MB. Only you and approved municipality staff see it."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.txt,application/pdf,text/plain"}),
    )
    remove_cv = forms.BooleanField(label=_("Remove the stored CV file"), required=False)
    consent = forms.BooleanField(label=_("I agree"), required=True)

    class Meta:
        model = ExpertProfile
        fields = [
            "name",
            "headline",
            "cv_text",
            "competencies",
            "languages",
            "help_topics",
            "hours_per_month",
            "can_travel_to_lithuania",
            "country",
            "city_ties",
            "visibility",
        ]
        widgets = {
            "cv_text": forms.Textarea(attrs={"rows": 10}),
            "visibility": forms.RadioSelect,
        }
        help_texts = {
            "cv_text": _("Leave empty to fill it from the uploaded CV file."),
            "hours_per_month": _("How many hours a month you could give."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.consent_text = consent.CONSENT_TEXT
        self.cv_inspected = None  # (kind, extracted text) of a valid upload, so the save does not parse it again
        self.fields["consent"].help_text = consent.CONSENT_TEXT
        self.fields["consent"].initial = self.instance.pk is not None and self.instance.has_consent
        if not (self.instance.pk and self.instance.cv_file):
            del self.fields["remove_cv"]
        describe_fields(self)

    def clean_cv_upload(self):
        uploaded = self.cleaned_data.get("cv_upload")
        if uploaded:
            from experts.cv import inspect_cv

            self.cv_inspected = inspect_cv(uploaded)
        return uploaded


class EraseAccountForm(forms.Form):
    """Confirm erasure by typing the account password."""

    password = forms.CharField(
        label=_("Your password"), widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(_("The password is not correct."))
        return password
