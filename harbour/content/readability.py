"""Flesch reading ease, the measure Harbour's answers are held to (60 or more: plain English).

206.835 - 1.015 x (words per sentence) - 84.6 x (syllables per word). Syllables are counted
from pyphen's bundled English hyphenation dictionary (offline). A list item or a line ends a
sentence as a full stop does, since each is read as one unit.
"""

from __future__ import annotations

import re
from functools import cache

import pyphen

_WORD = re.compile(r"[A-Za-z0-9]+(?:['\u2019][A-Za-z]+)*")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


@cache
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_GB")


def syllables(word: str) -> int:
    return max(1, len(_dictionary().positions(word)) + 1)


def flesch_reading_ease(text: str) -> float:
    words = _WORD.findall(text)
    if not words:
        return 100.0
    # Fragments of one or two words (a heading, "Or:") are not counted as sentences.
    sentences = [s for s in _SENTENCE.findall(text) if len(_WORD.findall(s)) > 2] or [text]
    per_sentence = len(words) / len(sentences)
    per_word = sum(syllables(w) for w in words) / len(words)
    return 206.835 - 1.015 * per_sentence - 84.6 * per_word
