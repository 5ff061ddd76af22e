"""The advice line's open-now status, in London time, with England's bank holidays."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from harbour.common.advice_line import advice_line_status

LONDON = ZoneInfo("Europe/London")


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=LONDON)


@pytest.mark.parametrize(("moment", "expected"), [
    ("2026-03-26 10:00", "Open now, until 3pm"),
    ("2026-03-26 09:29", "Closed. Opens Thursday 26 March at 9.30am"),
    ("2026-03-26 15:00", "Closed. Opens Friday 27 March at 9.30am"),
    ("2026-03-27 16:00", "Closed. Opens Monday 30 March at 9.30am"),
    ("2026-03-28 12:00", "Closed. Opens Monday 30 March at 9.30am"),
    ("2026-12-24 17:00", "Closed. Opens Tuesday 29 December at 9.30am"),  # Christmas, Boxing Day
    ("2026-04-03 10:00", "Closed. Opens Tuesday 7 April at 9.30am"),  # Good Friday, Easter Monday
])
def test_status_in_london_time(moment, expected):
    assert advice_line_status(at(moment)).describe() == expected


def test_utc_times_are_read_in_london_time():
    # 14:30 UTC in British Summer Time is 15:30 in London: closed.
    summer = dt.datetime(2026, 6, 10, 14, 30, tzinfo=dt.UTC)
    assert not advice_line_status(summer).is_open
    winter = dt.datetime(2026, 1, 14, 14, 30, tzinfo=dt.UTC)
    assert advice_line_status(winter).is_open
