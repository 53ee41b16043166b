"""Template tags for site navigation: the language switcher."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page

from common import pagecache

register = template.Library()


def translation_urls(page, request):
    """Return {language code: url} of the page's live translations, in one query, cached per generation."""

    def compute():
        pages = Page.objects.filter(translation_key=page.translation_key, locale_id__isnull=False).live()
        return {found.locale.language_code: found.get_url(request) for found in pages.select_related("locale")}

    return pagecache.fragment("translations", (page.translation_key,), compute, request=request)


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Link to this page in every other language (its translation, else the home of that language)."""
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    links = []
    # Content may exist in more languages (ru, uk for residents); the interface offers these.
    interface = getattr(settings, "INTERFACE_LANGUAGES", None)
    translations = translation_urls(page, request) if isinstance(page, Page) else {}
    for code, _name in settings.LANGUAGES:
        if interface is not None and code not in interface:
            continue
        # Each language is named in itself, so a visitor can find their own.
        name = get_language_info(code)["name_local"]
        url = translations.get(code)
        if url is None and request is not None:
            url = translate_url(request.get_full_path(), code)
        if url is None:  # error pages rendered without a request: the home page of that language
            url = f"/{code}/"
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return {"links": links}
