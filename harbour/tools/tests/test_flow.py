"""The rules evaluator and the structure checks every rules file must pass."""

from __future__ import annotations

import pytest
import yaml

from harbour.content.starter import parse_all
from harbour.content.topics import taxonomy
from harbour.tools.flow import (
    RULES_DIR,
    RulesError,
    answers_back,
    answers_clean,
    check_tool,
    load_tool,
    paths,
    tool_from_data,
    walk,
)

RULES_FILES = sorted(RULES_DIR.glob("*.yaml"))

SMALL = {
    "id": "small",
    "title": "Small",
    "start": "one",
    "questions": [
        {
            "id": "one",
            "text": "One?",
            "options": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}],
            "next": [{"when": {"one": "a"}, "goto": "two"}, {"goto": "end-b"}],
        },
        {
            "id": "two",
            "text": "Two?",
            "choose": "many",
            "options": [{"id": "x", "label": "X"}, {"id": "y", "label": "Y"}],
            "next": "end-a",
        },
    ],
    "outcomes": [{"id": "end-a", "title": "A"}, {"id": "end-b", "title": "B"}],
}


def small(**changes) -> dict:
    data = yaml.safe_load(yaml.safe_dump(SMALL))
    data.update(changes)
    return data


def test_there_are_rules_files_for_both_guided_tools():
    assert {path.stem for path in RULES_FILES} >= {"protection", "process"}


@pytest.mark.parametrize("path", RULES_FILES, ids=lambda p: p.name)
def test_every_rules_file_passes_the_structure_checks(path):
    tool = load_tool(path.stem, topic_ids=taxonomy().topic_ids())
    assert tool.questions and tool.outcomes and tool.disclaimer


@pytest.mark.parametrize("path", RULES_FILES, ids=lambda p: p.name)
def test_every_path_reaches_an_outcome_and_every_outcome_is_reached(path):
    tool = load_tool(path.stem)
    reached = set()
    for answers, outcome in paths(tool):
        position = walk(tool, answers)
        assert position.outcome == outcome
        assert set(position.answered) == set(answers)
        reached.add(outcome.id)
    assert reached == set(tool.outcomes)


@pytest.mark.parametrize("path", RULES_FILES, ids=lambda p: p.name)
def test_every_topic_the_tools_link_to_has_a_passage_with_that_anchor(path):
    anchors = {question.anchor for group in parse_all() for question in group.questions}
    tool = load_tool(path.stem)
    topics = {t for o in tool.outcomes.values() for t in o.topics} | {
        t for f in tool.findings for t in f.topics
    }
    assert topics and topics <= anchors


@pytest.mark.parametrize("path", RULES_FILES, ids=lambda p: p.name)
def test_no_rules_file_uses_a_word_yaml_would_read_as_true_or_false(path):
    # `id: no` becomes False in YAML; ids and labels must stay text.
    tool = load_tool(path.stem)
    for question in tool.questions.values():
        assert all(isinstance(o.id, str) and isinstance(o.label, str) for o in question.options)


def test_walk_stops_at_the_first_unanswered_question_then_reaches_the_outcome():
    tool = tool_from_data(small())
    assert walk(tool, {}).question.id == "one"
    assert walk(tool, {"one": ("a",)}).question.id == "two"
    end = walk(tool, {"one": ("a",), "two": ("x", "y")})
    assert end.outcome.id == "end-a" and end.answered == ("one", "two")
    assert walk(tool, {"one": ("b",)}).outcome.id == "end-b"


def test_answers_off_the_path_and_unknown_options_are_dropped():
    tool = tool_from_data(small())
    clean = answers_clean(tool, {"one": ["b"], "two": ["x"], "nope": ["a"]})
    assert clean == {"one": ("b",)}
    assert answers_clean(tool, {"one": ["a", "b"]}) == {"one": ("a",)}  # one choice only
    assert answers_clean(tool, {"one": ["a"], "two": ["zzz", "y"]}) == {"one": ("a",), "two": ("y",)}


def test_back_removes_the_last_answer_on_the_path():
    tool = tool_from_data(small())
    assert answers_back(tool, {"one": ("a",), "two": ("x",)}) == {"one": ("a",)}
    assert answers_back(tool, {"one": ("a",)}) == {}
    assert answers_back(tool, {}) == {}


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"start": "missing"}, "start 'missing' is not a question"),
        (
            {
                "outcomes": [
                    {"id": "end-a", "title": "A"},
                    {"id": "end-b", "title": "B"},
                    {"id": "lost", "title": "L"},
                ]
            },
            "outcome lost can never be reached",
        ),
        (
            {"questions": SMALL["questions"][:1] + [{**SMALL["questions"][1], "next": "nowhere"}]},
            "leads nowhere",
        ),
        (
            {
                "questions": [
                    {**SMALL["questions"][0], "next": [{"when": {"one": "a"}, "goto": "two"}]},
                    SMALL["questions"][1],
                ]
            },
            "the last branch must have no condition",
        ),
        (
            {
                "questions": [
                    {
                        **SMALL["questions"][0],
                        "next": [{"when": {"one": "zzz"}, "goto": "two"}, {"goto": "end-b"}],
                    },
                    SMALL["questions"][1],
                ]
            },
            "unknown options of one",
        ),
        (
            {
                "questions": SMALL["questions"]
                + [
                    {
                        "id": "orphan",
                        "text": "?",
                        "options": SMALL["questions"][0]["options"],
                        "next": "end-a",
                    }
                ]
            },
            "question orphan can never be reached",
        ),
        ({"questions": [SMALL["questions"][0], {**SMALL["questions"][1], "next": "one"}]}, "a loop"),
        (
            {
                "questions": [
                    {**SMALL["questions"][0], "options": [{"id": "a", "label": "A"}]},
                    SMALL["questions"][1],
                ]
            },
            "needs at least two options",
        ),
    ],
)
def test_the_structure_checks_catch_each_kind_of_mistake(change, problem):
    with pytest.raises(RulesError, match=problem):
        check_tool(tool_from_data(small(**change)))


def test_an_unknown_topic_is_caught():
    data = small(
        outcomes=[{"id": "end-a", "title": "A", "topics": ["no-such-topic"]}, {"id": "end-b", "title": "B"}]
    )
    with pytest.raises(RulesError, match="no-such-topic"):
        check_tool(tool_from_data(data), topic_ids=taxonomy().topic_ids())


def test_a_finding_must_end_with_a_rule_that_always_holds():
    data = small(
        findings=[{"id": "f", "title": "F", "rules": [{"when": {"one": "a"}, "verdict": "fits", "why": "w"}]}]
    )
    with pytest.raises(RulesError, match="the last rule must have no condition"):
        check_tool(tool_from_data(data))


def test_a_missing_field_is_reported_with_the_file_name():
    with pytest.raises(RulesError, match="broken.yaml"):
        tool_from_data({"id": "x"}, source="broken.yaml")
