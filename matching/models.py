"""Stored embeddings (with their content hash) and the progress of full index rebuilds."""

import numpy as np
from django.db import models
from django.utils.translation import gettext_lazy as _


class Embedding(models.Model):
    """The vectors of one expert profile or challenge, kept with the hash of the embedded text."""

    class Kind(models.TextChoices):
        EXPERT = "expert", _("Expert profile")
        CHALLENGE = "challenge", _("Challenge")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField(_("object id"))
    content_hash = models.CharField(_("content hash"), max_length=40)
    model_name = models.CharField(_("model"), max_length=255)
    vector = models.BinaryField(_("vector"))
    sentences = models.JSONField(_("evidence sentences"), default=list)
    sentence_vectors = models.BinaryField(_("sentence vectors"), default=bytes)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("embedding")
        verbose_name_plural = _("embeddings")
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="matching_embedding_unique")]
        # Each process's index asks for the rows of a kind changed since its watermark.
        indexes = [models.Index(fields=["kind", "updated_at"], name="matching_embedding_changed")]

    def __str__(self):
        return f"{self.kind} {self.object_id}"

    def doc_vector(self):
        """Return the profile or challenge vector as a float32 array."""
        return np.frombuffer(bytes(self.vector), dtype=np.float32).copy()

    def sentence_matrix(self):
        """Return the evidence sentence vectors as a (sentences × dim) float32 array."""
        flat = np.frombuffer(bytes(self.sentence_vectors), dtype=np.float32)
        if len(self.sentences):
            return flat.reshape(len(self.sentences), -1).copy()
        return flat.reshape(0, len(bytes(self.vector)) // 4)  # the vector's own size, whatever the model


class IndexBuildRun(models.Model):
    """One full rebuild of the match index, with progress admins can watch."""

    class Status(models.TextChoices):
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.RUNNING)
    total = models.PositiveIntegerField(_("items to embed"), default=0)
    done = models.PositiveIntegerField(_("items done"), default=0)
    embedded = models.PositiveIntegerField(_("items re-embedded"), default=0)
    message = models.TextField(_("message"), blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("index build run")
        verbose_name_plural = _("index build runs")

    def __str__(self):
        return f"{self.started_at:%Y-%m-%d %H:%M} {self.status} {self.done}/{self.total}"

    @property
    def percent(self):
        """Return progress as a whole percentage."""
        return int(100 * self.done / self.total) if self.total else (100 if self.status == self.Status.DONE else 0)
