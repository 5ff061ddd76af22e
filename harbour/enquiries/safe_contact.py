"""The safe-contact profile's rules: when a reply by email is allowed, and when a call is.

A person tells us once how it is safe to reach her. Every reply, call and confirmation goes
through these functions, so no adviser and no task can contact her in a way she said is unsafe.
Call times are slots inside the advice line's hours (settings.HARBOUR_CALL_SLOTS), on the days
she chose, never on a bank holiday.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings

from harbour.common.calendar import LONDON, clock, is_bank_holiday

WEEKDAYS = (0, 1, 2, 3, 4)


class ContactProfile(Protocol):
    email: str
    phone: str
    safe_to_email: bool
    safe_to_call: bool
    call_days: list[int]
    call_slots: list[str]


@dataclass(frozen=True)
class CallSlot:
    id: str
    starts: dt.time
    ends: dt.time

    @property
    def label(self) -> str:
        day = dt.date(2026, 1, 5)
        return (
            f"{clock(dt.datetime.combine(day, self.starts))} to {clock(dt.datetime.combine(day, self.ends))}"
        )


def call_slots() -> tuple[CallSlot, ...]:
    return tuple(
        CallSlot(id=s["id"], starts=dt.time.fromisoformat(s["from"]), ends=dt.time.fromisoformat(s["to"]))
        for s in settings.HARBOUR_CALL_SLOTS
    )


def email_reply_allowed(profile: ContactProfile) -> bool:
    """Only to an address she gave and said is safe."""
    return bool(profile.safe_to_email and profile.email)


def call_allowed(profile: ContactProfile, at: dt.datetime) -> bool:
    """Only a number she gave and said is safe, on a day and in a slot she chose, never on a bank
    holiday in England."""
    if not (profile.safe_to_call and profile.phone):
        return False
    local = at.astimezone(LONDON)
    if local.weekday() not in profile.call_days or is_bank_holiday(local.date()):
        return False
    return any(
        slot.id in profile.call_slots and slot.starts <= local.time() < slot.ends for slot in call_slots()
    )


def next_safe_call(
    profile: ContactProfile, after: dt.datetime, *, days_ahead: int = 21
) -> dt.datetime | None:
    """The first moment at or after `after` when calling her is allowed; None when there is none."""
    if not (profile.safe_to_call and profile.phone):
        return None
    start = after.astimezone(LONDON)
    chosen = sorted((s for s in call_slots() if s.id in profile.call_slots), key=lambda s: s.starts)
    for offset in range(days_ahead + 1):
        day = start.date() + dt.timedelta(days=offset)
        if day.weekday() not in profile.call_days or is_bank_holiday(day):
            continue
        for slot in chosen:
            opens = dt.datetime.combine(day, slot.starts, tzinfo=LONDON)
            closes = dt.datetime.combine(day, slot.ends, tzinfo=LONDON)
            if start < closes:
                return max(opens, start)
    return None


def safe_times_described(profile: ContactProfile) -> str:
    """ "Monday, Wednesday: 9.30am to 11am" as advisers read it above everything else."""
    if not profile.safe_to_call:
        return "Not safe to call"
    days = ", ".join(dt.date(2026, 1, 5 + d).strftime("%A") for d in sorted(profile.call_days))
    slots = "; ".join(s.label for s in call_slots() if s.id in profile.call_slots)
    return f"{days}: {slots}"
