"""Property-based run of the live OpenAPI schema: no 5xx, and every documented response conforms to it."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


def _load_schema():
    """Load the schema the app serves (generated from the code; it reads no data)."""
    from config.wsgi import application

    return schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", application)


schema = _load_schema()


@pytest.fixture
def keep_test_connection():
    """Keep the test's database connection open across WSGI calls, as Django's test client does.

    Django's WSGI handler closes old connections when a request ends; on PostgreSQL that would close
    the connection holding the test's transaction.
    """
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def alytus_token(api_world, events, keep_test_connection):
    """Data behind the API (two cities' challenges, experts, events) and an Alytus staff token."""
    return api_world["secrets"]["alytus"]


@schema.parametrize()
@settings(
    max_examples=5,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
    derandomize=True,
)
def test_api_conforms_to_its_schema(case, alytus_token):
    """Call every operation anonymously and with an Alytus staff token."""
    case.call_and_validate(checks=CHECKS)
    case.call_and_validate(checks=CHECKS, headers={"Authorization": f"Bearer {alytus_token}"})
