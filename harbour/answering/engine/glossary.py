"""The glossary of lay words (glossary.yaml): people's words mapped to the advice's words."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from harbour.answering.engine.text import contains_phrase, words

GLOSSARY_FILE = Path(__file__).with_name("glossary.yaml")


@dataclass(frozen=True)
class GlossaryEntry:
    says: tuple[tuple[str, ...], ...]  # each phrase as its words
    means: str


@dataclass(frozen=True)
class Glossary:
    entries: tuple[GlossaryEntry, ...]
    # Entry numbers by the first word of each of their phrases, so a message is only checked
    # against the entries that could occur in it (built from `entries`).
    _by_first_word: dict[str, tuple[int, ...]] = field(
        init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        index: dict[str, set[int]] = {}
        for n, entry in enumerate(self.entries):
            for phrase in entry.says:
                if phrase:  # an empty phrase never occurs
                    index.setdefault(phrase[0], set()).add(n)
        object.__setattr__(self, "_by_first_word",
                           {word: tuple(sorted(ns)) for word, ns in index.items()})

    def expansions(self, message_words: list[str]) -> list[str]:
        """The `means` text of every entry one of whose phrases occurs in the message, in the
        glossary's order."""
        candidates = sorted({n for word in set(message_words)
                             for n in self._by_first_word.get(word, ())})
        found = []
        for n in candidates:
            entry = self.entries[n]
            if any(contains_phrase(message_words, phrase) for phrase in entry.says):
                found.append(entry.means)
        return found

    def vocabulary(self) -> set[str]:
        return {word for entry in self.entries for phrase in entry.says for word in phrase}




def parse_glossary(raw: list[dict]) -> Glossary:
    entries = []
    for item in raw:
        says = tuple(tuple(words(str(phrase))) for phrase in item["says"])
        entries.append(GlossaryEntry(says=tuple(p for p in says if p), means=str(item["means"])))
    return Glossary(entries=tuple(entries))


@cache
def default_glossary() -> Glossary:
    return parse_glossary(yaml.safe_load(GLOSSARY_FILE.read_text(encoding="utf-8")))
