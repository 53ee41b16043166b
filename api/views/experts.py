"""The expert directory: the profiles it lists for the viewer, with their public fields only."""

from rest_framework.response import Response

from api import filters, serializers
from experts import services as expert_services
from experts.models import ExpertProfile

from .base import PublicReadViewSet, read_schema


@read_schema(
    "experts",
    "Experts of the public directory (public fields only)",
    "One expert (public fields only)",
    serializers.ExpertSerializer,
)
class ExpertViewSet(PublicReadViewSet):
    """The directory: the same profiles it lists for the viewer, and only its public fields."""

    serializer_class = serializers.ExpertSerializer
    filterset_class = filters.ExpertFilter

    def get_queryset(self):
        return ExpertProfile.objects.visible_to(self.request.user).order_by("name", "pk")

    def retrieve(self, request, *args, **kwargs):
        profile = self.get_object()
        expert_services.record_view(request.user, profile)
        return Response(self.get_serializer(profile).data)
