"""Shared fixtures: a real Celery worker, a live server for browser tests, the page tree."""

import os
import shutil

import pytest
from django.conf import settings


def broker_configured():
    """Return True when a real Celery broker is configured (CI with Redis)."""
    return bool(settings.CELERY_BROKER_URL) and not settings.CELERY_TASK_ALWAYS_EAGER


@pytest.fixture(autouse=True)
def fresh_page_cache():
    """Start each test with an empty page cache: rolled-back rows must not live on in cached pages."""
    from django.core.cache.backends.locmem import LocMemCache

    from common import pagecache

    if isinstance(pagecache.store(), LocMemCache):
        pagecache.store().clear()  # this process's pages (the generation row is rolled back with the test)
    else:
        pagecache.bump()


@pytest.fixture
def celery_worker(transactional_db):
    """Run a real Celery worker (solo pool, in a thread) against the configured broker."""
    if not broker_configured():
        pytest.skip("No Celery broker configured (embedded default runs tasks eagerly); CI sets CELERY_BROKER_URL.")
    from celery.contrib.testing.worker import start_worker

    from config.celery import app

    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30) as worker:
        yield worker


@pytest.fixture
def background_worker(request, transactional_db):
    """Start a real Celery worker when a broker is configured; without one the embedding thread works."""
    if broker_configured():
        return request.getfixturevalue("celery_worker")
    return None


CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]


@pytest.fixture(scope="session")
def browser():
    """Launch Debian's Chromium through Playwright (never a downloaded browser)."""
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.skip(f"Chromium not installed at {CHROMIUM} (apt-get install chromium)")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """Give a fresh browser page (own cookies) per test."""
    context = browser.new_context(locale="lt-LT")
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture
def site_tree(db):
    """Build a minimal two-language site: home (lt, en) with one city hub, Alytus.

    Returns a dict with `home`, `home_en`, `city`, `city_en`. Use it to hang pages for tests.
    """
    from wagtail.models import Locale, Page, Site

    from home.models import CityPage, HomePage

    lt, _ = Locale.objects.get_or_create(language_code="lt")
    en, _ = Locale.objects.get_or_create(language_code="en")
    from home.demo import tree_root

    root = tree_root(lt)
    home = root.add_child(instance=HomePage(title="Miestai ir diaspora", slug="miestai", locale=lt))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home, "site_name": "Miestai"}
    )
    for page in Page.objects.filter(depth=2).exclude(pk=home.pk):
        page.delete()
    city = home.add_child(
        instance=CityPage(title="Alytus", slug="alytus", municipality_name="Alytaus miesto savivaldybė", locale=lt)
    )
    home_en = home.copy_for_translation(en)
    home_en.save_revision().publish()
    city_en = city.copy_for_translation(en)
    city_en.title = "Alytus"
    city_en.save_revision().publish()
    return {"home": home, "home_en": home_en.specific, "city": city, "city_en": city_en.specific}


@pytest.fixture(scope="module")
def demo_module(django_db_setup, django_db_blocker):
    """Load the demo content once per test module, inside a transaction rolled back at the end.

    Each test still runs in its own savepoint (request `db` too), so tests cannot see each
    other's changes; loading the demo once per module keeps the suite fast.
    """
    from django.db import transaction

    from home.demo import load_demo

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield load_demo()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def demo_site(demo_module, db):
    """Give the demo content (three cities, groups, workflow, users) to one test."""
    return demo_module


@pytest.fixture
def transactional_demo_site(transactional_db):
    """Load the demo content in a committed transaction (for threads and workers)."""
    from home.demo import load_demo

    return load_demo()


@pytest.fixture
def no_auto_embed(settings):
    """Keep saves from scheduling embeddings (tests that write vectors themselves or need none)."""
    settings.MATCHING_AUTO_EMBED = False
