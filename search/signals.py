"""Signal receivers: every save or erasure reaches the search index through Celery after commit."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from common import outbox
from experts.signals import expert_erased, experts_imported
from matching.signals import expert_embedded, expert_vectors_removed

from . import tasks


def enqueue(task, *args):
    """Record the task with the change (transactional outbox); it runs after commit, never in the request's way."""
    outbox.enqueue(task, *args)


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, instance, **kwargs):
    """Re-index a page when it is published or unpublished."""
    enqueue(tasks.index_page, instance.pk)


@receiver(post_page_move)
def page_moved(sender, instance, **kwargs):
    """Re-index a moved page and its descendants (their city may have changed)."""
    enqueue(tasks.index_page_tree, instance.pk)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def privacy_changed(sender, instance, **kwargs):
    """Re-index a subtree whose privacy changed (private pages leave the index)."""
    enqueue(tasks.index_page_tree, instance.page_id)


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    """Drop a deleted page from the indices (sent once per model in the page's inheritance chain)."""
    if isinstance(instance, Page) and sender is Page:
        enqueue(tasks.remove_page, instance.pk)


@receiver(post_save, sender="challenges.Challenge")
@receiver(post_delete, sender="challenges.Challenge")
def challenge_changed(sender, instance, **kwargs):
    """Index or drop a challenge (only open and in-progress ones stay searchable)."""
    enqueue(tasks.index_challenge, instance.pk)


@receiver(post_save, sender="experts.ExpertProfile")
def expert_saved(sender, instance, **kwargs):
    """Re-index an expert profile after it was saved."""
    enqueue(tasks.index_expert, instance.pk)


@receiver(post_delete, sender="experts.ExpertProfile")
def expert_deleted(sender, instance, **kwargs):
    """Drop a deleted expert from every index."""
    enqueue(tasks.remove_expert, instance.pk)


@receiver(expert_erased)
def expert_was_erased(sender, profile_id, **kwargs):
    """Drop an erased expert from every index (the database entry is already gone with the profile)."""
    enqueue(tasks.remove_expert, profile_id)


@receiver(expert_embedded, dispatch_uid="search_expert_embedded")
def expert_vector_changed(sender, profile_id, **kwargs):
    """Re-index an expert whose vector changed (sent after matching's commit), so no stale vector stays."""
    enqueue(tasks.index_expert, profile_id)


@receiver(expert_vectors_removed, dispatch_uid="search_expert_vectors_removed")
def expert_vectors_gone(sender, profile_ids, **kwargs):
    """Re-index experts whose vectors were dropped (the profile is removed if it is gone too)."""
    for profile_id in profile_ids:
        enqueue(tasks.index_expert, profile_id)


@receiver(experts_imported, dispatch_uid="search_experts_imported")
def experts_were_imported(sender, profile_ids, **kwargs):
    """Index profiles an import wrote in bulk (no post_save was sent for them)."""
    for profile_id in profile_ids:
        enqueue(tasks.index_expert, profile_id)
