"""The import_challenges command: dev file, bad lines, all-or-nothing, idempotent re-import."""

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from challenges.models import Challenge, Municipality
from tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

DEV_FILE = Path("/work/shared/eval/dev/challenges.jsonl")
if not DEV_FILE.exists():  # the eval data can also sit next to the repository
    DEV_FILE = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "challenges.jsonl"

GOOD = {
    "id": "t001",
    "municipality": "Alytus",
    "kind": "workshop",
    "title": "Dirbtuvės",
    "description": "Kūrybinės dirbtuvės jaunimui.",
    "languages_required": ["lt"],
    "hours_needed_per_month": 6,
    "in_person": True,
    "skills_wanted": ["fasilitavimas"],
}


def write(tmp_path, rows, name="challenges.jsonl"):
    path = tmp_path / name
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    return path


def run(path, *args):
    """Run the command and return (stdout, stderr)."""
    import io

    out, err = io.StringIO(), io.StringIO()
    call_command("import_challenges", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.skipif(not DEV_FILE.exists(), reason="shared eval data not present")
def test_dev_file_imports_cleanly_and_reimport_is_idempotent():
    out, err = run(DEV_FILE)
    assert err == ""
    rows = [json.loads(line) for line in DEV_FILE.read_text().splitlines() if line.strip()]
    assert Challenge.objects.count() == len(rows) == 18
    assert set(Challenge.objects.values_list("status", flat=True)) == {"open"}
    c001 = Challenge.objects.get(external_id="c001")
    assert c001.municipality.city_name == "Alytus"
    assert c001.languages_required == ["lt"]
    assert Municipality.objects.count() == len({r["municipality"] for r in rows})
    Challenge.objects.filter(external_id="c001").update(status="in_progress", title="Pakeista")
    run(DEV_FILE)
    assert Challenge.objects.count() == 18
    assert Municipality.objects.count() == len({r["municipality"] for r in rows})
    c001.refresh_from_db()
    assert c001.title == rows[0]["title"]
    assert c001.status == "in_progress"  # a re-import refreshes content, keeps the lifecycle


def test_existing_municipality_is_reused_by_city_or_full_name(tmp_path):
    alytus = MunicipalityFactory(name="Alytaus miesto savivaldybė", city_name="Alytus", slug="alytus")
    kaunas = MunicipalityFactory(name="Kauno miesto savivaldybė", city_name="Kaunas", slug="kaunas")
    run(write(tmp_path, [GOOD, {**GOOD, "id": "t002", "municipality": "Kauno miesto savivaldybė"}]))
    assert Challenge.objects.get(external_id="t001").municipality == alytus
    assert Challenge.objects.get(external_id="t002").municipality == kaunas
    assert Municipality.objects.count() == 2


BAD_LINES = [
    ("{not json", "invalid JSON"),
    ('["a list"]', "not a JSON object"),
    ({**GOOD, "id": "b1", "kind": "hackathon"}, "unknown kind"),
    ({**GOOD, "id": "b2", "languages_required": ["lit"]}, "ISO 639-1"),
    ({**GOOD, "id": "b3", "hours_needed_per_month": "ten"}, "hours_needed_per_month"),
    ({**GOOD, "id": "b4", "in_person": "yes"}, "in_person"),
    ({k: v for k, v in GOOD.items() if k != "title"} | {"id": "b5"}, "missing field 'title'"),
    ({**GOOD, "id": "b6", "municipality": "  "}, "'municipality' is empty"),
    ({**GOOD, "id": "b7", "skills_wanted": "planavimas"}, "skills_wanted"),
    ({**GOOD, "id": "t001"}, "duplicate id"),
]


def test_bad_lines_import_nothing_and_are_all_reported(tmp_path):
    path = write(tmp_path, [GOOD, *[row for row, _ in BAD_LINES]])
    with pytest.raises(CommandError, match="nothing imported"):
        run(path)
    assert Challenge.objects.count() == 0
    assert Municipality.objects.count() == 0


def test_bad_line_report_names_line_and_reason(tmp_path, capsys):
    import io

    path = write(tmp_path, [GOOD, *[row for row, _ in BAD_LINES]])
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_challenges", str(path), stderr=err)
    report = err.getvalue().splitlines()
    assert len(report) == len(BAD_LINES)
    for offset, (line, (_row, reason)) in enumerate(zip(report, BAD_LINES, strict=True)):
        assert line.startswith(f"line {offset + 2}:")
        assert reason in line


def test_skip_invalid_imports_the_good_lines(tmp_path):
    path = write(tmp_path, [GOOD, "{broken", {**GOOD, "id": "t002", "title": "Antra"}])
    out, err = run(path, "--skip-invalid")
    assert "line 2:" in err
    assert set(Challenge.objects.values_list("external_id", flat=True)) == {"t001", "t002"}
    assert "skipped 1" in out


def test_blank_lines_are_ignored(tmp_path):
    path = write(tmp_path, ["", GOOD, "   "])
    run(path)
    assert Challenge.objects.count() == 1


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        run(tmp_path / "nope.jsonl")
