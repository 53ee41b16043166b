"""OpenAPI generation hooks."""


def only_api_v1(endpoints, **kwargs):
    """Keep the public API's endpoints; Wagtail's admin API is not part of it."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
