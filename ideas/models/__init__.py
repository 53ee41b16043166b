"""Ideas platform models, one module per seam; re-exported so `ideas.models.X` (and migrations) keep working."""

from .ballots import Ballot, VotingCode
from .calls import CallSettings, Phase
from .follows import Follow, StatusUpdate
from .ideas import Idea, IdeaAttachment, IdeaFlag, IdeaImage, IdeaQuerySet, image_upload_path, private_storage

__all__ = [
    "Ballot",
    "CallSettings",
    "Follow",
    "Idea",
    "IdeaAttachment",
    "IdeaFlag",
    "IdeaImage",
    "IdeaQuerySet",
    "Phase",
    "StatusUpdate",
    "VotingCode",
    "image_upload_path",
    "private_storage",
]
