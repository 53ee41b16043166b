"""The consent text an expert agrees to; its version is settings.CONSENT_VERSION (bump both together)."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

CONSENT_TEXT = _(
    "I agree that the platform stores the information in this profile, including my CV, to connect me with "
    "Lithuanian municipalities. Depending on the visibility I choose, the profile is shown in the public "
    "directory or only to municipality staff approved by the platform. My CV file and e-mail address are "
    "never public. I can download or erase everything held about me at any time from my account page."
)


def current_version():
    """Return the consent text version in force."""
    return settings.CONSENT_VERSION
