"""import_challenges on hostile lines: every one is a `line N:` error, never a traceback, and nothing is saved."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from challenges.models import Challenge, Municipality
from tests.challenges.test_import import GOOD, run, write

pytestmark = pytest.mark.django_db


def good(**overrides):
    return {**GOOD, **overrides}


HOSTILE = {
    "nul in a title": good(id="h1", title="Dirb\x00tuvės"),
    "nul in the municipality": good(id="h1", municipality="Aly\x00tus"),
    "lone surrogate": json.dumps(good(id="h1", title="Dirbtuv\udc00s")),
    "integer 2**31": good(id="h1", hours_needed_per_month=2**31),
    "places 10**30": good(id="h1", places=10**30),
    "municipality over 120": good(id="h1", municipality="M" * 121),
    "department not text": good(id="h1", department=["a", "b"]),
    "department a dict": good(id="h1", department={"x": 1}),
    "department over 200": good(id="h1", department="d" * 201),
    "nesting 100000 deep": '{"id": "h1", "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
    "Infinity": json.dumps(good(id="h1"))[:-1] + ', "places": Infinity}',
}


@pytest.mark.parametrize("line", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_line_is_a_numbered_error_and_nothing_is_saved(tmp_path, line):
    path = write(tmp_path, [GOOD, line])
    with pytest.raises(CommandError, match="nothing imported"):
        run(path)
    assert not Challenge.objects.exists()
    assert not Municipality.objects.exists()


def test_error_names_the_line(tmp_path):
    path = write(tmp_path, [GOOD, good(id="h1", department=7), HOSTILE["nesting 100000 deep"]])
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_challenges", str(path), stderr=err)
    err = err.getvalue()
    assert "line 2: 'department' must be text" in err
    assert "line 3: nested deeper than" in err
