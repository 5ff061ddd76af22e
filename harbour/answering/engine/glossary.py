"""The glossary of lay words (glossary.yaml): people's words mapped to the advice's words."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from harbour.answering.engine.text import words

GLOSSARY_FILE = Path(__file__).with_name("glossary.yaml")


@dataclass(frozen=True)
class GlossaryEntry:
    says: tuple[tuple[str, ...], ...]  # each phrase as its words
    means: str


@dataclass(frozen=True)
class Glossary:
    entries: tuple[GlossaryEntry, ...]

    def expansions(self, message_words: list[str]) -> list[str]:
        """The `means` text of every entry one of whose phrases occurs in the message."""
        found = []
        for entry in self.entries:
            if any(_contains(message_words, phrase) for phrase in entry.says):
                found.append(entry.means)
        return found

    def vocabulary(self) -> set[str]:
        return {word for entry in self.entries for phrase in entry.says for word in phrase}


def _contains(haystack: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    if n == 0 or n > len(haystack):
        return False
    return any(tuple(haystack[i:i + n]) == phrase for i in range(len(haystack) - n + 1))


def parse_glossary(raw: list[dict]) -> Glossary:
    entries = []
    for item in raw:
        says = tuple(tuple(words(str(phrase))) for phrase in item["says"])
        entries.append(GlossaryEntry(says=tuple(p for p in says if p), means=str(item["means"])))
    return Glossary(entries=tuple(entries))


@cache
def default_glossary() -> Glossary:
    return parse_glossary(yaml.safe_load(GLOSSARY_FILE.read_text(encoding="utf-8")))
