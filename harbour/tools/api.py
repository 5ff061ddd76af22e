"""The guided tools' JSON endpoints, added to Harbour's API (harbour/answering/api.py).

`GET /api/deadlines` and `GET /api/advice-line` give other front ends what the deadline
calculator and the advice line page show. Dates and times are Europe/London.
"""

from __future__ import annotations

import datetime as dt
import re

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from harbour.common.advice_line import advice_line_status
from harbour.common.calendar import day_name
from harbour.tools.deadlines import (
    EARLIEST_YEAR,
    LATEST_YEAR,
    MissingTime,
    NaiveTime,
    by_end_of,
    by_time,
    dvpn_deadlines,
    dvpo_end,
    in_london,
    london_time,
    referral_decision_by,
)

router = Router(tags=["tools"])

KINDS = ("dvpn", "dvpo", "referral")
# In a query string an unescaped "+" arrives as a space: "T16:15 01:00" meant "T16:15+01:00".
_OFFSET_AS_SPACE = re.compile(r"(T\d\d:\d\d(?::\d\d(?:\.\d+)?)?) (\d\d:?\d\d)$")


class ToolErrorOut(Schema):
    error: str


class DeadlineOut(Schema):
    name: str = Field(description="notice_ends, hearing_by, earliest_end, latest_end or decide_by")
    at: str = Field(description="ISO 8601: a date-time with its UTC offset, or a date")
    text: str = Field(description='In words, e.g. "by 4.15pm on Thursday 26 March"')
    label: str = Field(description="What the date is")


class DeadlinesOut(Schema):
    kind: str
    start: str = Field(description="What was counted from, ISO 8601, in London time")
    deadlines: list[DeadlineOut]
    notes: list[str]
    sources: list[str]


class AdviceLineOut(Schema):
    open: bool
    text: str = Field(description='"Open now, until 3pm" or "Closed. Opens Monday 30 March at 9.30am"')
    opens_at: str | None = Field(description="ISO 8601 with offset; null while open")
    closes_at: str | None = Field(description="ISO 8601 with offset; null while closed")
    number: str
    hours: str


class Unreadable(ValueError):
    """A request this endpoint cannot answer; its message is for the person."""


@router.get("/deadlines", response={200: DeadlinesOut, 422: ToolErrorOut},
            summary="Work out a DVPN's, a DVPO's or a referral's dates")
def deadlines(request: HttpRequest, kind: str = "",
              start: str = Query("", alias="from", description=(
                  "ISO 8601 date or date-time; without an offset it is read as London time. "
                  "A DVPN needs the time it was given."))):
    try:
        return Status(200, _deadlines(kind, _read_start(kind, start)))
    except Unreadable as problem:
        return Status(422, {"error": str(problem)})


@router.get("/advice-line", response=AdviceLineOut, summary="Is the advice line open now?")
def advice_line(request: HttpRequest):
    status = advice_line_status(timezone.now())
    return {"open": status.is_open, "text": status.describe(),
            "opens_at": status.opens_at.isoformat() if status.opens_at else None,
            "closes_at": status.closes_at.isoformat() if status.closes_at else None,
            "number": settings.HARBOUR_ADVICE_LINE["number"],
            "hours": settings.HARBOUR_ADVICE_LINE["hours"]}


def _read_start(kind: str, text: str) -> dt.date | dt.datetime:
    if kind not in KINDS:
        raise Unreadable(_("Please give kind=dvpn, kind=dvpo or kind=referral."))
    text = _OFFSET_AS_SPACE.sub(r"\1+\2", text.strip())
    try:
        start: dt.date | dt.datetime = (
            dt.datetime.fromisoformat(text) if "T" in text or " " in text else dt.date.fromisoformat(text))
    except ValueError:
        raise Unreadable(_("Please give from= as a date like 2026-03-26, "
                           "or a date and time like 2026-03-26T16:15.")) from None
    if not EARLIEST_YEAR <= start.year <= LATEST_YEAR:
        raise Unreadable(_("Please check the year."))
    if not isinstance(start, dt.datetime):
        if kind == "dvpn":
            raise Unreadable(_("For a DVPN, please give the time it was given as well as the date, "
                               "like 2026-03-26T16:15."))
        return start
    try:
        return in_london(start)
    except NaiveTime:
        pass
    try:
        return london_time(start.date(), start.time())
    except MissingTime:
        raise Unreadable(_("The clocks went forward an hour at that time, so it did not happen "
                           "in London. Please check the time.")) from None


def _deadlines(kind: str, start: dt.date | dt.datetime) -> dict:
    answer: dict = {"kind": kind, "start": start.isoformat(), "notes": []}
    if kind == "dvpn":
        found = dvpn_deadlines(issued=start)
        answer["deadlines"] = [
            {"name": "notice_ends", "at": found.ends.isoformat(), "text": by_time(found.ends),
             "label": _("The notice ends, 48 hours after it was given. The police must apply to the "
                        "magistrates' court for a DVPO by then.")},
            {"name": "hearing_by", "at": found.hearing_by.isoformat(), "text": by_time(found.hearing_by),
             "label": _("The court must hear the police's application by then: 48 hours, not counting "
                        "Sundays, Christmas Day, Good Friday or bank holidays.")},
        ]
        if found.clocks_change:
            answer["notes"].append(_("The clocks change during these 48 hours, so the clock time is an "
                                     "hour different from the time the notice was given."))
        answer["sources"] = ["Crime and Security Act 2010, section 27: "
                             "https://www.legislation.gov.uk/ukpga/2010/17/section/27"]
    elif kind == "dvpo":
        found_order = dvpo_end(made=start)
        answer["deadlines"] = [
            {"name": "earliest_end", "at": found_order.earliest.isoformat(),
             "text": day_name(found_order.earliest),
             "label": _("About when the order ends at the earliest: 14 days.")},
            {"name": "latest_end", "at": found_order.latest.isoformat(), "text": day_name(found_order.latest),
             "label": _("About when the order ends at the latest: 28 days.")},
        ]
        answer["notes"].append(_("The court's order says how long it lasts. "
                                 "Check the exact date on the order."))
        answer["sources"] = ["Crime and Security Act 2010, sections 27 and 28"]
    else:
        found_referral = referral_decision_by(received=start)
        answer["deadlines"] = [
            {"name": "decide_by", "at": found_referral.decide_by.isoformat(),
             "text": by_end_of(found_referral.decide_by),
             "label": _("Children's services should decide what to do next: one working day.")},
        ]
        answer["sources"] = ["Working Together to Safeguard Children, paragraph 71"]
    return answer
