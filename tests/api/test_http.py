"""HTTP behaviour: ETag and 304, CORS for anonymous reads only, rate limits per IP and per token, schema, docs."""

import pytest

from tests.api.conftest import client_for

ORIGIN = "https://www.alytus.lt"


def test_etag_and_not_modified(api_world):
    client = client_for()
    first = client.get("/api/v1/challenges/")
    etag = first["ETag"]
    assert first.status_code == 200 and etag
    assert "Authorization" in first["Vary"]
    again = client.get("/api/v1/challenges/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    challenge = api_world["challenges"]["alytus_open"]
    challenge.title = "Pakeistas"
    challenge.save()
    changed = client.get("/api/v1/challenges/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_site_pages_get_no_api_etag(site_tree, client):
    assert not client.get("/lt/").has_header("ETag")


def test_cors_on_anonymous_get(api_world):
    response = client_for().get("/api/v1/challenges/", HTTP_ORIGIN=ORIGIN)
    assert response["Access-Control-Allow-Origin"] == ORIGIN
    assert "Access-Control-Allow-Credentials" not in response
    preflight = client_for().options(
        "/api/v1/challenges/", HTTP_ORIGIN=ORIGIN, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert preflight["Access-Control-Allow-Origin"] == ORIGIN
    assert "authorization" not in preflight["Access-Control-Allow-Headers"].lower()


@pytest.mark.parametrize(
    "method, token, extra",
    [
        ("get", "alytus", {}),  # a token never crosses origins
        ("post", None, {}),
        ("options", None, {"HTTP_ACCESS_CONTROL_REQUEST_METHOD": "POST"}),
        (
            "options",
            None,
            {"HTTP_ACCESS_CONTROL_REQUEST_METHOD": "GET", "HTTP_ACCESS_CONTROL_REQUEST_HEADERS": "authorization"},
        ),
    ],
)
def test_no_cors_for_writes_or_tokens(api_world, method, token, extra):
    client = client_for(api_world["secrets"][token] if token else None)
    response = getattr(client, method)("/api/v1/challenges/", HTTP_ORIGIN=ORIGIN, **extra)
    assert "Access-Control-Allow-Origin" not in response


def test_no_cors_outside_the_api(site_tree, client):
    assert "Access-Control-Allow-Origin" not in client.get("/lt/", HTTP_ORIGIN=ORIGIN)


@pytest.fixture
def tight_rates(settings):
    settings.REST_FRAMEWORK = settings.REST_FRAMEWORK | {
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute", "token": "2/minute"}
    }


def test_anonymous_rate_limit_per_ip(api_world, tight_rates):
    client = client_for()
    codes = [client.get("/api/v1/challenges/", REMOTE_ADDR="203.0.113.5").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    assert client.get("/api/v1/challenges/", REMOTE_ADDR="203.0.113.6").status_code == 200  # another address


def test_token_rate_limit_per_token(api_world, tight_rates):
    alytus = client_for(api_world["secrets"]["alytus"])
    codes = [alytus.get("/api/v1/engagements/").status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    assert "Retry-After" in alytus.get("/api/v1/engagements/")
    assert client_for(api_world["secrets"]["kaunas"]).get("/api/v1/engagements/").status_code == 200


def test_schema_and_docs_are_served(db):
    schema = client_for().get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    body = schema.json()
    assert body["openapi"].startswith("3.") and "v1" in body["info"]["version"]
    assert {"/api/v1/events/", "/api/v1/challenges/{id}/suggestions/", "/api/v1/pages/"} <= set(body["paths"])
    assert not [path for path in body["paths"] if not path.startswith("/api/v1/")]
    docs = client_for().get("/api/v1/docs/")
    assert docs.status_code == 200 and b"swagger-ui" in docs.content and b"cdn." not in docs.content
