"""The compose file declares every service the platform runs, each with a health check."""

from pathlib import Path

import yaml

COMPOSE = Path(__file__).resolve().parents[2] / "docker" / "compose.yaml"


def test_compose_has_all_services_with_health_checks():
    services = yaml.safe_load(COMPOSE.read_text())["services"]
    assert set(services) == {"web", "worker", "beat", "postgres", "redis", "elasticsearch"}
    for name, service in services.items():
        assert "healthcheck" in service, f"{name} has no health check"


def test_app_services_get_their_configuration_from_the_environment():
    compose = yaml.safe_load(COMPOSE.read_text())
    environment = compose["services"]["web"]["environment"]
    for variable in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "CELERY_BROKER_URL", "ELASTICSEARCH_URL"):
        assert variable in environment
