"""The queue's order: danger, then the nearest coming date, then pregnancy, then pre-proceedings,
then the longest waiting; and the reason an adviser reads for each place."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from harbour.enquiries.selectors import enquiry_queue
from harbour.enquiries.tests.factories import enquiry_make
from harbour.enquiries.triage import TriageFacts, triage_key, triage_reason

TODAY = dt.date(2026, 11, 25)
EARLY = dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.UTC)
LATE = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)


def facts(*, danger=False, coming=None, kind="", group="", at=LATE) -> TriageFacts:
    return TriageFacts(danger=danger, coming_date=coming, date_kind=kind, topic_group=group, created_at=at)


IN_3_DAYS = TODAY + dt.timedelta(days=3)
IN_30_DAYS = TODAY + dt.timedelta(days=30)

# (rule, the enquiry answered first, the enquiry answered after it)
ORDER_RULES = [
    ("danger comes before a hearing tomorrow",
     facts(danger=True), facts(coming=TODAY + dt.timedelta(days=1), kind="court-hearing", at=EARLY)),
    ("danger comes before the longest waiting", facts(danger=True, at=LATE), facts(at=EARLY)),
    ("the nearer date comes first",
     facts(coming=IN_3_DAYS, kind="cp-conference"), facts(coming=IN_30_DAYS, kind="court-hearing", at=EARLY)),
    ("a date today counts as coming", facts(coming=TODAY, kind="court-hearing"), facts(group="pregnancy")),
    ("any coming date comes before pregnancy", facts(coming=IN_30_DAYS, kind="court-hearing"),
     facts(group="pregnancy", at=EARLY)),
    ("a date that has passed counts for nothing", facts(group="pregnancy"),
     facts(coming=TODAY - dt.timedelta(days=1), kind="court-hearing", at=EARLY)),
    ("pregnancy by topic comes before pre-proceedings", facts(group="pregnancy"),
     facts(group="proceedings", at=EARLY)),
    ("a due date that has passed still means pregnancy",
     facts(coming=TODAY - dt.timedelta(days=2), kind="due-date"), facts(group="proceedings", at=EARLY)),
    ("pre-proceedings by topic comes before the longest waiting", facts(group="proceedings"),
     facts(group="early-help", at=EARLY)),
    ("a pre-proceedings meeting that has passed still means pre-proceedings",
     facts(coming=TODAY - dt.timedelta(days=5), kind="pre-proceedings-meeting"), facts(at=EARLY)),
    ("then the one waiting longest comes first", facts(at=EARLY), facts(at=LATE)),
    ("among dangers, the nearer date first", facts(danger=True, coming=IN_3_DAYS, kind="court-hearing"),
     facts(danger=True, at=EARLY)),
]


@pytest.mark.parametrize(("rule", "first", "second"), ORDER_RULES, ids=[r[0] for r in ORDER_RULES])
def test_the_triage_order(rule, first, second):
    assert triage_key(first, TODAY) < triage_key(second, TODAY), rule


REASONS = [
    (facts(danger=True, coming=IN_3_DAYS, kind="court-hearing"), "A court hearing",
     "Danger: the message describes"),
    (facts(coming=TODAY, kind="court-hearing"), "A court hearing", "A court hearing today (25 November)"),
    (facts(coming=TODAY + dt.timedelta(days=1), kind="cp-conference"), "A child protection conference",
     "A child protection conference tomorrow (26 November)"),
    (facts(coming=IN_3_DAYS, kind="court-hearing"), "A court hearing",
     "A court hearing in 3 days (28 November)"),
    (facts(group="pregnancy"), "", "Pregnancy or pre-birth"),
    (facts(coming=TODAY - dt.timedelta(days=1), kind="due-date"), "The baby's due date",
     "Pregnancy or pre-birth"),
    (facts(group="proceedings"), "", "Pre-proceedings or care proceedings"),
    (facts(group="early-help"), "", "Waiting longest first"),
]


@pytest.mark.parametrize(("enquiry", "label", "reason"), REASONS)
def test_each_place_comes_with_its_reason(enquiry, label, reason):
    assert triage_reason(enquiry, TODAY, date_label=label).startswith(reason)


@pytest.mark.django_db
def test_the_queue_in_the_database_is_in_exactly_the_triage_order():
    chooser = random.Random(5)  # noqa: S311 - test data, not secrets
    made = []
    for minute in chooser.sample(range(10_000), 80):
        kind = chooser.choice(["", "court-hearing", "cp-conference", "pre-proceedings-meeting", "due-date"])
        made.append(enquiry_make(
            danger=chooser.random() < 0.15,
            date_kind=kind,
            coming_date=(TODAY + dt.timedelta(days=chooser.randint(-10, 40))) if kind else None,
            topic_group=chooser.choice(["", "pregnancy", "proceedings", "early-help", "court-protection"]),
            created_at=EARLY + dt.timedelta(minutes=minute),
        ))
    enquiry_make(status="closed", danger=True)  # closed enquiries are not in the queue
    enquiry_make(status="answered", danger=True)

    expected = sorted(made, key=lambda e: triage_key(
        facts(danger=e.danger, coming=e.coming_date, kind=e.date_kind, group=e.topic_group, at=e.created_at),
        TODAY))
    assert [e.reference for e in enquiry_queue(today=TODAY)] == [e.reference for e in expected]
