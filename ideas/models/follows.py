"""Following a winning idea's implementation and the editors' status updates on it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .ideas import Idea


class Follow(models.Model):
    """A member following an idea's implementation."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["idea", "user"], name="ideas_follow_once")]

    def __str__(self):
        return f"{self.user} → {self.idea}"


class StatusUpdate(models.Model):
    """An implementation status update posted by an editor on a winning idea."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField(verbose_name=_("Update"))
    created_at = models.DateTimeField(auto_now_add=True)
    notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.text[:50]
