"""Is the advice line open now? Hours are configuration (settings.HARBOUR_ADVICE_LINE)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from zoneinfo import ZoneInfo

import holidays
from django.conf import settings
from django.utils.translation import gettext as _

LONDON = ZoneInfo("Europe/London")


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


@cache
def _bank_holidays(year: int) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year).keys())


def is_bank_holiday(day: dt.date) -> bool:
    return day in _bank_holidays(day.year)


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


def clock(moment: dt.datetime) -> str:
    """9.30am, 3pm: the way the advice line's hours are written."""
    hour = moment.hour % 12 or 12
    suffix = "am" if moment.hour < 12 else "pm"
    return f"{hour}{suffix}" if moment.minute == 0 else f"{hour}.{moment.minute:02d}{suffix}"


def day_name(moment: dt.datetime) -> str:
    return f"{moment:%A} {moment.day} {moment:%B}"
