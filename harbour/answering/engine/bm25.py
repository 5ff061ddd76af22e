"""Okapi BM25 over a small, in-memory collection (the knowledge base has a few hundred passages)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np


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
        # The same postings as arrays, for scoring a term's documents at once: the documents,
        # their term frequencies, and tf + the document's length factor.
        norms = np.asarray(self.norms, dtype=np.float64)
        self._arrays: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        for term, postings in self.postings.items():
            docs = np.fromiter((i for i, _tf in postings), dtype=np.intp, count=len(postings))
            tfs = np.fromiter((tf for _i, tf in postings), dtype=np.float64, count=len(postings))
            self._arrays[term] = (docs, tfs, tfs + norms[docs])

    def scores(self, query: Sequence[str]) -> list[float]:
        return self.score_array(query).tolist()

    def score_array(self, query: Sequence[str]) -> np.ndarray:
        """scores() as an array. Each term adds weight x idf x tf x (k1 + 1) / (tf + norm) to
        its documents, computed in that order, so the figures are exactly those of a loop."""
        results = np.zeros(self.size, dtype=np.float64)
        for term, weight in Counter(t for t in query if t in self.idf).items():
            docs, tfs, denominators = self._arrays[term]
            # A term's postings name each document once, so += on the indexed rows is safe.
            results[docs] += weight * self.idf[term] * tfs * (self.k1 + 1) / denominators
        return results
