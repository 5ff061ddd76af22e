"""Sending replies and confirmations by email: claim the reply, check it is still safe, send, mark sent.

The Reply row is the outbox: it stays `queued` until a send succeeds. Each attempt is recorded
before the message leaves, so an attempt lost with its worker is found again by
`replies_lost` and sent later: at least once, never silently lost (docs/decisions/0016).
Nothing personal goes into an exception or a log line: a failed send says which reply, not to whom.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from harbour.enquiries.models import Enquiry, Reply
from harbour.enquiries.safe_contact import email_reply_allowed

# An attempt younger than this may still be talking to the mail server (EMAIL_TIMEOUT and a
# margin): another task for the same reply leaves it alone, so two workers never send it at once.
IN_FLIGHT = dt.timedelta(seconds=25)
# Give up only after trying at least this many times over at least this long.
GIVE_UP_ATTEMPTS = 5
GIVE_UP_AFTER = dt.timedelta(days=1)
LOST_BATCH = 100


class Outcome(StrEnum):
    SENT = "sent"
    NOTHING_TO_DO = "nothing to do"  # already sent or failed, or deleted with its enquiry
    IN_FLIGHT = "in flight"
    NOT_SAFE = "not safe to email"
    GAVE_UP = "gave up"


class EmailNotSent(Exception):  # noqa: N818 (what the worker's log says)
    """A send that failed and will be tried again. Says which reply, never to whom or why in
    the mail server's words (they can quote the address)."""


def reply_send(*, reply_id: int, now: dt.datetime | None = None) -> Outcome:
    """One attempt to send one reply. Raises EmailNotSent when the mail server fails."""
    claimed = _reply_claim(reply_id=reply_id, now=now or timezone.now())
    if isinstance(claimed, Outcome):
        return claimed
    try:
        _reply_message(claimed).send()
    except Exception as error:
        raise EmailNotSent(f"reply {reply_id} not sent ({type(error).__name__})") from None
    Reply.objects.filter(pk=claimed.pk, status=Reply.Status.QUEUED).update(
        status=Reply.Status.SENT, sent_at=timezone.now())
    return Outcome.SENT


@transaction.atomic
def _reply_claim(*, reply_id: int, now: dt.datetime) -> Reply | Outcome:
    """Record the attempt before sending, under a row lock (PostgreSQL) or the write lock (SQLite)."""
    reply = (Reply.objects.select_for_update(of=("self",)).select_related("enquiry")
             .filter(pk=reply_id).first())
    if reply is None or reply.status != Reply.Status.QUEUED:
        return Outcome.NOTHING_TO_DO
    if not email_reply_allowed(reply.enquiry):  # checked again now, not only when it was written
        return _reply_fail(reply, reason=Reply.FailureReason.NOT_SAFE, outcome=Outcome.NOT_SAFE)
    if reply.last_attempt_at is not None and now - reply.last_attempt_at < IN_FLIGHT:
        return Outcome.IN_FLIGHT
    if reply.attempts >= GIVE_UP_ATTEMPTS and now - reply.created_at >= GIVE_UP_AFTER:
        return _reply_fail(reply, reason=Reply.FailureReason.GAVE_UP, outcome=Outcome.GAVE_UP)
    reply.attempts += 1
    reply.last_attempt_at = now
    reply.save(update_fields=["attempts", "last_attempt_at"])
    return reply


def _reply_fail(reply: Reply, *, reason: str, outcome: Outcome) -> Outcome:
    reply.status = Reply.Status.FAILED
    reply.failure_reason = reason
    reply.save(update_fields=["status", "failure_reason"])
    return outcome


def replies_lost(*, now: dt.datetime | None = None) -> list[int]:
    """Replies still waiting whose last attempt (or, never tried, whose queuing) is older than
    HARBOUR_EMAIL_RESEND_AFTER_SECONDS: their task went with a killed worker or never reached
    the queue. Oldest first."""
    now = now or timezone.now()
    before = now - dt.timedelta(seconds=settings.HARBOUR_EMAIL_RESEND_AFTER_SECONDS)
    stale = Q(last_attempt_at__lt=before) | Q(last_attempt_at__isnull=True, created_at__lt=before)
    lost = Reply.objects.filter(stale, status=Reply.Status.QUEUED).order_by("created_at", "pk")
    return list(lost.values_list("pk", flat=True)[:LOST_BATCH])


def confirmation_send(*, enquiry_id: int) -> Outcome:
    """The note that we have her question: only while email is safe; no copy of her message."""
    enquiry = Enquiry.objects.filter(pk=enquiry_id).first()
    if enquiry is None:
        return Outcome.NOTHING_TO_DO
    if not email_reply_allowed(enquiry):
        return Outcome.NOT_SAFE
    try:
        _confirmation_message(enquiry).send()
    except Exception as error:
        raise EmailNotSent(f"confirmation {enquiry_id} not sent ({type(error).__name__})") from None
    return Outcome.SENT


def _reply_message(reply: Reply) -> EmailMessage:
    enquiry = reply.enquiry
    with translation.override(settings.LANGUAGE_CODE):
        subject = translation.gettext("Your question to Harbour (%(reference)s)") % {
            "reference": enquiry.reference}
        body = render_to_string("enquiries/email/reply.txt", {"reply": reply, **_links(enquiry)})
    # The same Message-ID on every attempt: a mail program shows a rare duplicate (a worker that
    # died between the mail server's yes and our record of it) as one message.
    return EmailMessage(subject=subject, body=body, to=[enquiry.email],
                        headers={"Message-ID": _message_id(f"reply-{reply.pk}")})


def _confirmation_message(enquiry: Enquiry) -> EmailMessage:
    with translation.override(settings.LANGUAGE_CODE):
        subject = translation.gettext("We have your question (%(reference)s)") % {
            "reference": enquiry.reference}
        body = render_to_string("enquiries/email/confirmation.txt", {
            "enquiry": enquiry, "callback": enquiry.kind == Enquiry.Kind.CALLBACK,
            "line": settings.HARBOUR_ADVICE_LINE, "emergency": settings.HARBOUR_EMERGENCY,
            **_links(enquiry)})
    return EmailMessage(subject=subject, body=body, to=[enquiry.email],
                        headers={"Message-ID": _message_id(f"received-{enquiry.pk}")})


def _links(enquiry: Enquiry) -> dict[str, str]:
    return {"reference": enquiry.reference,
            "delete_url": settings.HARBOUR_SITE_URL.rstrip("/") + "/contact/delete/"}


def _message_id(key: str) -> str:
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip("> ") or "localhost"
    return f"<harbour-{key}@{domain}>"
