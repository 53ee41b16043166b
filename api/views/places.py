"""City hubs and events (with their expanded occurrences)."""

from datetime import datetime, time

from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from api import filters, serializers
from home.models import RECURRENCE_HORIZON, CityPage, EventPage

from .base import ERROR, PublicReadViewSet, live_pages, read_schema


@read_schema("cities", "City hubs", "One city hub", serializers.CitySerializer)
class CityViewSet(PublicReadViewSet):
    """City hubs in both languages, with their iCal feed."""

    serializer_class = serializers.CitySerializer
    filterset_class = filters.CityFilter

    def get_queryset(self):
        return live_pages(self, CityPage)


def _bounds(request):
    """Return the (after, before) datetimes of the occurrence window from the query string."""
    tz = timezone.get_current_timezone()
    after = timezone.now()
    values = {}
    for name in ("after", "before"):
        raw = request.query_params.get(name)
        if raw:
            try:
                values[name] = datetime.combine(datetime.strptime(raw, "%Y-%m-%d").date(), time.min, tzinfo=tz)
            except ValueError as exc:
                raise ValidationError({name: "Use YYYY-MM-DD."}) from exc
    after = values.get("after", after)
    before = values.get("before", after + RECURRENCE_HORIZON)
    return after, min(before, after + RECURRENCE_HORIZON)


@extend_schema_view(
    list=extend_schema(
        summary="Upcoming occurrences of events, soonest first",
        description="Recurring events are expanded (up to 400 days ahead). Filter by `city`, `language`, `after`, `before`.",
        responses={200: serializers.OccurrenceSerializer(many=True), 400: ERROR},
        tags=["events"],
    ),
    retrieve=extend_schema(
        summary="One event with its upcoming occurrences",
        responses={200: serializers.EventDetailSerializer, 404: ERROR},
        tags=["events"],
    ),
)
class EventViewSet(PublicReadViewSet):
    """Events with occurrences and iCal links."""

    serializer_class = serializers.EventSerializer
    filterset_class = filters.EventFilter

    def get_queryset(self):
        return live_pages(self, EventPage)

    def list(self, request, *args, **kwargs):
        after, before = _bounds(request)
        occurrences = []
        for event in self.filter_queryset(self.get_queryset()):
            occurrences.extend(event.occurrences(after=after, before=before))
        occurrences.sort(key=lambda o: (o.start, o.event.pk))
        page = self.paginate_queryset(occurrences)
        data = serializers.OccurrenceSerializer(page, many=True, context=self.get_serializer_context()).data
        return self.get_paginated_response(data)

    def retrieve(self, request, *args, **kwargs):
        event = self.get_object()
        now = timezone.now()
        context = self.get_serializer_context() | {"occurrences": event.occurrences(now, now + RECURRENCE_HORIZON)}
        return Response(serializers.EventDetailSerializer(event, context=context).data)
