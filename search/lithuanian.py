"""A light Lithuanian (and English) normaliser for the database search path.

Wagtail's database backend has no Lithuanian stemmer, so both indexed text and queries go
through the same steps here: lowercase, strip diacritics (``Klaipėda`` → ``klaipeda``) and cut
the common inflectional endings (``vandentvarkos`` → ``vandentvark``), never below a minimum
stem length. It is deliberately light: it conflates the usual noun and adjective cases, not
every form a full snowball stemmer would. Elasticsearch uses its own ``lithuanian`` stemmer.
"""

import functools
import re
import unicodedata

MIN_STEM = 3

# Folded (diacritic-free) endings, longest first so the longest match wins.
LITHUANIAN_ENDINGS = sorted(
    {
        # nouns and adjectives: -as/-is/-ys/-us and -a/-ė declensions, singular and plural
        "iuose",
        "uose",
        "ioje",
        "iems",
        "iams",
        "omis",
        "emis",
        "imis",
        "umis",
        "iais",
        "ieji",
        "osios",
        "ajai",
        "ajam",
        "esne",
        "eje",
        "oje",
        "uje",
        "yje",
        "ose",
        "ese",
        "yse",
        "ams",
        "oms",
        "ems",
        "ims",
        "ums",
        "ais",
        "iai",
        "ius",
        "iui",
        "iu",
        "ies",
        "ios",
        "iam",
        "ioms",
        "iaus",
        "aus",
        "iuje",
        "iumi",
        "as",
        "is",
        "ys",
        "us",
        "os",
        "es",
        "ai",
        "ei",
        "ui",
        "am",
        "om",
        "em",
        "im",
        "ia",
        "io",
        "ie",
        "oj",
        "a",
        "e",
        "i",
        "o",
        "u",
        "y",
        "s",
        # common verb endings (present, past, infinitive)
        "ti",
        "ame",
        "ate",
        "ome",
        "ote",
        "iame",
        "iate",
    },
    key=len,
    reverse=True,
)
ENGLISH_ENDINGS = ["ations", "ation", "ings", "ing", "ies", "ied", "ers", "er", "es", "ed", "ly", "s"]

TOKEN_RE = re.compile(r"\w+", re.UNICODE)
MAX_TOKENS = 40


def fold(text):
    """Return lowercase text without diacritics, so typed-without-accents queries still match."""
    decomposed = unicodedata.normalize("NFKD", str(text).lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def tokens(text):
    """Return the folded word tokens of text (digits kept, punctuation dropped)."""
    return TOKEN_RE.findall(fold(text).replace("_", " "))


def stem_lithuanian(token):
    """Return the Lithuanian stem of one folded token, keeping at least MIN_STEM characters."""
    if token.isdigit():
        return token
    for ending in LITHUANIAN_ENDINGS:
        if token.endswith(ending) and len(token) - len(ending) >= MIN_STEM:
            return token[: -len(ending)]
    return token


def stem_english(token):
    """Return a light English stem of one folded token (plurals, -ing, -ed, -ation)."""
    if token.isdigit():
        return token
    for ending in ENGLISH_ENDINGS:
        if token.endswith(ending) and len(token) - len(ending) >= MIN_STEM:
            stem = token[: -len(ending)]
            return stem + "y" if ending in ("ies", "ied") else stem
    return token


STEMMERS = {"lt": stem_lithuanian, "en": stem_english}


@functools.lru_cache(maxsize=65536)
def stem(token, language="lt"):
    """Return the stem of one folded token in the given language (Lithuanian by default; memoised: highlighting stems every word of every snippet)."""
    return STEMMERS.get(language, stem_lithuanian)(token)


def normalise(text, language="lt"):
    """Return the space-separated stems of text, the form stored in search index tables."""
    return " ".join(stem(token, language) for token in tokens(text))


def normalise_all(text, languages=("lt", "en")):
    """Return the stems of text under each language, deduplicated per position, for mixed-language text."""
    out = []
    for token in tokens(text):
        forms = dict.fromkeys(stem(token, language) for language in languages)
        out.extend(forms)
    return " ".join(out)


def query_terms(query, language="lt"):
    """Return the distinct stems of a query (at most MAX_TOKENS), in order."""
    return list(dict.fromkeys(stem(token, language) for token in tokens(query)))[:MAX_TOKENS]


def indexed(text):
    """Wrap normalised text in spaces so a term can be matched at a token boundary with LIKE."""
    return f" {text.strip()} " if text.strip() else ""
