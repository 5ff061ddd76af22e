"""Is the advice line open now? Hours are configuration (settings.HARBOUR_ADVICE_LINE)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

# Imported here too, as the names this module has always offered.
from harbour.common.calendar import LONDON, clock, day_name, is_bank_holiday

__all__ = ["LONDON", "LineHours", "LineStatus", "advice_line_status", "clock", "configured_hours",
           "day_name", "is_bank_holiday"]


@dataclass(frozen=True)
class LineHours:
    weekdays: frozenset[int]  # Monday is 0
    opens: dt.time
    closes: dt.time
    closed_on_bank_holidays: bool


@dataclass(frozen=True)
class LineStatus:
    is_open: bool
    closes_at: dt.datetime | None
    opens_at: dt.datetime | None

    def describe(self) -> str:
        if self.is_open and self.closes_at:
            return _("Open now, until %(time)s") % {"time": clock(self.closes_at)}
        if self.opens_at:
            return _("Closed. Opens %(day)s at %(time)s") % {
                "day": day_name(self.opens_at), "time": clock(self.opens_at)}
        return _("Closed")


def configured_hours() -> LineHours:
    config = settings.HARBOUR_ADVICE_LINE
    return LineHours(
        weekdays=frozenset(config.get("weekdays", (0, 1, 2, 3, 4))),
        opens=dt.time.fromisoformat(config.get("opens", "09:30")),
        closes=dt.time.fromisoformat(config.get("closes", "15:00")),
        closed_on_bank_holidays=bool(config.get("closed_on_bank_holidays", True)),
    )


def _opening_day(hours: LineHours, day: dt.date) -> bool:
    if day.weekday() not in hours.weekdays:
        return False
    return not (hours.closed_on_bank_holidays and is_bank_holiday(day))


def advice_line_status(now: dt.datetime, hours: LineHours | None = None) -> LineStatus:
    hours = hours or configured_hours()
    local = now.astimezone(LONDON)
    today = local.date()
    if _opening_day(hours, today):
        opens = dt.datetime.combine(today, hours.opens, tzinfo=LONDON)
        closes = dt.datetime.combine(today, hours.closes, tzinfo=LONDON)
        if opens <= local < closes:
            return LineStatus(True, closes, None)
        if local < opens:
            return LineStatus(False, None, opens)
    day = today
    for _day in range(30):
        day += dt.timedelta(days=1)
        if _opening_day(hours, day):
            return LineStatus(False, None, dt.datetime.combine(day, hours.opens, tzinfo=LONDON))
    return LineStatus(False, None, None)
