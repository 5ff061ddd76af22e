"""The order advisers answer in: danger first, then the nearest coming date, then pregnancy and
pre-birth, then pre-proceedings, then the longest waiting. Each place comes with its reason.

Plain Python, so the rule can be read and tested on its own; the queue's database query
(selectors.enquiry_queue) orders by the same keys, and a test checks that the two agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

PREGNANCY_GROUPS = frozenset({"pregnancy"})
PROCEEDINGS_GROUPS = frozenset({"proceedings"})
DUE_DATE = "due-date"
PRE_PROCEEDINGS_MEETING = "pre-proceedings-meeting"


@dataclass(frozen=True)
class TriageFacts:
    danger: bool
    coming_date: dt.date | None
    date_kind: str
    topic_group: str
    created_at: dt.datetime


def is_pregnancy(facts: TriageFacts) -> bool:
    return facts.date_kind == DUE_DATE or facts.topic_group in PREGNANCY_GROUPS


def is_pre_proceedings(facts: TriageFacts) -> bool:
    return facts.date_kind == PRE_PROCEEDINGS_MEETING or facts.topic_group in PROCEEDINGS_GROUPS


def has_coming_date(facts: TriageFacts, today: dt.date) -> bool:
    return facts.coming_date is not None and facts.coming_date >= today


def triage_key(facts: TriageFacts, today: dt.date) -> tuple:
    """Sorts ascending into the order advisers answer in."""
    coming = has_coming_date(facts, today)
    return (
        not facts.danger,
        not coming,
        facts.coming_date if coming else dt.date.max,
        not is_pregnancy(facts),
        not is_pre_proceedings(facts),
        facts.created_at,
    )


def triage_reason(facts: TriageFacts, today: dt.date, date_label: str = "") -> str:
    """Why the enquiry has its place, in the words an adviser reads in the queue."""
    if facts.danger:
        return "Danger: the message describes immediate danger"
    if has_coming_date(facts, today):
        days = (facts.coming_date - today).days
        when = "today" if days == 0 else "tomorrow" if days == 1 else f"in {days} days"
        return f"{date_label or 'A date'} {when} ({facts.coming_date:%-d %B})"
    if is_pregnancy(facts):
        return "Pregnancy or pre-birth"
    if is_pre_proceedings(facts):
        return "Pre-proceedings or care proceedings"
    return "Waiting longest first"
