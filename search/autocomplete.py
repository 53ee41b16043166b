"""Autocomplete for the header search box: city names, page titles, visible expert headlines."""

from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from .content_search import ContentFilters, attach, city_choices, filtered_entries, permitted
from .lithuanian import fold, query_terms, stem
from .models import SINGULAR_LABELS, ContentKind, ExpertSearchEntry
from .text import clean_query, term_groups, term_matches


def autocomplete(query, language, user, limit=8):
    """Return suggestions for the header box: titles, city names and visible expert headlines."""
    from experts.models import ExpertProfile

    query = clean_query(query)[:80]
    terms = query_terms(query, language)
    if not terms or len(fold(query)) < 2:
        return []
    out = []
    cities = [
        title
        for _, title in city_choices(language)
        if fold(title).startswith(fold(query))
        or term_matches(stem(fold(title.split()[0]), language) if title.split() else "", terms)
    ]
    for title in cities[:3]:
        out.append({"label": title, "type": str(SINGULAR_LABELS[ContentKind.CITY]), "value": title})
    entries = filtered_entries(language, ContentFilters())
    title_condition = models.Q()
    for term in terms:
        title_condition &= models.Q(normalised_title__contains=f" {term}")
    candidates = list(entries.filter(title_condition).exclude(kind=ContentKind.CITY).order_by("-date")[:20])
    for entry, obj in attach(permitted(candidates)[: limit - len(out)]):
        url = obj.get_url() if entry.source == "page" else obj.get_absolute_url()
        out.append(
            {
                "label": entry.title,
                "type": str(SINGULAR_LABELS[ContentKind(entry.kind)]),
                "url": url,
                "value": entry.title,
            }
        )
    if len(out) < limit:
        condition = models.Q()
        for group in term_groups(query):
            one = models.Q()
            for term in group:
                one |= models.Q(normalised__contains=f" {term}")
            condition &= one
        visible = ExpertProfile.objects.visible_to(user).exclude(headline="")
        ids = ExpertSearchEntry.objects.filter(condition, expert__in=visible.values("pk")).values_list(
            "expert_id", flat=True
        )[: limit - len(out)]
        for profile in visible.filter(pk__in=list(ids)):
            try:
                url = reverse("experts:detail", args=[profile.pk])
            except NoReverseMatch:
                url = ""
            out.append({"label": profile.headline, "type": str(_("Expert")), "url": url, "value": profile.headline})
    return out[:limit]
