"""What the advisers' capacity page shows, week by week: enquiries received, answered, still
waiting, the median time to a first response, and the webchat's answers without an adviser.

Weeks are ISO weeks (Monday to Sunday) in Europe/London. Only dates and counts are read, never
what anyone wrote.
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass

from django.utils import timezone

from harbour.answering.models import WebchatWeek
from harbour.common.calendar import LONDON
from harbour.enquiries.models import Enquiry

WEEKS = 12
WAITING = (Enquiry.Status.NEW, Enquiry.Status.CLAIMED)


@dataclass(frozen=True)
class CapacityWeek:
    starts: dt.date
    received: int = 0
    answered: int = 0  # first responses given in the week, whenever the enquiry came
    waiting: int = 0  # of the week's enquiries, how many still have no response and are open
    median_hours: float | None = None  # received to first response, for those answered in the week
    webchat_answered: int = 0
    webchat_declined: int = 0

    @property
    def ends(self) -> dt.date:
        return self.starts + dt.timedelta(days=6)

    @property
    def iso_week(self) -> str:
        year, week, _ = self.starts.isocalendar()
        return f"{year}-W{week:02d}"


@dataclass(frozen=True)
class Capacity:
    weeks: list[CapacityWeek]  # oldest first
    waiting_now: int

    @property
    def busiest(self) -> int:
        """The largest count in any week, for the chart's scale (at least 1)."""
        return max([1, *(max(w.received, w.answered, w.webchat_answered) for w in self.weeks)])


def week_start(moment: dt.datetime | dt.date) -> dt.date:
    day = moment.astimezone(LONDON).date() if isinstance(moment, dt.datetime) else moment
    return day - dt.timedelta(days=day.weekday())


def capacity(*, weeks: int = WEEKS, now: dt.datetime | None = None) -> Capacity:
    now = now or timezone.now()
    starts = [week_start(now) - dt.timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]
    since = dt.datetime.combine(starts[0], dt.time(), tzinfo=LONDON)

    received: dict[dt.date, int] = {}
    waiting: dict[dt.date, int] = {}
    for created_at, status, first_response_at in Enquiry.objects.filter(created_at__gte=since).values_list(
            "created_at", "status", "first_response_at"):
        week = week_start(created_at)
        received[week] = received.get(week, 0) + 1
        if first_response_at is None and status in WAITING:
            waiting[week] = waiting.get(week, 0) + 1

    waits: dict[dt.date, list[float]] = {}
    for created_at, first_response_at in Enquiry.objects.filter(first_response_at__gte=since).values_list(
            "created_at", "first_response_at"):
        hours = (first_response_at - created_at).total_seconds() / 3600
        waits.setdefault(week_start(first_response_at), []).append(hours)

    webchat = {w.week_start: w for w in WebchatWeek.objects.filter(week_start__gte=starts[0])}
    rows = []
    for start in starts:
        chat = webchat.get(start)
        rows.append(CapacityWeek(
            starts=start, received=received.get(start, 0), answered=len(waits.get(start, [])),
            waiting=waiting.get(start, 0),
            median_hours=round(statistics.median(waits[start]), 1) if start in waits else None,
            webchat_answered=chat.answered if chat else 0, webchat_declined=chat.declined if chat else 0))
    waiting_now = Enquiry.objects.filter(status__in=WAITING, first_response_at__isnull=True).count()
    return Capacity(weeks=rows, waiting_now=waiting_now)
