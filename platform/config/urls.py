"""URL configuration: language-prefixed public pages, admin and app routes."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import site_views

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/setlang/", set_language, name="set_language"),
    path("api/", include("api.urls")),  # outside i18n_patterns: one URL per resource, language by Accept-Language
    path("sitemap.xml", site_views.sitemap, name="sitemap"),
    path("robots.txt", site_views.robots_txt, name="robots_txt"),
    path("favicon.ico", site_views.favicon),
    path("", include("home.urls")),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("account/", include("accounts.urls")),
    path("experts/", include("experts.urls")),
    path("challenges/", include("challenges.urls")),
    path("matching/", include("matching.urls")),
    path("search/", include("search.urls")),
    path("ideas/", include("ideas.urls")),
    path("meetings/", include("rotations.urls")),
    path("campaigns/", include("campaigns.urls")),
    path("awards/", include("awards.urls")),
    path("notifications/", include("notifications.urls")),
    path("mentoring/", include("mentoring.urls")),
    path("", include("coordination.urls")),  # coordination/… and surveys/…
    # Wagtail's page serving must stay last: it matches every remaining path.
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
