"""Semantic retrieval: cosine similarity between a message and each passage's questions.

A passage is represented by its question and each of people's phrasings of it, embedded as
queries, so a message is compared with questions like it; a passage scores its best match.
Embedding whole answers too was measured and added nothing (docs/benchmarks.md), at several
times the cost.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

from harbour.answering.engine.embedding import Embedder, text_key
from harbour.answering.engine.passages import Passage


class VectorStore(Protocol):
    """Where vectors are kept between processes, keyed by text_key()."""

    def get_many(self, keys: Sequence[str]) -> dict[str, np.ndarray]: ...

    def put_many(self, vectors: dict[str, np.ndarray]) -> None: ...


class MemoryVectorStore:
    def __init__(self) -> None:
        self.vectors: dict[str, np.ndarray] = {}

    def get_many(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        return {k: self.vectors[k] for k in keys if k in self.vectors}

    def put_many(self, vectors: dict[str, np.ndarray]) -> None:
        self.vectors.update(vectors)


def question_texts(passage: Passage) -> list[str]:
    return [passage.question, *passage.also_asked]


def embed_cached(embedder: Embedder, store: VectorStore, kind: str,
                 texts: Sequence[str]) -> np.ndarray:
    """Vectors for texts, from the store where it has them, embedding (and storing) the rest.
    `kind` is part of the key, so a future passage form cannot be confused with a query."""
    keys = [text_key(embedder.name, kind, t) for t in texts]
    found = store.get_many(keys)
    missing = [(k, t) for k, t in zip(keys, texts, strict=True) if k not in found]
    if missing:
        fresh = embedder.embed_queries([t for _k, t in missing])
        new = {k: fresh[i] for i, (k, _t) in enumerate(missing)}
        store.put_many(new)
        found.update(new)
    if not keys:
        return np.zeros((0, 1), dtype=np.float32)
    return np.vstack([np.asarray(found[k], dtype=np.float32) for k in keys])


# The model reads a long message's first and last 20 words. 24 in all until the seventh session,
# when the model cost three to six times as much a word; 40 raised not-danger top-1 on the
# measured sets (340 lines: 271 -> 292) and questions' (568: 539 -> 546) and missed no danger
# message more, where 48 and 64 missed one and three more (docs/benchmarks.md, "The model reads 40
# words of a long message"). The danger rules' "middle of a long message" follows this window.
MESSAGE_WORDS = 40


def shorten(message: str, limit: int = MESSAGE_WORDS) -> str:
    """A long message's opening and closing words: where people put the situation and the
    question. Embedding time grows with length; the keyword side still reads every word."""
    words = message.split()
    if len(words) <= limit:
        return message
    half = limit // 2
    return " ".join(words[:half] + words[-(limit - half):])


class SemanticIndex:
    def __init__(self, passages: Sequence[Passage], embedder: Embedder, store: VectorStore):
        self.embedder = embedder
        owners: list[int] = []
        texts: list[str] = []
        for i, passage in enumerate(passages):
            for text in question_texts(passage):
                owners.append(i)
                texts.append(text)
        self.question_vectors = embed_cached(embedder, store, "query", texts)
        self.question_owner = np.asarray(owners, dtype=np.int64)
        self.size = len(passages)
        # Each passage's questions are consecutive rows: where each passage's rows start, for
        # taking the best of them with one reduceat (None if some passage had no question).
        starts = np.searchsorted(self.question_owner, np.arange(self.size))
        contiguous = (len(owners) > 0 and bool(np.all(np.diff(self.question_owner) >= 0))
                      and len(np.unique(self.question_owner)) == self.size)
        self._starts = starts if contiguous else None

    def embed(self, message: str) -> np.ndarray:
        return self.embedder.embed_queries([shorten(message)])[0]

    def similarities(self, vector: np.ndarray) -> np.ndarray:
        """The message's cosine similarity to each question (one row per question text)."""
        return self.question_vectors @ vector

    def scores(self, vector: np.ndarray) -> np.ndarray:
        """Per passage: the best similarity between the message and one of its questions."""
        return self.scores_from(self.similarities(vector))

    def scores_from(self, similarities: np.ndarray) -> np.ndarray:
        """scores(), from similarities() already computed."""
        if self._starts is not None:
            best = np.maximum.reduceat(similarities, self._starts)
            return np.maximum(best, np.float32(-1.0)).astype(np.float32, copy=False)
        by_question = np.full(self.size, -1.0, dtype=np.float32)
        np.maximum.at(by_question, self.question_owner, similarities)
        return by_question

    def nearest_question(self, vector: np.ndarray) -> float:
        return self.nearest_from(self.similarities(vector))

    def nearest_from(self, similarities: np.ndarray) -> float:
        """nearest_question(), from similarities() already computed."""
        return float(similarities.max()) if len(similarities) else 0.0

