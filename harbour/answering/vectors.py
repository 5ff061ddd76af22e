"""The engine's vector store: in the database, shared by every process, seeded from the vectors
shipped with the starter content so a new installation does not embed it all again."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np

from harbour.answering.models import PassageVector

SHIPPED_DIR = Path(__file__).with_name("vector_cache")


def shipped_file(model_name: str) -> Path:
    return SHIPPED_DIR / f"{model_name}.npz"


@cache
def shipped_vectors(model_name: str) -> dict[str, np.ndarray]:
    """Vectors shipped in the repository for the starter content, keyed like the store."""
    path = shipped_file(model_name)
    if not path.exists():
        return {}
    with np.load(path) as data:
        return {str(k): v.astype(np.float32) for k, v in zip(data["keys"], data["vectors"],
                                                           strict=True)}


def shipped_write(model_name: str, vectors: dict[str, np.ndarray]) -> Path:
    path = shipped_file(model_name)
    path.parent.mkdir(parents=True, exist_ok=True)
    keys = sorted(vectors)
    np.savez_compressed(path, keys=np.array(keys),
                        vectors=np.vstack([vectors[k] for k in keys]).astype(np.float16))
    shipped_vectors.cache_clear()
    return path


class DatabaseVectorStore:
    def __init__(self, model_name: str | None = None):
        self.model_name = model_name

    def get_many(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        for start in range(0, len(keys), 500):
            for row in PassageVector.objects.filter(key__in=keys[start:start + 500]):
                found[row.key] = np.frombuffer(bytes(row.vector), dtype=np.float32)
        if self.model_name and len(found) < len(keys):
            shipped = shipped_vectors(self.model_name)
            seeded = {k: shipped[k] for k in keys if k not in found and k in shipped}
            if seeded:
                self.put_many(seeded)
                found.update(seeded)
        return found

    def put_many(self, vectors: dict[str, np.ndarray]) -> None:
        PassageVector.objects.bulk_create(
            [PassageVector(key=k, vector=np.asarray(v, dtype=np.float32).tobytes())
             for k, v in vectors.items()],
            ignore_conflicts=True)
