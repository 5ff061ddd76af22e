"""London time and England's bank holidays, and the way Harbour writes a time and a day.

Plain Python with no Django in it, so that the deadline arithmetic (harbour/tools/deadlines.py)
and the advice line's open-now status share one calendar.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from zoneinfo import ZoneInfo

import holidays

LONDON = ZoneInfo("Europe/London")


@cache
def _bank_holidays(year: int) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year).keys())


def is_bank_holiday(day: dt.date) -> bool:
    return day in _bank_holidays(day.year)


def is_working_day(day: dt.date) -> bool:
    """Monday to Friday, and not a bank holiday in England."""
    return day.weekday() < 5 and not is_bank_holiday(day)


def clock(moment: dt.datetime) -> str:
    """9.30am, 3pm: the way the advice line's hours are written."""
    hour = moment.hour % 12 or 12
    suffix = "am" if moment.hour < 12 else "pm"
    return f"{hour}{suffix}" if moment.minute == 0 else f"{hour}.{moment.minute:02d}{suffix}"


def day_name(moment: dt.date) -> str:
    """Thursday 26 March."""
    return f"{moment:%A} {moment.day} {moment:%B}"
