"""The test factories every app shares: users, municipalities and their staff, expert profiles, challenges."""

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from challenges.models import Challenge, Municipality, StaffMembership
from experts.models import ExpertProfile, Visibility

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password(PASSWORD)


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


class ExpertProfileFactory(factory.django.DjangoModelFactory):
    """A consented, public expert with an account; pass user=None for an imported profile."""

    class Meta:
        model = ExpertProfile

    user = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Expert {n}")
    headline = "Water engineer"
    cv_text = "Managed sewer rehabilitation programmes."
    languages = ["lt", "en"]
    help_topics = ["leakage reduction"]
    competencies = ["asset management"]
    hours_per_month = 8
    can_travel_to_lithuania = True
    country = "GB"
    city_ties = ["Alytus"]
    visibility = Visibility.PUBLIC
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


def make_staff(user=None, approved=True, municipality_name="Alytus", coordinator=False):
    """Return a user who is (approved or pending) staff of a municipality, creating the municipality by name."""
    user = user or UserFactory()
    municipality, _ = Municipality.objects.get_or_create(
        slug=municipality_name.lower(),
        defaults={"name": f"{municipality_name} municipality", "city_name": municipality_name},
    )
    StaffFactory(user=user, municipality=municipality, approved=approved, is_coordinator=coordinator)
    return user
