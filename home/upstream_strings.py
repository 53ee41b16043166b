"""Strings Django and Wagtail show but do not translate into Lithuanian.

Listed here so `makemessages` puts them in the project catalogue, where locale_src/site.lt.tsv
supplies the Lithuanian; the project catalogue takes precedence over the packages' own.
"""

from django.utils.translation import gettext_noop

UPSTREAM_STRINGS = [
    gettext_noop("Submit to %(workflow_name)s"),
]
