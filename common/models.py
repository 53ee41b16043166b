"""Shared models: timestamps mixin and the transactional outbox."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    """Abstract mixin stamping when a row was created and last saved."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class OutboxQuerySet(models.QuerySet):
    """Filters over outbox rows."""

    def pending(self):
        """Return rows not yet handed to the broker."""
        return self.filter(sent_at__isnull=True)

    def due(self, now=None):
        """Return pending rows whose next attempt is due and that no drainer holds."""
        now = now or timezone.now()
        return (
            self.pending()
            .filter(available_at__lte=now)
            .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        )


class OutboxMessage(models.Model):
    """A task to run after a commit, written in the same transaction as the business change."""

    task = models.CharField(max_length=200)
    args = models.JSONField(default=list, blank=True)
    kwargs = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    available_at = models.DateTimeField(default=timezone.now, db_index=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)

    objects = OutboxQuerySet.as_manager()

    class Meta:
        ordering = ["available_at", "pk"]
        indexes = [models.Index(fields=["sent_at", "available_at"], name="common_outbox_due")]

    def __str__(self):
        return f"{self.task}{tuple(self.args)}"


class PageCacheGeneration(models.Model):
    """The page cache's content generation where the cache is per process (one row, pk 1).

    Without a shared cache every process keeps its own pages in memory; the generation they key
    them by must still be one, so a publish seen by one process invalidates all of them.
    """

    value = models.CharField(max_length=32)

    class Meta:
        verbose_name = _("page cache generation")

    def __str__(self):
        return self.value
