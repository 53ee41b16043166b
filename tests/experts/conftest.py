"""Fixtures for the experts tests."""

import pytest


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Give each test its own private file root, so leftover files are this test's own."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT
