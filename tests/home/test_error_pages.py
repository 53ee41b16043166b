"""Error pages use the site's layout, in the visitor's language, and the site has a favicon."""

import pytest
from django.contrib.staticfiles import finders
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import permission_denied, server_error


@pytest.mark.parametrize(
    ("path", "language", "heading"),
    [("/lt/nera-tokio-puslapio/", "lt", "Puslapis nerastas"), ("/en/no-such-page/", "en", "Page not found")],
)
def test_404_is_on_the_site_layout_in_the_visitors_language(client, site_tree, site_catalogue, path, language, heading):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert f"<h1>{heading}</h1>" in html
    assert 'class="site-header"' in html and 'href="/static/favicon.svg"' in html
    assert f'href="/{language}/search/"' in html


def render_in(language, view, *args):
    request = RequestFactory().get(f"/{language}/x/")
    request.LANGUAGE_CODE = language
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    with translation.override(language):
        return view(request, *args)


def test_403_in_lithuanian(db, site_catalogue):
    response = render_in("lt", permission_denied, PermissionDenied())
    html = response.content.decode()
    assert response.status_code == 403
    assert '<html lang="lt">' in html and "<h1>Prieiga uždrausta</h1>" in html
    assert "Neturite teisės" in html


@pytest.mark.parametrize(("language", "heading"), [("lt", "Kažkas nepavyko"), ("en", "Something went wrong")])
def test_500_renders_without_a_request_context_in_the_active_language(db, site_catalogue, language, heading):
    response = render_in(language, server_error)
    html = response.content.decode()
    assert response.status_code == 500
    assert f'<html lang="{language}">' in html and f"<h1>{heading}</h1>" in html
    assert 'href="None"' not in html


def test_a_view_that_crashes_answers_with_the_500_page(client, site_tree, site_catalogue, monkeypatch):
    from home.models import HomePage

    def explode(self, request, *args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(HomePage, "serve", explode)
    client.raise_request_exception = False
    response = client.get("/lt/")
    assert response.status_code == 500
    assert "Kažkas nepavyko" in response.content.decode()


def test_favicon_is_served():
    assert finders.find("favicon.svg")
