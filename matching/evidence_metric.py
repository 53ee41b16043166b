"""The evidence metric: a linear map of skill and profile vectors learned on ESCO alone.

Whether a CV sentence proves a wanted skill is decided by how close the two are
(``matching.evidence``). In the concept space a sentence about a *neighbouring* skill ("water
treatment" for "water supply", "traffic flow" for "road planning") is nearly as close as one
about the skill itself. ESCO gives, for each of its 13,939 skills, labels and a definition
written by other people in other words: ``W`` (384 × 384, starting at the identity) is trained
so that each definition is nearest its own labels among all others (symmetric InfoNCE, with
a penalty that keeps ``W`` near the identity). No project data and no dev label is seen.

Measured on the dev labels (5-fold CV over challenges; ``matching/README.md``): with the two
features it made useful (``evidence.FEATURES``), precision 0.810 → 0.876 at recall 0.812 →
0.829. It changes only the evidence features; rankings and
stored vectors are untouched, so ``W``'s fingerprint belongs with the evidence model
(``evidence_model.json``), not in ``embedding.vector_space()``.

``W`` is trained once per vector space (~2.5 min on two cores, in ``python -m matching
build-model`` or by a process that holds the encoder), stored next to the model folder,
written to a temporary file and renamed. A web process only reads it; where it is missing
it uses the identity and says so in the log, never the encoder.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from pathlib import Path

import numpy as np

from matching import concepts

logger = logging.getLogger(__name__)

VERSION = 1
DEFINITION_WORDS = 60
EPOCHS = 8
BATCH = 1024
TEMPERATURE = 0.05
LEARNING_RATE = 1e-3
PENALTY = 0.01
SEED = 0
_metrics: dict[str, np.ndarray] = {}
_warned: set[str] = set()


def esco_pairs(path: Path | None = None) -> tuple[list[str], list[str]]:
    """Return (labels, definitions) of every ESCO skill that has a definition.

    The labels are cut as in ``concepts.esco_labels``, the definition to ``DEFINITION_WORDS`` words.
    """
    pairs = [
        (" ".join(labels.split()[: concepts.LABEL_WORDS]), " ".join(definition.split()[:DEFINITION_WORDS]))
        for labels, definition in concepts.esco_entries(path)
    ]
    pairs = [(label, definition) for label, definition in pairs if label and definition]
    return [label for label, _ in pairs], [definition for _, definition in pairs]


def train(label_vectors: np.ndarray, definition_vectors: np.ndarray, epochs: int = EPOCHS) -> np.ndarray:
    """Return ``W`` trained so each definition's mapped vector is nearest its own labels' (and back)."""
    import torch

    torch.manual_seed(SEED)
    labels = torch.from_numpy(np.asarray(label_vectors, np.float32))
    definitions = torch.from_numpy(np.asarray(definition_vectors, np.float32))
    size = labels.shape[1]
    identity = torch.eye(size)
    weights = torch.nn.Parameter(identity.clone())
    optimiser = torch.optim.Adam([weights], lr=LEARNING_RATE)
    generator = torch.Generator().manual_seed(SEED)

    def mapped(x):
        return torch.nn.functional.normalize(x @ weights, dim=1)

    for _ in range(epochs):
        order = torch.randperm(len(labels), generator=generator)
        for start in range(0, len(order), BATCH):
            batch = order[start : start + BATCH]
            logits = mapped(definitions[batch]) @ mapped(labels[batch]).T / TEMPERATURE
            target = torch.arange(len(batch))
            loss = (
                torch.nn.functional.cross_entropy(logits, target) + torch.nn.functional.cross_entropy(logits.T, target)
            ) / 2 + PENALTY * ((weights - identity) ** 2).sum()
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
    return weights.detach().numpy().astype(np.float32)


def metric_path(space: str) -> Path:
    """Return where the metric of the vector space ``space`` is stored."""
    from matching.model_build import default_cache_dir

    digest = hashlib.sha256(space.encode()).hexdigest()[:16]
    return default_cache_dir().parent / f"evidence-metric-v{VERSION}-{digest}.npy"


def ensure(space: str, encode_queries: Callable[[list[str]], np.ndarray]) -> np.ndarray:
    """Return the metric of ``space``, training and storing it first where it is missing.

    ``encode_queries`` encodes texts into ``space`` (``query: ``, normalised): only a process
    that holds the encoder calls this.
    """

    def build() -> np.ndarray:
        labels, definitions = esco_pairs()
        return train(encode_queries(labels), encode_queries(definitions))

    return concepts.stored_or_computed(_metrics, space, metric_path(space), build)


def stored(space: str) -> np.ndarray | None:
    """Return the stored metric of ``space``, or None (logged once) where it was never built."""
    found = _metrics.get(space)
    if found is not None:
        return found
    try:
        found = np.load(metric_path(space))
    except (OSError, ValueError):
        if space not in _warned:
            _warned.add(space)
            logger.warning(
                "No evidence metric for %s at %s: explanations use plain cosines until "
                "`python -m matching build-model` builds it.",
                space,
                metric_path(space),
            )
        return None
    return _metrics.setdefault(space, found)


def fingerprint(metric: np.ndarray | None) -> dict:
    """Return a summary of ``metric`` recorded with the evidence model it was fitted with.

    A trace and a norm rather than a hash: training on another CPU gives the same metric up to
    float rounding, which a hash would not survive.
    """
    if metric is None:
        return {"version": 0, "trace": None, "norm": None}
    return {
        "version": VERSION,
        "trace": round(float(np.trace(metric)), 2),
        "norm": round(float(np.linalg.norm(metric)), 2),
    }


def matches(recorded: dict | None, metric: np.ndarray | None) -> bool:
    """Return whether ``metric`` is the one ``recorded`` describes (within float rounding)."""
    found = fingerprint(metric)
    if not recorded or recorded.get("version") != found["version"]:
        return False
    if metric is None:
        return True
    return all(abs(recorded[k] - found[k]) <= 0.05 for k in ("trace", "norm"))


def apply(vectors: np.ndarray, metric: np.ndarray | None) -> np.ndarray:
    """Return ``vectors`` (rows) mapped by ``metric`` and L2-normalised (unchanged for None)."""
    return vectors if metric is None else concepts.apply(np.asarray(vectors, np.float32), metric)
