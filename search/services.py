"""Site search and expert search: query parsing, ranking, filters, facets, snippets, fallbacks.

Two paths give the same result shape:
- database (the default): Wagtail's search backend with the raw query, OR-ed with the
  Lithuanian-normalised entry tables (``search.models``), so inflected and diacritic-free
  forms are found on SQLite FTS5 and PostgreSQL alike;
- Elasticsearch (``ELASTICSEARCH_URL`` set): the documents of ``search.documents``. Any failure
  there logs a warning and the same request is answered from the database path.
Whatever an index says, results are re-checked against the database: pages must be
``.live().public()``, challenges open or in progress, experts ``visible_to(viewer)``.
"""

import datetime
import difflib
import logging
import re
from collections import Counter
from dataclasses import dataclass, field

from django.apps import apps
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import DatabaseError, models, transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from . import documents, elastic, indexing
from .lithuanian import MAX_TOKENS, fold, query_terms, stem
from .models import SINGULAR_LABELS, ContentEntry, ContentKind, ExpertSearchEntry

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
MAX_CANDIDATES = 1000
PAGE_SIZE = 10
EXPERT_PAGE_SIZE = 20
SNIPPET_WORDS = 30
WORD_RE = re.compile(r"\w+", re.UNICODE)


def clean_query(raw):
    """Return the query trimmed to a sane length, control characters removed."""
    text = "".join(char if char.isprintable() else " " for char in str(raw or ""))
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def term_groups(query, languages=("lt", "en")):
    """Return, per query word, the set of its stems in the given languages (matched with OR)."""
    words = list(dict.fromkeys(WORD_RE.findall(fold(query).replace("_", " "))))[:MAX_TOKENS]
    return [sorted({stem(word, language) for language in languages}) for word in words]


def _term_matches(token_stem, terms):
    """Return True when a text stem matches a query term (prefix match for terms of 4+ letters)."""
    return any(token_stem == term or (len(term) >= 4 and token_stem.startswith(term)) for term in terms)


def highlight(text, terms, language="lt", words=SNIPPET_WORDS, whole=False):
    """Return escaped text (a window around the first match, or all of it) with matches in <mark>."""
    if not text:
        return ""
    tokens = list(WORD_RE.finditer(text))
    hits = [i for i, match in enumerate(tokens) if terms and _term_matches(stem(fold(match.group()), language), terms)]
    if whole or not tokens:
        start, end = 0, len(text)
    else:
        first = hits[0] if hits else 0
        lo = max(0, first - words // 3)
        hi = min(len(tokens), lo + words)
        start, end = tokens[lo].start(), tokens[hi - 1].end()
    out, cursor = [], start
    for i in hits:
        match = tokens[i]
        if match.start() < start or match.end() > end:
            continue
        out.append(escape(text[cursor : match.start()]))
        out.append(f"<mark>{escape(match.group())}</mark>")
        cursor = match.end()
    out.append(escape(text[cursor:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(out) + suffix)


def _count_occurrences(normalised, terms):
    """Return how many text tokens match any of the terms."""
    if not normalised or not terms:
        return 0
    return sum(1 for token in normalised.split() if _term_matches(token, terms))


# --- site search ----------------------------------------------------------------------------


@dataclass
class ContentFilters:
    """What the visitor chose in the site-search form."""

    kinds: list = field(default_factory=list)
    city_key: str = ""
    date_from: object = None
    date_to: object = None
    include_past: bool = False


@dataclass
class ContentHit:
    """One site-search result ready for the template."""

    kind: str
    kind_label: str
    title: object
    url: str
    snippet: object
    city_name: str
    date: object
    object: object = None


@dataclass
class SearchOutcome:
    """Results, pagination, facet counts and the help the template shows."""

    query: str
    hits: list
    page: object = None
    paginator: object = None
    total: int = 0
    backend: str = "database"
    suggestion: str = ""
    facets: dict = field(default_factory=dict)
    degraded: bool = False


def _filtered_entries(language, filters, now=None):
    """Return the ContentEntry queryset for a language with the visitor's filters applied."""
    now = now or timezone.now()
    entries = ContentEntry.objects.for_locale(language)
    if filters.kinds:
        entries = entries.filter(kind__in=filters.kinds)
    if filters.city_key:
        entries = entries.filter(city_key=filters.city_key)
    if filters.date_from:
        entries = entries.filter(date__gte=filters.date_from)
    if filters.date_to:
        entries = entries.filter(date__lte=filters.date_to)
    if not filters.include_past:
        entries = entries.exclude(kind=ContentKind.EVENT, ends_at__lt=now)
    return entries


def _wagtail_page_hits(query, language):
    """Return {page id: rank} from Wagtail's search backend for the raw query (empty on any error)."""
    from django.conf import settings
    from wagtail.models import Locale, Page
    from wagtail.search.backends import get_search_backend

    locale = Locale.objects.filter(language_code=language).first()
    if locale is None or not query:
        return {}
    try:
        backend = get_search_backend(getattr(settings, "SEARCH_PAGE_BACKEND", "default"))
        pages = Page.objects.live().public().filter(locale=locale)
        with transaction.atomic():  # a failing FTS query must not poison the surrounding transaction
            ids = [page.pk for page in backend.search(query, pages, operator="and")[:200]]
    except (DatabaseError, ValueError, TypeError, elastic.ElasticUnavailable) as error:
        logger.warning("Wagtail page search failed for %r: %s", query[:50], error)
        return {}
    except Exception as error:  # an Elasticsearch page backend that is down
        logger.warning("Wagtail page search backend unavailable: %s", error)
        return {}
    return {pk: rank for rank, pk in enumerate(ids)}


def _heal_missing_entries(page_ids):
    """Index pages Wagtail found but the entry table lacks (a Celery task not run yet)."""
    known = set(ContentEntry.objects.filter(source="page", object_id__in=page_ids).values_list("object_id", flat=True))
    for pk in [pk for pk in page_ids if pk not in known][:20]:
        indexing.index_page(pk)


def _permitted(entries):
    """Drop entries whose page is no longer live and public, or whose challenge is not public (ids only)."""
    from wagtail.models import Page

    page_ids = [e.object_id for e in entries if e.source == "page"]
    challenge_ids = [e.object_id for e in entries if e.source == "challenge"]
    allowed = {"page": set(), "challenge": set()}
    if page_ids:
        allowed["page"] = set(Page.objects.live().public().filter(pk__in=page_ids).values_list("pk", flat=True))
    if challenge_ids:
        model = apps.get_model("challenges", "Challenge")
        allowed["challenge"] = set(
            model.objects.filter(pk__in=challenge_ids, status__in=indexing.PUBLIC_CHALLENGE_STATUSES).values_list(
                "pk", flat=True
            )
        )
    return [entry for entry in entries if entry.object_id in allowed.get(entry.source, ())]


def _attach(entries):
    """Return (entry, object) pairs for one page of results: specific pages and challenges, loaded once."""
    from wagtail.models import Page

    page_ids = [e.object_id for e in entries if e.source == "page"]
    challenge_ids = [e.object_id for e in entries if e.source == "challenge"]
    pages = Page.objects.live().public().filter(pk__in=page_ids).specific().in_bulk() if page_ids else {}
    challenges = {}
    if challenge_ids:
        model = apps.get_model("challenges", "Challenge")
        challenges = model.objects.filter(pk__in=challenge_ids, status__in=indexing.PUBLIC_CHALLENGE_STATUSES).in_bulk()
    pairs = []
    for entry in entries:
        obj = (pages if entry.source == "page" else challenges).get(entry.object_id)
        if obj is not None:
            pairs.append((entry, obj))
    return pairs


def _content_hit(entry, obj, terms, language, highlights=None):
    """Build a ContentHit from an entry, its live object and the query terms (or ES highlights)."""
    if entry.source == "page":
        url = obj.get_url() or entry.url
    else:
        url = obj.get_absolute_url()
    highlights = highlights or {}
    title = highlights.get("title") or highlight(entry.title, terms, language, whole=True)
    snippet = highlights.get("body") or highlight(entry.text, terms, language)
    return ContentHit(
        kind=entry.kind,
        kind_label=SINGULAR_LABELS[ContentKind(entry.kind)],
        title=title,
        url=url,
        snippet=snippet,
        city_name=entry.city_name,
        date=entry.date,
        object=obj,
    )


def _paginate(items, page_number, per_page):
    """Return (page, paginator) for a list, clamping bad page numbers to the first/last page."""
    paginator = Paginator(items, per_page)
    try:
        page = paginator.page(page_number)
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    return page, paginator


def _kind_facets(entries_with_scores):
    """Return the counts of results per kind."""
    return dict(Counter(entry.kind for entry in entries_with_scores))


def search_content_database(query, language, filters, page_number=1, per_page=PAGE_SIZE):
    """Answer site search from Wagtail's database backend and the normalised entry table."""
    query = clean_query(query)
    terms = query_terms(query, language)
    entries = _filtered_entries(language, filters)
    if not terms:
        if not (filters.kinds or filters.city_key or filters.date_from or filters.date_to):
            return SearchOutcome(query=query, hits=[])
        ranked = list(entries.order_by("-date", "title")[:MAX_CANDIDATES])
        scored = [(entry, 0.0) for entry in ranked]
    else:
        wagtail_ranks = _wagtail_page_hits(query, language)
        if wagtail_ranks:
            _heal_missing_entries(list(wagtail_ranks))
        by_terms = entries.matching(terms).values_list("pk", flat=True)[:MAX_CANDIDATES]
        by_wagtail = entries.filter(source="page", object_id__in=list(wagtail_ranks)).values_list("pk", flat=True)
        candidate_ids = set(by_terms) | set(by_wagtail)
        scored = []
        for entry in ContentEntry.objects.filter(pk__in=candidate_ids):
            score = 3.0 * _count_occurrences(entry.normalised_title, terms)
            score += min(_count_occurrences(entry.normalised, terms), 10)
            if entry.source == "page" and entry.object_id in wagtail_ranks:
                score += 5.0 + 5.0 * (1 - wagtail_ranks[entry.object_id] / max(len(wagtail_ranks), 1))
            scored.append((entry, score))
        scored.sort(key=lambda pair: (-pair[1], -(pair[0].date.toordinal() if pair[0].date else 0), pair[0].title))
    permitted = _permitted([entry for entry, _ in scored])
    facets = {"kind": _kind_facets(permitted)}
    page, paginator = _paginate(permitted, page_number, per_page)
    hits = [_content_hit(entry, obj, terms, language) for entry, obj in _attach(page.object_list)]
    outcome = SearchOutcome(
        query=query, hits=hits, page=page, paginator=paginator, total=paginator.count, facets=facets
    )
    if terms and not permitted:
        outcome.suggestion = did_you_mean(query, language)
    return outcome


class _EntryFromHit:
    """A ContentEntry-like view of an Elasticsearch hit (for permission checks and rendering)."""

    def __init__(self, source):
        self.source = source.get("source")
        self.object_id = source.get("object_id")
        self.kind = source.get("kind")
        self.title = source.get("title", "")
        self.text = source.get("body", "")
        self.city_name = source.get("city_name", "")
        self.url = source.get("url", "")
        date = source.get("date")
        self.date = datetime.date.fromisoformat(date[:10]) if date else None


def search_content_elastic(query, language, filters, page_number=1, per_page=PAGE_SIZE):
    """Answer site search from Elasticsearch (raises ElasticUnavailable when it cannot)."""
    query = clean_query(query)
    if not query and not (filters.kinds or filters.city_key or filters.date_from or filters.date_to):
        return SearchOutcome(query=query, hits=[], backend="elasticsearch")
    search = documents.build_content_search(
        query,
        language,
        kinds=filters.kinds,
        city_key=filters.city_key,
        date_from=filters.date_from,
        date_to=filters.date_to,
        upcoming_only=not filters.include_past,
    )
    search.aggs.bucket("kind", "terms", field="kind", size=10)
    response = elastic.execute(search[:MAX_CANDIDATES])
    rows = []
    for hit in response:
        entry = _EntryFromHit(hit.to_dict())
        marks = {}
        meta_highlight = getattr(hit.meta, "highlight", None)
        if meta_highlight is not None:
            found = meta_highlight.to_dict()
            for name in ("title", "body"):
                fragments = found.get(name) or found.get(f"{name}.folded")
                if fragments:
                    marks[name] = mark_safe(" … ".join(fragments))
        rows.append((entry, marks))
    permitted_entries = _permitted([entry for entry, _ in rows])
    marks_by_key = {(entry.source, entry.object_id): marks for entry, marks in rows}
    terms = query_terms(query, language)
    page, paginator = _paginate(permitted_entries, page_number, per_page)
    hits = [
        _content_hit(entry, obj, terms, language, marks_by_key.get((entry.source, entry.object_id)))
        for entry, obj in _attach(page.object_list)
    ]
    facets = {"kind": {b.key: b.doc_count for b in response.aggregations.kind.buckets}}
    outcome = SearchOutcome(
        query=query,
        hits=hits,
        page=page,
        paginator=paginator,
        total=paginator.count,
        backend="elasticsearch",
        facets=facets,
    )
    if query and not permitted_entries:
        outcome.suggestion = did_you_mean(query, language)
    return outcome


def search_content(query, language, filters=None, page_number=1, per_page=PAGE_SIZE):
    """Answer site search on the configured backend, falling back to the database if ES fails."""
    filters = filters or ContentFilters()
    if elastic.enabled():
        try:
            return search_content_elastic(query, language, filters, page_number, per_page)
        except elastic.ElasticUnavailable as error:
            logger.warning("Elasticsearch unavailable, site search answered from the database: %s", error)
            outcome = search_content_database(query, language, filters, page_number, per_page)
            outcome.degraded = True
            return outcome
    return search_content_database(query, language, filters, page_number, per_page)


def did_you_mean(query, language):
    """Return a respelled query built from known title words and city names, or ''."""
    vocabulary = set()
    for title in ContentEntry.objects.for_locale(language).values_list("title", flat=True)[:5000]:
        vocabulary.update(word for word in WORD_RE.findall(title.lower()) if len(word) > 2)
    if not vocabulary:
        return ""
    folded_vocabulary = {fold(word): word for word in vocabulary}
    words = WORD_RE.findall(query.lower())[:10]
    changed = False
    out = []
    for word in words:
        if fold(word) in folded_vocabulary:
            out.append(folded_vocabulary[fold(word)])
            continue
        close = difflib.get_close_matches(fold(word), list(folded_vocabulary), n=1, cutoff=0.7)
        if close:
            out.append(folded_vocabulary[close[0]])
            changed = True
        else:
            out.append(word)
    return " ".join(out) if changed else ""


def city_choices(language):
    """Return (translation key, title) of the live city hubs in a language, for the filter."""
    from wagtail.models import Locale

    from home.models import CityPage

    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return []
    return [
        (str(key), title)
        for key, title in CityPage.objects.live()
        .public()
        .filter(locale=locale)
        .order_by("title")
        .values_list("translation_key", "title")
    ]


# --- expert search --------------------------------------------------------------------------

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


def _split(delimited):
    """Return the values of a |a|b| column."""
    return [value for value in delimited.strip("|").split("|") if value]


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


def _heal_expert_entries(visible):
    """Index visible profiles that have no entry yet (their Celery task has not run)."""
    for pk in visible.filter(search_entry__isnull=True).values_list("pk", flat=True)[:100]:
        indexing.index_expert(pk)


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
    _heal_expert_entries(visible)
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
    scores = {}
    for expert_id, normalised, normalised_cv, user_id in rows:
        score = 0.0
        for group in groups:
            score += 2.0 * min(_count_occurrences(normalised, group), 5)
            if include_cv or (owner_id and user_id == owner_id):
                score += min(_count_occurrences(normalised_cv, group), 5)
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
    page, paginator = _paginate(ordered, page_number, EXPERT_PAGE_SIZE)
    flat_terms = sorted({term for group in groups for term in group})
    hits = []
    for profile in page.object_list:
        snippet = ""
        sources = [" · ".join([*profile.competencies, *profile.help_topics])]
        if include_cv or (owner_id and profile.user_id == owner_id):  # experts.services.can_see_private_fields
            sources.append(profile.cv_text)
        for source in sources if flat_terms else []:
            source_stems = " ".join(stem(fold(word)) for word in WORD_RE.findall(source or ""))
            if _count_occurrences(source_stems, flat_terms):
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
    page, paginator = _paginate(ordered, page_number, EXPERT_PAGE_SIZE)
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


# --- autocomplete ---------------------------------------------------------------------------


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
        or _term_matches(stem(fold(title.split()[0]), language) if title.split() else "", terms)
    ]
    for title in cities[:3]:
        out.append({"label": title, "type": str(SINGULAR_LABELS[ContentKind.CITY]), "value": title})
    entries = _filtered_entries(language, ContentFilters())
    title_condition = models.Q()
    for term in terms:
        title_condition &= models.Q(normalised_title__contains=f" {term}")
    candidates = list(entries.filter(title_condition).exclude(kind=ContentKind.CITY).order_by("-date")[:20])
    for entry, obj in _attach(_permitted(candidates)[: limit - len(out)]):
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
