"""Factories for challenge tests."""

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from challenges.models import Challenge, Municipality, StaffMembership
from experts.models import ExpertProfile


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("correct-horse-battery")


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality

    name = factory.Sequence(lambda n: f"Miesto {n} savivaldybė")
    city_name = factory.Sequence(lambda n: f"Miestas {n}")
    slug = factory.Sequence(lambda n: f"miestas-{n}")


class StaffFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StaffMembership

    user = factory.SubFactory(UserFactory)
    municipality = factory.SubFactory(MunicipalityFactory)
    approved = True


class ExpertFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExpertProfile

    user = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Ekspertė {n}")
    headline = "Urban planner"
    languages = ["lt", "en"]
    hours_per_month = 10
    visibility = "public"
    consent_given_at = factory.LazyFunction(timezone.now)
    consent_version = "test"


class ChallengeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Challenge

    municipality = factory.SubFactory(MunicipalityFactory)
    kind = Challenge.Kind.EXPERT_OPINION
    title = factory.Sequence(lambda n: f"Iššūkis {n}")
    description = "Reikia ekspertų nuomonės apie miesto plėtros planą."
    skills_wanted = ["urban planning"]
    languages_required = ["lt"]
    hours_needed_per_month = 8
    status = Challenge.Status.OPEN
