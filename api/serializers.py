"""API representations; expert output is limited to the directory's public fields."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from challenges.models import Challenge, Engagement
from experts.iso import is_language_code
from experts.models import ExpertProfile
from experts.services import PUBLIC_FIELDS
from home.models import CityPage, EventPage
from ideas.models import Idea

# An event's when and where, as both the v1 events and Wagtail's pages API show them.
EVENT_FACTS = ("start", "end", "time_zone", "recurrence", "venue_name", "address", "online_url", "organiser")


def absolute(request, url):
    """Return `url` made absolute for the current request (or as is without one)."""
    return request.build_absolute_uri(url) if request is not None and url else url


class CitySerializer(serializers.ModelSerializer):
    language = serializers.CharField(source="locale.language_code", read_only=True)
    url = serializers.SerializerMethodField()
    ical_url = serializers.SerializerMethodField()

    class Meta:
        model = CityPage
        fields = ["id", "title", "slug", "municipality_name", "language", "url", "ical_url"]

    def get_url(self, page) -> str:
        return absolute(self.context.get("request"), page.url)

    def get_ical_url(self, page) -> str:
        return absolute(self.context.get("request"), page.url + page.reverse_subpage("calendar"))


class EventSerializer(serializers.ModelSerializer):
    """An event page's public facts (times are ISO 8601 in the event's own time zone)."""

    city = serializers.SerializerMethodField()
    language = serializers.CharField(source="locale.language_code", read_only=True)
    url = serializers.SerializerMethodField()
    ical_url = serializers.SerializerMethodField()

    class Meta:
        model = EventPage
        fields = [
            "id",
            "title",
            "slug",
            "city",
            "language",
            "intro",
            *EVENT_FACTS,
            "registration_enabled",
            "url",
            "ical_url",
        ]

    def get_city(self, page) -> str | None:
        return page.city.slug if page.city else None

    def get_url(self, page) -> str:
        return absolute(self.context.get("request"), page.url)

    def get_ical_url(self, page) -> str:
        return absolute(self.context.get("request"), page.url + page.reverse_subpage("ics"))


class OccurrenceSerializer(serializers.Serializer):
    """One dated occurrence of an event (a recurring event yields many)."""

    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    event = EventSerializer()


class EventDetailSerializer(EventSerializer):
    occurrences = serializers.SerializerMethodField()

    class Meta(EventSerializer.Meta):
        fields = EventSerializer.Meta.fields + ["occurrences"]

    @extend_schema_field(
        {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "start": {"type": "string", "format": "date-time"},
                    "end": {"type": "string", "format": "date-time"},
                },
                "required": ["start", "end"],
            },
        }
    )
    def get_occurrences(self, page):
        return [{"start": o.start.isoformat(), "end": o.end.isoformat()} for o in self.context["occurrences"]]


class StringListField(serializers.ListField):
    child = serializers.CharField(max_length=200)


class ChallengeSerializer(serializers.ModelSerializer):
    """A challenge; municipality and status are set by the server (status changes through /status/)."""

    municipality = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    city = serializers.CharField(source="municipality.city_name", read_only=True)
    skills_wanted = StringListField(required=False, max_length=50)
    languages_required = StringListField(required=False, max_length=20)
    publish = serializers.BooleanField(write_only=True, required=False, default=False)
    url = serializers.SerializerMethodField()

    class Meta:
        model = Challenge
        fields = [
            "id",
            "municipality",
            "city",
            "kind",
            "title",
            "description",
            "skills_wanted",
            "languages_required",
            "hours_needed_per_month",
            "in_person",
            "deadline",
            "status",
            "department",
            "places",
            "shadowing_start",
            "shadowing_end",
            "created_at",
            "updated_at",
            "url",
            "publish",
        ]
        read_only_fields = ["status", "created_at", "updated_at"]
        extra_kwargs = {"hours_needed_per_month": {"max_value": 1000}, "places": {"max_value": 10000}}

    def get_url(self, challenge) -> str:
        return absolute(self.context.get("request"), challenge.get_absolute_url())

    def validate_languages_required(self, value):
        codes = [code.strip().lower() for code in value]
        bad = [code for code in codes if not is_language_code(code)]
        if bad:
            raise serializers.ValidationError(f"Not ISO 639-1 language codes: {', '.join(bad)}")
        return codes

    def validate(self, attrs):
        """Run the model's own checks (job shadowing details, date order) on the merged values."""
        from django.core.exceptions import ValidationError

        values = {name: value for name, value in attrs.items() if name != "publish"}
        instance = Challenge(**{**self._current(), **values})
        try:
            instance.clean()
        except ValidationError as exc:
            raise serializers.ValidationError(exc.message_dict) from exc
        return attrs

    def _current(self):
        if self.instance is None:
            return {}
        names = [f.name for f in Challenge._meta.concrete_fields if f.name not in ("id", "municipality", "created_by")]
        return {name: getattr(self.instance, name) for name in names}


class TransitionSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Challenge.Status.choices)


class ExpertSerializer(serializers.ModelSerializer):
    """An expert's public directory fields; CV, e-mail and consent data are never part of the API."""

    class Meta:
        model = ExpertProfile
        fields = ["id", *PUBLIC_FIELDS]


class EngagementSerializer(serializers.ModelSerializer):
    challenge = serializers.PrimaryKeyRelatedField(read_only=True)
    challenge_title = serializers.CharField(source="challenge.title", read_only=True)
    expert = serializers.PrimaryKeyRelatedField(read_only=True)
    expert_name = serializers.CharField(source="expert.name", read_only=True)

    class Meta:
        model = Engagement
        fields = [
            "id",
            "challenge",
            "challenge_title",
            "expert",
            "expert_name",
            "initiated_by",
            "status",
            "message",
            "created_at",
            "updated_at",
        ]


class IdeaSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = Idea
        fields = ["id", "call", *Idea.AUTHOR_FIELDS, "status", "is_winner", "prize_note", "submitted_at", "url"]

    def get_url(self, idea) -> str:
        return absolute(self.context.get("request"), reverse("ideas:detail", args=[idea.pk]))


class SuggestedExpertSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    headline = serializers.CharField(allow_blank=True)


class ConstraintLineSerializer(serializers.Serializer):
    """One hard rule, as `python -m matching explain` and the staff page state it."""

    name = serializers.CharField()
    ok = serializers.BooleanField()
    text = serializers.CharField()


class CoveredSkillSerializer(serializers.Serializer):
    """A wanted skill and the verbatim profile text that shows it."""

    skill = serializers.CharField()
    evidence = serializers.CharField()


class ExplanationSerializer(serializers.Serializer):
    summary = serializers.CharField()
    constraints = ConstraintLineSerializer(many=True)
    covered = CoveredSkillSerializer(many=True)
    missing = serializers.ListField(child=serializers.CharField())


class SuggestionSerializer(serializers.Serializer):
    rank = serializers.IntegerField()
    score = serializers.FloatField()
    expert = SuggestedExpertSerializer()
    explanation = ExplanationSerializer()


class SuggestionsSerializer(serializers.Serializer):
    """Ranked experts for a challenge; `status` is "pending" (HTTP 202) until the challenge is processed."""

    status = serializers.ChoiceField(choices=["ready", "pending"])
    challenge = serializers.IntegerField()
    suggestions = SuggestionSerializer(many=True)
    also_relevant = SuggestionSerializer(many=True)
    pending_profiles = serializers.IntegerField()


class ProjectResultSerializer(serializers.Serializer):
    project_id = serializers.CharField()
    idea = serializers.IntegerField(allow_null=True)
    name = serializers.CharField()
    cost = serializers.DecimalField(max_digits=14, decimal_places=2)
    votes = serializers.IntegerField()
    selected = serializers.BooleanField()
    rank = serializers.IntegerField(allow_null=True)
    reason = serializers.CharField()


class ResultsSerializer(serializers.Serializer):
    call = serializers.IntegerField()
    rule = serializers.CharField()
    ballots = serializers.IntegerField()
    budget = serializers.DecimalField(max_digits=14, decimal_places=2)
    spent = serializers.DecimalField(max_digits=14, decimal_places=2)
    winners = serializers.ListField(child=serializers.CharField())
    projects = ProjectResultSerializer(many=True)
    results_url = serializers.URLField()
    csv_url = serializers.URLField()
    pb_url = serializers.URLField(help_text="The .pb (pabulib) file; the site serves it to the call's editors.")


class CallSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    theme = serializers.CharField()
    city = serializers.CharField(allow_null=True)
    language = serializers.CharField()
    opens_at = serializers.DateTimeField()
    closes_at = serializers.DateTimeField()
    budget = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    phase = serializers.CharField()
    url = serializers.URLField()
    results_url = serializers.URLField(allow_null=True)
