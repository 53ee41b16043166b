"""Did-you-mean: respell a query that found nothing from the words of the indexed titles and text.

The vocabulary (folded word → most frequent spelling) is built from the entry table of one
language, bounded to ``VOCABULARY_SIZE`` words, and kept in the configured cache under a key
that changes whenever an entry is written, so it is rebuilt only after the index changes.
"""

import difflib
from collections import Counter, defaultdict

from django.core.cache import cache
from django.db.models import Count, Max

from .lithuanian import fold, stem
from .models import ContentEntry
from .text import WORD_RE

VOCABULARY_SIZE = 20000
MAX_ENTRIES = 5000
TEXT_CHARS = 4000
CUTOFF = 0.75
CACHE_SECONDS = 24 * 3600


def _stamp(language):
    """Return a string that changes whenever an entry of this language is added, changed or removed."""
    found = ContentEntry.objects.for_locale(language).aggregate(count=Count("pk"), last=Max("updated_at"))
    return f"{found['count']}:{found['last'].timestamp() if found['last'] else 0}"


def _build_vocabulary(language):
    """Return {folded word: spelling} of the most frequent words in this language's titles and text."""
    spellings = defaultdict(Counter)
    rows = ContentEntry.objects.for_locale(language).values_list("title", "text")[:MAX_ENTRIES]
    for title, text in rows:
        for word in WORD_RE.findall(f"{title} {text[:TEXT_CHARS]}".lower()):
            if len(word) > 2 and not word.isdigit():
                spellings[fold(word)][word] += 1
    ranked = sorted(spellings.items(), key=lambda item: -sum(item[1].values()))[:VOCABULARY_SIZE]
    return {folded: counter.most_common(1)[0][0] for folded, counter in ranked}


def vocabulary(language):
    """Return the cached vocabulary of a language, rebuilding it when the index changed."""
    key = f"search:vocabulary:{language}:{_stamp(language)}"
    found = cache.get(key)
    if found is None:
        found = _build_vocabulary(language)
        cache.set(key, found, CACHE_SECONDS)
    return found


def _known(folded, words, stems, language):
    """Return True when a folded query word, or its stem, is already in the vocabulary."""
    return folded in words or stem(folded, language) in stems


def did_you_mean(query, language):
    """Return the query with unknown words replaced by their closest known spelling, or ''."""
    words = vocabulary(language)
    if not words:
        return ""
    stems = {stem(folded, language) for folded in words}
    out, changed = [], False
    for word in WORD_RE.findall(query.lower())[:10]:
        folded = fold(word)
        if _known(folded, words, stems, language):
            out.append(words.get(folded, word))
            continue
        # Compare only with words of a similar length sharing the first letter: bounded work per word.
        pool = [w for w in words if w[:1] == folded[:1] and abs(len(w) - len(folded)) <= 2]
        close = difflib.get_close_matches(folded, pool, n=1, cutoff=CUTOFF)
        if close:
            out.append(words[close[0]])
            changed = True
        else:
            out.append(word)
    return " ".join(out) if changed else ""
