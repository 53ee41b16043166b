"""Matching's signals, for other apps to listen to (the receivers of matching live in ``matching.receivers``)."""

from django.dispatch import Signal

# Sent after the commit that stored an expert's vectors. kwargs: profile_id (int), vector (numpy array).
expert_embedded = Signal()
# Sent after the commit that removed experts' vectors. kwargs: profile_ids (list of int).
expert_vectors_removed = Signal()
