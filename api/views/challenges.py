"""Challenges (read by anyone, written by the owning municipality's staff), their suggestions and engagements."""

from django.core.exceptions import PermissionDenied
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from accounts.viewer import viewer_for
from api import filters, serializers
from challenges import permissions as challenge_permissions
from challenges import services as challenge_services
from challenges.models import Challenge

from .base import AUTH_ERRORS, ERROR, ListFiltersOnly, read_schema


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


@read_schema(
    "engagements",
    "Engagements on your municipality's challenges (token)",
    "One engagement (token)",
    serializers.EngagementSerializer,
    errors=AUTH_ERRORS,
)
class EngagementViewSet(ListFiltersOnly, viewsets.ReadOnlyModelViewSet):
    """Interest and invitations the token holder is a party to."""

    serializer_class = serializers.EngagementSerializer
    permission_classes = [IsAuthenticated]
    filter_backends = [DjangoFilterBackend]
    filterset_class = filters.EngagementFilter

    def get_queryset(self):
        return challenge_services.engagements_for(self.request.user).order_by("-updated_at", "-pk")
