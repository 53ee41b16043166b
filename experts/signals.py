"""Signals other apps connect to (matching drops vectors, search drops index entries)."""

from django.dispatch import Signal

# Sent by experts.services.erase_expert after the profile rows and files are gone.
# kwargs: profile_id (int), external_id (str or None).
expert_erased = Signal()

# Sent by experts.importing.import_experts inside its transaction, after the profiles were written
# in bulk (bulk_create / bulk_update send no post_save). kwargs: profile_ids (list of int).
experts_imported = Signal()
