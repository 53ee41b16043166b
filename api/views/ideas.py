"""Ideas and calls for ideas, with a call's published results."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from api import filters, serializers
from api.serializers import absolute
from common.translations import default_language_version
from home.models import CallForIdeasPage
from ideas import services as idea_services
from ideas.models import Idea, Phase

from .base import ERROR, PublicReadViewSet, live_pages, read_schema


@read_schema("ideas", "Accepted ideas (and your own)", "One idea", serializers.IdeaSerializer)
class IdeaViewSet(PublicReadViewSet):
    """Ideas of live calls, as the site shows them."""

    serializer_class = serializers.IdeaSerializer
    filterset_class = filters.IdeaFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Idea.objects.none()
        calls = CallForIdeasPage.objects.live().public()
        return Idea.objects.visible_to(self.request.user).filter(call__in=calls).order_by("-submitted_at", "-pk")


def _call_row(request, call):
    """Return a call's public facts with its current phase (the default-language version's)."""
    phase = idea_services.current_phase(default_language_version(call))
    results = reverse("api:call-results", args=[call.pk]) if phase == Phase.RESULTS else None
    return {
        "id": call.pk,
        "title": call.title,
        "theme": call.theme,
        "city": call.city.slug if call.city else None,
        "language": call.locale.language_code,
        "opens_at": call.opens_at,
        "closes_at": call.closes_at,
        "budget": call.budget,
        "phase": phase,
        "url": absolute(request, call.url),
        "results_url": absolute(request, results),
    }


@read_schema("ideas", "Calls for ideas and their phase", "One call for ideas", serializers.CallSerializer)
class CallViewSet(PublicReadViewSet):
    """Calls for ideas; published results with their .pb file."""

    serializer_class = serializers.CallSerializer
    filterset_class = filters.PageLanguageFilter

    def get_queryset(self):
        return live_pages(self, CallForIdeasPage)

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response([_call_row(request, call) for call in page])

    def retrieve(self, request, *args, **kwargs):
        return Response(_call_row(request, self.get_object()))

    @extend_schema(
        summary="Published results of a call (both rules' official one) with the .pb link",
        responses={200: serializers.ResultsSerializer, 404: ERROR},
        tags=["ideas"],
    )
    @action(detail=True, methods=["get"], filter_backends=[])
    def results(self, request, pk=None):
        call = default_language_version(get_object_or_404(self.get_queryset(), pk=pk))
        if idea_services.current_phase(call) != Phase.RESULTS and not idea_services.can_moderate(request.user, call):
            raise NotFound
        res = idea_services.compute_results(call)
        official = res.official_outcome
        return Response(
            {
                "call": call.pk,
                "rule": res.official,
                "ballots": res.ballots,
                "budget": official.budget,
                "spent": official.spent,
                "winners": official.winners,
                "projects": [
                    {
                        "project_id": p.project_id,
                        "idea": res.ideas[p.project_id].pk if p.project_id in res.ideas else None,
                        "name": p.name,
                        "cost": p.cost,
                        "votes": p.votes,
                        "selected": p.selected,
                        "rank": p.rank,
                        "reason": p.reason,
                    }
                    for p in official.projects
                ],
                "results_url": absolute(request, reverse("ideas:results", args=[call.pk])),
                "csv_url": absolute(request, reverse("ideas:results_csv", args=[call.pk])),
                "pb_url": absolute(request, reverse("ideas:export_pb", args=[call.pk])),
            }
        )
