"""Property-based fuzzing (hypothesis): bounded settings for CI and a count of the cases tried.

Profiles: "ci" (default, FUZZ_EXAMPLES examples per test, 30 unless set) and "deep" (500). Choose one
with HYPOTHESIS_PROFILE. The terminal summary prints the cases tried and the server errors seen; with
FUZZ_REPORT=path it also writes them there as JSON.
"""

import json
import os
from collections import Counter

import pytest
from django.test import Client
from hypothesis import HealthCheck, settings

SUPPRESSED = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile(
    "ci",
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "30")),
    deadline=None,
    suppress_health_check=SUPPRESSED,
    derandomize=False,
    print_blob=True,
)
settings.register_profile("deep", max_examples=500, deadline=None, suppress_health_check=SUPPRESSED)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

CASES = Counter()  # surface -> cases tried
SERVER_ERRORS = Counter()  # surface -> 5xx answers or tracebacks seen


def tried(surface):
    """Count one generated case against a surface (a form, a parameter, an import format)."""
    CASES[surface] += 1


def assert_no_server_error(surface, response):
    """Fail (and count) a 5xx answer or a traceback in the body."""
    body = response.content.decode("utf-8", "replace") if not response.streaming else ""
    if response.status_code >= 500 or "Traceback (most recent call last)" in body:
        SERVER_ERRORS[surface] += 1
        pytest.fail(f"{surface}: {response.status_code} {body[:300]!r}")


@pytest.fixture
def fuzz_client():
    """A test client that answers a crash with the 500 page (as production would) instead of raising."""
    return Client(raise_request_exception=False)


def pytest_terminal_summary(terminalreporter):
    if not CASES:
        return
    total = sum(CASES.values())
    errors = sum(SERVER_ERRORS.values())
    terminalreporter.section("fuzz")
    for surface, count in sorted(CASES.items()):
        terminalreporter.write_line(f"{surface:28} {count:6} cases  {SERVER_ERRORS[surface]} server errors")
    terminalreporter.write_line(f"{'total':28} {total:6} cases  {errors} server errors")
    if os.environ.get("FUZZ_REPORT"):
        with open(os.environ["FUZZ_REPORT"], "w", encoding="utf-8") as handle:
            json.dump({"cases": dict(CASES), "server_errors": dict(SERVER_ERRORS), "total": total}, handle, indent=2)
