"""Matching's signals, and its receivers: embed after saves (off the request path), drop vectors on erasure."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver

# Sent after the commit that stored an expert's vectors. kwargs: profile_id (int), vector (numpy array).
expert_embedded = Signal()
# Sent after the commit that removed experts' vectors. kwargs: profile_ids (list of int).
expert_vectors_removed = Signal()

from experts.models import ExpertProfile  # noqa: E402 - the signals above exist before any import cycle
from experts.signals import expert_erased, experts_imported  # noqa: E402
from matching import services  # noqa: E402


@receiver(post_save, sender=ExpertProfile, dispatch_uid="matching_expert_saved")
def expert_saved(sender, instance, raw=False, **kwargs):
    """Queue the embedding of a saved profile."""
    if not raw:
        services.schedule_embedding("expert", instance.pk)


@receiver(post_delete, sender=ExpertProfile, dispatch_uid="matching_expert_deleted")
def expert_deleted(sender, instance, **kwargs):
    """Remove a deleted profile's vectors at once (no queue: erasure must not wait on a worker)."""
    services.remove_expert(instance.pk)


@receiver(expert_erased, dispatch_uid="matching_expert_erased")
def on_expert_erased(sender, profile_id, external_id=None, **kwargs):
    """Remove an erased expert's vectors from every index."""
    services.remove_expert(profile_id)


@receiver(experts_imported, dispatch_uid="matching_experts_imported")
def on_experts_imported(sender, profile_ids, **kwargs):
    """Queue one batched embedding of the imported profiles."""
    services.schedule_bulk_embedding(profile_ids)


def _connect_challenges():
    """Connect the challenge receivers (kept in a function so the import stays lazy and explicit)."""
    from challenges.models import Challenge

    def challenge_saved(sender, instance, raw=False, **kwargs):
        """Queue the embedding of a saved challenge."""
        if not raw:
            services.schedule_embedding("challenge", instance.pk)

    def challenge_deleted(sender, instance, **kwargs):
        """Remove a deleted challenge's vectors."""
        services.remove_challenge(instance.pk)

    post_save.connect(challenge_saved, sender=Challenge, weak=False, dispatch_uid="matching_challenge_saved")
    post_delete.connect(challenge_deleted, sender=Challenge, weak=False, dispatch_uid="matching_challenge_deleted")


_connect_challenges()
