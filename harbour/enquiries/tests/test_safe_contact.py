"""Safe contact: no email she did not say is safe, and no call outside the times she chose."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pytest

from harbour.common.calendar import LONDON
from harbour.enquiries.adviser_services import ActionRefused, call_record, call_schedule, reply_create
from harbour.enquiries.models import CallAttempt, Enquiry, Reply
from harbour.enquiries.safe_contact import (
    call_allowed,
    email_reply_allowed,
    next_safe_call,
    safe_times_described,
)
from harbour.enquiries.tests.factories import SAFE_CALLER, adviser_make, enquiry_make


@dataclass
class Profile:
    email: str = ""
    phone: str = "07700 900123"
    safe_to_email: bool = False
    safe_to_call: bool = True
    call_days: list[int] = field(default_factory=lambda: [0, 2, 4])  # Monday, Wednesday, Friday
    call_slots: list[str] = field(default_factory=lambda: ["early"])  # 9.30am to 11am


def london(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=LONDON)


@pytest.mark.parametrize(("profile", "allowed"), [
    (Profile(email="safe@example.org", safe_to_email=True), True),
    (Profile(email="her@example.org", safe_to_email=False), False),
    (Profile(email="", safe_to_email=True), False),
])
def test_a_reply_by_email_only_to_an_address_she_said_is_safe(profile, allowed):
    assert email_reply_allowed(profile) is allowed


@pytest.mark.parametrize(("moment", "allowed", "why"), [
    (london(2026, 11, 23, 9, 30), True, "Monday, as the slot opens"),
    (london(2026, 11, 25, 10, 59), True, "Wednesday, just before the slot ends"),
    (london(2026, 11, 23, 9, 29), False, "before the slot"),
    (london(2026, 11, 23, 11, 0), False, "the slot has ended"),
    (london(2026, 11, 24, 10, 0), False, "Tuesday: a day she did not choose"),
    (london(2026, 11, 28, 10, 0), False, "Saturday"),
    (london(2026, 11, 29, 10, 0), False, "Sunday"),
    (london(2026, 12, 25, 10, 0), False, "Christmas Day, a Friday, is a bank holiday"),
    (london(2027, 3, 29, 10, 0), False, "Easter Monday 2027"),
    (london(2026, 10, 23, 10, 0), True, "Friday before the clocks go back (BST)"),
    (london(2026, 10, 26, 10, 0), True, "Monday after the clocks go back (GMT)"),
])
def test_a_call_only_in_a_slot_on_a_day_she_chose(moment, allowed, why):
    assert call_allowed(Profile(), moment) is allowed, why


def test_the_slot_is_in_london_time_across_the_clock_change():
    # 9am UTC is 10am in British Summer Time, but 9am after the clocks go back.
    assert call_allowed(Profile(), dt.datetime(2026, 10, 23, 9, 0, tzinfo=dt.UTC))
    assert not call_allowed(Profile(), dt.datetime(2026, 10, 26, 9, 0, tzinfo=dt.UTC))


@pytest.mark.parametrize("profile", [Profile(safe_to_call=False), Profile(phone="")])
def test_no_call_at_all_when_calling_is_not_safe_or_there_is_no_number(profile):
    assert not call_allowed(profile, london(2026, 11, 23, 10, 0))
    assert next_safe_call(profile, london(2026, 11, 23, 8, 0)) is None
    assert safe_times_described(Profile(safe_to_call=False)) == "Not safe to call"


@pytest.mark.parametrize(("after", "expected", "why"), [
    (london(2026, 11, 23, 8, 0), london(2026, 11, 23, 9, 30), "Monday morning: when the slot opens"),
    (london(2026, 11, 23, 10, 15), london(2026, 11, 23, 10, 15), "inside the slot: now"),
    (london(2026, 11, 23, 11, 0), london(2026, 11, 25, 9, 30), "after Monday's slot: Wednesday"),
    (london(2026, 11, 27, 12, 0), london(2026, 11, 30, 9, 30), "Friday afternoon: over the weekend"),
    (london(2026, 12, 23, 12, 0), london(2026, 12, 30, 9, 30), "past Christmas and Boxing Day bank holidays"),
    (london(2027, 3, 26, 12, 0), london(2027, 3, 31, 9, 30), "past Easter Monday, across the clock change"),
    (london(2026, 10, 23, 12, 0), london(2026, 10, 26, 9, 30), "across the clocks going back"),
])
def test_the_next_safe_call(after, expected, why):
    assert next_safe_call(Profile(), after) == expected, why


def test_the_next_safe_call_across_the_clock_change_is_at_the_same_london_time():
    found = next_safe_call(Profile(), london(2026, 10, 23, 12, 0))
    assert found.astimezone(dt.UTC) == dt.datetime(2026, 10, 26, 9, 30, tzinfo=dt.UTC)  # GMT now


def test_the_safe_times_as_an_adviser_reads_them():
    assert safe_times_described(Profile(call_slots=["early", "late"])) == (
        "Monday, Wednesday, Friday: 9.30am to 11am; 1pm to 3pm")


# The services obey the same rules, whatever an adviser asks for.

@pytest.mark.django_db
def test_an_adviser_cannot_reply_by_email_when_email_is_not_safe():
    adviser = adviser_make()
    enquiry = enquiry_make(email="her@example.org", safe_to_email=False)
    with pytest.raises(ActionRefused, match="did not say email is safe"):
        reply_create(enquiry=enquiry, author=adviser, body="Here is some advice.")
    assert Reply.objects.count() == 0
    enquiry.refresh_from_db()
    assert enquiry.status == Enquiry.Status.NEW and enquiry.first_response_at is None


@pytest.mark.django_db
def test_a_call_cannot_be_booked_outside_her_safe_times():
    adviser = adviser_make()
    enquiry = enquiry_make(kind="callback", **SAFE_CALLER)
    now = london(2026, 11, 23, 8, 0)
    for unsafe in (london(2026, 11, 24, 10, 0), london(2026, 11, 23, 12, 0), london(2026, 12, 25, 10, 0)):
        with pytest.raises(ActionRefused, match="not a time she said is safe"):
            call_schedule(enquiry=enquiry, adviser=adviser, at=unsafe, now=now)
    assert CallAttempt.objects.count() == 0


@pytest.mark.django_db
def test_a_call_is_booked_at_the_next_safe_time_when_no_time_is_given():
    adviser = adviser_make()
    enquiry = enquiry_make(kind="callback", **SAFE_CALLER)
    call = call_schedule(enquiry=enquiry, adviser=adviser, now=london(2026, 11, 27, 12, 0))
    assert call.scheduled_for == london(2026, 11, 30, 9, 30)


@pytest.mark.django_db
def test_no_call_can_be_booked_when_calling_is_not_safe():
    enquiry = enquiry_make(kind="callback", phone="07700 900123", safe_to_call=False)
    with pytest.raises(ActionRefused, match="no safe time"):
        call_schedule(enquiry=enquiry, adviser=adviser_make(), now=london(2026, 11, 23, 8, 0))


@pytest.mark.django_db
def test_call_again_books_the_next_safe_time_at_least_an_hour_later():
    adviser = adviser_make()
    enquiry = enquiry_make(kind="callback", **SAFE_CALLER)
    call_schedule(enquiry=enquiry, adviser=adviser, now=london(2026, 11, 23, 8, 0))
    made, again = call_record(enquiry=enquiry, adviser=adviser, outcome="call-again",
                              now=london(2026, 11, 23, 10, 0))
    assert made.outcome == "call-again" and made.called_at == london(2026, 11, 23, 10, 0)
    assert again.scheduled_for == london(2026, 11, 25, 9, 30)  # not 11am on Monday: the slot has ended
    assert call_allowed(enquiry, again.scheduled_for)
