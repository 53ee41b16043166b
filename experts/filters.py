"""API directory filters (django-filter) over the profiles a viewer may see; bands shared with search."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from search.documents import HOURS_BANDS as SEARCH_HOURS_BANDS

# One set of hour bands for the expert search and the API: {key: (lowest, highest inclusive or None)}.
HOURS_BANDS = {key: (low, high - 1 if high is not None else None) for key, low, high in SEARCH_HOURS_BANDS}


def json_list_contains(field, value):
    """Return a Q matching JSON lists of strings that hold an item containing `value` (case-insensitive).

    Works on SQLite and PostgreSQL alike: JSONField's icontains compares against the JSON text.
    """
    return Q(**{f"{field}__icontains": value})


class ExpertDirectoryFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Text"), method="filter_text")
    country = django_filters.CharFilter(label=_("Country (ISO code)"), method="filter_country")
    language = django_filters.CharFilter(label=_("Language (ISO code)"), method="filter_language")
    topic = django_filters.CharFilter(label=_("Topic"), method="filter_topic")
    hours = django_filters.ChoiceFilter(
        label=_("Hours a month"),
        choices=[(key, key) for key in HOURS_BANDS],
        method="filter_hours",
        empty_label=_("Any"),
    )
    can_travel = django_filters.BooleanFilter(
        field_name="can_travel_to_lithuania",
        label=_("Can travel to Lithuania"),
        widget=forms.Select(choices=[("", _("Any")), ("true", _("Yes")), ("false", _("No"))]),
    )
    city = django_filters.CharFilter(label=_("City tie"), method="filter_city")

    def __init__(self, *args, search_private_text=False, **kwargs):
        self.search_private_text = search_private_text
        super().__init__(*args, **kwargs)

    def filter_text(self, queryset, name, value):
        """Search names, headlines, competencies and topics (and CV text for viewers allowed to read it)."""
        value = value.strip()
        if not value:
            return queryset
        condition = (
            Q(name__icontains=value)
            | Q(headline__icontains=value)
            | json_list_contains("competencies", value)
            | json_list_contains("help_topics", value)
        )
        if self.search_private_text:
            condition |= Q(cv_text__icontains=value)
        return queryset.filter(condition)

    def filter_country(self, queryset, name, value):
        return queryset.filter(country=value.strip().upper()) if value.strip() else queryset

    def filter_language(self, queryset, name, value):
        code = value.strip().lower()
        # Quote the code so "en" does not match inside another string.
        return queryset.filter(json_list_contains("languages", f'"{code}"')) if code else queryset

    def filter_topic(self, queryset, name, value):
        return queryset.filter(json_list_contains("help_topics", value.strip())) if value.strip() else queryset

    def filter_city(self, queryset, name, value):
        return queryset.filter(json_list_contains("city_ties", value.strip())) if value.strip() else queryset

    def filter_hours(self, queryset, name, value):
        low, high = HOURS_BANDS[value]
        queryset = queryset.filter(hours_per_month__gte=low)
        return queryset.filter(hours_per_month__lte=high) if high is not None else queryset
