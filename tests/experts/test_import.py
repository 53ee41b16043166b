"""The import_experts command: validation with line numbers, all-or-nothing, idempotent re-import."""

import json
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from experts.models import ExpertProfile

pytestmark = pytest.mark.django_db

DEV_FILE = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev" / "experts.jsonl"


@pytest.fixture
def dev_file(tmp_path):
    if not DEV_FILE.exists():
        pytest.skip(f"shared evaluation data not present at {DEV_FILE}")
    target = tmp_path / "experts.jsonl"
    shutil.copy(DEV_FILE, target)
    return target


def record(**overrides):
    data = {
        "id": "x001", "name": "Jonas Jonaitis", "country": "DE", "city_ties": ["Kaunas"], "languages": ["lt", "de"],
        "hours_per_month": 5, "can_travel_to_lithuania": False, "headline": "Urban planner",
        "cv": "Planner in Berlin.", "help_topics": ["mobility plans"], "notable": False,
    }  # fmt: skip
    data.update(overrides)
    return data


def write_lines(path, lines):
    path.write_text("\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n")
    return path


def test_dev_file_imports_cleanly(dev_file, capsys):
    call_command("import_experts", str(dev_file))
    assert ExpertProfile.objects.count() == 67
    first = ExpertProfile.objects.get(external_id="e001")
    assert first.name == "Mindaugas Petrauskas"
    assert first.user is None
    assert first.visibility == "staff"
    assert first.consent_given_at is not None
    assert first.consent_version == "import:experts.jsonl"
    assert first.languages == ["lt", "en", "ru"]
    assert first.cv_text.startswith("Born in Alytus")
    assert "Imported 67 expert(s): 67 created" in capsys.readouterr().out


def test_reimport_updates_without_duplicates(dev_file):
    call_command("import_experts", str(dev_file))
    profile = ExpertProfile.objects.get(external_id="e001")
    profile.headline = "changed locally"
    profile.visibility = "public"
    profile.save()
    call_command("import_experts", str(dev_file))
    assert ExpertProfile.objects.count() == 67
    profile.refresh_from_db()
    assert profile.headline.startswith("Capital programme manager")
    assert profile.visibility == "public"  # an administrator's choice survives re-import


def test_visibility_option(dev_file):
    call_command("import_experts", str(dev_file), visibility="public")
    assert set(ExpertProfile.objects.values_list("visibility", flat=True)) == {"public"}


def test_file_with_bad_lines_imports_nothing_and_lists_line_numbers(tmp_path, capsys):
    path = write_lines(
        tmp_path / "bad.jsonl",
        [
            record(id="a1"),
            "{not json",
            record(id="a3", languages=["lt", "xx"]),
            record(id="a4", country="UK"),
            record(id="a5", hours_per_month=-2),
            {k: v for k, v in record(id="a6").items() if k != "name"},
            record(id="a7", hours_per_month="5"),
            record(id="a1"),
            record(id="a9", can_travel_to_lithuania="yes"),
        ],
    )
    with pytest.raises(CommandError, match="8 invalid line"):
        call_command("import_experts", str(path))
    err = capsys.readouterr().err
    assert ExpertProfile.objects.count() == 0
    assert "line 1:" not in err
    for number, reason in [
        (2, "invalid JSON"),
        (3, "'xx'"),
        (4, "'UK'"),
        (5, "'hours_per_month' must be 0 or more"),
        (6, "missing field 'name'"),
        (7, "'hours_per_month' must be integer"),
        (8, "duplicate id 'a1' (first on line 1)"),
        (9, "'can_travel_to_lithuania' must be true/false"),
    ]:
        assert f"line {number}:" in err
        line = next(text for text in err.splitlines() if text.startswith(f"line {number}:"))
        assert reason in line


def test_skip_invalid_imports_the_good_lines(tmp_path, capsys):
    path = write_lines(
        tmp_path / "mixed.jsonl", [record(id="g1"), "[]", record(id="g3", country="ZZ"), record(id="g4")]
    )
    call_command("import_experts", str(path), skip_invalid=True)
    assert set(ExpertProfile.objects.values_list("external_id", flat=True)) == {"g1", "g4"}
    captured = capsys.readouterr()
    assert "line 2: not a JSON object (skipped)" in captured.err
    assert "line 3:" in captured.err
    assert "2 skipped" in captured.out


def test_blank_lines_are_ignored_and_missing_file_is_a_clear_error(tmp_path):
    path = write_lines(tmp_path / "blank.jsonl", ["", record(id="b1"), "   "])
    call_command("import_experts", str(path))
    assert ExpertProfile.objects.count() == 1
    with pytest.raises(CommandError, match="File not found"):
        call_command("import_experts", str(tmp_path / "nope.jsonl"))


def test_reimport_with_an_error_changes_nothing(tmp_path):
    path = write_lines(tmp_path / "ok.jsonl", [record(id="t1"), record(id="t2")])
    call_command("import_experts", str(path))
    path = write_lines(tmp_path / "ok.jsonl", [record(id="t1", name="Renamed"), record(id="t3", name="x" * 300)])
    with pytest.raises(CommandError):
        call_command("import_experts", str(path))
    assert ExpertProfile.objects.get(external_id="t1").name == "Jonas Jonaitis"
    assert not ExpertProfile.objects.filter(external_id="t3").exists()
