"""Erasure: a member's pledges lose the name before the account is deleted (SET_NULL keeps the amount)."""

from django.conf import settings
from django.db.models.signals import pre_delete
from django.dispatch import receiver

from campaigns.services import forget_member


@receiver(pre_delete, sender=settings.AUTH_USER_MODEL)
def forget_pledger(sender, instance, **kwargs):
    forget_member(instance)
