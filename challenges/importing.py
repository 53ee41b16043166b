"""Import challenges from JSON Lines (schema: shared eval README), all or nothing, matched on external_id."""

import datetime
from dataclasses import dataclass, field

from django.db import DatabaseError, transaction

from challenges.models import Challenge, Municipality, unique_slug
from experts.iso import is_language_code
from jsonl_records import JSON_TYPE_NAMES, json_type_ok, read_json_lines

IMPORT_REQUIRED = {
    "id": str,
    "municipality": str,
    "kind": str,
    "title": str,
    "description": str,
    "languages_required": list,
    "hours_needed_per_month": int,
    "in_person": bool,
}
IMPORT_OPTIONAL_DATES = ("deadline", "shadowing_start", "shadowing_end")


@dataclass
class ImportReport:
    """What an import did, or why it refused to."""

    created: int = 0
    updated: int = 0
    municipalities_created: int = 0
    errors: list = field(default_factory=list)  # (line number, reason)
    skipped: int = 0
    rolled_back: bool = False  # the database refused a line, so nothing was saved

    @property
    def ok(self):
        return not self.errors


def validate_challenge_record(record):
    """Return the record's problems as a list of texts (empty when it can be imported)."""
    if not isinstance(record, dict):
        return ["not a JSON object"]
    problems = []
    for key, kind in IMPORT_REQUIRED.items():
        if key not in record:
            problems.append(f"missing field '{key}'")
            continue
        value = record[key]
        if not json_type_ok(value, kind):
            expected = "an integer" if kind is int else JSON_TYPE_NAMES[kind]
            problems.append(f"'{key}' must be {expected}")
        elif kind is str and not value.strip():
            problems.append(f"'{key}' is empty")
    if problems:
        return problems
    if record["kind"] not in Challenge.Kind.values:
        problems.append(f"unknown kind '{record['kind']}' (expected one of {', '.join(Challenge.Kind.values)})")
    if len(record["title"]) > 255:
        problems.append("'title' is longer than 255 characters")
    if len(record["id"]) > 64:
        problems.append("'id' is longer than 64 characters")
    if len(record["municipality"].strip()) > 120:
        problems.append("'municipality' is longer than 120 characters")
    department = record.get("department")
    if department is not None and not isinstance(department, str):
        problems.append("'department' must be text")
    elif department is not None and len(department) > 200:
        problems.append("'department' is longer than 200 characters")
    if record["hours_needed_per_month"] < 0:
        problems.append("'hours_needed_per_month' must not be negative")
    bad = [str(code) for code in record["languages_required"] if not is_language_code(code)]
    if bad:
        problems.append(f"not ISO 639-1 language codes: {', '.join(bad)}")
    skills = record.get("skills_wanted", [])
    if not isinstance(skills, list) or not all(isinstance(s, str) for s in skills):
        problems.append("'skills_wanted' must be a list of texts")
    for key in IMPORT_OPTIONAL_DATES:
        if record.get(key) is not None:
            try:
                datetime.date.fromisoformat(record[key])
            except (TypeError, ValueError):
                problems.append(f"'{key}' must be a date (YYYY-MM-DD)")
    start, end = record.get("shadowing_start"), record.get("shadowing_end")
    if not problems and start and end and start > end:
        problems.append("'shadowing_end' is before 'shadowing_start'")
    places = record.get("places")
    if places is not None and (isinstance(places, bool) or not isinstance(places, int) or places < 1):
        problems.append("'places' must be a positive integer")
    return problems


def parse_challenge_lines(lines):
    """Parse JSON Lines; return (records with their line numbers, errors as (line number, reason))."""
    records, errors = [], []
    for number, record, problems in read_json_lines(lines, validate_challenge_record):
        if problems:
            errors.append((number, "; ".join(problems)))
        else:
            records.append((number, record))
    return records, errors


def municipality_for(name, report=None):
    """Return the municipality called `name` (city or full name), creating it when it does not exist."""
    name = name.strip()
    existing = Municipality.objects.matching_name(name).order_by("pk").first()
    if existing:
        return existing
    from home.models import CityPage

    city_page = CityPage.objects.filter(title__iexact=name).order_by("pk").first()
    municipality = Municipality.objects.create(
        name=name, city_name=name, slug=unique_slug(Municipality, name), city_page=city_page
    )
    if report is not None:
        report.municipalities_created += 1
    return municipality


def import_challenges(lines, skip_invalid=False):
    """Import challenges from JSON Lines, all or nothing; refuse a file with errors unless told to skip them."""
    records, errors = parse_challenge_lines(lines)
    report = ImportReport(errors=errors)
    if errors and not skip_invalid:
        return report
    report.skipped = len(errors)
    try:
        _save_challenges(records, report)
    except ImportLineRefused as exc:
        # The transaction rolled back: nothing from this file is saved.
        report.created = report.updated = report.municipalities_created = report.skipped = 0
        report.errors = [*errors, (exc.number, exc.reason)]
        report.rolled_back = True
    return report


class ImportLineRefused(Exception):
    """Raised inside an import transaction when the database refuses one line's values."""

    def __init__(self, number, reason):
        self.number, self.reason = number, reason
        super().__init__(f"line {number}: {reason}")


def _save_challenges(records, report):
    """Create or update every record in one transaction; a line the database refuses rolls it all back."""
    with transaction.atomic():
        for number, record in records:
            try:
                _save_challenge(record, report)
            except (DatabaseError, ValueError) as exc:
                raise ImportLineRefused(number, f"the database refused it: {exc}") from exc


def _save_challenge(record, report):
    """Create or update one validated challenge record."""
    municipality = municipality_for(record["municipality"], report)
    values = {
        "municipality": municipality,
        "kind": record["kind"],
        "title": record["title"].strip(),
        "description": record["description"].strip(),
        "languages_required": record["languages_required"],
        "hours_needed_per_month": record["hours_needed_per_month"],
        "in_person": record["in_person"],
        "skills_wanted": record.get("skills_wanted", []),
    }
    for key in ("department", "places", *IMPORT_OPTIONAL_DATES):
        if key in record:
            values[key] = record[key] if record[key] is not None else (None if key != "department" else "")
    challenge = Challenge.objects.filter(external_id=record["id"]).first()
    if challenge is None:
        Challenge.objects.create(external_id=record["id"], status=Challenge.Status.OPEN, **values)
        report.created += 1
    else:
        # A re-import refreshes the content but keeps the lifecycle the municipality has moved it along.
        for key, value in values.items():
            setattr(challenge, key, value)
        challenge.save()
        report.updated += 1
