"""Did-you-mean: respell a query that found nothing from the words of indexed titles."""

import difflib

from .lithuanian import fold
from .models import ContentEntry
from .text import WORD_RE


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
