"""The default-language version of a translated page: where translations share their data."""

from django.conf import settings


def default_language_version(page):
    """Return the page's translation in the default language (the page itself if it is one, or if none exists).

    Event registrations, pledges and nominations hang off that version, so every translation shares them.
    """
    if page.locale.language_code == settings.LANGUAGE_CODE:
        return page
    default = type(page).objects.filter(
        translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE
    )
    return default.first() or page
