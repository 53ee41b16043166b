"""What every API v1 viewset shares: list-only filtering, the error schema and the public read-only base."""

from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.permissions import AllowAny

ERROR = OpenApiResponse(description="Error: `detail` says why.", response={"type": "object"})
AUTH_ERRORS = {401: ERROR, 403: ERROR, 404: ERROR}


class ListFiltersOnly:
    """Apply query filters to listings only: a detail URL names one object, whatever the list's defaults."""

    lookup_value_regex = r"[0-9]+"  # ids are integers; anything else is an unknown path (JSON 404)

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset) if self.action == "list" else queryset


class PublicReadViewSet(ListFiltersOnly, viewsets.ReadOnlyModelViewSet):
    """A read-only listing anyone may call, filtered by its `filterset_class`."""

    filter_backends = [DjangoFilterBackend]
    permission_classes = [AllowAny]


def read_schema(tag, list_summary, one_summary, serializer, errors=None):
    """Return the OpenAPI decorator of a read-only viewset: its list and one-object summaries under one tag."""
    return extend_schema_view(
        list=extend_schema(summary=list_summary, tags=[tag]),
        retrieve=extend_schema(
            summary=one_summary, tags=[tag], responses={200: serializer, **(errors or {404: ERROR})}
        ),
    )


def live_pages(view, model):
    """Return the live, public pages of a type (none while the schema is generated: no request, no tree)."""
    if getattr(view, "swagger_fake_view", False):
        return model.objects.none()
    return model.objects.live().public().select_related("locale").order_by("pk")
