"""Reads for enquiries. The adviser queue is ordered in the database by triage's keys."""

from __future__ import annotations

import datetime as dt

from django.core.cache import cache
from django.db.models import BooleanField, Case, DateField, Q, QuerySet, Value, When

from harbour.enquiries.models import Enquiry
from harbour.enquiries.triage import (
    DUE_DATE,
    PRE_PROCEEDINGS_MEETING,
    PREGNANCY_GROUPS,
    PROCEEDINGS_GROUPS,
    TriageFacts,
    triage_reason,
)

OPEN_STATUSES = (Enquiry.Status.NEW, Enquiry.Status.CLAIMED)
FAR_FUTURE = dt.date(9999, 12, 31)


def enquiry_queue(*, today: dt.date, statuses=OPEN_STATUSES) -> QuerySet[Enquiry]:
    """Open enquiries in triage order (the same order as triage.triage_key)."""
    coming = Q(coming_date__isnull=False, coming_date__gte=today)
    return (
        Enquiry.objects.filter(status__in=statuses)
        .annotate(
            has_coming=Case(
                When(coming, then=Value(True)), default=Value(False), output_field=BooleanField()
            ),
            coming_sort=Case(
                When(coming, then="coming_date"), default=Value(FAR_FUTURE), output_field=DateField()
            ),
            pregnancy=Case(
                When(Q(date_kind=DUE_DATE) | Q(topic_group__in=PREGNANCY_GROUPS), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            ),
            pre_proceedings=Case(
                When(
                    Q(date_kind=PRE_PROCEEDINGS_MEETING) | Q(topic_group__in=PROCEEDINGS_GROUPS),
                    then=Value(True),
                ),
                default=Value(False),
                output_field=BooleanField(),
            ),
        )
        .order_by(
            "-danger", "-has_coming", "coming_sort", "-pregnancy", "-pre_proceedings", "created_at", "id"
        )
    )


def triage_facts(enquiry: Enquiry) -> TriageFacts:
    return TriageFacts(
        danger=enquiry.danger,
        coming_date=enquiry.coming_date,
        date_kind=enquiry.date_kind,
        topic_group=enquiry.topic_group,
        created_at=enquiry.created_at,
    )


def enquiry_triage_reason(enquiry: Enquiry, *, today: dt.date) -> str:
    label = enquiry.get_date_kind_display() if enquiry.date_kind else ""
    return triage_reason(triage_facts(enquiry), today, date_label=label)


def typical_first_response(*, weeks: int = 8, at_least: int = 5) -> dt.timedelta | None:
    """The median wait for a first answer over recent weeks, or None when too few to say."""
    from django.utils import timezone

    since = timezone.now() - dt.timedelta(weeks=weeks)
    answered = Enquiry.objects.filter(created_at__gte=since, first_response_at__isnull=False)
    pairs = answered.values_list("created_at", "first_response_at")
    waits = sorted(first - created for created, first in pairs)
    if len(waits) < at_least:
        return None
    middle = len(waits) // 2
    return waits[middle] if len(waits) % 2 else (waits[middle - 1] + waits[middle]) / 2


TYPICAL_WAIT_KEY = "enquiries:typical-first-response"
TYPICAL_WAIT_SECONDS = 600


def typical_first_response_recent() -> dt.timedelta | None:
    """typical_first_response(), worked out at most once every ten minutes. Every "sent" page
    shows it, and it reads each answered enquiry of the last eight weeks; a median in days does
    not move in ten minutes."""
    kept = cache.get(TYPICAL_WAIT_KEY)
    if kept is None:
        kept = (typical_first_response(),)  # a tuple, so that "too few to say" is kept too
        cache.set(TYPICAL_WAIT_KEY, kept, TYPICAL_WAIT_SECONDS)
    return kept[0]


def enquiry_with_key(key) -> Enquiry | None:
    """The enquiry a form with this idempotency key already created, if any."""
    return Enquiry.objects.filter(idempotency_key=key).first()
