"""Celery tasks keeping the search indices in sync: thin, idempotent wrappers around search.indexing."""

from celery import shared_task

from . import indexing


@shared_task(bind=True, max_retries=3, default_retry_delay=30)
def index_page(self, page_id):
    """Index (or drop) one page after it was published, unpublished or moved."""
    entry = indexing.index_page(page_id)
    return bool(entry)


@shared_task(bind=True, max_retries=3, default_retry_delay=30)
def index_page_tree(self, page_id):
    """Re-index a page and its descendants."""
    return indexing.index_page_tree(page_id)


@shared_task(bind=True, max_retries=3, default_retry_delay=30)
def remove_page(self, page_id):
    """Drop a deleted page from every index."""
    indexing.remove_content("page", page_id)


@shared_task(bind=True, max_retries=3, default_retry_delay=30)
def index_challenge(self, challenge_id):
    """Index (or drop) one challenge after it was saved or deleted."""
    return bool(indexing.index_challenge(challenge_id))


@shared_task(bind=True, max_retries=3, default_retry_delay=30)
def index_expert(self, profile_id):
    """Index one expert profile after it was saved."""
    return bool(indexing.index_expert(profile_id))


@shared_task(bind=True, max_retries=3, default_retry_delay=30)
def remove_expert(self, profile_id):
    """Drop an erased or deleted expert from every index."""
    indexing.remove_expert(profile_id)


@shared_task
def rebuild_index():
    """Rebuild every search index (nightly: refreshes next-occurrence dates of recurring events)."""
    return indexing.rebuild_all()
