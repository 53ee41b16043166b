"""Site-wide files crawlers and browsers ask for: robots.txt, the sitemap, favicon.ico."""

from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from .sitemap import TranslatedSitemap

# Personal, per-user and admin areas stay out of search engines; public pages are all listed in the sitemap.
DISALLOWED = ["/admin/", "/django-admin/", "/*/account/", "/*/accounts/", "/*/matching/", "/*/search/"]


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    """Serve robots.txt: keep crawlers out of private areas and point them at the sitemap."""
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOWED), ""]
    lines.append(f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def sitemap(request):
    """Serve /sitemap.xml: every public page in every language, with hreflang alternates."""
    return wagtail_sitemap(request, sitemaps={"pages": TranslatedSitemap})


@cache_control(max_age=86400, public=True)
def favicon(request):
    """Redirect the browsers' default /favicon.ico to the SVG icon."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))
