"""Wagtail's API v2 for the content pages (stories, events, calls, information pages) in both languages."""

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from api.serializers import EVENT_FACTS

# Fields each page type adds to Wagtail's own (id, title, meta); body fields only appear on detail.
API_FIELDS = {
    "CityPage": ["municipality_name", "intro", "contact_email"],
    "StoryPage": ["date", "intro", "body"],
    "EventPage": [*EVENT_FACTS, "intro", "body", "registration_enabled"],
    "CallForIdeasPage": ["theme", "intro", "opens_at", "closes_at", "budget", "prize", "rules", "body"],
    "InformationPage": ["audience", "intro", "body", "contact_name", "contact_role", "contact_email", "contact_phone"],
}
PAGE_TYPES = ["home.CityPage", "home.StoryPage", "home.EventPage", "home.CallForIdeasPage", "home.InformationPage"]


def declare_api_fields():
    """Give the home page types the `api_fields` Wagtail's API reads (kept here so home stays API-agnostic)."""
    from django.apps import apps

    for name, fields in API_FIELDS.items():
        model = apps.get_model("home", name)
        present = {f.name for f in model._meta.get_fields()}
        model.api_fields = [APIField(field) for field in fields if field in present]


PAGE_OBJECT = {"type": "object", "additionalProperties": True}
PAGE_LISTING = {
    "type": "object",
    "properties": {
        "meta": {"type": "object", "properties": {"total_count": {"type": "integer"}}},
        "items": {"type": "array", "items": PAGE_OBJECT},
    },
    "required": ["meta", "items"],
}
ERROR = OpenApiResponse(description="Bad query parameter or unknown page", response={"type": "object"})
LISTING_PARAMETERS = [
    OpenApiParameter("type", str, enum=PAGE_TYPES, description="Page type, e.g. home.EventPage."),
    OpenApiParameter("locale", str, enum=["lt", "en"], description="Language of the pages."),
    OpenApiParameter("descendant_of", int, description="Only pages under this page id (e.g. a city hub)."),
    OpenApiParameter("limit", int, description="Page size (1–20)."),
    OpenApiParameter("offset", int, description="Items to skip."),
]


class ApiPagesViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint, documented in our schema."""

    @extend_schema(
        summary="List pages (Wagtail API v2)",
        description="Live, public pages. Add `type=home.EventPage&fields=*` for every field of a type.",
        parameters=LISTING_PARAMETERS,
        filters=False,
        responses={200: PAGE_LISTING, 400: ERROR},
        tags=["pages"],
        operation_id="pages_list",
    )
    def listing_view(self, request):
        return super().listing_view(request)

    @extend_schema(
        summary="One page with its body (Wagtail API v2)",
        responses={200: PAGE_OBJECT, 404: ERROR},
        tags=["pages"],
        operation_id="pages_retrieve",
    )
    def detail_view(self, request, pk):
        return super().detail_view(request, pk)

    @extend_schema(exclude=True)
    def find_view(self, request):
        return super().find_view(request)


router = WagtailAPIRouter("api_pages")
router.register_endpoint("pages", ApiPagesViewSet)
