"""The question-by-question tools served on the site: loading their rules and taking one step.

The rules and the evaluator are in `flow.py` (plain Python); this module adds what Django needs:
the taxonomy's topic ids for checking, links to the advice, and reading a submitted form.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from django.utils.translation import gettext as _

from harbour.content.topics import taxonomy
from harbour.tools.flow import (
    Answers,
    Outcome,
    Position,
    Tool,
    answers_back,
    answers_clean,
    load_tool,
    walk,
)

GUIDED_TOOLS = ("protection", "process")
ANSWER_PREFIX = "a:"


@dataclass(frozen=True)
class AdviceLink:
    title: str
    url: str


@dataclass(frozen=True)
class Step:
    """What to show after a submitted form: where the answers lead, and any error to fix."""

    answers: dict[str, tuple[str, ...]]
    position: Position
    selected: tuple[str, ...] = ()
    error: str = ""


@cache
def guided_tool(tool_id: str) -> Tool:
    """A tool's rules, loaded once and checked against the taxonomy (a broken file stops start-up)."""
    if tool_id not in GUIDED_TOOLS:
        raise KeyError(tool_id)
    return load_tool(tool_id, topic_ids=taxonomy().topic_ids())


def guided_tools_check() -> None:
    for tool_id in GUIDED_TOOLS:
        guided_tool(tool_id)


def advice_links(topic_ids: tuple[str, ...]) -> list[AdviceLink]:
    topics = taxonomy()
    links = []
    for topic_id in topic_ids:
        topic = topics.topic(topic_id)
        links.append(AdviceLink(title=topic.title, url=f"/advice/{topic.group}/#{topic.id}"))
    return links


def tool_start(tool: Tool) -> Step:
    return Step(answers={}, position=walk(tool, {}))


def tool_step(*, tool: Tool, form: Mapping[str, list[str]]) -> Step:
    """Read the answers so far (hidden fields), then go back one step or take the new answer."""
    prior = answers_clean(tool, {key.removeprefix(ANSWER_PREFIX): values
                                 for key, values in form.items() if key.startswith(ANSWER_PREFIX)})
    if _last(form, "action") == "back":
        kept = answers_back(tool, prior)
        position = walk(tool, kept)
        selected = prior.get(position.question.id, ()) if position.question else ()
        return Step(answers=kept, position=position, selected=selected)
    position = walk(tool, prior)
    asked = _last(form, "question")
    if position.question is None or position.question.id != asked:
        # An old or altered form: show where the answers it carries lead.
        return Step(answers=prior, position=position)
    answers = answers_clean(tool, {**{k: list(v) for k, v in prior.items()}, asked: form.get("choice", [])})
    if asked not in answers:
        message = (_("Choose an answer.") if position.question.choose == "one"
                   else _("Choose at least one answer."))
        return Step(answers=prior, position=position, error=message)
    return Step(answers=answers, position=walk(tool, answers))


def answered_summary(tool: Tool, answers: Answers) -> list[tuple[str, list[str]]]:
    """The questions asked and the labels chosen, in order, to show back to the person."""
    summary = []
    for question_id in walk(tool, answers).answered:
        question = tool.questions[question_id]
        labels = [o.label for o in question.options if o.id in answers[question_id]]
        summary.append((question.text, labels))
    return summary


def next_stages(tool: Tool, outcome: Outcome) -> list[Outcome]:
    return [tool.outcomes[stage] for stage in outcome.next]


def _last(form: Mapping[str, list[str]], key: str) -> str:
    values = form.get(key) or [""]
    return values[-1]
