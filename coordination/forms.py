"""Workspace forms: every choice of a partner, need or measure is limited to the form's municipality."""

from django import forms
from django.utils.translation import gettext_lazy as _

from coordination import models

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class LanguagesField(forms.CharField):
    """Languages as comma-separated ISO codes in, a list out."""

    def prepare_value(self, value):
        if isinstance(value, list):
            return ", ".join(value)
        return value

    def to_python(self, value):
        return [code.strip().lower() for code in (value or "").replace(";", ",").split(",") if code.strip()]


class ScopedForm(forms.ModelForm):
    """A ModelForm that knows its municipality and limits related choices to it."""

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        for field in self.fields.values():
            model = getattr(getattr(field, "queryset", None), "model", None)
            if model in (models.Partner, models.Need, models.Meeting, models.Measure, models.Application):
                field.queryset = model.objects.for_municipality(municipality)

    def save(self, commit=True):
        """Attach the municipality to rows that carry one."""
        if hasattr(self.instance, "municipality_id") and not self.instance.municipality_id:
            self.instance.municipality = self.municipality
        return super().save(commit)


class PartnerForm(ScopedForm):
    languages = LanguagesField(
        label=_("languages served"), required=False, help_text=_("ISO codes separated by commas, e.g. lt, en, ru, uk")
    )
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    class Meta:
        model = models.Partner
        fields = ["name", "kind", "services", "languages", "address", "email", "phone", "website", "is_public"]


class ContactPersonForm(ScopedForm):
    class Meta:
        model = models.ContactPerson
        fields = ["name", "role", "email", "phone", "consent_given_on"]
        widgets = {"consent_given_on": DATE}


class MeetingForm(ScopedForm):
    class Meta:
        model = models.Meeting
        fields = ["date", "title", "partners", "participants", "topics", "problems", "agreements"]
        widgets = {"date": DATE, "partners": forms.CheckboxSelectMultiple}


class FollowUpForm(ScopedForm):
    class Meta:
        model = models.FollowUp
        fields = ["task", "owner", "due_date", "done"]
        widgets = {"due_date": DATE}


class CollaborationForm(ScopedForm):
    class Meta:
        model = models.Collaboration
        fields = ["first", "second", "topic"]


class NeedForm(ScopedForm):
    class Meta:
        model = models.Need
        fields = [
            "year",
            "title",
            "description",
            "area",
            "priority",
            "evidence_kind",
            "evidence",
            "meeting",
            "survey_question",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from surveys.models import Question

        self.fields["survey_question"].queryset = Question.objects.for_municipality(self.municipality)


class PlanForm(ScopedForm):
    class Meta:
        model = models.Plan
        fields = ["title", "start_year", "end_year", "order_number", "order_date"]
        widgets = {"order_date": DATE}


class MeasureForm(ScopedForm):
    class Meta:
        model = models.Measure
        fields = [
            "title",
            "area",
            "description",
            "needs",
            "responsible",
            "partners",
            "start_date",
            "end_date",
            "status",
            "no_funding_needed",
        ]
        widgets = {
            "start_date": DATE,
            "end_date": DATE,
            "needs": forms.CheckboxSelectMultiple,
            "partners": forms.CheckboxSelectMultiple,
        }


class IndicatorForm(ScopedForm):
    class Meta:
        model = models.Indicator
        fields = ["name", "unit", "baseline", "common_code"]


class IndicatorValueForm(ScopedForm):
    class Meta:
        model = models.IndicatorValue
        fields = ["year", "target", "actual"]

    def clean_year(self):
        """Keep the year inside the plan's period."""
        year = self.cleaned_data["year"]
        plan = self.instance.indicator.measure.plan
        if not plan.start_year <= year <= plan.end_year:
            raise forms.ValidationError(
                _("The year must be within the plan (%(start)s–%(end)s).")
                % {"start": plan.start_year, "end": plan.end_year}
            )
        duplicate = models.IndicatorValue.objects.filter(indicator=self.instance.indicator, year=year).exclude(
            pk=self.instance.pk
        )
        if duplicate.exists():
            raise forms.ValidationError(_("This indicator already has a value for that year."))
        return year


class FundingForm(ScopedForm):
    class Meta:
        model = models.Funding
        fields = ["year", "source", "amount", "used"]


class ApplicationForm(ScopedForm):
    class Meta:
        model = models.Application
        fields = ["call", "title", "status", "requested", "granted", "deadline", "submitted_on", "documents"]
        widgets = {"deadline": DATE, "submitted_on": DATE}


class ProjectForm(ScopedForm):
    class Meta:
        model = models.Project
        fields = ["title", "application", "measures", "start_date", "end_date", "budget"]
        widgets = {"start_date": DATE, "end_date": DATE, "measures": forms.CheckboxSelectMultiple}


class ReportTextForm(ScopedForm):
    class Meta:
        model = models.AnnualReport
        fields = ["summary", "networking_text", "monitoring_text", "plan_text", "information_text", "difficulties"]
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in fields}
