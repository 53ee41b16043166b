"""Matching's receivers: embed after saves (off the request path), drop vectors on deletion and erasure."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from challenges.models import Challenge
from experts.models import ExpertProfile
from experts.signals import expert_erased, experts_imported
from matching import indexing


@receiver(post_save, sender=ExpertProfile, dispatch_uid="matching_expert_saved")
def expert_saved(sender, instance, raw=False, **kwargs):
    """Queue the embedding of a saved profile."""
    if not raw:
        indexing.schedule_embedding("expert", instance.pk)


@receiver(post_delete, sender=ExpertProfile, dispatch_uid="matching_expert_deleted")
def expert_deleted(sender, instance, **kwargs):
    """Remove a deleted profile's vectors at once (no queue: erasure must not wait on a worker)."""
    indexing.remove_expert(instance.pk)


@receiver(expert_erased, dispatch_uid="matching_expert_erased")
def on_expert_erased(sender, profile_id, external_id=None, **kwargs):
    """Remove an erased expert's vectors from every index."""
    indexing.remove_expert(profile_id)


@receiver(experts_imported, dispatch_uid="matching_experts_imported")
def on_experts_imported(sender, profile_ids, **kwargs):
    """Queue one batched embedding of the imported profiles."""
    indexing.schedule_bulk_embedding(profile_ids)


@receiver(post_save, sender=Challenge, dispatch_uid="matching_challenge_saved")
def challenge_saved(sender, instance, raw=False, **kwargs):
    """Queue the embedding of a saved challenge."""
    if not raw:
        indexing.schedule_embedding("challenge", instance.pk)


@receiver(post_delete, sender=Challenge, dispatch_uid="matching_challenge_deleted")
def challenge_deleted(sender, instance, **kwargs):
    """Remove a deleted challenge's vectors."""
    indexing.remove_challenge(instance.pk)
