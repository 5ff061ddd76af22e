"""Site search: ranked, filtered, tolerant of misspellings and lay words, with highlights.

The same index serves the webchat's lexical retrieval.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from harbour.answering.engine.bm25 import BM25
from harbour.answering.engine.glossary import Glossary, default_glossary
from harbour.answering.engine.passages import Passage
from harbour.answering.engine.spelling import SpellingCorrector
from harbour.answering.engine.text import STOPWORDS, normalise, stem, terms, words

MAX_QUERY_CHARS = 500
# A topic's main answer is its overview: it wins a near tie with a narrower follow-up question.
MAIN_ANSWER_BOOST = 1.15
SNIPPET_CHARS = 240
_WORD = re.compile(r"[0-9A-Za-z\u00C0-\u024F'\u2019]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\s*\n+\s*")

Segments = list[tuple[str, bool]]  # text, and whether it matched the query


@dataclass(frozen=True)
class SearchHit:
    passage: Passage
    score: float
    question: Segments
    snippet: Segments


@dataclass(frozen=True)
class SearchResult:
    hits: list[SearchHit]
    corrected: str | None  # the query as understood, when spelling was corrected


def passage_document(passage: Passage) -> list[str]:
    """The terms a passage is indexed under; the question and people's phrasings count more."""
    question = terms(passage.question)
    asked = terms(" ".join(passage.also_asked))
    return question * 3 + asked * 2 + terms(passage.answer) + terms(passage.group_title)


class SearchIndex:
    def __init__(self, passages: Sequence[Passage], glossary: Glossary | None = None):
        self.passages = list(passages)
        self.glossary = glossary or default_glossary()
        self.bm25 = BM25([passage_document(p) for p in self.passages])
        self.priors = [MAIN_ANSWER_BOOST if p.anchor == p.topics[0] else 1.0
                       for p in self.passages]
        vocabulary = set(self.glossary.vocabulary())
        for p in self.passages:
            vocabulary.update(words(p.question))
            vocabulary.update(words(p.answer))
            vocabulary.update(words(" ".join(p.also_asked)))
        self.speller = SpellingCorrector(vocabulary)
        self.sentences = [_sentences(p.answer) for p in self.passages]
        self.sentence_terms = [[frozenset(terms(s)) for s in sentences]
                               for sentences in self.sentences]
        self._exact_text = [
            _collapse(normalise(" ".join((p.question, p.answer, *p.also_asked))))
            for p in self.passages
        ]

    # -- understanding the query ------------------------------------------------------------
    def query_terms(self, query: str, *, correct: bool = True, expand: bool = True) -> list[str]:
        typed = words(query[:MAX_QUERY_CHARS])
        fixed = [self.speller.correct(w) for w in typed] if correct else typed
        expansions = self.glossary.expansions(typed + fixed) if expand else []
        return terms(" ".join(fixed)) + terms(" ".join(expansions))

    def corrected_query(self, query: str) -> str | None:
        typed = words(query[:MAX_QUERY_CHARS])
        fixed = [self.speller.correct(w) for w in typed]
        return " ".join(fixed) if fixed != typed else None

    # -- ranking ------------------------------------------------------------------------------
    def rank(self, query_terms: Sequence[str]) -> list[tuple[int, float]]:
        scores = self.bm25.scores(query_terms)
        ranked = [(i, s * self.priors[i]) for i, s in enumerate(scores) if s > 0]
        ranked.sort(key=lambda item: -item[1])
        return ranked

    def search(self, query: str, *, group: str = "", audience: str = "", exact: bool = False,
               limit: int = 20) -> SearchResult:
        query = query[:MAX_QUERY_CHARS]
        stems: set[str] = set()
        if exact:
            phrase = _collapse(normalise(query)).strip()
            if not phrase:
                return SearchResult(hits=[], corrected=None)
            ranked = self.rank(terms(query)) if terms(query) else []
            order = {i: s for i, s in ranked}
            candidates = [i for i, text in enumerate(self._exact_text) if phrase in text]
            candidates.sort(key=lambda i: -order.get(i, 0.0))
            scored = [(i, order.get(i, 0.0)) for i in candidates]
            marker = _phrase_marker(query)
        else:
            qterms = self.query_terms(query)
            scored = self.rank(qterms)
            stems = set(qterms)
            marker = _stem_marker(stems)
        hits = []
        for i, score in scored:
            passage = self.passages[i]
            if group and passage.group != group:
                continue
            if audience and passage.audience not in {audience, "everyone"}:
                continue
            snippet = (_snippet(passage.answer, marker) if exact
                       else self._marked_snippet(i, stems, marker))
            hits.append(SearchHit(passage=passage, score=score,
                                  question=marker(passage.question), snippet=snippet))
            if len(hits) >= limit:
                break
        return SearchResult(hits=hits, corrected=None if exact else self.corrected_query(query))


    def _snippet_sentences(self, i: int, query_terms: set[str]) -> tuple[int, list[str]]:
        """The answer's sentences that share most terms with the query (from the best one on)."""
        sentences = self.sentences[i]
        if not sentences:
            return 0, []
        overlaps = [len(t & query_terms) for t in self.sentence_terms[i]]
        best = overlaps.index(max(overlaps))  # the first of the sentences that share the most
        chosen: list[str] = []
        length = 0
        for sentence in sentences[best:]:
            if chosen and length + len(sentence) > SNIPPET_CHARS:
                break
            chosen.append(sentence)
            length += len(sentence) + 1
        return best, chosen

    def _marked_snippet(self, i: int, query_terms: set[str], marker) -> Segments:
        best, chosen = self._snippet_sentences(i, query_terms)
        segments: Segments = [("… ", False)] if best > 0 else []
        for n, sentence in enumerate(chosen):
            if n:
                segments.append((" ", False))
            segments.extend(marker(sentence))
        if sum(len(t) for t, _m in segments) > SNIPPET_CHARS + 40:
            segments = _truncate(segments, SNIPPET_CHARS)
        return _merge(segments)

    def plain_snippet(self, i: int, query_terms: set[str]) -> str:
        """The answer's sentences that share most terms with the query, as plain text."""
        best, chosen = self._snippet_sentences(i, query_terms)
        text = " ".join(chosen)
        if len(text) > SNIPPET_CHARS + 40:
            text = text[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"
        return ("… " if best > 0 else "") + text


def _sentences(answer: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(answer.strip()) if s and s.strip()]


def _collapse(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text))


def _stem_marker(stems: set[str]):
    def mark(text: str) -> Segments:
        segments: Segments = []
        position = 0
        for match in _WORD.finditer(text):
            token = normalise(match.group())
            if token not in STOPWORDS and stem(token) in stems:
                if match.start() > position:
                    segments.append((text[position:match.start()], False))
                segments.append((match.group(), True))
                position = match.end()
        if position < len(text):
            segments.append((text[position:], False))
        return _merge(segments)
    return mark


def _phrase_marker(query: str):
    wanted = words(query)
    pattern = re.compile(
        r"\b" + r"[^0-9a-z]+".join(re.escape(w) for w in wanted) + r"\b", flags=re.IGNORECASE)

    def mark(text: str) -> Segments:
        segments: Segments = []
        position = 0
        for match in pattern.finditer(text) if wanted else ():
            if match.start() > position:
                segments.append((text[position:match.start()], False))
            segments.append((match.group(), True))
            position = match.end()
        if position < len(text):
            segments.append((text[position:], False))
        return _merge(segments)
    return mark


def _merge(segments: Segments) -> Segments:
    merged: Segments = []
    for text, matched in segments:
        if merged and merged[-1][1] == matched:
            merged[-1] = (merged[-1][0] + text, matched)
        else:
            merged.append((text, matched))
    return merged


def _snippet(answer: str, marker) -> Segments:
    """The sentences of the answer that match the query best, up to about SNIPPET_CHARS."""
    sentences = _sentences(answer)
    if not sentences:
        return []
    marked = [marker(s) for s in sentences]
    best = max(range(len(sentences)),
               key=lambda i: (sum(1 for _t, m in marked[i] if m), -i))
    chosen: Segments = []
    length = 0
    for i in range(best, len(sentences)):
        if length and length + len(sentences[i]) > SNIPPET_CHARS:
            break
        if chosen:
            chosen.append((" ", False))
        chosen.extend(marked[i])
        length += len(sentences[i]) + 1
    if length > SNIPPET_CHARS + 1:
        chosen = _truncate(chosen, SNIPPET_CHARS)
    if best > 0:
        chosen.insert(0, ("… ", False))
    return _merge(chosen)


def _truncate(segments: Segments, limit: int) -> Segments:
    out: Segments = []
    used = 0
    for text, matched in segments:
        if used + len(text) > limit:
            cut = text[: max(0, limit - used)].rsplit(" ", 1)[0]
            out.append((cut + " …", matched))
            break
        out.append((text, matched))
        used += len(text)
    return out
