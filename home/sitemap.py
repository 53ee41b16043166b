"""The sitemap: every live public page in both languages, each with its hreflang alternates."""

from django.conf import settings
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class TranslatedSitemap(Sitemap):
    """Wagtail's sitemap over every translation of the site's root, linking translations to each other."""

    def items(self):
        """Return the live public pages under the site root and under each of its translations."""
        root = self.get_wagtail_site().root_page
        roots = Page.objects.filter(translation_key=root.translation_key)
        pages = Page.objects.none()
        for translated_root in roots:
            pages |= Page.objects.descendant_of(translated_root, inclusive=True)
        return pages.live().public().order_by("path").defer_streamfields().select_related("locale")

    def absolute(self, page):
        """Return the page's address on the host the request came to (the Site record may say localhost)."""
        url = page.get_url(self.request)
        if url and self.request is not None:
            return self.request.build_absolute_uri(url)
        return page.get_full_url(self.request)

    def location(self, obj):
        return self.absolute(obj)

    def _urls(self, page, protocol, domain):
        """Return Django's sitemap entries with `alternates` (hreflang) for pages that have translations."""
        objects = list(self.paginator.page(page).object_list)
        keys = {obj.translation_key for obj in objects}
        translations = {}
        for other in Page.objects.filter(translation_key__in=keys).live().public().select_related("locale"):
            translations.setdefault(other.translation_key, []).append(other)
        urls = []
        for obj in objects:
            entry = {
                "item": obj,
                "location": self.absolute(obj),
                "lastmod": self.lastmod(obj),
                "changefreq": None,
                "priority": None,
            }
            versions = sorted(translations.get(obj.translation_key, []), key=lambda p: p.locale.language_code)
            if len(versions) > 1:
                entry["alternates"] = [
                    {"lang_code": version.locale.language_code, "location": self.absolute(version)}
                    for version in versions
                ]
                default = next((v for v in versions if v.locale.language_code == settings.LANGUAGE_CODE), None)
                if default is not None:
                    entry["alternates"].append({"lang_code": "x-default", "location": self.absolute(default)})
            urls.append(entry)
        lastmods = [entry["lastmod"] for entry in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls
