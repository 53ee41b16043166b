"""Template tags other apps' pages use to show matching's state without importing its internals."""

from django import template

register = template.Library()


@register.simple_tag
def embedding_pending(profile) -> bool:
    """Return True while a consenting profile's current text has no stored vector yet."""
    from matching.indexing import embedding_pending as pending

    return pending(profile)
