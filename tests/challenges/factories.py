"""The shared factories (tests/factories.py) under the names other apps' tests import from here."""

from tests.factories import ChallengeFactory, MunicipalityFactory, StaffFactory, UserFactory
from tests.factories import ExpertProfileFactory as ExpertFactory

__all__ = ["ChallengeFactory", "ExpertFactory", "MunicipalityFactory", "StaffFactory", "UserFactory"]
