"""A stand-in for the embedding model in engine tests: each text's vector is placed by the test."""

from __future__ import annotations

import numpy as np


class MapEmbedder:
    name = "map-test-embedder"

    def __init__(self, vectors: dict[str, np.ndarray], dims: int):
        self.vectors = vectors
        self.dims = dims

    def embed_queries(self, texts):
        # Anything not placed on purpose (the danger rules' own examples) lies off to one side.
        off = np.eye(self.dims)[self.dims - 1].astype(np.float32)
        return np.vstack([self.vectors.get(t, off) for t in texts])
