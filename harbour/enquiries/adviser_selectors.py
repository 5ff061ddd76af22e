"""Reads for the advisers' pages: the queue's rows, and the enquiry page's history.

The queue reads only the plain triage fields, never the encrypted ones: the list shows no
message and no contact details, and nothing has to be decrypted to draw it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext as _

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
    url: str
    reason: str
    danger: bool
    kind: str
    status: str
    claimed_by: str
    sent: str  # "sent 3 Nov 2026, 14:05, waiting 2 days, 3 hours" (the open view says how long)
    answering: str  # the open view's "Ann is answering" or "Nobody is answering yet"


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
    # Each label and sentence translated once a page, not once a row: Django's get_FOO_display()
    # hashes every choice per call, and a {% blocktranslate %} in the row's loop was half the
    # page's time with 10,000 enquiries (docs/benchmarks.md).
    kinds, statuses = _labels(Enquiry.Kind.choices), _labels(Enquiry.Status.choices)
    date_kinds = _labels(Enquiry.DateKind.choices)
    waiting = view == "open"
    sent_waiting, sent_only = _("sent %(date)s, waiting %(waited)s"), _("sent %(date)s")
    is_answering, nobody = _("%(name)s is answering"), _("Nobody is answering yet")
    rows = []
    for e in page.object_list:
        date = dateformat.format(timezone.localtime(e.created_at), "j M Y, H:i")
        name = e.claimed_by.get_username() if e.claimed_by else ""
        rows.append(QueueRow(
            reference=e.reference,
            url=reverse("advisers-enquiry", args=[e.reference]),
            reason=triage_reason(triage_facts(e), today, date_label=date_kinds.get(e.date_kind, "")),
            danger=e.danger,
            kind=kinds.get(e.kind, e.kind),
            status=statuses.get(e.status, e.status),
            claimed_by=name,
            sent=(sent_waiting % {"date": date, "waited": timesince(e.created_at, now)} if waiting
                  else sent_only % {"date": date}),
            answering=(is_answering % {"name": name} if name else nobody) if waiting else "",
        ))
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
