"""Which part of the page tree a Wagtail user edits: the one rule the editors' admin views use."""

from django.db.models import Q
from wagtail.models import GroupPagePermission


def editor_page_paths(user):
    """Return the tree paths of the pages the user holds page permissions on ([""] = everything)."""
    if user.is_superuser:
        return [""]
    return sorted(set(GroupPagePermission.objects.filter(group__user=user).values_list("page__path", flat=True)))


def under_editor_pages(user, field):
    """Return a Q filtering `field` (a page relation, e.g. "event") to the pages under the user's hubs."""
    paths = editor_page_paths(user)
    if paths == [""]:
        return Q()
    query = Q(pk__in=[])
    for path in paths:
        query |= Q(**{f"{field}__path__startswith": path})
    return query
