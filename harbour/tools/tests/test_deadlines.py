"""The deadline arithmetic: across the clock changes, weekends, Easter and Christmas, in London time."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from harbour.common.calendar import is_bank_holiday, is_working_day
from harbour.tools.deadlines import (
    MissingTime,
    NaiveTime,
    by_end_of,
    by_time,
    counts_for_the_hearing,
    dvpn_deadlines,
    dvpo_end,
    london_time,
    referral_decision_by,
)

LONDON = ZoneInfo("Europe/London")
UTC = dt.UTC
HOURS_48 = dt.timedelta(hours=48)


def at(text: str) -> dt.datetime:
    """A London wall-clock time, as she would read it off the notice."""
    moment = dt.datetime.fromisoformat(text)
    return london_time(moment.date(), moment.time())


def real_time_between(start: dt.datetime, end: dt.datetime) -> dt.timedelta:
    # Subtracting two London times directly would give the wall-clock difference.
    return end.astimezone(UTC) - start.astimezone(UTC)


# The clocks go forward on the last Sunday of March and back on the last Sunday of October.
@pytest.mark.parametrize(("issued", "ends", "hearing_by", "clocks_change"), [
    # An ordinary Tuesday: 48 hours later; no Sunday or bank holiday in the way.
    ("2026-03-24 16:15", "by 4.15pm on Thursday 26 March", "by 4.15pm on Thursday 26 March", False),
    # Spring forward, 29 March 2026: 48 real hours later reads 5.15pm on the clock. The Act
    # does not count the Sunday, so the hearing may be on Monday.
    ("2026-03-27 16:15", "by 5.15pm on Sunday 29 March", "by 4.15pm on Monday 30 March", True),
    # Fall back, 25 October 2026: 48 real hours later reads 3.15pm.
    ("2026-10-23 16:15", "by 3.15pm on Sunday 25 October", "by 4.15pm on Monday 26 October", True),
    # Spring forward, 28 March 2027, which is also Easter Sunday. Given on Good Friday: the Act
    # counts only the Saturday and the Tuesday, after Easter Monday.
    ("2027-03-26 10:00", "by 11am on Sunday 28 March", "by midnight at the end of Tuesday 30 March", True),
    ("2027-03-25 09:00", "by 9am on Saturday 27 March", "by 9am on Tuesday 30 March", False),
    # Fall back, 31 October 2027.
    ("2027-10-30 22:30", "by 9.30pm on Monday 1 November", "by 10.30pm on Tuesday 2 November", True),
    # Easter 2026: Good Friday 3 April, Easter Monday 6 April.
    ("2026-04-02 12:00", "by 12 noon on Saturday 4 April", "by 12 noon on Tuesday 7 April", False),
    # Christmas 2026: Christmas Day on Friday, Boxing Day on Saturday (a bank holiday in the
    # `holidays` package, as in the Banking and Financial Dealings Act), and Monday 28th.
    ("2026-12-24 10:00", "by 10am on Saturday 26 December", "by 10am on Wednesday 30 December", False),
    # Given on a Sunday: the Act starts counting on Monday.
    ("2026-06-07 20:00", "by 8pm on Tuesday 9 June", "by midnight at the end of Tuesday 9 June", False),
])
def test_a_dvpn(issued, ends, hearing_by, clocks_change):
    found = dvpn_deadlines(issued=at(issued))
    assert by_time(found.ends) == ends
    assert by_time(found.hearing_by) == hearing_by
    assert found.clocks_change is clocks_change
    assert real_time_between(found.issued, found.ends) == HOURS_48


def test_a_dvpn_given_in_utc_is_read_in_london_time():
    found = dvpn_deadlines(issued=dt.datetime(2026, 6, 10, 15, 15, tzinfo=UTC))
    assert by_time(found.ends) == "by 4.15pm on Friday 12 June"


def test_a_naive_time_is_refused():
    with pytest.raises(NaiveTime):
        dvpn_deadlines(issued=dt.datetime(2026, 3, 24, 16, 15))  # noqa: DTZ001
    with pytest.raises(NaiveTime):
        referral_decision_by(received=dt.datetime(2026, 3, 24, 16, 15))  # noqa: DTZ001


def test_the_hour_skipped_in_spring_did_not_happen():
    with pytest.raises(MissingTime):
        at("2026-03-29 01:30")


def test_the_hour_repeated_in_autumn_is_read_as_the_first_for_the_earlier_deadline():
    first = at("2026-10-25 01:30")
    assert first.utcoffset() == dt.timedelta(hours=1)


@pytest.mark.parametrize(("made", "earliest", "latest"), [
    ("2026-03-26", dt.date(2026, 4, 9), dt.date(2026, 4, 23)),
    ("2026-12-20", dt.date(2027, 1, 3), dt.date(2027, 1, 17)),
    ("2027-03-20", dt.date(2027, 4, 3), dt.date(2027, 4, 17)),
])
def test_a_dvpo_lasts_14_to_28_days(made, earliest, latest):
    found = dvpo_end(made=dt.date.fromisoformat(made))
    assert (found.earliest, found.latest) == (earliest, latest)


def test_a_dvpo_made_late_in_the_evening_counts_from_the_london_day():
    # 23.30 UTC on 26 June is 00.30 on 27 June in London.
    found = dvpo_end(made=dt.datetime(2026, 6, 26, 23, 30, tzinfo=UTC))
    assert found.made == dt.date(2026, 6, 27)


@pytest.mark.parametrize(("received", "decide_by"), [
    ("2026-03-25", "by the end of Thursday 26 March"),  # Wednesday
    ("2026-03-27", "by the end of Monday 30 March"),  # Friday
    ("2026-03-28", "by the end of Monday 30 March"),  # Saturday
    ("2026-04-02", "by the end of Tuesday 7 April"),  # before Good Friday and Easter Monday
    ("2026-05-22", "by the end of Tuesday 26 May"),  # Friday before the spring bank holiday
    ("2026-12-24", "by the end of Tuesday 29 December"),  # Christmas Eve
    ("2027-12-24", "by the end of Wednesday 29 December"),  # Christmas on a Saturday
])
def test_a_referral_is_decided_within_one_working_day(received, decide_by):
    found = referral_decision_by(received=dt.date.fromisoformat(received))
    assert by_end_of(found.decide_by) == decide_by


def test_a_referral_received_late_on_friday_in_utc_is_a_friday_in_london():
    found = referral_decision_by(received=dt.datetime(2026, 7, 3, 22, 30, tzinfo=UTC))
    assert found.received == dt.date(2026, 7, 3)  # 23.30 in London
    assert found.decide_by == dt.date(2026, 7, 6)


@pytest.mark.parametrize(("moment", "words"), [
    ("2026-03-26 16:15", "by 4.15pm on Thursday 26 March"),
    ("2026-03-26 09:30", "by 9.30am on Thursday 26 March"),
    ("2026-03-26 12:00", "by 12 noon on Thursday 26 March"),
    ("2026-03-26 12:05", "by 12.05pm on Thursday 26 March"),
    ("2026-03-27 00:00", "by midnight at the end of Thursday 26 March"),
    ("2026-03-26 00:05", "by 12.05am on Thursday 26 March"),
])
def test_times_in_words(moment, words):
    assert by_time(at(moment)) == words


# Any instant from 2000 to 2099, as London time, either side of every clock change. Hypothesis
# takes naive bounds and makes each value aware with `timezones`.
london_instants = st.datetimes(min_value=dt.datetime(2000, 1, 1),  # noqa: DTZ001
                               max_value=dt.datetime(2099, 11, 30),  # noqa: DTZ001
                               timezones=st.just(LONDON), allow_imaginary=False)
days = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 11, 30))


@given(london_instants)
def test_a_dvpn_ends_exactly_48_real_hours_later_in_london_time(issued):
    found = dvpn_deadlines(issued=issued)
    for moment in (found.issued, found.ends, found.hearing_by):
        assert moment.tzinfo == LONDON
    assert real_time_between(issued, found.ends) == HOURS_48
    assert found.clocks_change == (issued.utcoffset() != found.ends.utcoffset())


@given(london_instants)
def test_the_hearing_is_48_counted_hours_away_and_never_sooner_than_the_notice_ends(issued):
    found = dvpn_deadlines(issued=issued)
    assert found.hearing_by.astimezone(UTC) >= found.ends.astimezone(UTC)
    counted = dt.timedelta()
    day = issued.date()
    while day <= found.hearing_by.date():
        start = max(dt.datetime.combine(day, dt.time(0), tzinfo=LONDON).astimezone(UTC),
                    issued.astimezone(UTC))
        end = min(dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tzinfo=LONDON).astimezone(UTC),
                  found.hearing_by.astimezone(UTC))
        if counts_for_the_hearing(day) and end > start:
            counted += end - start
        day += dt.timedelta(days=1)
    assert counted == HOURS_48


@given(london_instants)
def test_without_a_sunday_or_bank_holiday_the_two_times_agree(issued):
    covered = [issued.date() + dt.timedelta(days=n) for n in range(3)]
    if all(counts_for_the_hearing(day) for day in covered):
        found = dvpn_deadlines(issued=issued)
        assert found.hearing_by == found.ends


@given(days)
def test_a_dvpo_ends_14_to_28_days_on(made):
    found = dvpo_end(made=made)
    assert found.earliest < found.latest
    assert found.latest - found.earliest == dt.timedelta(days=14)
    assert found.earliest - made == dt.timedelta(days=14)


@given(st.one_of(days, london_instants))
def test_the_referral_day_is_the_next_working_day(received):
    found = referral_decision_by(received=received)
    decide_by = found.decide_by
    assert decide_by.weekday() < 5
    assert not is_bank_holiday(decide_by)
    assert decide_by > found.received
    between = found.received + dt.timedelta(days=1)
    while between < decide_by:
        assert not is_working_day(between)
        between += dt.timedelta(days=1)
