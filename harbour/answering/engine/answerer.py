"""The answering engine: a message in, ranked advice passages out, with `danger` and `in_scope`.

Engines, for comparison:
- `lexical`: plain BM25 over questions and answers, no spelling correction, no glossary
  (the baseline);
- `keywords`: BM25 with spelling correction and the glossary of lay words;
- `semantic`: sentence embeddings alone;
- `hybrid` (the default): `keywords` and `semantic` fused, with the question model's
  probabilities added (a classifier over passages learned from people's wordings).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

import numpy as np

from harbour.answering.engine.bm25 import BM25
from harbour.answering.engine.danger import DangerDetector
from harbour.answering.engine.danger_model import DangerModel, DangerTraining, default_training
from harbour.answering.engine.embedding import Embedder
from harbour.answering.engine.followup import is_follow_up
from harbour.answering.engine.passages import Passage
from harbour.answering.engine.question_model import (
    LabelledMessage,
    QuestionModel,
    default_labelled,
    default_out_of_scope,
    topic_targets,
)
from harbour.answering.engine.scope import (
    OutOfScopeIndex,
    ScopeExamples,
    default_scope_examples,
    mentions_elsewhere,
)
from harbour.answering.engine.search import SearchIndex
from harbour.answering.engine.semantic import (
    MemoryVectorStore,
    SemanticIndex,
    VectorStore,
    embed_cached,
    question_texts,
    shorten,
)
from harbour.answering.engine.text import terms, unstretch, words

ENGINES = ("lexical", "keywords", "semantic", "hybrid")
MAX_MESSAGE_CHARS = 2000
MAX_RESULTS = 10
EMERGENCY_TOPIC = "emergency-immediate-danger"


@dataclass(frozen=True)
class Tuning:
    """Numbers chosen by measuring on labelled questions (docs/benchmarks.md says how)."""

    # hybrid = keyword_share x (BM25 / best BM25) + (1 - keyword_share) x exp((cos - best cos) / T)
    keyword_share: float = 0.5
    # ...plus question_share x (the question model's probability / its highest). Chosen by
    # five-fold cross-validation over the training messages (498 of them then: top-1 0.831
    # without the model, 0.896 to 0.910 with any setting near these; 1,107: 0.748 and 0.803 to
    # 0.828): docs/benchmarks.md, "A question model"
    question_share: float = 0.4
    question_l2: float = 0.003
    question_scale: float = 20.0
    # 0.08 from 0.05 on 2026-11-26: top-1 0.870 -> 0.880 over the 517 tuning questions, 0.889 ->
    # 0.906 on eval-check3's 180 (docs/benchmarks.md, "A danger model, and scope...")
    semantic_temperature: float = 0.08
    # in scope when the message is nearer the advice's questions (and the training messages it
    # answers) than the out-of-scope examples (and lines) by this much, nearness being the mean
    # of the `scope_neighbours` nearest on each side (a wrongly declined question costs more
    # than an answered stray one: docs/benchmarks.md, "A danger model, and scope from the
    # nearest three" and "Scope from the training messages too")
    scope_margin: float = 0.01
    scope_neighbours: int = 3
    scope_floor: float = 0.80
    keyword_scope_floor: float = 4.0  # BM25 points, for the engines without a model
    low_confidence: float = 0.84  # below this nearness an answer is logged as low confidence


@dataclass(frozen=True)
class Result:
    passage: Passage
    score: float
    snippet: str

    def as_dict(self) -> dict:
        return {"topics": list(self.passage.topics), "title": self.passage.question,
                "url": self.passage.url, "score": round(self.score, 4), "snippet": self.snippet}


@dataclass(frozen=True)
class Answer:
    danger: bool
    in_scope: bool
    results: list[Result] = field(default_factory=list)
    follow_up: bool = False
    confidence: float = 0.0  # how near the message came to a question the advice answers

    def as_dict(self) -> dict:
        return {"danger": self.danger, "in_scope": self.in_scope,
                "results": [r.as_dict() for r in self.results]}


@dataclass(frozen=True)
class _Reading:
    query: str  # the message, after the one before it when it is a follow-up
    query_words: list[str]
    follow_up: bool
    vector: np.ndarray | None
    similarities: np.ndarray | None
    out_similarities: np.ndarray | None
    danger: bool


class Answerer:
    def __init__(self, passages: Sequence[Passage], *, embedder: Embedder | None = None,
                 store: VectorStore | None = None, danger: DangerDetector | None = None,
                 scope: ScopeExamples | None = None, tuning: Tuning | None = None,
                 danger_training: DangerTraining | None = None,
                 question_training: Sequence[LabelledMessage] | None = None,
                 out_of_scope_training: Sequence[str] | None = None):
        self.passages = list(passages)
        self.tuning = tuning or Tuning()
        self.search = SearchIndex(self.passages)  # also serves the site's search
        self.plain_bm25 = BM25([terms(f"{p.question} {p.answer}") for p in self.passages])
        self._priors = np.asarray(self.search.priors, dtype=np.float64)
        self.danger = danger or DangerDetector()
        self.scope = scope or default_scope_examples()
        self._first_topics = [p.topics[0] if p.topics else p.anchor for p in self.passages]
        self.emergency = next((i for i, p in enumerate(self.passages)
                               if p.anchor == EMERGENCY_TOPIC), None)
        self.embedder = embedder
        self.semantic: SemanticIndex | None = None
        self.danger_examples: tuple[np.ndarray, np.ndarray] | None = None
        self.out_of_scope: OutOfScopeIndex | None = None
        self.danger_model: DangerModel | None = None
        self.question_model: QuestionModel | None = None
        # The training messages about published topics: they teach the question model, and
        # the scope counts them as questions the advice answers.
        self.taught: list[tuple[LabelledMessage, np.ndarray]] = []
        self.taught_vectors = np.zeros((0, 1), dtype=np.float32)
        if embedder is not None:
            store = store or MemoryVectorStore()
            self.semantic = SemanticIndex(self.passages, embedder, store)
            self.taught_vectors = np.zeros((0, self.semantic.question_vectors.shape[1]),
                                           dtype=np.float32)
            out_training = (default_out_of_scope() if out_of_scope_training is None
                            else out_of_scope_training)
            self.out_of_scope = OutOfScopeIndex(
                embedder, store, [*self.scope.examples, *(shorten(t) for t in out_training)])
            examples = self.danger.rules.semantic
            self.danger_examples = (
                embed_cached(embedder, store, "query", list(examples.danger)),
                embed_cached(embedder, store, "query", list(examples.calm)))
            labelled = default_labelled() if question_training is None else question_training
            self.taught = [(m, t) for m in labelled
                           if (t := topic_targets(self.passages, m.topics)) is not None]
            if self.taught:
                self.taught_vectors = embed_cached(embedder, store, "query",
                                                   [shorten(m.text) for m, _t in self.taught])
            self.danger_model = self._fit_danger_model(
                danger_training or default_training(), embedder, store)
            self.question_model = self._fit_question_model()

    @property
    def engines(self) -> tuple[str, ...]:
        return ENGINES if self.semantic else ("lexical", "keywords")

    def answer(self, message: str, *, engine: str = "hybrid",
               previous: str | None = None) -> Answer:
        engine = self._engine(engine)
        read = self._read(message, engine=engine, previous=previous)
        danger, query, query_words, vector = read.danger, read.query, read.query_words, read.vector
        if not query_words:
            return Answer(danger=danger, in_scope=danger and self.emergency is not None,
                          follow_up=read.follow_up,
                          results=[] if self.emergency is None or not danger else [
                              Result(self.passages[self.emergency], 1.0, "")])
        # The keyword side's terms (spelling corrected, glossary added), also used for snippets.
        query_terms = self.search.query_terms(query)
        scores, in_scope, confidence = self._score(query, engine, vector, query_words=query_words,
                                                   query_terms=query_terms,
                                                   similarities=read.similarities,
                                                   out_similarities=read.out_similarities)
        # Best first; equal scores keep the passages' order (a stable sort, as before).
        ranked = np.argsort(-scores, kind="stable")
        order = ranked[scores[ranked] > 0].tolist()
        if engine != "lexical":  # the baseline stays plain BM25
            order = one_topic_each_first(order, scores, self._first_topics)
        order = order[:MAX_RESULTS]
        if danger and self.emergency is not None:
            # Someone in danger now sees what to do in an emergency first, whoever raised the
            # alarm (the chat page shows the first answer in full).
            order = [self.emergency, *[i for i in order if i != self.emergency]][:MAX_RESULTS]
        snippet_terms = set(query_terms)
        results = [Result(passage=self.passages[i], score=float(scores[i]),
                          snippet=self.search.plain_snippet(i, snippet_terms))
                   for i in order]
        # Someone in danger is always answered: the emergency advice comes first.
        answered = bool(results) and (in_scope or danger)
        return Answer(danger=danger, in_scope=answered, results=results,
                      follow_up=read.follow_up, confidence=confidence)

    def in_danger(self, message: str) -> bool:
        """The answer's `danger` alone, without looking for the advice (an enquiry form reads
        only this): the same reading of the same message, so always the same verdict."""
        return self._read(message, engine=self._engine("hybrid")).danger

    def _engine(self, engine: str) -> str:
        if engine not in self.engines:
            engine = "keywords" if engine in ENGINES else engine
            if engine not in self.engines:
                raise ValueError(f"unknown engine {engine!r}; choose from {self.engines}")
        return engine

    def _read(self, message: str, *, engine: str, previous: str | None = None) -> _Reading:
        """What both the answer and the danger verdict read: the message as the engine sees it,
        its vector and its similarities (each computed once), and whether it means danger now."""
        # "helppp" is "help" to the rules, the keywords and the model alike.
        message = unstretch(message[:MAX_MESSAGE_CHARS], self.search.speller.known)
        follow_up = bool(previous) and is_follow_up(message)
        query = f"{previous[:MAX_MESSAGE_CHARS]}\n{message}" if follow_up and previous else message
        query_words = words(query)
        vector = (self.semantic.embed(query)
                  if self.semantic is not None and engine in {"semantic", "hybrid"} and query_words
                  else None)
        # The message's similarity to each of the advice's questions, computed once: retrieval,
        # scope and the danger backstop all read it.
        similarities = self.semantic.similarities(vector) if vector is not None else None
        # ...and to the out-of-scope examples: the scope and the danger backstop both read it.
        out_similarities = (self.out_of_scope.similarities(vector)
                            if vector is not None and self.out_of_scope is not None else None)
        probability = self._danger_probability(vector, out_similarities)
        danger = self.danger.assess(
            message, nearness=self._danger_nearness(vector, similarities, out_similarities),
            probability=probability, model_text=query,
            sentence_probability=self._sentence_danger() if probability is not None else None
        ).danger
        return _Reading(query=query, query_words=query_words, follow_up=follow_up,
                        vector=vector, similarities=similarities,
                        out_similarities=out_similarities, danger=danger)

    # -- scoring --------------------------------------------------------------------------------
    def _fit_danger_model(self, training: DangerTraining, embedder: Embedder,
                          store: VectorStore) -> DangerModel:
        """Danger: the training messages and danger.yaml's examples. Calm: the calm ones, and
        everything the advice answers (its questions, but for the emergency passage's, and the
        question model's training messages, many of which tell of violence in the past) or does
        not (the out-of-scope examples)."""
        examples = self.danger.rules.semantic
        questions = [text for p in self.passages if p.anchor != EMERGENCY_TOPIC
                     for text in question_texts(p)]
        danger = embed_cached(embedder, store, "query", [*training.danger, *examples.danger])
        calm = embed_cached(embedder, store, "query",
                            [*training.calm, *examples.calm, *questions, *self.scope.examples])
        if self.taught:
            # All of them, questions about emergencies included ("what number do i call if i
            # cant talk"): they are calm questions, and leaving those out raised 3 more false
            # alarms on the measured sets and caught nothing more (docs/benchmarks.md).
            calm = np.vstack([calm, self.taught_vectors])
        return DangerModel.fit(danger, calm, l2=examples.model_l2)

    def _fit_question_model(self) -> QuestionModel | None:
        """Each passage's own questions teach it alone; a labelled message is shared among the
        passages carrying its topics (messages about unpublished topics are left out)."""
        if self.semantic is None or not self.passages:
            return None
        size = len(self.passages)
        targets = [np.eye(size, dtype=np.float32)[self.semantic.question_owner]]
        vectors = [self.semantic.question_vectors]
        if self.taught:
            vectors.append(self.taught_vectors)
            targets.append(np.vstack([t for _m, t in self.taught]).astype(np.float32))
        t = self.tuning
        return QuestionModel.fit(np.vstack(vectors), np.vstack(targets), l2=t.question_l2,
                                 scale=t.question_scale)

    def _danger_probability(self, vector: np.ndarray | None,
                            out_similarities: np.ndarray | None = None):
        if vector is None or self.danger_model is None:
            return None
        if (out_similarities is not None and self.out_of_scope is not None
                and self.out_of_scope.nearest_from(out_similarities)
                >= self.danger.rules.semantic.model_quiet_near_out):
            # Small talk nearly word for word ("tell me a joke"): the model says nothing.
            return None
        model = self.danger_model
        return cache(lambda: model.probability(vector))  # the rules may ask more than once

    def _sentence_danger(self):
        """The danger model's probability for one sentence read alone (the middle of a long
        message); only asked for where the model has a say on the message."""
        model, semantic = self.danger_model, self.semantic
        return lambda sentence: model.probability(semantic.embed(sentence))

    def _danger_nearness(self, vector: np.ndarray | None,
                         similarities: np.ndarray | None = None,
                         out_similarities: np.ndarray | None = None):
        if vector is None or self.danger_examples is None:
            return None

        def nearness() -> tuple[float, float]:
            danger_vectors, calm_vectors = self.danger_examples
            sims = similarities if similarities is not None else self.semantic.similarities(vector)
            out = (out_similarities if out_similarities is not None
                   else self.out_of_scope.similarities(vector))
            # Calm: the calm examples, the advice's questions and the questions it does not
            # answer (small talk is not an emergency, however short).
            to_calm = max(float((calm_vectors @ vector).max(initial=-1.0)),
                          self.semantic.nearest_from(sims),
                          self.out_of_scope.nearest_from(out))
            return float((danger_vectors @ vector).max(initial=-1.0)), to_calm
        return nearness

    def _score(self, query: str, engine: str, vector: np.ndarray | None, *,
               query_words: list[str] | None = None, query_terms: list[str] | None = None,
               similarities: np.ndarray | None = None,
               out_similarities: np.ndarray | None = None) -> tuple[np.ndarray, bool, float]:
        """`query_words`, `query_terms`, `similarities` and `out_similarities` are words(query),
        search.query_terms(query), semantic.similarities(vector) and
        out_of_scope.similarities(vector) when the caller has them."""
        message_words = words(query) if query_words is None else query_words
        elsewhere = mentions_elsewhere(message_words, self.scope)
        if engine == "lexical":
            plain = self.plain_bm25.score_array(terms(query))
            top = float(plain.max(initial=0))
            return _unit(plain), top > 0, top
        if query_terms is None:
            query_terms = self.search.query_terms(query)
        keyword = self.search.bm25.score_array(query_terms)
        keyword *= self._priors
        if engine == "keywords":
            top = float(keyword.max(initial=0))
            in_scope = top >= self.tuning.keyword_scope_floor and not elsewhere
            return _unit(keyword), in_scope, top
        if self.semantic is None or self.out_of_scope is None:
            raise ValueError(f"the {engine} engine needs the embedding model")
        if vector is None:
            vector = self.semantic.embed(query)
        if similarities is None:
            similarities = self.semantic.similarities(vector)
        semantic = self.semantic.scores_from(similarities)
        nearest_in = self.semantic.nearest_from(similarities)
        k = self.tuning.scope_neighbours
        # In scope: the advice's questions and the training messages it answers, against the
        # out-of-scope examples (docs/benchmarks.md, "Scope from the training messages too").
        answerable = (np.concatenate([similarities, self.taught_vectors @ vector])
                      if len(self.taught) else similarities)
        near_in = _mean_of_top(answerable, k)
        if out_similarities is None:
            out_similarities = self.out_of_scope.similarities(vector)
        near_out = _mean_of_top(out_similarities, k)
        in_scope = (not elsewhere and float(answerable.max()) >= self.tuning.scope_floor
                    and near_in - near_out > self.tuning.scope_margin)
        if engine == "semantic":
            return np.clip(semantic, 0, None), in_scope, nearest_in
        fused = self._fuse(keyword, semantic)
        if self.question_model is not None:
            fused = fused + self.tuning.question_share * self.question_model.relative(vector)
        return fused, in_scope, nearest_in

    def _fuse(self, keyword: np.ndarray, semantic: np.ndarray) -> np.ndarray:
        """Both rankings on a 0 to 1 scale, added: keyword scores relative to the best match,
        semantic ones by how far each falls below the nearest question (cosines from e5 sit
        close together, so a small gap there is a large one in meaning)."""
        t = self.tuning
        near = np.exp((semantic - semantic.max(initial=0)) / t.semantic_temperature)
        return t.keyword_share * _unit(keyword) + (1 - t.keyword_share) * near


ANSWERS_SHOWN = 3  # the answer and the two related questions the chat page shows
# A topic already placed counts its other passages at this share of their score. Over the four
# validation sets 0.8 gave all the recall@3 that strict one-per-topic gave (0.9 lost a line),
# and keeps a topic's own passages when they are clearly stronger (docs/benchmarks.md).
SAME_TOPIC_WEIGHT = 0.8


def one_topic_each_first(order: list[int], scores: Sequence[float] | np.ndarray,
                         topic_of: Sequence[str], *, places: int = ANSWERS_SHOWN,
                         same_topic_weight: float = SAME_TOPIC_WEIGHT) -> list[int]:
    """The first `places`, one by one, go to the best passage once a topic already placed
    counts its passages' scores at `same_topic_weight`; the rest follow as ranked. So the two
    related questions are another reading of the message when one is nearly as likely, and
    more of the same topic when it is clearly the one."""
    first: list[int] = []
    seen: set[str] = set()
    pool = list(order)
    while pool and len(first) < places:
        best = max(pool, key=lambda i: scores[i] * (same_topic_weight if topic_of[i] in seen
                                                    else 1.0))
        first.append(best)
        seen.add(topic_of[best])
        pool.remove(best)
    return first + pool


def _mean_of_top(similarities: np.ndarray, k: int) -> float:
    """The mean of the k highest similarities (all of them when there are fewer)."""
    if not len(similarities):
        return 0.0
    k = min(k, len(similarities))
    return float(np.partition(similarities, len(similarities) - k)[-k:].mean())


def _unit(scores: np.ndarray) -> np.ndarray:
    top = scores.max(initial=0)
    return scores / top if top > 0 else scores
