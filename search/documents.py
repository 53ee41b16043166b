"""Elasticsearch 8 documents, analysers and query building (elasticsearch-dsl).

Nothing here talks to a node: it describes indices and builds ``Search`` objects, so the
mappings and the exact JSON sent (``Search.to_dict()``) can be tested without Elasticsearch.
``search.elastic`` does the I/O.

Indices (each behind an alias, rebuilt into a fresh index and swapped):
- ``<prefix>-content-lt`` / ``<prefix>-content-en``: pages of that locale plus public challenges,
  analysed with the locale's analyser (Lithuanian or English) plus a diacritic-folded subfield;
- ``<prefix>-experts``: expert profiles, every text field analysed both ways, facet keywords and
  the cosine ``dense_vector`` (size from the model) of the matching engine.
"""

from django.conf import settings
from elasticsearch.dsl import (
    A,
    Boolean,
    Date,
    DenseVector,
    Document,
    Index,
    Integer,
    Keyword,
    Q,
    Search,
    SearchAsYouType,
    Text,
    analyzer,
    token_filter,
)


def _embedding_dims():
    """Return the vector size of matching's model (read from the model folder, no weights loaded)."""
    from matching.embedding import dimension

    return dimension()


EMBEDDING_DIMS = _embedding_dims()
HOURS_BANDS = [
    ("1-5", 1, 6),
    ("6-10", 6, 11),
    ("11-20", 11, 21),
    ("21+", 21, None),
]

# The built-in `lithuanian` analyser cannot be extended, so it is rebuilt from its parts with
# asciifolding added last: "Klaipeda" and "Klaipėda" then meet after stemming.
lithuanian_stop = token_filter("lithuanian_stop", "stop", stopwords="_lithuanian_")
lithuanian_stemmer = token_filter("lithuanian_stemmer", "stemmer", language="lithuanian")
english_stop = token_filter("english_stop", "stop", stopwords="_english_")
english_stemmer = token_filter("english_stemmer", "stemmer", language="english")
english_possessive = token_filter("english_possessive", "stemmer", language="possessive_english")

LITHUANIAN = analyzer(
    "lithuanian_folded",
    tokenizer="standard",
    filter=["lowercase", lithuanian_stop, lithuanian_stemmer, "asciifolding"],
)
ENGLISH = analyzer(
    "english_folded",
    tokenizer="standard",
    filter=[english_possessive, "lowercase", english_stop, english_stemmer, "asciifolding"],
)
FOLDED = analyzer("folded", tokenizer="standard", filter=["lowercase", "asciifolding"])
ANALYZERS = {"lt": LITHUANIAN, "en": ENGLISH}


def prefix():
    """Return the index name prefix from settings."""
    return getattr(settings, "SEARCH_INDEX_PREFIX", "miestai")


def content_alias(language):
    """Return the alias of the content index for a language."""
    return f"{prefix()}-content-{language}"


def experts_alias():
    """Return the alias of the expert index."""
    return f"{prefix()}-experts"


def _text(language_analyzer, **extra):
    """Return a text field analysed for its language with a diacritic-folded `folded` subfield."""
    return Text(analyzer=language_analyzer, fields={"folded": Text(analyzer=FOLDED)}, **extra)


def _bilingual_text(**extra):
    """Return a text field analysed as Lithuanian, with `en` and `folded` subfields."""
    return Text(analyzer=LITHUANIAN, fields={"en": Text(analyzer=ENGLISH), "folded": Text(analyzer=FOLDED)}, **extra)


def content_document(language):
    """Return the Document class of the content index for `language` (its own analyser)."""
    language_analyzer = ANALYZERS.get(language, LITHUANIAN)

    attrs = {
        "__doc__": f"A page or challenge in the {language} content index.",
        "source": Keyword(),
        "object_id": Integer(),
        "kind": Keyword(),
        "locale": Keyword(),
        "title": _text(language_analyzer),
        "title_suggest": SearchAsYouType(analyzer=FOLDED),
        "body": _text(language_analyzer),
        "city_name": Keyword(),
        "city_key": Keyword(),
        "date": Date(),
        "ends_at": Date(),
        "url": Keyword(index=False),
    }
    return type(f"Content{language.capitalize()}Document", (Document,), attrs)


class ExpertDocument(Document):
    """An expert profile: texts analysed both ways, facets as keywords, and its embedding."""

    expert_id = Integer()
    name = _bilingual_text()
    headline = _bilingual_text()
    competencies = _bilingual_text()
    help_topics = _bilingual_text()
    cv_text = _bilingual_text()
    country = Keyword()
    languages = Keyword(multi=True)
    topics = Keyword(multi=True)
    city_ties = Keyword(multi=True)
    hours_per_month = Integer()
    can_travel = Boolean()
    visibility = Keyword()
    consented = Boolean()
    owner_id = Integer()
    embedding = DenseVector(dims=EMBEDDING_DIMS, similarity="cosine", index=True)


def index_definition(name, document):
    """Return an Index with the analysers and mapping of `document`, named `name` (settings only)."""
    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=int(getattr(settings, "SEARCH_INDEX_REPLICAS", 0)))
    for item in (LITHUANIAN, ENGLISH, FOLDED):
        index.analyzer(item)
    index.document(document)
    return index


def content_index(language, name=None):
    """Return the content Index for `language` (under the alias name unless `name` is given)."""
    return index_definition(name or content_alias(language), content_document(language))


def experts_index(name=None):
    """Return the expert Index (under the alias name unless `name` is given)."""
    return index_definition(name or experts_alias(), ExpertDocument)


# --- Query building -------------------------------------------------------------------------


def _text_query(query, fields):
    """Return a multi_match over `fields` plus a phrase boost; `and` so every word must appear."""
    return Q(
        "bool",
        should=[
            Q("multi_match", query=query, fields=fields, type="best_fields", operator="and"),
            Q("multi_match", query=query, fields=fields, type="phrase", boost=2),
        ],
        minimum_should_match=1,
    )


def build_content_search(
    query, language, kinds=None, city_key=None, date_from=None, date_to=None, upcoming_only=True, now=None
):
    """Return the Search for site search: text query, filters, highlight (no pagination yet)."""
    search = Search(index=content_alias(language))
    filters = []
    if kinds:
        filters.append(Q("terms", kind=sorted(kinds)))
    if city_key:
        filters.append(Q("term", city_key=city_key))
    if date_from or date_to:
        date_range = {}
        if date_from:
            date_range["gte"] = date_from.isoformat()
        if date_to:
            date_range["lte"] = date_to.isoformat()
        filters.append(Q("range", date=date_range))
    if upcoming_only:
        # Past events drop out; open-ended recurrences (no end) and other kinds stay.
        filters.append(
            Q(
                "bool",
                should=[
                    ~Q("term", kind="event"),
                    ~Q("exists", field="ends_at"),
                    Q("range", ends_at={"gte": (now.isoformat() if now else "now")}),
                ],
                minimum_should_match=1,
            )
        )
    if query:
        must = _text_query(query, ["title^3", "title.folded^2", "body", "body.folded"])
    else:
        must = Q("match_all")
    search = search.query(Q("bool", must=[must], filter=filters))
    if not query:
        search = search.sort("-date")
    search = search.highlight_options(pre_tags=["<mark>"], post_tags=["</mark>"], encoder="html")
    search = search.highlight("title", "title.folded", number_of_fragments=0)
    search = search.highlight("body", "body.folded", fragment_size=160, number_of_fragments=2)
    return search


def expert_text_fields(language, include_cv):
    """Return the expert fields searched for a viewer: CV text only for viewers who may read CVs."""
    suffix = ".en" if language == "en" else ""
    fields = [
        f"name{suffix}^3",
        f"headline{suffix}^3",
        f"competencies{suffix}^2",
        f"help_topics{suffix}^2",
        "name.folded^2",
        "headline.folded^2",
        "competencies.folded",
        "help_topics.folded",
    ]
    if include_cv:
        fields += [f"cv_text{suffix}", "cv_text.folded"]
    return fields


def visibility_filter(levels, owner_id=None):
    """Return the filter of profiles a viewer may see: allowed levels (consented), or their own."""
    if levels is None:  # platform administrators see everything
        return Q("match_all")
    allowed = [Q("bool", filter=[Q("terms", visibility=sorted(levels)), Q("term", consented=True)])] if levels else []
    if owner_id:
        allowed.append(Q("term", owner_id=owner_id))
    return Q("bool", should=allowed or [Q("match_none")], minimum_should_match=1)


def expert_filters(filters):
    """Return the term/range filters for chosen facet values."""
    out = []
    if filters.get("country"):
        out.append(Q("term", country=filters["country"]))
    if filters.get("language"):
        out.append(Q("term", languages=filters["language"]))
    if filters.get("topic"):
        out.append(Q("term", topics=filters["topic"]))
    if filters.get("city"):
        out.append(Q("term", city_ties=filters["city"]))
    if filters.get("can_travel"):
        out.append(Q("term", can_travel=True))
    band = dict((key, (low, high)) for key, low, high in HOURS_BANDS).get(filters.get("hours"))
    if band:
        bounds = {"gte": band[0]}
        if band[1] is not None:
            bounds["lt"] = band[1]
        out.append(Q("range", hours_per_month=bounds))
    return out


def build_expert_search(query, language, levels, owner_id=None, filters=None, include_cv=False, vector=None):
    """Return the expert Search: text (or kNN when `vector` is given), visibility, filters, facets."""
    filters = filters or {}
    search = Search(index=experts_alias())
    filter_clauses = [visibility_filter(levels, owner_id), *expert_filters(filters)]
    if query:
        must = [_text_query(query, expert_text_fields(language, include_cv))]
    else:
        must = [Q("match_all")]
    if vector is not None:
        # Semantic: rank by the embedding, filtered the same way; keyword matches add to the score.
        search = search.knn(
            field="embedding",
            k=100,
            num_candidates=500,
            query_vector=[float(value) for value in vector],
            filter=Q("bool", filter=filter_clauses).to_dict(),
        )
        search = search.query(Q("bool", should=must if query else [], filter=filter_clauses))
    else:
        search = search.query(Q("bool", must=must, filter=filter_clauses))
    search = search.source(excludes=["embedding", "cv_text"])
    for name, field in (
        ("country", "country"),
        ("language", "languages"),
        ("topic", "topics"),
        ("city", "city_ties"),
        ("can_travel", "can_travel"),
    ):
        search.aggs.bucket(name, A("terms", field=field, size=20))
    ranges = []
    for key, low, high in HOURS_BANDS:
        bucket = {"key": key, "from": low}
        if high is not None:
            bucket["to"] = high
        ranges.append(bucket)
    search.aggs.bucket("hours", A("range", field="hours_per_month", ranges=ranges))
    highlight_fields = ["headline", "competencies", "help_topics"] + (["cv_text"] if include_cv else [])
    search = search.highlight_options(pre_tags=["<mark>"], post_tags=["</mark>"], encoder="html")
    search = search.highlight(*highlight_fields, fragment_size=160, number_of_fragments=1)
    return search


def build_autocomplete_search(query, language, size=6):
    """Return the search-as-you-type title query for the header box."""
    search = Search(index=content_alias(language))
    search = search.query(
        Q(
            "multi_match",
            query=query,
            type="bool_prefix",
            fields=["title_suggest", "title_suggest._2gram", "title_suggest._3gram"],
        )
    )
    return search.source(["title", "url", "kind", "object_id", "source"])[:size]
