"""Template tags for what search engines and social sites read: description, canonical, alternates."""

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext
from wagtail.models import Page

from .navigation_tags import translation_urls

register = template.Library()

DESCRIPTION_LENGTH = 160


def page_description(page):
    """Return the page's search description, else its introduction as plain text, shortened."""
    text = getattr(page, "search_description", "") or ""
    if not text:
        text = strip_tags(str(getattr(page, "intro", "") or "")).strip()
    return Truncator(" ".join(text.split())).chars(DESCRIPTION_LENGTH)


def page_image(page, city=None):
    """Return the page's lead image, else its city's, else None."""
    image = getattr(page, "lead_image", None)
    if image is None and city is not None:
        image = city.lead_image
    return image


def translations(page, request):
    """Return [(language, absolute url)] for every live translation of the page, itself included."""
    urls = translation_urls(page, request)
    return sorted((code, request.build_absolute_uri(url)) for code, url in urls.items() if url)


@register.inclusion_tag("includes/seo.html", takes_context=True)
def seo_meta(context):
    """Render meta description, canonical, hreflang alternates, Open Graph and Twitter-card tags."""
    request = context.get("request")
    page = context.get("page")
    language = get_language() or settings.LANGUAGE_CODE
    site_name = gettext("Cities and diaspora")
    data = {
        "site_name": site_name,
        "language": language,
        "title": site_name,
        "description": gettext("A platform for Lithuanian cities, their diaspora, returnees and newcomers."),
        "canonical": None,
        "alternates": [],
        "image": None,
        "type": "website",
    }
    if request is None:
        return data
    data["canonical"] = request.build_absolute_uri(request.path)
    if isinstance(page, Page):
        page = page.specific
        if page.depth > 2:
            data["title"] = page.seo_title or page.title
        data["description"] = page_description(page) or data["description"]
        url = page.get_url(request)
        if url:
            data["canonical"] = request.build_absolute_uri(url)
        data["alternates"] = translations(page, request)
        default = dict(data["alternates"]).get(settings.LANGUAGE_CODE)
        if default and len(data["alternates"]) > 1:
            data["x_default"] = default
        if page._meta.model_name in {"storypage", "eventpage"}:
            data["type"] = "article"
        from home.feeds import feed_links
        from home.models import CityPage

        city = page if isinstance(page, CityPage) else getattr(page, "city", None)
        if city is not None:
            data["feeds"] = feed_links(city, request)
        image = page_image(page, city)
        if image is not None:
            rendition = image.get_rendition("fill-1200x630")
            data["image"] = request.build_absolute_uri(rendition.url)
            data["image_alt"] = image.title
    if data["image"] is None:
        data["image"] = request.build_absolute_uri(static("img/share.png"))
        data["image_alt"] = site_name
    return data
