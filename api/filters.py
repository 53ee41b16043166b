"""Query filters (django-filter) of the API: city, kind, date, language."""

import django_filters
from django.db.models import Q

from accounts import roles
from challenges.filters import ChallengeFilter
from experts.filters import ExpertDirectoryFilter
from home.models import CityPage


def city_pages(slug):
    """Return the city hubs with this slug, in every language."""
    return CityPage.objects.live().public().filter(slug=slug)


def under_cities(queryset, slug):
    """Keep pages of `queryset` that lie under the city hub(s) with slug `slug`."""
    condition = Q(pk__in=[])
    for city in city_pages(slug):
        condition |= Q(path__startswith=city.path, depth__gt=city.depth)
    return queryset.filter(condition)


class PageLanguageFilter(django_filters.FilterSet):
    """Filter pages by city slug and language code (lt, en)."""

    city = django_filters.CharFilter(method="filter_city", help_text="City hub slug, e.g. alytus.")
    language = django_filters.ChoiceFilter(
        field_name="locale__language_code", choices=[("lt", "lt"), ("en", "en")], help_text="Page language."
    )

    def filter_city(self, queryset, name, value):
        return under_cities(queryset, value.strip())


class EventFilter(PageLanguageFilter):
    """Filter events; `after`/`before` bound the occurrences returned."""

    after = django_filters.DateFilter(
        method="keep", help_text="Occurrences ending on or after this date (default: now)."
    )
    before = django_filters.DateFilter(method="keep", help_text="Occurrences starting before this date.")

    def keep(self, queryset, name, value):
        """Leave the queryset alone: dates bound the occurrence expansion, done by the view."""
        return queryset


class CityFilter(django_filters.FilterSet):
    language = django_filters.ChoiceFilter(
        field_name="locale__language_code", choices=[("lt", "lt"), ("en", "en")], help_text="Page language."
    )


class ApiChallengeFilter(ChallengeFilter):
    """The site's challenge filter (kind, municipality, status; open by default) plus the city name."""

    city = django_filters.CharFilter(field_name="municipality__city_name", lookup_expr="iexact", help_text="City name.")

    class Meta(ChallengeFilter.Meta):
        fields = ["kind", "municipality", "status", "city"]


class ExpertFilter(ExpertDirectoryFilter):
    """The public directory's filters, unchanged; CV text is searched only for those the directory lets search it."""

    def __init__(self, data=None, queryset=None, *, request=None, **kwargs):
        user = getattr(request, "user", None)
        private = roles.is_approved_staff(user) or roles.is_platform_admin(user)
        super().__init__(data, queryset, request=request, search_private_text=private, **kwargs)


class IdeaFilter(django_filters.FilterSet):
    call = django_filters.NumberFilter(field_name="call_id", help_text="Call for ideas (page id).")
    city = django_filters.CharFilter(method="filter_city", help_text="City hub slug.")
    language = django_filters.ChoiceFilter(choices=[("lt", "lt"), ("en", "en")], help_text="Language of the idea.")
    category = django_filters.CharFilter()

    def filter_city(self, queryset, name, value):
        from home.models import CallForIdeasPage

        return queryset.filter(call__in=under_cities(CallForIdeasPage.objects.all(), value.strip()))


class EngagementFilter(django_filters.FilterSet):
    challenge = django_filters.NumberFilter(field_name="challenge_id")
    status = django_filters.CharFilter()
