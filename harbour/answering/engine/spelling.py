"""Misspelling correction against the knowledge base's own vocabulary."""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz, process

MIN_LENGTH = 4
MIN_SIMILARITY = 80
CACHE_LIMIT = 20_000


class SpellingCorrector:
    def __init__(self, vocabulary: Iterable[str]):
        self.vocabulary = sorted({w for w in vocabulary if w.isalpha()})
        self.known = frozenset(self.vocabulary)
        self._cache: dict[str, str] = {}
        # A similarity of 80 is out of reach for words of very different lengths.
        self._by_length: dict[int, list[str]] = {}
        for word in self.vocabulary:
            self._by_length.setdefault(len(word), []).append(word)

    def correct(self, word: str) -> str:
        """The closest known word for an unknown one; the word itself when known, short or unlike any."""
        if word in self.known or len(word) < MIN_LENGTH or not word.isalpha():
            return word
        if word not in self._cache:
            # ratio = 2 x matches / (both lengths): 80 needs the other word no shorter by more
            # than a third, and no longer by more than a half.
            candidates = [w for n in range(len(word) - len(word) // 3, len(word) + len(word) // 2 + 1)
                          for w in self._by_length.get(n, ())]
            match = process.extractOne(
                word, candidates, scorer=fuzz.ratio, score_cutoff=MIN_SIMILARITY)
            if len(self._cache) > CACHE_LIMIT:
                self._cache.clear()
            self._cache[word] = match[0] if match else word
        return self._cache[word]
