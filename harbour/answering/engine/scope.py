"""Is a message something Harbour's advice answers? The nearer side wins: the knowledge base's
own questions, or examples of questions it does not answer (scope.yaml)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import yaml

from harbour.answering.engine.embedding import Embedder
from harbour.answering.engine.semantic import VectorStore, embed_cached
from harbour.answering.engine.text import contains_phrase, words

SCOPE_FILE = Path(__file__).with_name("scope.yaml")


@dataclass(frozen=True)
class ScopeExamples:
    elsewhere: tuple[tuple[str, ...], ...]
    examples: tuple[str, ...]


@cache
def default_scope_examples() -> ScopeExamples:
    raw = yaml.safe_load(SCOPE_FILE.read_text(encoding="utf-8"))
    return ScopeExamples(
        elsewhere=tuple(tuple(words(str(p))) for p in raw.get("elsewhere") or ()),
        examples=tuple(str(e) for e in raw.get("examples") or ()),
    )


def mentions_elsewhere(message_words: list[str], scope: ScopeExamples) -> bool:
    # (An empty phrase would match any message, as it always has.)
    return any(contains_phrase(message_words, phrase) if phrase else True
               for phrase in scope.elsewhere)


class OutOfScopeIndex:
    """Questions the advice does not answer: scope.yaml's examples and the out-of-scope lines
    of the question model's training folder, as the caller gives them."""

    def __init__(self, embedder: Embedder, store: VectorStore, examples: Sequence[str]):
        self.vectors = embed_cached(embedder, store, "query", list(examples))

    def similarities(self, vector: np.ndarray) -> np.ndarray:
        return self.vectors @ vector if len(self.vectors) else np.zeros(0, dtype=np.float32)

    def nearest_from(self, similarities: np.ndarray) -> float:
        """The nearest example's similarity, from similarities() already computed."""
        return float(similarities.max()) if len(similarities) else 0.0
