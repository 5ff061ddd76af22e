"""The deadline calculator's arithmetic: a DVPN's 48 hours, a DVPO's 14 to 28 days, a referral's working day.

Plain Python with no Django in it. Every time is an aware datetime in Europe/London, and a naive
one is refused: read in the wrong time zone, a deadline is an hour out. Sums of hours are done in
UTC, because Python subtracts two London times on the wall clock, not in real hours.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from harbour.common.calendar import LONDON, clock, day_name, is_bank_holiday, is_working_day

DVPN_LASTS = dt.timedelta(hours=48)
DVPO_SHORTEST = dt.timedelta(days=14)
DVPO_LONGEST = dt.timedelta(days=28)
HEARING_WITHIN = dt.timedelta(hours=48)
ONE_DAY = dt.timedelta(days=1)
# Years the calculator answers for; a date outside them is a typing slip.
EARLIEST_YEAR, LATEST_YEAR = 2000, 2099


class NaiveTime(ValueError):
    """A datetime without a time zone: Harbour cannot tell which 4.15pm it means."""


class MissingTime(ValueError):
    """A wall-clock time that never happened: the hour skipped when the clocks go forward."""


@dataclass(frozen=True)
class DvpnDeadlines:
    issued: dt.datetime
    # 48 real hours after it was issued: the notice ends, and the police must have applied
    # to the magistrates' court for a DVPO by then.
    ends: dt.datetime
    # Crime and Security Act 2010, section 27: the court must hear the application within
    # 48 hours of the notice, not counting Sundays, Christmas Day, Good Friday or bank holidays.
    hearing_by: dt.datetime

    @property
    def clocks_change(self) -> bool:
        """True when the clocks go forward or back in the 48 hours, so the clock time moves by an hour."""
        return self.issued.utcoffset() != self.ends.utcoffset()


@dataclass(frozen=True)
class DvpoEnd:
    made: dt.date
    # The court's order says how long it lasts, from 14 to 28 days. Whether the day it is made
    # counts is for the order to say, so these dates are "about" and she should check the order.
    earliest: dt.date
    latest: dt.date


@dataclass(frozen=True)
class ReferralDecision:
    received: dt.date
    # Working Together to Safeguard Children, paragraph 71: within one working day.
    decide_by: dt.date


def in_london(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise NaiveTime("This time has no time zone.")
    return moment.astimezone(LONDON)


def london_time(day: dt.date, time: dt.time) -> dt.datetime:
    """A day and a clock time as a London datetime.

    The hour the clocks go forward never happened, so it is refused. In the hour that happens
    twice when they go back, the first is taken: the earlier time gives the earlier deadline.
    """
    moment = dt.datetime.combine(day, time.replace(tzinfo=None, fold=0), tzinfo=LONDON)
    if moment.astimezone(dt.UTC).astimezone(LONDON).replace(tzinfo=None) != moment.replace(tzinfo=None):
        raise MissingTime("The clocks went forward at that time, so it did not happen.")
    return moment


def dvpn_deadlines(*, issued: dt.datetime) -> DvpnDeadlines:
    issued = in_london(issued)
    return DvpnDeadlines(issued=issued, ends=_after_real_time(issued, DVPN_LASTS),
                         hearing_by=_after_counted_time(issued, HEARING_WITHIN))


def dvpo_end(*, made: dt.date | dt.datetime) -> DvpoEnd:
    day = _london_day(made)
    return DvpoEnd(made=day, earliest=day + DVPO_SHORTEST, latest=day + DVPO_LONGEST)


def referral_decision_by(*, received: dt.date | dt.datetime) -> ReferralDecision:
    day = _london_day(received)
    return ReferralDecision(received=day, decide_by=next_working_day(after=day))


def next_working_day(*, after: dt.date) -> dt.date:
    day = after + ONE_DAY
    while not is_working_day(day):
        day += ONE_DAY
    return day


def counts_for_the_hearing(day: dt.date) -> bool:
    """Section 27 disregards Christmas Day, Good Friday, Sundays and bank holidays in England and Wales.

    Good Friday is one of England's bank holidays in the `holidays` package; Christmas Day is
    named too, as the Act names it.
    """
    return day.weekday() != 6 and not is_bank_holiday(day) and (day.month, day.day) != (12, 25)


def by_time(moment: dt.datetime) -> str:
    """Written as "by 4.15pm on Thursday 26 March", "by 12 noon on ..." or "by midnight at the end of ..."."""
    moment = in_london(moment)
    if moment.time() == dt.time(0):
        return f"by midnight at the end of {day_name(moment.date() - ONE_DAY)}"
    time = "12 noon" if moment.time() == dt.time(12) else clock(moment)
    return f"by {time} on {day_name(moment)}"


def by_end_of(day: dt.date) -> str:
    """Written as "by the end of Monday 30 March"."""
    return f"by the end of {day_name(day)}"


def _london_day(moment: dt.date | dt.datetime) -> dt.date:
    return in_london(moment).date() if isinstance(moment, dt.datetime) else moment


def _after_real_time(start: dt.datetime, span: dt.timedelta) -> dt.datetime:
    return (start.astimezone(dt.UTC) + span).astimezone(LONDON)


def _after_counted_time(start: dt.datetime, span: dt.timedelta) -> dt.datetime:
    """The moment `span` of time has passed from `start`, leaving out the days that do not count."""
    cursor, left = start.astimezone(dt.UTC), span
    while True:
        day = cursor.astimezone(LONDON).date()
        next_midnight = dt.datetime.combine(day + ONE_DAY, dt.time(0), tzinfo=LONDON).astimezone(dt.UTC)
        if counts_for_the_hearing(day):
            if next_midnight - cursor >= left:
                return (cursor + left).astimezone(LONDON)
            left -= next_midnight - cursor
        cursor = next_midnight
