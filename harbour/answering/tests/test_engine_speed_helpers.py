"""The engine's faster helpers give exactly what the plain loops they replaced gave.

Each test compares a helper with the straightforward version it replaced (kept here as the
reference), on the engine's own rules and on many generated messages.
"""

import math
import random
from collections import Counter

import numpy as np
import pytest

from harbour.answering.engine.bm25 import BM25
from harbour.answering.engine.danger import PhraseIndex, default_rules, find, read
from harbour.answering.engine.glossary import Glossary, default_glossary, parse_glossary
from harbour.answering.engine.passages import Passage
from harbour.answering.engine.scope import ScopeExamples, default_scope_examples, mentions_elsewhere
from harbour.answering.engine.semantic import MemoryVectorStore, SemanticIndex
from harbour.answering.engine.text import contains_phrase, unstretch, words


def _contains_reference(haystack: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    if n == 0 or n > len(haystack):
        return False
    return any(tuple(haystack[i:i + n]) == phrase for i in range(len(haystack) - n + 1))


def _messages(vocabulary: list[str], count: int = 400, seed: int = 7) -> list[list[str]]:
    """Random messages, mostly of words the rules know, so phrases do occur in them."""
    rng = random.Random(seed)
    extra = ["the", "my", "he", "is", "not", "now", "at", "a", "x", "kids", "just"]
    pool = vocabulary + extra
    return [[rng.choice(pool) for _ in range(rng.randint(0, 30))] for _ in range(count)]


def test_contains_phrase_matches_the_plain_loop():
    rng = random.Random(1)
    alphabet = ["a", "b", "c", "d"]
    for _ in range(3000):
        haystack = [rng.choice(alphabet) for _ in range(rng.randint(0, 8))]
        phrase = tuple(rng.choice(alphabet) for _ in range(rng.randint(0, 4)))
        assert contains_phrase(haystack, phrase) == _contains_reference(haystack, phrase)
        assert contains_phrase(tuple(haystack), phrase) == _contains_reference(haystack, phrase)


def test_glossary_expansions_match_checking_every_entry():
    glossary = default_glossary()
    vocabulary = sorted(glossary.vocabulary())
    for message in _messages(vocabulary):
        expected = [entry.means for entry in glossary.entries
                    if any(_contains_reference(message, phrase) for phrase in entry.says)]
        assert glossary.expansions(message) == expected


def test_glossary_expansions_keep_the_glossarys_order():
    glossary = parse_glossary([{"says": ["later word"], "means": "first"},
                               {"says": ["early"], "means": "second"}])
    assert glossary.expansions(words("early and a later word")) == ["first", "second"]
    assert Glossary(entries=glossary.entries) == glossary  # the index is not part of equality


def test_phrase_index_finds_what_find_finds():
    rules = default_rules()
    vocabulary = sorted({w for p in rules.now + rules.calm_past + rules.calm_hypothetical
                         + rules.calm_story for w in p if w not in {"*", "**"}})
    groups = [rules.now, rules.calm_past, rules.calm_hypothetical + rules.calm_story,
              (("*", "door"), ("**", "now"), ("right", "**", "now"))]  # wildcards first too
    for phrases in groups:
        index = PhraseIndex(phrases)
        for message in _messages(vocabulary + ["door"]):
            expected = {hit for phrase in phrases for hit in find(message, phrase)}
            assert set(index.occurrences(message)) == expected
            assert index.occurs(message) == any(find(message, p) for p in phrases)


def test_danger_rules_read_messages_once_with_the_same_verdicts():
    from harbour.answering.engine.danger import DangerDetector

    detector = DangerDetector()
    for text in ["he is at the door now", "he hit me last year", "what if he comes back",
                 "hes outside rn", "I'm safe now, he hit me yesterday", ""]:
        assert detector.assess(text) == detector.assess_rules(text)
        message = read(text, detector.rules.text_speak)
        assert detector._assess_rules(text, message) == detector.assess_rules(text)


def test_mentions_elsewhere_matches_the_plain_loop():
    scope = default_scope_examples()
    vocabulary = sorted({w for p in scope.elsewhere for w in p})
    for message in _messages(vocabulary):
        expected = any(tuple(message[i:i + len(p)]) == p
                       for p in scope.elsewhere for i in range(len(message) - len(p) + 1))
        assert mentions_elsewhere(message, scope) == expected
    # An empty phrase matched every message before; it still does.
    assert mentions_elsewhere(["hello"], ScopeExamples(elsewhere=((),), examples=()))


def _bm25_reference(bm25: BM25, query: list[str]) -> list[float]:
    results = [0.0] * bm25.size
    for term, weight in Counter(t for t in query if t in bm25.idf).items():
        idf = bm25.idf[term]
        for i, tf in bm25.postings[term]:
            results[i] += weight * idf * tf * (bm25.k1 + 1) / (tf + bm25.norms[i])
    return results


def test_bm25_arrays_give_exactly_the_loops_scores():
    rng = random.Random(3)
    vocabulary = [f"w{n}" for n in range(60)]
    documents = [[rng.choice(vocabulary) for _ in range(rng.randint(0, 40))] for _ in range(80)]
    bm25 = BM25(documents)
    for _ in range(500):
        query = [rng.choice(vocabulary + ["unknown"]) for _ in range(rng.randint(0, 12))]
        assert bm25.scores(query) == _bm25_reference(bm25, query)  # exactly, not approximately
        assert bm25.score_array(query).tolist() == bm25.scores(query)
    assert BM25([]).scores(["x"]) == []
    assert all(math.isfinite(s) for s in BM25([[], ["a"]]).scores(["a"]))


class _RandomEmbedder:
    name = "random-test-embedder"

    def __init__(self):
        self.rng = np.random.default_rng(5)

    def embed_queries(self, texts):
        vectors = self.rng.normal(size=(len(texts), 16)).astype(np.float32)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def _passage(n: int, asked: int) -> Passage:
    return Passage(anchor=f"a{n}", question=f"question {n}", answer="answer", topics=(f"a{n}",),
                   group="g", group_title="G", audience="everyone", url=f"/g/#a{n}",
                   also_asked=tuple(f"question {n} asked {k}" for k in range(asked)))


@pytest.mark.parametrize("contiguous", [True, False])
def test_semantic_scores_match_maximum_at(contiguous):
    embedder = _RandomEmbedder()
    index = SemanticIndex([_passage(n, n % 4) for n in range(30)], embedder, MemoryVectorStore())
    if not contiguous:
        index._starts = None  # the general path
    for _ in range(50):
        vector = embedder.embed_queries(["message"])[0]
        expected = np.full(index.size, -1.0, dtype=np.float32)
        np.maximum.at(expected, index.question_owner, index.question_vectors @ vector)
        scores = index.scores(vector)
        assert scores.dtype == np.float32
        assert np.array_equal(scores, expected)
        sims = index.similarities(vector)
        assert np.array_equal(index.scores_from(sims), expected)
        assert index.nearest_question(vector) == float((index.question_vectors @ vector).max())


@pytest.mark.parametrize(("text", "known", "expected"), [
    ("helppp", set(), "help"),
    ("HELPPP me", set(), "HELP me"),
    ("pleaseee hurryyy", set(), "please hurry"),
    ("killll", {"kill"}, "kill"),   # two letters where only two make a known word
    ("killll", set(), "kil"),
    ("nooo hes here", {"noo", "no"}, "no hes here"),   # one letter where one makes a word too
    ("three been good 2000", set(), "three been good 2000"),   # nothing else changes
    ("ayudaaa por favor", set(), "ayuda por favor"),
])
def test_letters_held_down_are_let_go(text, known, expected):
    assert unstretch(text, known) == expected
