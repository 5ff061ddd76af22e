"""Opening hours in the directory: how they read, and open now or not, in London time."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from harbour.directory.hours import OpeningHours, days_text, hours_text, open_status

LONDON = ZoneInfo("Europe/London")
WEEKDAYS_9_TO_5 = OpeningHours(kind="weekly", days=frozenset(range(5)), opens=dt.time(9),
                               closes=dt.time(17), closed_on_bank_holidays=True)
EVERY_DAY_8_TO_8 = OpeningHours(kind="weekly", days=frozenset(range(7)), opens=dt.time(8),
                                closes=dt.time(20))
ALWAYS = OpeningHours(kind="24-hours")
NOT_KNOWN = OpeningHours(kind="unknown")


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=LONDON)


@pytest.mark.parametrize(("hours", "moment", "is_open", "text"), [
    (ALWAYS, "2026-03-28 03:00", True, "Open 24 hours"),
    (ALWAYS, "2026-12-25 12:00", True, "Open 24 hours"),  # Christmas Day
    (WEEKDAYS_9_TO_5, "2026-03-26 08:59", False, "Closed. Opens Thursday 26 March at 9am"),
    (WEEKDAYS_9_TO_5, "2026-03-26 09:00", True, "Open now, until 5pm"),
    (WEEKDAYS_9_TO_5, "2026-03-26 16:59", True, "Open now, until 5pm"),
    (WEEKDAYS_9_TO_5, "2026-03-26 17:00", False, "Closed. Opens Friday 27 March at 9am"),
    (WEEKDAYS_9_TO_5, "2026-03-27 17:30", False, "Closed. Opens Monday 30 March at 9am"),
    (WEEKDAYS_9_TO_5, "2026-03-28 12:00", False, "Closed. Opens Monday 30 March at 9am"),
    # Bank holidays: Good Friday and Easter Monday, then Christmas and Boxing Day (a Saturday,
    # so the bank holiday moves to Monday 28 December).
    (WEEKDAYS_9_TO_5, "2026-04-03 10:00", False, "Closed. Opens Tuesday 7 April at 9am"),
    (WEEKDAYS_9_TO_5, "2026-12-24 17:00", False, "Closed. Opens Tuesday 29 December at 9am"),
    (EVERY_DAY_8_TO_8, "2026-12-25 10:00", True, "Open now, until 8pm"),  # open on bank holidays
    (EVERY_DAY_8_TO_8, "2026-03-28 20:00", False, "Closed. Opens Sunday 29 March at 8am"),
])
def test_open_now_in_london_time(hours, moment, is_open, text):
    status = open_status(hours, at(moment))
    assert (status.is_open, status.text) == (is_open, text)


@pytest.mark.parametrize(("utc", "is_open"), [
    # Clocks go forward on Sunday 29 March 2026: 07:30 UTC is 08:30 in London, closed;
    # 08:30 UTC is 09:30 in London, open.
    ("2026-03-30 07:30", False),
    ("2026-03-30 08:30", True),
    # Before the change London is on UTC: 08:30 UTC is 08:30 in London, closed.
    ("2026-03-27 08:30", False),
    # Clocks go back on Sunday 25 October 2026: 16:30 UTC is 17:30 in London the week before
    # (closed), and 16:30 in London the week after (open).
    ("2026-10-23 16:30", False),
    ("2026-10-26 16:30", True),
])
def test_open_now_follows_the_clock_changes(utc, is_open):
    moment = dt.datetime.fromisoformat(utc).replace(tzinfo=dt.UTC)
    assert open_status(WEEKDAYS_9_TO_5, moment).is_open is is_open


def test_hours_not_known_have_no_open_now_status():
    assert open_status(NOT_KNOWN, at("2026-03-26 10:00")) is None
    # Set weekly times with nothing filled in are not known either.
    assert open_status(OpeningHours(kind="weekly"), at("2026-03-26 10:00")) is None


@pytest.mark.parametrize(("hours", "text"), [
    (ALWAYS, "24 hours a day, every day."),
    (WEEKDAYS_9_TO_5, "Monday to Friday, 9am to 5pm. Closed on bank holidays."),
    (OpeningHours(kind="weekly", days=frozenset({5}), opens=dt.time(9, 30), closes=dt.time(12, 15)),
     "Saturday, 9.30am to 12.15pm."),
    (NOT_KNOWN, "We have not checked their opening hours."),
])
def test_hours_read_as_plain_english(hours, text):
    assert hours_text(hours) == text


@pytest.mark.parametrize(("days", "text"), [
    ({0, 1, 2, 3, 4, 5, 6}, "Every day"),
    ({0, 1, 2, 3, 4}, "Monday to Friday"),
    ({0, 2, 4}, "Monday, Wednesday and Friday"),
    ({5, 6}, "Saturday and Sunday"),
    ({0, 1, 2, 3, 4, 6}, "Monday to Friday and Sunday"),
    ({3}, "Thursday"),
])
def test_days_read_as_plain_english(days, text):
    assert days_text(frozenset(days)) == text
