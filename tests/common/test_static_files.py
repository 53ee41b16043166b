"""Static files as production serves them: hashed names, compressed copies, far-future immutable caching."""

import re

import pytest
from django.core.management import call_command
from django.test import Client, override_settings

PRODUCTION_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


@pytest.fixture
def collected(tmp_path, settings):
    """Collect the project's own static files (not Wagtail's thousands) with the production storage."""
    settings.STORAGES = PRODUCTION_STORAGES
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.DEBUG = False
    with override_settings(WHITENOISE_AUTOREFRESH=False, WHITENOISE_USE_FINDERS=False):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield settings.STATIC_ROOT


def test_pages_link_hashed_files_served_compressed_and_immutable(collected, site_tree):
    from django.templatetags.static import static

    url = static("css/site.css")
    assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", url), url
    assert (collected / "css" / f"{url.rsplit('/', 1)[1]}.gz").exists()
    client = Client()  # a new handler: WhiteNoise indexes STATIC_ROOT as it starts
    response = client.get(url, headers={"accept-encoding": "gzip"})
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "max-age=315360000" in response["Cache-Control"] and "immutable" in response["Cache-Control"]
    page = client.get(site_tree["city"].url).content.decode()
    assert url in page  # the page links the hashed name, so a new deploy busts the cache
