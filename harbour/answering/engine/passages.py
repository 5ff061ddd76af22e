"""A passage: one published question and its answer, the unit the engine ranks."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Passage:
    anchor: str
    question: str
    answer: str  # plain text
    topics: tuple[str, ...]
    group: str
    group_title: str
    audience: str
    url: str
    also_asked: tuple[str, ...] = ()
    answer_html: str = ""  # for display only; the engine reads the plain text

    @property
    def key(self) -> str:
        return self.url
