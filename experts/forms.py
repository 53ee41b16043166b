"""Front-end forms for expert profiles and account erasure."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from experts import consent
from experts.iso import is_country_code, is_language_code
from experts.models import ExpertProfile


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


class LanguageCodesField(ListField):
    """A list of ISO 639-1 codes typed as "lt, en" (spaces also separate)."""

    widget = forms.TextInput()
    separators = r"[\s,;]+"

    def prepare_value(self, value):
        return ", ".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        return [code.lower() for code in super().to_python(value)]

    def validate(self, value):
        super().validate(value)
        bad = [code for code in value if not is_language_code(code)]
        if bad:
            raise ValidationError(
                _("Unknown ISO 639-1 language codes: %(codes)s. Use two letters, e.g. lt, en, de."),
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
        label=_("Languages"), required=True, help_text=_("ISO 639-1 codes separated by commas, e.g. lt, en, de.")
    )
    help_topics = ListField(
        label=_("Topics I would help with for free"), required=False, help_text=_("One per line or comma-separated.")
    )
    city_ties = ListField(
        label=_("Lithuanian cities I am tied to"), required=False, help_text=_("One per line or comma-separated.")
    )
    country = forms.CharField(
        label=_("Country of residence"),
        max_length=2,
        help_text=_("Two-letter ISO code, e.g. GB, NO, US; LT if you have returned."),
        widget=forms.TextInput(attrs={"size": 3, "autocomplete": "country"}),
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
        self.fields["consent"].help_text = consent.CONSENT_TEXT
        self.fields["consent"].initial = self.instance.pk is not None and self.instance.has_consent
        if not (self.instance.pk and self.instance.cv_file):
            del self.fields["remove_cv"]
        describe_fields(self)

    def clean_country(self):
        code = (self.cleaned_data.get("country") or "").strip().upper()
        if not is_country_code(code):
            raise ValidationError(_("Unknown country code %(code)s. Use two letters, e.g. GB."), params={"code": code})
        return code

    def clean_cv_upload(self):
        uploaded = self.cleaned_data.get("cv_upload")
        if uploaded:
            from experts.cv import inspect_cv

            self.cv_kind, self.cv_extracted_text = inspect_cv(uploaded)
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
