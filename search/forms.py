"""Search forms: validate what visitors type and choose, never trusting the query string."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .content_search import ContentFilters
from .documents import HOURS_BANDS
from .expert_search import ExpertFilters
from .models import ContentKind
from .text import MAX_QUERY_LENGTH, clean_query


class SiteSearchForm(forms.Form):
    """The site-search query and its filters (city, content type, dates, past events)."""

    q = forms.CharField(label=_("Search for"), required=False)
    kind = forms.MultipleChoiceField(
        label=_("Content type"), choices=ContentKind.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    city = forms.ChoiceField(label=_("City"), required=False)
    date_from = forms.DateField(label=_("From date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("To date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    past = forms.BooleanField(label=_("Include past events"), required=False)

    def __init__(self, *args, cities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].choices = [("", _("All cities")), *cities]

    def clean_q(self):
        return clean_query(self.cleaned_data.get("q"))

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end date must not be before the start date."))
        return cleaned

    def filters(self):
        """Return the ContentFilters of the valid fields (invalid ones are simply not applied)."""
        data = self.cleaned_data if self.is_bound else {}
        return ContentFilters(
            kinds=list(data.get("kind") or []),
            city_key=data.get("city") or "",
            date_from=data.get("date_from") if "date_to" not in self.errors else None,
            date_to=data.get("date_to") if "date_to" not in self.errors else None,
            include_past=bool(data.get("past")),
        )


class ExpertSearchForm(forms.Form):
    """Expert search: free text, facet values and the semantic toggle."""

    q = forms.CharField(label=_("Search experts"), required=False)
    country = forms.CharField(label=_("Country"), required=False, max_length=2)
    language = forms.CharField(label=_("Language"), required=False, max_length=3)
    topic = forms.CharField(label=_("Topic"), required=False, max_length=200)
    city = forms.CharField(label=_("City tie"), required=False, max_length=120)
    hours = forms.ChoiceField(
        label=_("Hours a month"),
        required=False,
        choices=[("", _("Any")), *[(key, key) for key, _low, _high in HOURS_BANDS]],
    )
    can_travel = forms.BooleanField(label=_("Can travel to Lithuania"), required=False)
    semantic = forms.BooleanField(label=_("Semantic search (ranks by meaning, not only by the words)"), required=False)

    def clean_q(self):
        return clean_query(self.cleaned_data.get("q"))[:MAX_QUERY_LENGTH]

    def filters(self):
        """Return the ExpertFilters of the valid fields."""
        data = self.cleaned_data
        return ExpertFilters(
            country=(data.get("country") or "").strip(),
            language=(data.get("language") or "").strip(),
            topic=(data.get("topic") or "").strip(),
            city=(data.get("city") or "").strip(),
            hours=data.get("hours") or "",
            can_travel=bool(data.get("can_travel")),
        )
