"""Expert search: facets, hour bands, CV permissions, keyword and semantic ranking, ES and database paths.

Results are always re-checked against ``ExpertProfile.objects.visible_to(user)``: an index may lag
behind a visibility change, consent withdrawal or erasure.
"""

import logging
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.db import models
from django.utils.safestring import mark_safe

from . import documents, elastic, indexing
from .lithuanian import fold, stem
from .models import ExpertSearchEntry
from .text import MAX_CANDIDATES, WORD_RE, clean_query, count_occurrences, highlight, paginate, term_groups

logger = logging.getLogger(__name__)

UNINDEXED_LIMIT = 200

HOURS_BANDS = documents.HOURS_BANDS


def viewer_levels(user):
    """Return the visibility levels a viewer sees beyond their own profile (None: everything)."""
    from accounts import roles

    if user is not None and user.is_authenticated and roles.is_platform_admin(user):
        return None
    levels = ["public"]
    if user is not None and user.is_authenticated and roles.is_approved_staff(user):
        levels.append("staff")
    return levels


def may_search_cvs(user):
    """Return True when CV text may be searched and quoted for this viewer (approved staff, admins)."""
    from accounts import roles

    return bool(
        user is not None and user.is_authenticated and (roles.is_platform_admin(user) or roles.is_approved_staff(user))
    )


@dataclass
class ExpertFilters:
    """Facet values chosen in the expert-search form."""

    country: str = ""
    language: str = ""
    topic: str = ""
    city: str = ""
    hours: str = ""
    can_travel: bool = False

    def as_dict(self):
        return {
            "country": self.country,
            "language": self.language,
            "topic": self.topic,
            "city": self.city,
            "hours": self.hours,
            "can_travel": self.can_travel,
        }


@dataclass
class ExpertHit:
    """One expert result: the profile (visible to the viewer), a score and a highlighted snippet."""

    profile: object
    score: float
    snippet: object = ""
    semantic: bool = False


def _hours_band(hours):
    """Return the band key of an hours-a-month value, or '' for none."""
    for key, low, high in HOURS_BANDS:
        if hours >= low and (high is None or hours < high):
            return key
    return ""


def _apply_expert_filters(entries, filters):
    """Filter ExpertSearchEntry rows by the chosen facet values."""
    if filters.country:
        entries = entries.filter(country=filters.country.upper()[:2])
    if filters.language:
        entries = entries.filter(languages__contains=f"|{fold(filters.language)[:3]}|")
    if filters.topic:
        entries = entries.filter(topics__contains=f"|{fold(filters.topic)}|")
    if filters.city:
        entries = entries.filter(city_ties__contains=f"|{fold(filters.city)}|")
    if filters.can_travel:
        entries = entries.filter(can_travel=True)
    for key, low, high in HOURS_BANDS:
        if filters.hours == key:
            entries = entries.filter(hours_per_month__gte=low)
            if high is not None:
                entries = entries.filter(hours_per_month__lt=high)
    return entries


def _expert_facets(profiles):
    """Return facet counts (value, count) over the visible matched profiles, most common first."""
    counters = {name: Counter() for name in ("country", "language", "topic", "city", "hours", "can_travel")}
    for profile in profiles:
        if profile.country:
            counters["country"][profile.country.upper()] += 1
        counters["language"].update({code.lower() for code in profile.languages})
        counters["topic"].update({topic.strip() for topic in profile.help_topics if topic.strip()})
        counters["city"].update({city.strip() for city in profile.city_ties if city.strip()})
        band = _hours_band(profile.hours_per_month or 0)
        if band:
            counters["hours"][band] += 1
        if profile.can_travel_to_lithuania:
            counters["can_travel"]["yes"] += 1
    facets = {name: counter.most_common(20) for name, counter in counters.items()}
    order = [key for key, _, _ in HOURS_BANDS]
    facets["hours"] = sorted(facets["hours"], key=lambda pair: order.index(pair[0]))
    return facets


def _unindexed_rows(visible, filters, groups, include_cv, owner_id):
    """Return entry rows built in memory for visible profiles not indexed yet (their task has not run).

    Search only reads, so a profile saved a moment ago is matched from its live fields instead of
    being written to the entry table here; the bound keeps a large backlog from slowing requests.
    """
    rows = []
    for profile in visible.filter(search_entry__isnull=True)[:UNINDEXED_LIMIT]:
        values = indexing.build_expert_entry(profile)
        if not _passes_filters(values, filters):
            continue
        cv_allowed = include_cv or (owner_id and profile.user_id == owner_id)
        texts = [values["normalised"], values["normalised_cv"] if cv_allowed else ""]
        if groups and not all(any(_holds(text, term) for text in texts for term in group) for group in groups):
            continue
        rows.append((profile.pk, values["normalised"], values["normalised_cv"], profile.user_id))
    return rows


def _holds(normalised, term):
    """Return True when space-padded normalised text holds the term (a prefix for terms of 4+ letters)."""
    return (f" {term}" if len(term) >= 4 else f" {term} ") in normalised


def _passes_filters(values, filters):
    """Return True when in-memory entry values pass the facet filters (as _apply_expert_filters does)."""
    checks = [
        not filters.country or values["country"] == filters.country.upper()[:2],
        not filters.language or f"|{fold(filters.language)[:3]}|" in values["languages"],
        not filters.topic or f"|{fold(filters.topic)}|" in values["topics"],
        not filters.city or f"|{fold(filters.city)}|" in values["city_ties"],
        not filters.can_travel or values["can_travel"],
        filters.hours not in dict.fromkeys(key for key, _, _ in HOURS_BANDS)
        or _hours_band(values["hours_per_month"]) == filters.hours,
    ]
    return all(checks)


def page_size():
    """Return the number of experts per result page (one setting for the one expert search)."""
    return getattr(settings, "EXPERTS_DIRECTORY_PAGE_SIZE", 20)


def query_vector(query):
    """Return the matching engine's `query: ` embedding of the query, or None (keyword ranking then).

    The encoding runs in the embedding process with a short timeout, never in this request.
    """
    try:
        from matching.query_encoding import encode_remote
    except ImportError:
        return None
    found = encode_remote([query], query=True)
    if found is None:
        logger.info("Semantic search unavailable, keyword ranking used")
        return None
    return found[0]


def expert_vectors(profiles):
    """Return {profile id: vector} for the profiles matching has embedded (others get no semantic score)."""
    return indexing.stored_expert_vectors([profile.pk for profile in profiles])


@dataclass
class ExpertOutcome:
    """Expert results, facets, pagination and what the template should say about them."""

    query: str
    hits: list
    page: object = None
    paginator: object = None
    total: int = 0
    facets: dict = field(default_factory=dict)
    backend: str = "database"
    semantic: bool = False
    semantic_unavailable: bool = False
    degraded: bool = False
    cv_searched: bool = False


def search_experts_database(query, language, user, filters=None, semantic=False, page_number=1):
    """Answer expert search from the normalised entry table, restricted to visible_to(user)."""
    from experts.models import ExpertProfile

    filters = filters or ExpertFilters()
    query = clean_query(query)
    include_cv = may_search_cvs(user)
    owner_id = user.pk if user is not None and user.is_authenticated else None
    visible = ExpertProfile.objects.visible_to(user)
    entries = _apply_expert_filters(ExpertSearchEntry.objects.filter(expert__in=visible.values("pk")), filters)
    groups = term_groups(query)
    vector = query_vector(query) if semantic and query else None
    if groups and vector is None:
        condition = models.Q()
        for group in groups:
            one = models.Q()
            for term in group:
                needle = f" {term}" if len(term) >= 4 else f" {term} "
                one |= models.Q(normalised__contains=needle)
                if include_cv:
                    one |= models.Q(normalised_cv__contains=needle)
                elif owner_id:  # an expert may find their own profile by their own CV
                    one |= models.Q(normalised_cv__contains=needle, expert__user_id=owner_id)
            condition &= one
        entries = entries.filter(condition)
    rows = list(
        entries.values_list("expert_id", "normalised", "normalised_cv", "expert__user_id")[: MAX_CANDIDATES * 5]
    )
    rows += _unindexed_rows(visible, filters, groups if vector is None else [], include_cv, owner_id)
    scores = {}
    for expert_id, normalised, normalised_cv, user_id in rows:
        score = 0.0
        for group in groups:
            score += 2.0 * min(count_occurrences(normalised, group), 5)
            if include_cv or (owner_id and user_id == owner_id):
                score += min(count_occurrences(normalised_cv, group), 5)
        scores[expert_id] = score
    profiles = visible.filter(pk__in=list(scores)).in_bulk()
    semantic_used = False
    if vector is not None and profiles:
        import numpy as np

        vectors = expert_vectors(list(profiles.values()))
        query_vec = np.asarray(vector, dtype=np.float32)
        for pk, vec in vectors.items():
            if vec.shape == query_vec.shape:  # a vector from another model is ignored, not compared
                scores[pk] = float(np.dot(query_vec, vec)) * 10 + scores.get(pk, 0.0) * 0.1
        semantic_used = True
    ordered = sorted(profiles.values(), key=lambda p: (-scores.get(p.pk, 0.0), p.name.lower(), p.pk))
    facets = _expert_facets(ordered)
    page, paginator = paginate(ordered, page_number, page_size())
    flat_terms = sorted({term for group in groups for term in group})
    hits = []
    for profile in page.object_list:
        snippet = ""
        sources = [" · ".join([*profile.competencies, *profile.help_topics])]
        if include_cv or (owner_id and profile.user_id == owner_id):  # experts.services.can_see_private_fields
            sources.append(profile.cv_text)
        for source in sources if flat_terms else []:
            source_stems = " ".join(stem(fold(word)) for word in WORD_RE.findall(source or ""))
            if count_occurrences(source_stems, flat_terms):
                snippet = highlight(source, flat_terms, language)
                break
        hits.append(
            ExpertHit(profile=profile, score=scores.get(profile.pk, 0.0), snippet=snippet, semantic=semantic_used)
        )
    return ExpertOutcome(
        query=query,
        hits=hits,
        page=page,
        paginator=paginator,
        total=paginator.count,
        facets=facets,
        semantic=semantic_used,
        semantic_unavailable=bool(semantic and query and vector is None),
        cv_searched=include_cv,
    )


def search_experts_elastic(query, language, user, filters=None, semantic=False, page_number=1):
    """Answer expert search from Elasticsearch (raises ElasticUnavailable when it cannot)."""
    from experts.models import ExpertProfile

    filters = filters or ExpertFilters()
    query = clean_query(query)
    include_cv = may_search_cvs(user)
    vector = query_vector(query) if semantic and query else None
    owner_id = user.pk if user is not None and user.is_authenticated else None
    search = documents.build_expert_search(
        query,
        language,
        viewer_levels(user),
        owner_id=owner_id,
        filters=filters.as_dict(),
        include_cv=include_cv,
        vector=vector,
    )
    response = elastic.execute(search[:MAX_CANDIDATES])
    order, snippets = [], {}
    for hit in response:
        expert_id = hit.expert_id
        order.append(expert_id)
        found = getattr(hit.meta, "highlight", None)
        if found is not None:
            fragments = [fragment for values in found.to_dict().values() for fragment in values]
            snippets[expert_id] = mark_safe(" … ".join(fragments[:2]))
    # Defence in depth: the index may lag behind a visibility change.
    profiles = ExpertProfile.objects.visible_to(user).filter(pk__in=order).in_bulk()
    ordered = [profiles[pk] for pk in order if pk in profiles]
    facets = {}
    for name in ("country", "language", "topic", "city", "can_travel"):
        buckets = response.aggregations[name].buckets
        facets[name] = [(str(b.key_as_string if name == "can_travel" else b.key), b.doc_count) for b in buckets]
    facets["can_travel"] = [("yes", count) for key, count in facets["can_travel"] if key in ("true", "1")]
    facets["hours"] = [(b.key, b.doc_count) for b in response.aggregations.hours.buckets if b.doc_count]
    page, paginator = paginate(ordered, page_number, page_size())
    hits = [
        ExpertHit(profile=p, score=0.0, snippet=snippets.get(p.pk, ""), semantic=vector is not None)
        for p in page.object_list
    ]
    return ExpertOutcome(
        query=query,
        hits=hits,
        page=page,
        paginator=paginator,
        total=paginator.count,
        facets=facets,
        backend="elasticsearch",
        semantic=vector is not None,
        semantic_unavailable=bool(semantic and query and vector is None),
        cv_searched=include_cv,
    )


def search_experts(query, language, user, filters=None, semantic=False, page_number=1):
    """Answer expert search on the configured backend, falling back to the database if ES fails."""
    if elastic.enabled():
        try:
            return search_experts_elastic(query, language, user, filters, semantic, page_number)
        except elastic.ElasticUnavailable as error:
            logger.warning("Elasticsearch unavailable, expert search answered from the database: %s", error)
            outcome = search_experts_database(query, language, user, filters, semantic, page_number)
            outcome.degraded = True
            return outcome
    return search_experts_database(query, language, user, filters, semantic, page_number)
