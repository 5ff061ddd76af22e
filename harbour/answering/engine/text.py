"""Turning text into the terms the engine compares: normalise, split, stem."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Sequence
from functools import lru_cache

import snowballstemmer

_stemmer = snowballstemmer.stemmer("english")
_TOKEN = re.compile(r"[a-z0-9]+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})

# Words too common to tell passages apart. Negations and question words stay: "not", "no",
# "when", "who" carry meaning in a question like "who can apply".
STOPWORDS = frozenset("""
a an and are as at be been being but by did do does doing for from had has have having he her
hers him his i if in into is it its itself me my myself of on or our ours she so than that the
their theirs them then there these they this those to too u very was we were what which while
with would you your yours im ive id ill its
""".split())


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).lower()
    # "he's" -> "hes", "don't" -> "dont": the way people type on a phone anyway.
    return text.replace("'", "")


_STRETCHED = re.compile(r"[^\W\d_]*([^\W\d_])\1\1[^\W\d_]*")  # a word with a letter 3+ times
_RUN = re.compile(r"([^\W\d_])\1{2,}")


def unstretch(text: str, known: Container[str] = frozenset()) -> str:
    """Letters held down on a phone, let go: "helppp" -> "help", "pleaseee" -> "please",
    "killll" -> "kill". A run of three or more becomes one letter, or two where only two make a
    word in `known` (lower case). No English word has a letter three times running, so nothing
    else in the text changes."""

    def let_go(match: re.Match) -> str:
        word = match.group(0)
        one, two = _RUN.sub(r"\1", word), _RUN.sub(r"\1\1", word)
        return two if two.lower() in known and one.lower() not in known else one

    return _STRETCHED.sub(let_go, text)


def words(text: str) -> list[str]:
    return _TOKEN.findall(normalise(text))


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


def terms(text: str) -> list[str]:
    """The stemmed content words of a text, in order."""
    return [stem(w) for w in words(text) if w not in STOPWORDS]


def contains_phrase(haystack: Sequence[str], phrase: Sequence[str]) -> bool:
    """Whether the words of `phrase` occur together, in order, in `haystack` (a list of words).
    An empty phrase is never found."""
    n = len(phrase)
    if n == 0 or n > len(haystack):
        return False
    if not isinstance(haystack, list):
        haystack = list(haystack)
    wanted = list(phrase)
    first = wanted[0]
    last_start = len(haystack) - n
    start = 0
    while True:
        try:
            start = haystack.index(first, start, last_start + 1)
        except ValueError:
            return False
        if haystack[start:start + n] == wanted:
            return True
        start += 1
