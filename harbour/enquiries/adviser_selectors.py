"""Reads for the advisers' pages: the queue's rows, and the enquiry page's history.

The queue reads only the plain triage fields, never the encrypted ones: the list shows no
message and no contact details, and nothing has to be decrypted to draw it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.paginator import Page, Paginator

from harbour.common.calendar import LONDON
from harbour.enquiries.models import Enquiry
from harbour.enquiries.selectors import enquiry_queue, triage_facts
from harbour.enquiries.triage import triage_reason

QUEUE_PAGE_SIZE = 50
QUEUE_FIELDS = ("reference", "kind", "status", "created_at", "topic_group", "date_kind",
                "coming_date", "danger", "claimed_by__username")


@dataclass(frozen=True)
class QueueRow:
    reference: str
    reason: str
    danger: bool
    kind: str
    status: str
    created_at: dt.datetime
    claimed_by: str


def enquiry_exists(reference: str) -> bool:
    return Enquiry.objects.filter(reference=reference).exists()


# The queue's views: what is open, in triage order; what was answered and is not yet closed;
# what was closed (until `harbour purge` deletes it), the most recent first.
QUEUE_VIEWS = ("open", "answered", "closed")


def queue_page(*, page_number: int | str | None, now: dt.datetime,
               view: str = "open") -> tuple[Page, list[QueueRow]]:
    today = now.astimezone(LONDON).date()
    if view == "answered":
        enquiries = Enquiry.objects.filter(status=Enquiry.Status.ANSWERED).order_by(
            "-first_response_at", "-id")
    elif view == "closed":
        enquiries = Enquiry.objects.filter(status=Enquiry.Status.CLOSED).order_by(
            "-closed_at", "-id")
    else:
        enquiries = enquiry_queue(today=today)
    enquiries = enquiries.select_related("claimed_by").only(*QUEUE_FIELDS)
    page = Paginator(enquiries, QUEUE_PAGE_SIZE).get_page(page_number)
    # Each label translated once a page: Django's get_FOO_display() hashes every choice per call.
    kinds, statuses = _labels(Enquiry.Kind.choices), _labels(Enquiry.Status.choices)
    date_kinds = _labels(Enquiry.DateKind.choices)
    rows = [
        QueueRow(
            reference=e.reference,
            reason=triage_reason(triage_facts(e), today, date_label=date_kinds.get(e.date_kind, "")),
            danger=e.danger,
            kind=kinds.get(e.kind, e.kind),
            status=statuses.get(e.status, e.status),
            created_at=e.created_at,
            claimed_by=e.claimed_by.get_username() if e.claimed_by else "",
        )
        for e in page.object_list
    ]
    return page, rows


def _labels(choices) -> dict[str, str]:
    return {value: str(label) for value, label in choices}


def enquiry_history(enquiry: Enquiry) -> dict:
    """Replies, notes and calls, oldest first, with their authors."""
    return {
        "replies": list(enquiry.replies.select_related("author").order_by("created_at", "id")),
        "notes": list(enquiry.notes.select_related("author").order_by("created_at", "id")),
        "calls": list(enquiry.call_attempts.select_related("adviser").order_by("scheduled_for", "called_at",
                                                                               "id")),
    }
