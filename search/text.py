"""Query text helpers shared by site and expert search: cleaning, stems, highlighting, pagination."""

import re

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .lithuanian import MAX_TOKENS, fold, stem

MAX_QUERY_LENGTH = 200
MAX_CANDIDATES = 1000
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


def term_matches(token_stem, terms):
    """Return True when a text stem matches a query term (prefix match for terms of 4+ letters)."""
    return any(token_stem == term or (len(term) >= 4 and token_stem.startswith(term)) for term in terms)


def highlight(text, terms, language="lt", words=SNIPPET_WORDS, whole=False):
    """Return escaped text (a window around the first match, or all of it) with matches in <mark>."""
    if not text:
        return ""
    tokens = list(WORD_RE.finditer(text))
    hits = [i for i, match in enumerate(tokens) if terms and term_matches(stem(fold(match.group()), language), terms)]
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


def count_occurrences(normalised, terms):
    """Return how many text tokens match any of the terms."""
    if not normalised or not terms:
        return 0
    return sum(1 for token in normalised.split() if term_matches(token, terms))


def paginate(items, page_number, per_page):
    """Return (page, paginator) for a list, clamping bad page numbers to the first/last page."""
    paginator = Paginator(items, per_page)
    try:
        page = paginator.page(page_number)
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    return page, paginator
