"""The engine's vector store, kept in the database and shared by every process."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from harbour.answering.models import PassageVector


class DatabaseVectorStore:
    def get_many(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        for start in range(0, len(keys), 500):
            for row in PassageVector.objects.filter(key__in=keys[start:start + 500]):
                found[row.key] = np.frombuffer(bytes(row.vector), dtype=np.float32)
        return found

    def put_many(self, vectors: dict[str, np.ndarray]) -> None:
        PassageVector.objects.bulk_create(
            [PassageVector(key=k, vector=np.asarray(v, dtype=np.float32).tobytes())
             for k, v in vectors.items()],
            ignore_conflicts=True)
