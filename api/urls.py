"""API routes: /api/v1/ (versioned JSON, schema and docs) and /api/tokens/ (token management pages)."""

from django.http import JsonResponse
from django.urls import include, path, re_path
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from api import token_views
from api.pages import router as pages_router
from api.views import challenges, experts, ideas, places

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("cities", places.CityViewSet, basename="city")
router.register("events", places.EventViewSet, basename="event")
router.register("challenges", challenges.ChallengeViewSet, basename="challenge")
router.register("engagements", challenges.EngagementViewSet, basename="engagement")
router.register("experts", experts.ExpertViewSet, basename="expert")
router.register("ideas", ideas.IdeaViewSet, basename="idea")
router.register("calls", ideas.CallViewSet, basename="call")

v1 = [
    path("schema/", SpectacularAPIView.as_view(api_version="v1"), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    path("", include(router.urls)),
]

named = [
    path("v1/", include(v1)),
    path("tokens/new/", token_views.token_create, name="token_create"),
    path("tokens/<int:pk>/revoke/", token_views.token_revoke, name="token_revoke"),
]

# Wagtail reverses its page URLs under its router's own namespace ("api_pages"), so it sits beside ours.


@csrf_exempt
def not_found(request, rest=""):
    """Answer unknown API paths in JSON, as the endpoints do."""
    return JsonResponse({"detail": "Not found."}, status=404)


urlpatterns = [
    path("", include((named, "api"), namespace="api")),
    path("v1/", include((pages_router.get_urlpatterns(), pages_router.url_namespace))),
    re_path(r"^v1/(?P<rest>.*)$", not_found),
]
