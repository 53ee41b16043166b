"""import_experts on hostile lines: every one is a `line N:` error, never a traceback, and nothing is saved."""

import json

import pytest
from django.core.management import CommandError, call_command

from experts.models import ExpertProfile
from tests.experts.test_import import record

pytestmark = pytest.mark.django_db

HOSTILE = {
    "nul in a name": json.dumps(record(id="h1", name="Jonas\x00Jonaitis")),
    "nul in a list": json.dumps(record(id="h1", help_topics=["a\x00b"])),
    "lone surrogate": json.dumps(record(id="h1", name="Jonas \ud800")),
    "integer 2**31": json.dumps(record(id="h1", hours_per_month=2**31)),
    "integer 10**30": json.dumps(record(id="h1", hours_per_month=10**30)),
    "name over 200": json.dumps(record(id="h1", name="J" * 201)),
    "id over 64": json.dumps(record(id="x" * 65)),
    "nesting 100000 deep": '{"id": "h1", "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
    "NaN": json.dumps(record(id="h1"))[:-1] + ', "notable": NaN}',
    "huge integer text": json.dumps(record(id="h1"))[:-1] + ', "hours_per_month": ' + "9" * 5000 + "}",
}


@pytest.mark.parametrize("line", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_line_is_a_numbered_error_and_nothing_is_saved(tmp_path, capsys, line):
    path = tmp_path / "hostile.jsonl"
    path.write_text(json.dumps(record(id="good")) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_experts", str(path))
    assert "line 2: " in capsys.readouterr().err
    assert not ExpertProfile.objects.exists()


@pytest.mark.parametrize("line", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_line_is_skipped_with_skip_invalid(tmp_path, line):
    path = tmp_path / "hostile.jsonl"
    path.write_text(json.dumps(record(id="good")) + "\n" + line + "\n", encoding="utf-8")
    call_command("import_experts", str(path), skip_invalid=True)
    assert list(ExpertProfile.objects.values_list("external_id", flat=True)) == ["good"]
