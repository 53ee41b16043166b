"""Import expert profiles from JSON lines (schema: shared/eval/README.md), all or nothing.

Imported profiles have no user account. The municipality that supplied the file collected the
experts' consent, so each imported profile is stamped as consented with consent_version
"import:<file name>" and gets visibility "staff" unless the caller chooses otherwise.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.db import DatabaseError, transaction
from django.utils import timezone

from experts.iso import is_country_code, is_language_code
from experts.models import ExpertProfile, Visibility
from experts.signals import experts_imported
from jsonl_records import JSON_TYPE_NAMES, json_type_ok, read_json_lines

REQUIRED = {
    "id": str,
    "name": str,
    "country": str,
    "city_ties": list,
    "languages": list,
    "hours_per_month": int,
    "can_travel_to_lithuania": bool,
    "headline": str,
    "cv": str,
    "help_topics": list,
}
OPTIONAL = {"notable": bool, "competencies": list}


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    skipped: int = 0
    errors: list = field(default_factory=list)  # (line number, reason)

    @property
    def imported(self):
        return self.created + self.updated


class ImportFailed(Exception):
    """Raised when a file has invalid lines and the caller did not allow skipping them."""

    def __init__(self, errors):
        self.errors = errors
        super().__init__(f"{len(errors)} invalid line(s)")


def validate_record(record):
    """Return a list of reasons the record is invalid (empty when it is valid)."""
    if not isinstance(record, dict):
        return ["not a JSON object"]
    problems = []
    for key, expected in {**REQUIRED, **OPTIONAL}.items():
        if key not in record:
            if key in REQUIRED:
                problems.append(f"missing field '{key}'")
            continue
        if not json_type_ok(record[key], expected):
            problems.append(f"'{key}' must be {JSON_TYPE_NAMES[expected]}")
    if problems:
        return problems
    if not record["id"].strip():
        problems.append("'id' is empty")
    if not record["name"].strip():
        problems.append("'name' is empty")
    if len(record["id"]) > 64:
        problems.append("'id' is longer than 64 characters")
    if len(record["name"].strip()) > 200:
        problems.append("'name' is longer than 200 characters")
    if not is_country_code(record["country"]):
        problems.append(f"'country' {record['country']!r} is not an ISO 3166-1 alpha-2 code")
    bad_languages = [code for code in record["languages"] if not is_language_code(code)]
    if bad_languages:
        problems.append(f"'languages' has codes that are not ISO 639-1: {bad_languages}")
    if record["hours_per_month"] < 0:
        problems.append("'hours_per_month' must be 0 or more")
    for key in ("city_ties", "help_topics", "competencies"):
        if key in record and not all(isinstance(item, str) for item in record[key]):
            problems.append(f"'{key}' must be a list of texts")
    return problems


def parse_lines(lines):
    """Yield (line number, record or None, problems) for each non-blank line."""
    return read_json_lines(lines, validate_record)


def _fields(record, source_name):
    """Return the profile field values a record sets."""
    return {
        "name": record["name"].strip(),
        "headline": record["headline"].strip()[:255],
        "cv_text": record["cv"].strip(),
        "country": record["country"],
        "city_ties": record["city_ties"],
        "languages": record["languages"],
        "hours_per_month": record["hours_per_month"],
        "can_travel_to_lithuania": record["can_travel_to_lithuania"],
        "help_topics": record["help_topics"],
        "competencies": record.get("competencies", []),
        "notable": record.get("notable", False),
        "consent_version": f"import:{source_name}"[:200],
    }


def _write(valid, source_name, visibility, now, result):
    """Create or update the profiles of ``valid`` records in bulk; return their ids."""
    existing = {p.external_id: p for p in ExpertProfile.objects.filter(external_id__in=[r["id"] for r in valid])}
    new, changed = [], []
    for record in valid:
        fields = _fields(record, source_name)
        profile = existing.get(record["id"])
        if profile is None:
            new.append(ExpertProfile(external_id=record["id"], visibility=visibility, consent_given_at=now, **fields))
            continue
        for key, value in fields.items():
            setattr(profile, key, value)
        profile.consent_given_at = profile.consent_given_at or now
        profile.updated_at = now
        # Visibility is kept on re-import: an administrator may have changed it since.
        changed.append(profile)
    ExpertProfile.objects.bulk_create(new, batch_size=500)
    if changed:
        names = [*_fields(valid[0], source_name), "consent_given_at", "updated_at"]
        ExpertProfile.objects.bulk_update(changed, names, batch_size=500)
    result.created, result.updated = len(new), len(changed)
    return [p.pk for p in new + changed]


def import_experts(path, skip_invalid=False, visibility=Visibility.STAFF):
    """Validate every line of a JSONL file, then import all of it in one transaction (or nothing)."""
    path = Path(path)
    with path.open(encoding="utf-8") as handle:
        parsed = list(parse_lines(handle))
    result = ImportResult()
    valid = []
    for number, record, problems in parsed:
        if problems:
            result.errors.append((number, "; ".join(problems)))
        else:
            valid.append((number, record))
    if result.errors and not skip_invalid:
        raise ImportFailed(result.errors)
    result.skipped = len(result.errors)
    now = timezone.now()
    with transaction.atomic():
        try:
            profile_ids = _write([record for _number, record in valid], path.name, visibility, now, result)
        except (DatabaseError, ValueError) as exc:
            # Leaving the block rolls back the whole file: all or nothing.
            raise ImportFailed([*result.errors, (0, f"the database refused the file: {exc}")]) from exc
        # Bulk writes send no post_save: one signal lets matching embed in batches and search index.
        experts_imported.send(sender=ExpertProfile, profile_ids=profile_ids)
    return result
