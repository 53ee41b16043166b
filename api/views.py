"""API v1 endpoints; every rule comes from the apps' own services and QuerySets."""

from datetime import datetime, time

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from accounts.viewer import viewer_for
from api import filters, serializers
from api.serializers import absolute
from challenges import permissions as challenge_permissions
from challenges import services as challenge_services
from challenges.models import Challenge
from experts import services as expert_services
from experts.models import ExpertProfile
from home.models import RECURRENCE_HORIZON, CallForIdeasPage, CityPage, EventPage
from ideas import services as idea_services
from ideas.models import Idea, Phase


class ListFiltersOnly:
    """Apply query filters to listings only: a detail URL names one object, whatever the list's defaults."""

    lookup_value_regex = r"[0-9]+"  # ids are integers; anything else is an unknown path (JSON 404)

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset) if self.action == "list" else queryset


ERROR = OpenApiResponse(description="Error: `detail` says why.", response={"type": "object"})
AUTH_ERRORS = {401: ERROR, 403: ERROR, 404: ERROR}


def _live_pages(view, model):
    """Return the live, public pages of a type (none while the schema is generated: no request, no tree)."""
    if getattr(view, "swagger_fake_view", False):
        return model.objects.none()
    return model.objects.live().public().select_related("locale").order_by("pk")


@extend_schema_view(
    list=extend_schema(summary="City hubs", tags=["cities"]),
    retrieve=extend_schema(
        summary="One city hub", tags=["cities"], responses={200: serializers.CitySerializer, 404: ERROR}
    ),
)
class CityViewSet(ListFiltersOnly, viewsets.ReadOnlyModelViewSet):
    """City hubs in both languages, with their iCal feed."""

    serializer_class = serializers.CitySerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = filters.CityFilter
    permission_classes = [AllowAny]

    def get_queryset(self):
        return _live_pages(self, CityPage)


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
class EventViewSet(ListFiltersOnly, viewsets.ReadOnlyModelViewSet):
    """Events with occurrences and iCal links."""

    serializer_class = serializers.EventSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = filters.EventFilter
    permission_classes = [AllowAny]

    def get_queryset(self):
        return _live_pages(self, EventPage)

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


@extend_schema_view(
    list=extend_schema(summary="Challenges (open ones unless `status` is given)", tags=["challenges"]),
    retrieve=extend_schema(
        summary="One challenge", tags=["challenges"], responses={200: serializers.ChallengeSerializer, 404: ERROR}
    ),
    create=extend_schema(
        summary="Post a challenge for your municipality (token)",
        description="Saved as a draft unless `publish` is true. The municipality is the token holder's.",
        tags=["challenges"],
        responses={201: serializers.ChallengeSerializer, 400: ERROR, 401: ERROR, 403: ERROR},
    ),
    update=extend_schema(
        summary="Replace a challenge of your municipality (token)",
        tags=["challenges"],
        responses={200: serializers.ChallengeSerializer, 400: ERROR, **AUTH_ERRORS},
    ),
    partial_update=extend_schema(
        summary="Change fields of a challenge of your municipality (token)",
        tags=["challenges"],
        responses={200: serializers.ChallengeSerializer, 400: ERROR, **AUTH_ERRORS},
    ),
)
class ChallengeViewSet(
    ListFiltersOnly,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Challenges: anyone reads what the site shows; the owning municipality's staff write."""

    serializer_class = serializers.ChallengeSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = filters.ApiChallengeFilter

    def get_permissions(self):
        if self.action in ("list", "retrieve"):
            return [AllowAny()]
        return [IsAuthenticated()]

    def get_queryset(self):
        return Challenge.objects.visible_to(self.request.user).select_related("municipality")

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        publish = data.pop("publish", False)
        challenge = Challenge(**data)
        challenge.status = Challenge.Status.OPEN if publish else Challenge.Status.DRAFT
        serializer.instance = challenge_services.create_challenge(self.request.user, challenge)

    def perform_update(self, serializer):
        challenge = serializer.instance
        if not challenge_permissions.can_manage_challenge(self.request.user, challenge):
            raise PermissionDenied
        data = dict(serializer.validated_data)
        data.pop("publish", None)
        for name, value in data.items():
            setattr(challenge, name, value)
        challenge_services.update_challenge(self.request.user, challenge)

    @extend_schema(
        summary="Move a challenge along its lifecycle (token)",
        request=serializers.TransitionSerializer,
        responses={200: serializers.ChallengeSerializer, 400: ERROR, **AUTH_ERRORS},
        tags=["challenges"],
    )
    @action(detail=True, methods=["post"], url_path="status", permission_classes=[IsAuthenticated])
    def transition(self, request, pk=None):
        challenge = self.get_object()
        body = serializers.TransitionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            challenge_services.transition(request.user, challenge, body.validated_data["status"])
        except challenge_services.ChallengeError as exc:
            raise ValidationError({"status": [str(exc)]}) from exc
        return Response(self.get_serializer(challenge).data)

    @extend_schema(
        summary="Suggested experts with explanations (token, owning municipality)",
        description=(
            "Answers 202 with `status: pending` until the challenge has been processed (a minute after saving); "
            "ask again later. Explanations follow `Accept-Language` (lt or en)."
        ),
        responses={200: serializers.SuggestionsSerializer, 202: serializers.SuggestionsSerializer, **AUTH_ERRORS},
        tags=["challenges"],
    )
    @action(detail=True, methods=["get"], permission_classes=[IsAuthenticated], filter_backends=[])
    def suggestions(self, request, pk=None):
        from matching import explain
        from matching import services as matching_services

        challenge = self.get_object()
        # The site's own rule for the matches page (one implementation for pages and API).
        if not viewer_for(request).may_see_matches(challenge):
            raise PermissionDenied
        result = matching_services.suggestions_for_challenge(challenge, request.user)

        def rows(suggestions):
            return [
                {
                    "rank": s.rank,
                    "score": round(float(s.score), 4),
                    "expert": {"id": int(s.id), "name": s.expert["name"], "headline": s.expert.get("headline", "")},
                    # The same explanation the staff page and `python -m matching explain` give.
                    "explanation": explain.for_suggestion(s, str(challenge.pk)),
                }
                for s in suggestions
            ]

        body = {
            "status": "ready" if result.ready else "pending",
            "challenge": challenge.pk,
            "suggestions": rows(result.suggestions),
            "also_relevant": rows(result.also_relevant),
            "pending_profiles": result.pending,
        }
        return Response(body, status=status.HTTP_200_OK if result.ready else status.HTTP_202_ACCEPTED)


@extend_schema_view(
    list=extend_schema(summary="Engagements on your municipality's challenges (token)", tags=["engagements"]),
    retrieve=extend_schema(
        summary="One engagement (token)",
        tags=["engagements"],
        responses={200: serializers.EngagementSerializer, **AUTH_ERRORS},
    ),
)
class EngagementViewSet(ListFiltersOnly, viewsets.ReadOnlyModelViewSet):
    """Interest and invitations the token holder is a party to."""

    serializer_class = serializers.EngagementSerializer
    permission_classes = [IsAuthenticated]
    filter_backends = [DjangoFilterBackend]
    filterset_class = filters.EngagementFilter

    def get_queryset(self):
        return challenge_services.engagements_for(self.request.user).order_by("-updated_at", "-pk")


@extend_schema_view(
    list=extend_schema(summary="Experts of the public directory (public fields only)", tags=["experts"]),
    retrieve=extend_schema(
        summary="One expert (public fields only)",
        tags=["experts"],
        responses={200: serializers.ExpertSerializer, 404: ERROR},
    ),
)
class ExpertViewSet(ListFiltersOnly, viewsets.ReadOnlyModelViewSet):
    """The directory: the same profiles it lists for the viewer, and only its public fields."""

    serializer_class = serializers.ExpertSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = filters.ExpertFilter
    permission_classes = [AllowAny]

    def get_queryset(self):
        return ExpertProfile.objects.visible_to(self.request.user).order_by("name", "pk")

    def retrieve(self, request, *args, **kwargs):
        profile = self.get_object()
        expert_services.record_view(request.user, profile)
        return Response(self.get_serializer(profile).data)


@extend_schema_view(
    list=extend_schema(summary="Accepted ideas (and your own)", tags=["ideas"]),
    retrieve=extend_schema(summary="One idea", tags=["ideas"], responses={200: serializers.IdeaSerializer, 404: ERROR}),
)
class IdeaViewSet(ListFiltersOnly, viewsets.ReadOnlyModelViewSet):
    """Ideas of live calls, as the site shows them."""

    serializer_class = serializers.IdeaSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = filters.IdeaFilter
    permission_classes = [AllowAny]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Idea.objects.none()
        calls = CallForIdeasPage.objects.live().public()
        return Idea.objects.visible_to(self.request.user).filter(call__in=calls).order_by("-submitted_at", "-pk")


def _call_row(request, call):
    canonical = idea_services.canonical_call(call)
    phase = idea_services.current_phase(canonical)
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


@extend_schema_view(
    list=extend_schema(summary="Calls for ideas and their phase", tags=["ideas"]),
    retrieve=extend_schema(
        summary="One call for ideas", tags=["ideas"], responses={200: serializers.CallSerializer, 404: ERROR}
    ),
)
class CallViewSet(ListFiltersOnly, viewsets.ReadOnlyModelViewSet):
    """Calls for ideas; published results with their .pb file."""

    serializer_class = serializers.CallSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = filters.PageLanguageFilter
    permission_classes = [AllowAny]

    def get_queryset(self):
        return _live_pages(self, CallForIdeasPage)

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
        call = idea_services.canonical_call(get_object_or_404(self.get_queryset(), pk=pk))
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
