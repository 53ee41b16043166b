"""Bump the page-cache generation whenever content that pages show changes."""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import pagecache


def content_changed(**kwargs):
    """Invalidate now, and again when the transaction commits (a render in between may have read old rows)."""
    pagecache.bump()
    transaction.on_commit(pagecache.bump)


def model_changed(sender, **kwargs):
    """Invalidate when a row of an app whose content pages show is saved or deleted."""
    if sender._meta.app_label in settings.PAGE_CACHE_APPS and sender._meta.model_name != "pagecachegeneration":
        content_changed()


def connect():
    """Connect the invalidation receivers (called from HomeConfig.ready)."""
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(model_changed, dispatch_uid=f"pagecache-{id(signal)}")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(content_changed, dispatch_uid=f"pagecache-page-{id(signal)}")
