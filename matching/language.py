"""Which language a profile is written in: function words and letters, no model.

The ranking corrects e5's per-language score shifts per CV language (``ranking``), so it
needs the language of every CV in the pool, for any of the languages the diaspora writes
in. Function words (articles, conjunctions, pronouns, prepositions) are frequent in every
text of a language and rare in others, so counting them is enough for CVs of 50+ words;
Cyrillic text is told apart by the letters only one of Russian and Ukrainian uses.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

_WORD = re.compile(r"\w+")

# Function words per language; a word listed for two languages counts for both.
FUNCTION_WORDS = {
    "lt": "ir yra kad su iš į per bei prie ar kaip esu mano metų dirbu nuo kuris kurie kuri galiu buvo "
    "taip pat dar tik apie po tai jų jos savo mūsų kartu ne",
    "en": "the and of in to a for with is i my at on as an have has was from by that this which "
    "who are been we our it also",
    "de": "und der die das ich mit für von ist auf den dem des ein eine einer im zu zum zur bei "
    "nicht auch als wie sich seit wir habe bin",
    "no": "og jeg er det som av til på med en et har for i ikke fra om vi var hvor etter også kommunen jobber",
    "sv": "och att är för som jag av på i en ett har med till från om vi var inte också där efter kommunen arbetar",
    "pl": "w z na się jest do że nie oraz i o od dla jako przez po jestem przy to który która które także",
    "ru": "я и в на с что это по как для из от не был работаю также который которые при году лет",
    "uk": "я і в на з що це по як для від не та працюю також який які при році років",
    "fr": "le la les et des une un pour dans je est du au aux en avec sur par que qui mon ma mes aussi ai suis",
    "es": "el los las y que por con una un del en de la para mi como es soy también he al sus",
}
_WORDS = {lang: frozenset(words.split()) for lang, words in FUNCTION_WORDS.items()}
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_UK_LETTERS = re.compile("[іїєґ]")
_RU_LETTERS = re.compile("[ыэъё]")
# Letters that belong to one language only (among those above); each word holding one counts.
_LETTERS = {
    "lt": re.compile("[ąčęėįšųūž]"),
    "pl": re.compile("[łśćńźż]"),
    "de": re.compile("[äöüß]"),
    "no": re.compile("[æø]"),
    "sv": re.compile("[äö]"),
    "fr": re.compile("[éèêàçù]"),
    "es": re.compile("[ñáíóú¿¡]"),
}
LANGUAGES = tuple(FUNCTION_WORDS)
# The second language must reach this share of the first for a text to be "mixed".
MIXED_RATIO = 0.5


def language_counts(text: str) -> Counter:
    """Return per language the number of its function words and letter-marked words in ``text``."""
    counts: Counter = Counter()
    for word in _WORD.findall(text.lower()):
        if _CYRILLIC.search(word):
            if _UK_LETTERS.search(word):
                counts["uk"] += 1
            elif _RU_LETTERS.search(word):
                counts["ru"] += 1
        for lang, words in _WORDS.items():
            if word in words:
                counts[lang] += 1
        for lang, letters in _LETTERS.items():
            if letters.search(word):
                counts[lang] += 0.5
    return counts


@lru_cache(maxsize=100_000)
def detect(text: str) -> str:
    """Return the language code of ``text`` (see ``LANGUAGES``), ``mixed``, or ``und`` when unknown."""
    counts = language_counts(text)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2:
        return "und"
    if len(ranked) > 1 and ranked[1][1] >= MIXED_RATIO * ranked[0][1] and not _close_pair(ranked[0][0], ranked[1][0]):
        return "mixed"
    return ranked[0][0]


def _close_pair(first: str, second: str) -> bool:
    """Return whether two languages share most function words (a tie between them is no mix)."""
    return {first, second} in ({"no", "sv"}, {"ru", "uk"})


@lru_cache(maxsize=100_000)
def profile(text: str) -> tuple[tuple[str, float], ...]:
    """Return the text's language shares (per language, its share of the marker counts)."""
    counts = language_counts(text)
    total = sum(counts.values())
    return tuple(sorted((lang, n / total) for lang, n in counts.items())) if total else ()


def match(first: str, second: str) -> float:
    """Return how far two texts are in the same language: the overlap of their language shares (0–1)."""
    a, b = dict(profile(first)), dict(profile(second))
    return sum(min(a[k], b[k]) for k in a.keys() & b.keys())
