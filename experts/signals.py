"""Signals other apps connect to (matching drops vectors, search drops index entries)."""

from django.dispatch import Signal

# Sent by experts.services.erase_expert after the profile rows and files are gone.
# kwargs: profile_id (int), external_id (str or None).
expert_erased = Signal()
