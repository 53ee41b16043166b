"""Text helpers shared by ranking and explanations: profile units, language shares, stem keys.

Plain functions over the eval schema's dicts; no vectors, no Django. ``ranking`` uses them to
build what it embeds, ``evidence`` to find and weigh evidence units.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"\w+")
_LT_WORDS = frozenset(
    "ir yra kad su iš į per bei prie ar kaip esu mano metų dirbu nuo kuris kurie galiu buvo "
    "savivaldybės savivaldybėje".split()
)
_EN_WORDS = frozenset("the and of in to a for with is i my at on as an have has was from by".split())
# Marker words and letters of the other languages diaspora CVs come in (German, Norwegian,
# Swedish, Polish, Russian, Ukrainian, French, Spanish): they count as "not Lithuanian", as
# English does, so a Polish CV's ą and ę do not make it look Lithuanian.
_OTHER_WORDS = frozenset(
    "und der die das ich mit für von ist auf den og jeg er det som av til på med och att är för som jag "
    "av på i w z na się jest do że nie oraz le la les et des une pour dans je est el los las y que por "
    "con una del я и в на с что это по как для від що це та як".split()
)
_LT_LETTERS = re.compile("[ąčęėįšųūž]")
_OTHER_LETTERS = re.compile("[łśćńźóäöüßåæøéèêàçñ\u0400-\u04ff]")


@lru_cache(maxsize=20_000)  # every challenge asks again for every unit of the pool
def lithuanian_share(text: str) -> float:
    """Return the share of Lithuanian marker words among marker words of any language (0.5 if none)."""
    lt = other = 0
    for word in _WORD.findall(text.lower()):
        if word in _LT_WORDS or (_LT_LETTERS.search(word) and not _OTHER_LETTERS.search(word)):
            lt += 1
        elif word in _EN_WORDS or word in _OTHER_WORDS or _OTHER_LETTERS.search(word):
            other += 1
    return lt / (lt + other) if lt + other else 0.5


_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")


def split_sentences(text: str) -> list[str]:
    """Split a CV into sentences (keeps fragments of at least three characters)."""
    parts = [p.strip() for p in _SENTENCE_END.split(text or "")]
    return [p for p in parts if len(p) >= 3]


def expert_text(expert: dict) -> str:
    """Return the profile text that is embedded for an expert."""
    topics = "; ".join(expert.get("help_topics") or [])
    return " ".join(p for p in (expert.get("headline", "") + ".", expert.get("cv", ""), topics) if p.strip(" ."))


def expert_sentences(expert: dict) -> list[str]:
    """Return the evidence units of a profile: headline, CV sentences and help topics."""
    units = [expert.get("headline", "")] + split_sentences(expert.get("cv", "")) + list(expert.get("help_topics") or [])
    seen, out = set(), []
    for unit in units:
        unit = (unit or "").strip()
        if unit and unit not in seen:
            seen.add(unit)
            out.append(unit)
    return out


def challenge_text(challenge: dict) -> str:
    """Return the challenge text that is embedded as the query."""
    skills = ", ".join(challenge.get("skills_wanted") or [])
    return " ".join(p for p in (challenge.get("title", "") + ".", challenge.get("description", ""), skills) if p)


def challenge_skills(challenge: dict) -> list[str]:
    """Return the wanted skills, falling back to the title when none are listed."""
    return list(challenge.get("skills_wanted") or []) or [challenge.get("title", "")]


_STOP = frozenset(
    "ir yra kad su iš is i į per bei prie ar kaip ir arba jų the and of in to a for with at on as an from by or "
    "und der die das für mit og i av for med och att för på och w z na do dla и в на с для".split()
)


def fold(text: str) -> str:
    """Return text lower-cased with diacritics removed."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


@lru_cache(maxsize=2)
def _stemmers():
    """Return the Snowball stemmers used for stem keys (Lithuanian and English)."""
    import snowballstemmer

    return snowballstemmer.stemmer("lithuanian"), snowballstemmer.stemmer("english")


@lru_cache(maxsize=100_000)
def stem_keys(text: str) -> frozenset[str]:
    """Return the five-letter stem prefixes of a text's content words (language-neutral keys)."""
    keys = set()
    for word in _WORD.findall(text.lower()):
        if len(word) <= 2 or word in _STOP or word.isdigit():
            continue
        for stemmer in _stemmers():
            stem = fold(stemmer.stemWord(word))
            if len(stem) >= 4:
                keys.add(stem[:5])
    return frozenset(keys)


def lexical_overlap(skill: str, unit: str) -> float:
    """Return the share of the skill's stem keys that occur in the unit."""
    wanted = stem_keys(skill)
    return len(wanted & stem_keys(unit)) / len(wanted) if wanted else 0.0
