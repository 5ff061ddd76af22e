"""The starter knowledge base carries the facts of topics.yaml, in Harbour's own words.

`fact_checks.yaml` lists, for every fact of every topic, the key terms that show the fact is
really in the topic's main answer (the question whose first topic and anchor are the topic id).
Terms match whole words, ignoring case, Markdown emphasis, quotes and link targets.
The last test checks that no answer copies a run of words from the seed pages in shared/seeds/.

No database is needed: the content files are parsed straight from content/.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from harbour.content.starter import parse_all
from harbour.content.topics import taxonomy

FACT_CHECKS_FILE = Path(__file__).with_name("fact_checks.yaml")
SEEDS_DIR = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"
COPIED_RUN = 8  # this many consecutive words shared with a seed page counts as copying

FACT_CHECKS: dict = yaml.safe_load(FACT_CHECKS_FILE.read_text(encoding="utf-8")) or {}
QUESTIONS = [question for group in parse_all() for question in group.questions]
TOPICS = [topic for topic in taxonomy().topics if not topic.retired]

LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def _visible_text(question) -> str:
    """The question and answer as a reader sees them: no link targets, no Markdown marks."""
    return LINK.sub(r"\1", f"{question.question}\n{question.answer_markdown}")


def _normalise(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"[*`\"\u201c\u201d]", "", text)
    return re.sub(r"\s+", " ", text).strip().lower()


def _words(text: str) -> list[str]:
    text = re.sub(r"['\u2018\u2019`]", "", text.lower())
    return re.findall(r"[a-z0-9]+", text)


def _main_question(topic_id: str):
    mains = [q for q in QUESTIONS if q.topics[0] == topic_id and q.anchor == topic_id]
    assert len(mains) == 1, f"{topic_id}: expected one main answer, found {len(mains)}"
    return mains[0]


def _contains(text: str, term: str) -> bool:
    """Whether a normalised text holds the term as whole words ("free" is not in "freephone")."""
    pattern = r"(?<![a-z0-9])" + re.escape(_normalise(term)) + r"(?![a-z0-9])"
    return re.search(pattern, text) is not None


def _describe(term) -> str:
    return term if isinstance(term, str) else " or ".join(repr(t) for t in term)


def test_fact_checks_cover_exactly_the_topics_of_the_taxonomy():
    assert set(FACT_CHECKS) == set(taxonomy().topic_ids()), (
        f"missing: {sorted(set(taxonomy().topic_ids()) - set(FACT_CHECKS))}; "
        f"unknown: {sorted(set(FACT_CHECKS) - set(taxonomy().topic_ids()))}"
    )


@pytest.mark.parametrize("topic", TOPICS, ids=[t.id for t in TOPICS])
def test_one_check_per_fact(topic):
    checks = FACT_CHECKS.get(topic.id) or []
    assert len(checks) == len(topic.facts), (
        f"{topic.id}: {len(topic.facts)} facts in topics.yaml but {len(checks)} checks"
    )
    for fact, check in zip(topic.facts, checks, strict=False):
        assert check.get("fact") == fact, (
            f"{topic.id}: the check's fact {check.get('fact')!r} is not the fact of "
            f"topics.yaml in the same place, {fact!r}"
        )
        terms = check.get("terms")
        assert terms, f"{topic.id}: the check for {fact!r} has no terms"
        for term in terms:
            alternatives = [term] if isinstance(term, str) else term
            assert alternatives and all(isinstance(a, str) and a.strip() for a in alternatives), (
                f"{topic.id}: bad term {term!r} for {fact!r}"
            )


@pytest.mark.parametrize("topic", TOPICS, ids=[t.id for t in TOPICS])
def test_main_answer_carries_every_fact(topic):
    question = _main_question(topic.id)
    text = _normalise(_visible_text(question))
    missing = []
    for check in FACT_CHECKS.get(topic.id) or []:
        for term in check["terms"]:
            alternatives = [term] if isinstance(term, str) else term
            if not any(_contains(text, alt) for alt in alternatives):
                missing.append(f"  fact {check['fact']!r}: missing {_describe(term)!r}")
    assert not missing, (
        f"{topic.id}: the main answer {question.question!r} lacks key terms:\n"
        + "\n".join(missing)
    )


def test_no_answer_copies_a_run_of_words_from_the_seeds():
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"seed pages not found at {SEEDS_DIR}; they live beside the repository")
    seeds = sorted(SEEDS_DIR.glob("*.txt"))
    if not seeds:
        pytest.skip(f"no seed pages (*.txt) in {SEEDS_DIR}")
    seed_runs: dict[tuple[str, ...], str] = {}
    for path in seeds:
        words = _words(path.read_text(encoding="utf-8"))
        for i in range(len(words) - COPIED_RUN + 1):
            seed_runs.setdefault(tuple(words[i:i + COPIED_RUN]), path.name)
    copied = []
    for question in QUESTIONS:
        words = _words(_visible_text(question))
        i = 0
        while i <= len(words) - COPIED_RUN:
            run = tuple(words[i:i + COPIED_RUN])
            if run in seed_runs:
                end = i + COPIED_RUN
                while end < len(words) and tuple(words[end - COPIED_RUN + 1:end + 1]) in seed_runs:
                    end += 1
                copied.append(f"  {question.anchor}: {' '.join(words[i:end])!r} "
                              f"(from {seed_runs[run]})")
                i = end
            else:
                i += 1
    assert not copied, (
        f"answers share runs of {COPIED_RUN} or more words with a seed page; "
        "rewrite them in Harbour's own words:\n" + "\n".join(copied)
    )
