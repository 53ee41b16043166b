"""Strings Django and Wagtail show but do not translate into Lithuanian.

Listed here so `makemessages` puts them in the project catalogue, where locale_src/site.lt.tsv
supplies the Lithuanian; the project catalogue takes precedence over the packages' own.
Nothing calls this module at run time.
"""

from django.utils.translation import gettext_noop, ngettext

UPSTREAM_STRINGS = [
    # Wagtail's workflow action ("Submit to Kaunas: moderavimas").
    gettext_noop("Submit to %(workflow_name)s"),
    # Django's password hints on the sign-up form (its catalogue has them with a straight apostrophe).
    gettext_noop("Your password can’t be too similar to your other personal information."),
    gettext_noop("Your password can’t be a commonly used password."),
    gettext_noop("Your password can’t be entirely numeric."),
    # Language names Django knows but does not translate (search facets).
    gettext_noop("Norwegian"),
]


def _plural_strings(count):
    """List the plural hints for makemessages (never called)."""
    return [
        ngettext(
            "Your password must contain at least %(min_length)d character.",
            "Your password must contain at least %(min_length)d characters.",
            count,
        ),
        ngettext(
            "This password is too short. It must contain at least %d character.",
            "This password is too short. It must contain at least %d characters.",
            count,
        ),
    ]
