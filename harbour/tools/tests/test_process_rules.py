"""Where am I in the children's services process? Each stage a person can be at, and the timeline."""

from __future__ import annotations

import pytest

from harbour.tools.flow import load_tool, timeline_for, walk

TOOL = load_tool("process")

CHILD_STAGES = [
    ("referral", "referral"), ("decision", "decision"), ("early-help", "early-help"),
    ("child-in-need", "child-in-need"), ("enquiries", "section-47"), ("conference", "conference"),
    ("plan", "plan"), ("letter", "pre-proceedings"), ("court", "care-proceedings"), ("not-sure", "not-sure"),
]
UNBORN_STAGES = [
    ("referral", "referral"), ("assessment", "pre-birth-assessment"), ("child-in-need", "child-in-need"),
    ("conference", "conference"), ("plan", "plan"), ("letter", "pre-proceedings"), ("not-sure", "not-sure"),
]
ORDER = ["referral", "decision", "early-help", "section-47", "conference", "plan", "pre-proceedings",
         "care-proceedings"]


@pytest.mark.parametrize(("answer", "stage"), CHILD_STAGES)
def test_each_stage_for_a_child(answer, stage):
    answers = {"about": ("child",), "child-stage": (answer,)}
    assert walk(TOOL, answers).outcome.id == stage
    timeline = timeline_for(TOOL, answers)
    assert timeline.title == "For a child"
    if stage != "not-sure":
        assert any(stage in step for step in timeline.steps), "you are here must be on the timeline"


@pytest.mark.parametrize(("answer", "stage"), UNBORN_STAGES)
def test_each_stage_for_an_unborn_baby(answer, stage):
    answers = {"about": ("unborn",), "unborn-stage": (answer,)}
    assert walk(TOOL, answers).outcome.id == stage
    timeline = timeline_for(TOOL, answers)
    assert timeline.title == "For an unborn baby"
    if stage != "not-sure":
        assert any(stage in step for step in timeline.steps)


def test_the_child_timeline_has_the_stages_in_the_order_of_the_process():
    child = next(t for t in TOOL.timelines if t.title == "For a child")
    flat = [stage for step in child.steps for stage in step]
    positions = [flat.index(stage) for stage in ORDER]
    assert positions == sorted(positions)
    assert {"early-help", "child-in-need", "section-47"} in [set(step) for step in child.steps]


def test_the_pre_birth_path_has_a_pre_birth_assessment_and_a_conference_while_pregnant():
    unborn = next(t for t in TOOL.timelines if t.title == "For an unborn baby")
    flat = [stage for step in unborn.steps for stage in step]
    assert flat.index("pre-birth-assessment") < flat.index("conference")
    assert "pregnant" in TOOL.outcomes["conference"].summary


def test_every_stage_but_the_last_says_what_may_come_next():
    for outcome in TOOL.outcomes.values():
        if outcome.id not in {"care-proceedings", "not-sure"}:
            assert outcome.next, outcome.id
        assert outcome.summary and outcome.sections and outcome.topics, outcome.id
        assert any("now" in section.heading.lower() for section in outcome.sections), outcome.id


def test_the_referral_stage_gives_the_one_working_day_decision_and_links_the_deadline_tool():
    referral = TOOL.outcomes["referral"]
    text = " ".join(p for s in referral.sections for p in s.paragraphs)
    assert "one working day" in text and "paragraph 71" in text
    assert "deadlines" in referral.tools


def test_pre_proceedings_lists_what_the_letter_before_proceedings_should_say():
    items = " ".join(i for s in TOOL.outcomes["pre-proceedings"].sections for i in s.items)
    for fact in ("worried about", "changes", "assessments or courses", "support", "pre-proceedings meeting",
                 "solicitor"):
        assert fact in items


def test_the_plan_stage_lists_the_help_that_can_be_asked_for():
    items = " ".join(i for s in TOOL.outcomes["plan"].sections for i in s.items)
    for help_ in ("domestic abuse support", "housing", "IDVA", "referrals"):
        assert help_ in items
