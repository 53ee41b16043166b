"""Full-text matching and ranking of content entries on the database: SQLite FTS5 or PostgreSQL.

Query words are stemmed by ``search.lithuanian`` exactly as the indexed text was, then matched
as tokens (a prefix for stems of four letters or more, so ``vandentvark`` finds
``vandentvarkos``). Each query word must match; the title weighs more than the body. The
engines' own ranking (``bm25`` / ``ts_rank``) orders the results. Other vendors fall back to
token-bounded LIKE with no ranking. The tables are created by migration ``0002_fulltext``.
"""

from django.db import connection

from .models import ContentEntry

MAX_MATCHES = 5000
PREFIX_MIN = 4


def _fts5_query(terms):
    """Return an FTS5 MATCH expression requiring every term (stems hold only word characters)."""
    return " AND ".join(f'"{term}"*' if len(term) >= PREFIX_MIN else f'"{term}"' for term in terms)


def _tsquery(terms):
    """Return a to_tsquery('simple', …) expression requiring every term."""
    return " & ".join(f"'{term}':*" if len(term) >= PREFIX_MIN else f"'{term}'" for term in terms)


def ranked_entry_ids(terms, limit=MAX_MATCHES):
    """Return {ContentEntry id: score} for entries holding every term, higher scores first."""
    terms = [term for term in terms if term and term.replace("_", "").isalnum()]
    if not terms:
        return {}
    if connection.vendor == "sqlite":
        sql = (
            "SELECT rowid, -bm25(search_contententry_fts, 3.0, 1.0) FROM search_contententry_fts "
            "WHERE search_contententry_fts MATCH %s ORDER BY bm25(search_contententry_fts, 3.0, 1.0) LIMIT %s"
        )
        params = [_fts5_query(terms), limit]
    elif connection.vendor == "postgresql":
        sql = (
            "SELECT id, ts_rank(search_document, query) AS rank FROM search_contententry, "
            "to_tsquery('simple', %s) AS query WHERE search_document @@ query ORDER BY rank DESC LIMIT %s"
        )
        params = [_tsquery(terms), limit]
    else:
        ids = ContentEntry.objects.matching(terms).values_list("pk", flat=True)[:limit]
        return dict.fromkeys(ids, 0.0)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {pk: float(score) for pk, score in cursor.fetchall()}
