"""Site search over pages and challenges: filters, the database and Elasticsearch paths, facets.

Two paths give the same result shape:
- database (the default): the full-text index (``search.fulltext``: SQLite FTS5 or PostgreSQL
  ``tsvector``) over the Lithuanian-normalised entry table (``search.models.ContentEntry``);
  it only reads: no transaction, no write lock, no hit counting, no healing of missing entries;
- Elasticsearch (``ELASTICSEARCH_URL`` set): the documents of ``search.documents``. Any failure
  there logs a warning and the same request is answered from the database path.
Whatever an index says, results are re-checked against the database: pages must be
``.live().public()`` and challenges open or in progress.
"""

import datetime
import logging
from collections import Counter
from dataclasses import dataclass, field

from django.apps import apps
from django.utils import timezone
from django.utils.safestring import mark_safe

from . import documents, elastic, fulltext, indexing
from .lithuanian import query_terms
from .models import SINGULAR_LABELS, ContentEntry, ContentKind
from .suggest import did_you_mean
from .text import MAX_CANDIDATES, clean_query, highlight, paginate

logger = logging.getLogger(__name__)

PAGE_SIZE = 10


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


def filtered_entries(language, filters, now=None):
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


def permitted(entries):
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


def attach(entries):
    """Return (entry, object) pairs for one page of results: specific pages and challenges, loaded once."""
    from wagtail.models import Page

    page_ids = [e.object_id for e in entries if e.source == "page"]
    challenge_ids = [e.object_id for e in entries if e.source == "challenge"]
    # Plain pages: a hit needs only the URL, which every page has without its specific subclass (one query).
    pages = Page.objects.live().public().filter(pk__in=page_ids).in_bulk() if page_ids else {}
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


def _kind_facets(entries_with_scores):
    """Return the counts of results per kind."""
    return dict(Counter(entry.kind for entry in entries_with_scores))


def search_content_database(query, language, filters, page_number=1, per_page=PAGE_SIZE):
    """Answer site search from the database's full-text index of the entry table (read-only)."""
    query = clean_query(query)
    terms = query_terms(query, language)
    entries = filtered_entries(language, filters).defer("normalised", "normalised_title")
    if not terms:
        if not (filters.kinds or filters.city_key or filters.date_from or filters.date_to):
            return SearchOutcome(query=query, hits=[])
        scored = [(entry, 0.0) for entry in entries.order_by("-date", "title")[:MAX_CANDIDATES]]
    else:
        ranks = fulltext.ranked_entry_ids(terms)
        scored = [(entry, ranks[entry.pk]) for entry in entries.filter(pk__in=list(ranks))]
        scored.sort(key=lambda pair: (-pair[1], -(pair[0].date.toordinal() if pair[0].date else 0), pair[0].title))
        scored = scored[:MAX_CANDIDATES]
    allowed = permitted([entry for entry, _ in scored])
    facets = {"kind": _kind_facets(allowed)}
    page, paginator = paginate(allowed, page_number, per_page)
    hits = [_content_hit(entry, obj, terms, language) for entry, obj in attach(page.object_list)]
    outcome = SearchOutcome(
        query=query, hits=hits, page=page, paginator=paginator, total=paginator.count, facets=facets
    )
    if terms and not allowed:
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
    permitted_entries = permitted([entry for entry, _ in rows])
    marks_by_key = {(entry.source, entry.object_id): marks for entry, marks in rows}
    terms = query_terms(query, language)
    page, paginator = paginate(permitted_entries, page_number, per_page)
    hits = [
        _content_hit(entry, obj, terms, language, marks_by_key.get((entry.source, entry.object_id)))
        for entry, obj in attach(page.object_list)
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
