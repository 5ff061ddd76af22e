"""Misspelling correction against the knowledge base's own vocabulary."""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz, process

MIN_LENGTH = 4
MIN_SIMILARITY = 80


class SpellingCorrector:
    def __init__(self, vocabulary: Iterable[str]):
        self.vocabulary = sorted({w for w in vocabulary if w.isalpha()})
        self._known = set(self.vocabulary)
        self._cache: dict[str, str] = {}

    def correct(self, word: str) -> str:
        """The closest known word for an unknown one; the word itself when known, short or unlike any."""
        if word in self._known or len(word) < MIN_LENGTH or not word.isalpha():
            return word
        if word not in self._cache:
            match = process.extractOne(
                word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=MIN_SIMILARITY)
            self._cache[word] = match[0] if match else word
        return self._cache[word]
