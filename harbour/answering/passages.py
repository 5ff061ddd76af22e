"""Feeding the engine: the published advice as passages, and an index kept fresh per process.

Each process builds its index from the database and rebuilds it when the published content
changes (checked with one small query), so every process answers from the same content.
"""

from __future__ import annotations

import html
import re
import threading

from harbour.answering.engine import Passage, SearchIndex
from harbour.answering.engine.answerer import Answerer
from harbour.answering.engine.embedding import Embedder, load_default_embedder
from harbour.answering.vectors import DatabaseVectorStore
from harbour.content.models import AdvicePage
from harbour.content.selectors import content_version_recent

_BLOCK_END = re.compile(r"</(p|li|h[1-6])>|<br\s*/?>", flags=re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


def rich_text_to_plain(value: str) -> str:
    text = _BLOCK_END.sub("\n", value)
    text = html.unescape(_TAG.sub("", text))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def published_passages() -> list[Passage]:
    passages = []
    for page in AdvicePage.objects.live().public().order_by("path"):
        page_url = page.url or f"/advice/{page.slug}/"
        for question in page.questions():
            passages.append(Passage(
                anchor=question["anchor"],
                question=question["question"],
                answer=rich_text_to_plain(question["answer"].source),
                topics=(question["topic"], *(question["other_topics"] or [])),
                group=page.group,
                group_title=page.title,
                audience=question["audience"],
                url=f"{page_url}#{question['anchor']}",
                also_asked=tuple(question["also_asked"]),
                answer_html=str(question["answer"]),
            ))
    return passages


class _PerContentVersion:
    """Something built from the published passages, rebuilt when they change."""

    def __init__(self, build) -> None:
        self._build = build
        self._lock = threading.Lock()
        self._version: tuple | None = None
        self._value = None

    def get(self):
        version = content_version_recent()
        if self._value is None or version != self._version:
            with self._lock:
                if self._value is None or version != self._version:
                    self._value = self._build(published_passages())
                    self._version = version
        return self._value


_embedder_lock = threading.Lock()
_embedder: list[Embedder | None] = []


def embedder() -> Embedder | None:
    """The sentence-embedding model, loaded once per process (None if it is not installed)."""
    if not _embedder:
        with _embedder_lock:
            if not _embedder:
                _embedder.append(load_default_embedder())
    return _embedder[0]


def _build_answerer(passages: list[Passage]) -> Answerer:
    model = embedder()
    return Answerer(passages, embedder=model,
                    store=DatabaseVectorStore(model.name if model else None))


_answerer = _PerContentVersion(_build_answerer)


def search_index() -> SearchIndex:
    """The site search's index: the webchat engine's own, so each process builds it once."""
    return answerer().search


def answerer() -> Answerer:
    """The webchat's engine for the published content; embeds only passages not yet stored."""
    return _answerer.get()
