"""Expert profiles and challenges as records in the engine's schema (the eval set's JSON shape)."""

from __future__ import annotations

from types import SimpleNamespace


def expert_record(profile) -> dict:
    """Return an expert profile as a dict in the eval schema (plus visibility and consent)."""
    return {
        "id": str(profile.pk),
        "name": profile.name,
        "country": profile.country,
        "city_ties": list(profile.city_ties or []),
        "languages": list(profile.languages or []),
        "hours_per_month": profile.hours_per_month or 0,
        "can_travel_to_lithuania": profile.can_travel_to_lithuania,
        "headline": profile.headline or "",
        "cv": profile.cv_text or "",
        "help_topics": list(profile.competencies or []) + list(profile.help_topics or []),
        "notable": profile.notable,
        "visibility": profile.visibility,
        "consent": profile.consent_given_at is not None,
    }


def challenge_record(challenge) -> dict:
    """Return a challenge as a dict in the eval schema."""
    return {
        "id": str(challenge.pk),
        "municipality": str(challenge.municipality) if challenge.municipality_id else "",
        "kind": challenge.kind,
        "title": challenge.title,
        "description": challenge.description or "",
        "languages_required": list(challenge.languages_required or []),
        "hours_needed_per_month": challenge.hours_needed_per_month or 0,
        "in_person": challenge.in_person,
        "skills_wanted": list(challenge.skills_wanted or []),
    }


RECORD_FIELDS = (
    "id", "name", "country", "city_ties", "languages", "hours_per_month", "can_travel_to_lithuania", "headline",
    "cv_text", "competencies", "help_topics", "notable", "visibility", "consent_given_at",
)  # fmt: skip


def expert_records(profiles, ids) -> dict[str, dict]:
    """Return {id: record} for the profiles among ``ids``, read as plain values (no model instances)."""
    found = profiles.filter(pk__in=list(ids)).values(*RECORD_FIELDS)
    return {str(v["id"]): expert_record(SimpleNamespace(pk=v["id"], **v)) for v in found}
