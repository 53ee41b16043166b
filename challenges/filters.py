"""Filters for the public challenge list."""

import django_filters
from django.utils.translation import gettext_lazy as _

from challenges.models import Challenge, Municipality


class ChallengeFilter(django_filters.FilterSet):
    """Filter challenges by kind, municipality and status (open unless another status is asked for)."""

    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Challenge.Kind.choices, empty_label=_("All kinds"))
    municipality = django_filters.ModelChoiceFilter(
        label=_("Municipality"),
        queryset=Municipality.objects.all(),
        to_field_name="slug",
        empty_label=_("All municipalities"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Challenge.Status.choices, empty_label=_("All statuses")
    )

    class Meta:
        model = Challenge
        fields = ["kind", "municipality", "status"]

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and "status" not in data:
            data = data.copy()
            data["status"] = Challenge.Status.OPEN
        super().__init__(data, *args, **kwargs)
