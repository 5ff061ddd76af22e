"""The guided tools' rules as data: questions, branches, outcomes and findings, and the evaluator.

A tool is read from a YAML file in `harbour/tools/rules/` (see its README). The evaluator is plain
Python with no Django in it: it replays the answers given so far from the first question to find
the next question or the outcome, and works out each finding's verdict. It keeps no state: the
answers travel in the page's form.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

RULES_DIR = Path(__file__).parent / "rules"
CHOOSE_KINDS = ("one", "many")
VERDICTS = ("fits", "may-fit", "does-not-fit")

Answers = Mapping[str, tuple[str, ...]]


class RulesError(ValueError):
    """A rules file that an adviser or reviewer needs to fix; the message lists every problem."""


@dataclass(frozen=True)
class Condition:
    """Holds when, for every question named, one of the listed options was chosen."""

    chosen: Mapping[str, frozenset[str]]

    def holds(self, answers: Answers) -> bool:
        return all(set(answers.get(question, ())) & options for question, options in self.chosen.items())


@dataclass(frozen=True)
class Branch:
    goto: str
    when: Condition | None = None


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    hint: str = ""
    goto: str | None = None  # overrides the question's branches when this option is chosen


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    choose: str
    options: tuple[Option, ...]
    branches: tuple[Branch, ...]
    hint: str = ""

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)

    def next_for(self, answers: Answers) -> str:
        """Where the answers lead: a chosen option's own goto, else the first branch that holds."""
        for option_id in answers.get(self.id, ()):
            option = self.option(option_id)
            if option and option.goto:
                return option.goto
        for branch in self.branches:
            if branch.when is None or branch.when.holds(answers):
                return branch.goto
        raise RulesError(f"question {self.id}: no branch holds")  # validate() rules this out


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...] = ()
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Outcome:
    id: str
    title: str
    summary: str = ""
    sections: tuple[Section, ...] = ()
    topics: tuple[str, ...] = ()
    next: tuple[str, ...] = ()  # outcomes that may come after this one (the process tool's stages)
    tools: tuple[str, ...] = ()  # other Harbour tools worth using from here, by URL name


@dataclass(frozen=True)
class Rule:
    verdict: str
    why: str
    when: Condition | None = None


@dataclass(frozen=True)
class Finding:
    """One possible answer weighed for everyone who reaches the end (e.g. one court order)."""

    id: str
    title: str
    summary: str
    rules: tuple[Rule, ...]
    topics: tuple[str, ...] = ()
    tools: tuple[str, ...] = ()

    def verdict(self, answers: Answers) -> Rule:
        return next(rule for rule in self.rules if rule.when is None or rule.when.holds(answers))


@dataclass(frozen=True)
class Timeline:
    """The stages in order, shown with "you are here"; the first whose condition holds is shown.
    Each step is one stage, or several that are alternatives at that point."""

    steps: tuple[tuple[str, ...], ...]
    title: str
    when: Condition | None = None


@dataclass(frozen=True)
class Tool:
    id: str
    title: str
    intro: str
    start: str
    questions: Mapping[str, Question]
    outcomes: Mapping[str, Outcome]
    findings: tuple[Finding, ...] = ()
    timelines: tuple[Timeline, ...] = ()
    disclaimer: str = ""


@dataclass(frozen=True)
class Position:
    """Where a set of answers leads: the questions answered on the way, then a question or an outcome."""

    answered: tuple[str, ...]
    question: Question | None = None
    outcome: Outcome | None = None


@dataclass(frozen=True)
class WeighedFinding:
    finding: Finding
    verdict: str
    why: str


@dataclass
class _Problems:
    source: str
    items: list[str] = field(default_factory=list)

    def add(self, message: str) -> None:
        self.items.append(message)

    def raise_if_any(self) -> None:
        if self.items:
            raise RulesError(f"{self.source}:\n  - " + "\n  - ".join(self.items))


# --- the evaluator -------------------------------------------------------------------------


def walk(tool: Tool, answers: Answers) -> Position:
    """Replay the answers from the first question; stop at the first unanswered question or an outcome."""
    node, answered = tool.start, []
    while node in tool.questions:
        question = tool.questions[node]
        if not answers.get(question.id):
            return Position(tuple(answered), question=question)
        answered.append(question.id)
        node = question.next_for(answers)
    return Position(tuple(answered), outcome=tool.outcomes[node])


def answers_on_path(tool: Tool, answers: Answers) -> dict[str, tuple[str, ...]]:
    """Only the answers to questions on the path they lead along (a changed answer drops stale ones)."""
    position = walk(tool, answers)
    return {question_id: tuple(answers[question_id]) for question_id in position.answered}


def answers_clean(tool: Tool, submitted: Mapping[str, list[str]]) -> dict[str, tuple[str, ...]]:
    """Keep only known questions and their known options, in the order the options are listed."""
    clean: dict[str, tuple[str, ...]] = {}
    for question_id, values in submitted.items():
        question = tool.questions.get(question_id)
        if question is None:
            continue
        chosen = tuple(o.id for o in question.options if o.id in set(values))
        if question.choose == "one":
            chosen = chosen[:1]
        if chosen:
            clean[question_id] = chosen
    return answers_on_path(tool, clean)


def answers_back(tool: Tool, answers: Answers) -> dict[str, tuple[str, ...]]:
    """The answers with the last one on the path taken away: one step back."""
    position = walk(tool, answers)
    kept = dict(answers_on_path(tool, answers))
    if position.answered:
        kept.pop(position.answered[-1], None)
    return kept


def findings_weighed(tool: Tool, answers: Answers) -> list[WeighedFinding]:
    """Every finding with its verdict and the reason, those that fit first."""
    weighed = []
    for finding in tool.findings:
        rule = finding.verdict(answers)
        weighed.append(WeighedFinding(finding=finding, verdict=rule.verdict, why=rule.why))
    return sorted(weighed, key=lambda w: VERDICTS.index(w.verdict))


def timeline_for(tool: Tool, answers: Answers) -> Timeline | None:
    return next((t for t in tool.timelines if t.when is None or t.when.holds(answers)), None)


def paths(tool: Tool) -> Iterator[tuple[dict[str, tuple[str, ...]], Outcome]]:
    """Every route through the questions: each option of a one-choice question, and each option
    alone and all together for a many-choice question. For tests and for reviewers."""

    def choices(question: Question) -> list[tuple[str, ...]]:
        single = [(o.id,) for o in question.options]
        if question.choose == "many" and len(question.options) > 1:
            single.append(tuple(o.id for o in question.options))
        return single

    def go(node: str, answers: dict[str, tuple[str, ...]]):
        if node in tool.outcomes:
            yield dict(answers), tool.outcomes[node]
            return
        question = tool.questions[node]
        for chosen in choices(question):
            answers[question.id] = chosen
            yield from go(question.next_for(answers), answers)
            del answers[question.id]

    yield from go(tool.start, {})


# --- loading and checking ------------------------------------------------------------------


def load_tool(tool_id: str, *, topic_ids: frozenset[str] | None = None, rules_dir: Path = RULES_DIR) -> Tool:
    path = rules_dir / f"{tool_id}.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    tool = tool_from_data(raw, source=path.name)
    check_tool(tool, topic_ids=topic_ids, source=path.name)
    return tool


def tool_from_data(raw: dict, *, source: str = "rules") -> Tool:
    problems = _Problems(source)
    try:
        questions = {q["id"]: _question(q) for q in raw.get("questions", [])}
        outcomes = {o["id"]: _outcome(o) for o in raw.get("outcomes", [])}
        tool = Tool(
            id=raw["id"],
            title=raw["title"],
            intro=raw.get("intro", "").strip(),
            start=raw["start"],
            questions=questions,
            outcomes=outcomes,
            findings=tuple(_finding(f) for f in raw.get("findings", [])),
            timelines=tuple(_timeline(t) for t in raw.get("timelines", [])),
            disclaimer=raw.get("disclaimer", "").strip(),
        )
    except (KeyError, TypeError, AttributeError) as error:
        problems.add(f"missing or malformed field: {error!r}")
        problems.raise_if_any()
        raise
    if len(questions) != len(raw.get("questions", [])):
        problems.add("two questions share an id")
    if len(outcomes) != len(raw.get("outcomes", [])):
        problems.add("two outcomes share an id")
    problems.raise_if_any()
    return tool


def check_tool(tool: Tool, *, topic_ids: frozenset[str] | None = None, source: str = "rules") -> None:
    """Every goto leads somewhere, every question and outcome can be reached, nothing loops, every
    condition names a real question and option, every list of branches or rules ends with one that
    always holds, and (when given) every topic id exists."""
    problems = _Problems(source)
    nodes = set(tool.questions) | set(tool.outcomes)
    if set(tool.questions) & set(tool.outcomes):
        problems.add(
            f"ids used for both a question and an outcome: {sorted(set(tool.questions) & set(tool.outcomes))}"
        )
    if tool.start not in tool.questions:
        problems.add(f"start {tool.start!r} is not a question")
    for question in tool.questions.values():
        _check_question(tool, question, nodes, problems)
    for outcome in tool.outcomes.values():
        for later in outcome.next:
            if later not in tool.outcomes:
                problems.add(f"outcome {outcome.id}: next {later!r} is not an outcome")
    for finding in tool.findings:
        if not finding.rules or finding.rules[-1].when is not None:
            problems.add(f"finding {finding.id}: the last rule must have no condition")
        for rule in finding.rules:
            if rule.verdict not in VERDICTS:
                problems.add(f"finding {finding.id}: verdict {rule.verdict!r} is not one of {VERDICTS}")
            _check_condition(tool, rule.when, f"finding {finding.id}", problems)
    for timeline in tool.timelines:
        _check_condition(tool, timeline.when, f"timeline {timeline.title!r}", problems)
        for stage in (s for step in timeline.steps for s in step):
            if stage not in tool.outcomes:
                problems.add(f"timeline {timeline.title!r}: {stage!r} is not an outcome")
    if topic_ids is not None:
        for owner, topics in _topic_owners(tool):
            for topic in topics:
                if topic not in topic_ids:
                    problems.add(f"{owner}: topic {topic!r} is not in the taxonomy")
    problems.raise_if_any()
    if tool.start in tool.questions:
        _check_reachable(tool, problems)
    problems.raise_if_any()


def _check_question(tool: Tool, question: Question, nodes: set[str], problems: _Problems) -> None:
    where = f"question {question.id}"
    if question.choose not in CHOOSE_KINDS:
        problems.add(f"{where}: choose must be one of {CHOOSE_KINDS}")
    if len(question.options) < 2:
        problems.add(f"{where}: needs at least two options")
    if len({o.id for o in question.options}) != len(question.options):
        problems.add(f"{where}: two options share an id")
    for option in question.options:
        if option.goto and option.goto not in nodes:
            problems.add(f"{where}, option {option.id}: goto {option.goto!r} leads nowhere")
    for branch in question.branches:
        if branch.goto not in nodes:
            problems.add(f"{where}: goto {branch.goto!r} leads nowhere")
        _check_condition(tool, branch.when, where, problems)
    every_option_leads = all(o.goto for o in question.options)
    if not every_option_leads and (not question.branches or question.branches[-1].when is not None):
        problems.add(f"{where}: the last branch must have no condition, so every answer leads somewhere")


def _check_condition(tool: Tool, condition: Condition | None, where: str, problems: _Problems) -> None:
    if condition is None:
        return
    for question_id, option_ids in condition.chosen.items():
        question = tool.questions.get(question_id)
        if question is None:
            problems.add(f"{where}: condition names unknown question {question_id!r}")
            continue
        unknown = option_ids - {o.id for o in question.options}
        if unknown:
            problems.add(f"{where}: condition names unknown options of {question_id}: {sorted(unknown)}")


def _check_reachable(tool: Tool, problems: _Problems) -> None:
    """Walk every route (which also finds loops) and compare what was reached with what exists."""
    reached_questions: set[str] = set()
    reached_outcomes: set[str] = set()

    def go(node: str, answers: dict[str, tuple[str, ...]], trail: tuple[str, ...]) -> None:
        if node in trail:
            problems.add(f"a loop: {' -> '.join((*trail, node))}")
            return
        if node in tool.outcomes:
            reached_outcomes.add(node)
            return
        reached_questions.add(node)
        question = tool.questions[node]
        options = [(o.id,) for o in question.options]
        if question.choose == "many":
            options.append(tuple(o.id for o in question.options))
        for chosen in options:
            answers[node] = chosen
            go(question.next_for(answers), answers, (*trail, node))
            del answers[node]

    go(tool.start, {}, ())
    for question_id in sorted(set(tool.questions) - reached_questions):
        problems.add(f"question {question_id} can never be reached")
    for outcome_id in sorted(set(tool.outcomes) - reached_outcomes):
        problems.add(f"outcome {outcome_id} can never be reached")


def _topic_owners(tool: Tool) -> Iterator[tuple[str, tuple[str, ...]]]:
    for outcome in tool.outcomes.values():
        yield f"outcome {outcome.id}", outcome.topics
    for finding in tool.findings:
        yield f"finding {finding.id}", finding.topics


def _condition(raw: dict | None) -> Condition | None:
    if raw is None:
        return None
    return Condition(chosen={question: frozenset(_as_list(options)) for question, options in raw.items()})


def _as_list(value) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _question(raw: dict) -> Question:
    branches = raw.get("next", [])
    if isinstance(branches, str):
        branches = [{"goto": branches}]
    return Question(
        id=raw["id"],
        text=raw["text"].strip(),
        hint=raw.get("hint", "").strip(),
        choose=raw.get("choose", "one"),
        options=tuple(
            Option(id=o["id"], label=o["label"].strip(), hint=o.get("hint", "").strip(), goto=o.get("goto"))
            for o in raw["options"]
        ),
        branches=tuple(Branch(goto=b["goto"], when=_condition(b.get("when"))) for b in branches),
    )


def _outcome(raw: dict) -> Outcome:
    return Outcome(
        id=raw["id"],
        title=raw["title"].strip(),
        summary=raw.get("summary", "").strip(),
        sections=tuple(
            Section(
                heading=s["heading"].strip(),
                paragraphs=tuple(p.strip() for p in s.get("paragraphs", [])),
                items=tuple(i.strip() for i in s.get("items", [])),
            )
            for s in raw.get("sections", [])
        ),
        topics=tuple(raw.get("topics", [])),
        next=tuple(raw.get("next", [])),
        tools=tuple(raw.get("tools", [])),
    )


def _finding(raw: dict) -> Finding:
    return Finding(
        id=raw["id"],
        title=raw["title"].strip(),
        summary=raw.get("summary", "").strip(),
        topics=tuple(raw.get("topics", [])),
        tools=tuple(raw.get("tools", [])),
        rules=tuple(
            Rule(verdict=r["verdict"], why=r["why"].strip(), when=_condition(r.get("when")))
            for r in raw["rules"]
        ),
    )


def _timeline(raw: dict) -> Timeline:
    steps = tuple(tuple(_as_list(step)) for step in raw["stages"])
    return Timeline(steps=steps, title=raw["title"].strip(), when=_condition(raw.get("when")))
