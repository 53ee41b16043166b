"""Cache of anonymous page responses and page fragments, invalidated by one content generation.

Every entry's key holds the current generation; any change to content a page may show bumps it
(see common.pagecache_signals), so no entry written before the change is read again. Design and
limits: docs/performance.md.
"""

import hashlib
import re
import uuid

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import DatabaseError, transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import get_language

GENERATION_KEY = "pagecache:generation"
# The hidden input Django's {% csrf_token %} renders; its value is swapped for each visitor's own token.
CSRF_INPUT = re.compile(r'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]{32,64}(")')
CSRF_SLOT = "\x00csrf\x00"
# Cookies that mean the response may be personal: a session (logged in, passed a page password) or flash messages.
PERSONAL_COOKIES = ("messages",)


def store():
    """Return the cache that holds pages and fragments (settings.PAGE_CACHE_ALIAS)."""
    return caches[settings.PAGE_CACHE_ALIAS]


def _generation_in_database():
    """Tell whether the generation lives in the database: the cache is per process, so it cannot hold it."""
    return isinstance(store(), LocMemCache)


def generation():
    """Return the current content generation (a short string)."""
    if _generation_in_database():
        from .models import PageCacheGeneration

        try:
            return PageCacheGeneration.objects.filter(pk=1).values_list("value", flat=True).first() or "0"
        except DatabaseError:  # before the table's migration has run
            return "0"
    value = store().get(GENERATION_KEY)
    if value is None:
        value = uuid.uuid4().hex[:12]
        if not store().add(GENERATION_KEY, value, None):
            value = store().get(GENERATION_KEY, value)
    return value


def bump():
    """Start a new generation: every cached page and fragment is out of date from now on."""
    value = uuid.uuid4().hex[:12]
    if _generation_in_database():
        from .models import PageCacheGeneration

        try:
            with transaction.atomic():  # a savepoint: a missing table (during migrations) must not break the caller
                PageCacheGeneration.objects.update_or_create(pk=1, defaults={"value": value})
        except DatabaseError:
            pass
    else:
        store().set(GENERATION_KEY, value, None)


def request_generation(request):
    """Return the generation read once for this request (None outside a request)."""
    if request is None:
        return generation()
    if not hasattr(request, "_pagecache_generation"):
        request._pagecache_generation = generation()
    return request._pagecache_generation


def fragment(name, parts, compute, request=None, timeout=None, keep=None):
    """Return compute() for (name, parts), cached for the current generation (unless ``keep(value)`` is false)."""
    digest = hashlib.blake2b(repr(parts).encode(), digest_size=12).hexdigest()
    key = f"frag:{request_generation(request)}:{name}:{digest}"
    value = store().get(key)
    if value is None:
        value = compute()
        if keep is None or keep(value):
            store().set(key, value, timeout or settings.PAGE_CACHE_TIMEOUT)
    return value


def fragment_html(name, parts, render, request):
    """Return render() cached for the current generation, host and language, unless it must not be shared.

    For the public parts of a page only (listings, menus, occurrences): nothing that names the
    visitor. A preview renders a draft, so it is neither read from nor stored in the cache, and an
    output carrying a CSRF token (a form) is never stored, since it belongs to one visitor.
    """
    if request is None or getattr(request, "is_preview", False):
        return render()
    parts = (request.get_host(), get_language(), parts)
    return fragment(name, parts, render, request, keep=lambda html: "csrfmiddlewaretoken" not in html)


# Paths that never serve a public page (the API, the admins, files): not even looked up in the cache.
NOT_PAGES = ("/api/", "/admin/", "/django-admin/", "/documents/", "/static/", "/media/", "/healthz")


def is_anonymous_read(request):
    """Tell whether this request may be answered from, or stored in, the shared page cache."""
    if request.method not in ("GET", "HEAD") or request.path.startswith(NOT_PAGES):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or any(name in request.COOKIES for name in PERSONAL_COOKIES):
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def page_key(request):
    """Return the cache key of this request's page: generation, site, language, path and query string."""
    raw = f"{request.get_host()}|{get_language()}|{request.get_full_path()}"
    digest = hashlib.blake2b(raw.encode(), digest_size=16).hexdigest()
    return f"page:{request_generation(request)}:{digest}"


def mark_cacheable(request):
    """Let the middleware store this request's response (called for public Wagtail pages)."""
    request._pagecache_cacheable = True


def _storable(request, response):
    """Tell whether the response is the same for every anonymous visitor."""
    if not getattr(request, "_pagecache_cacheable", False) or response.status_code != 200:
        return False
    if response.streaming or response.cookies or response.has_header("Set-Cookie"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-cache", "no-store")):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    messages = getattr(request, "_messages", None)
    return not (messages is not None and getattr(messages, "_queued_messages", None))


class AnonymousPageCacheMiddleware:
    """Serve public Wagtail pages to anonymous visitors from the page cache, and fill it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_PAGES or not is_anonymous_read(request):
            return self.get_response(request)
        key = page_key(request)
        entry = store().get(key)
        if entry is not None:
            return self._rebuild(request, entry)
        response = self.get_response(request)
        if request.method == "GET" and _storable(request, response):
            self._save(request, key, response)
        return response

    def _save(self, request, key, response):
        """Store the response with each CSRF token replaced by a slot."""
        content = response.content.decode(response.charset)
        content, tokens = CSRF_INPUT.subn(rf"\1{CSRF_SLOT}\2", content)
        if request.META.get("CSRF_COOKIE_USED") and not tokens:
            return  # a token was rendered somewhere other than a form field: it would reach the wrong visitor
        headers = [(name, value) for name, value in response.items() if name.lower() != "content-length"]
        store().set(key, (content, headers, tokens > 0), settings.PAGE_CACHE_TIMEOUT)

    def _rebuild(self, request, entry):
        """Return a fresh response from a stored entry, with this visitor's CSRF token."""
        content, headers, has_form = entry
        if has_form:
            content = content.replace(CSRF_SLOT, get_token(request))  # sets the CSRF cookie for a new visitor
        response = HttpResponse(content)
        for name, value in headers:
            response[name] = value
        response["X-Page-Cache"] = "hit"
        return response
