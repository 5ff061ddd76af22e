"""Okapi BM25 over a small, in-memory collection (the knowledge base has a few hundred passages)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence


class BM25:
    def __init__(self, documents: Sequence[Sequence[str]], k1: float = 1.2, b: float = 0.75):
        self.k1 = k1
        self.b = b
        self.size = len(documents)
        lengths = [len(doc) for doc in documents]
        average = (sum(lengths) / len(lengths)) if lengths else 1.0
        # Postings: term -> [(document, term frequency)], and each document's length factor.
        self.postings: dict[str, list[tuple[int, int]]] = {}
        for i, doc in enumerate(documents):
            for term, tf in Counter(doc).items():
                self.postings.setdefault(term, []).append((i, tf))
        self.norms = [k1 * (1 - b + b * length / (average or 1.0)) for length in lengths]
        self.idf = {
            term: math.log(1 + (self.size - len(p) + 0.5) / (len(p) + 0.5))
            for term, p in self.postings.items()
        }

    def scores(self, query: Sequence[str]) -> list[float]:
        results = [0.0] * self.size
        for term, weight in Counter(t for t in query if t in self.idf).items():
            idf = self.idf[term]
            for i, tf in self.postings[term]:
                results[i] += weight * idf * tf * (self.k1 + 1) / (tf + self.norms[i])
        return results
