"""What advisers do with an enquiry: each write one function, in a transaction, with an audit event.

Every rule that protects the person lives here, so no view, task or command can get round it:
no reply by email unless she said email is safe; no call outside the times she chose.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from harbour.enquiries.models import CallAttempt, Enquiry, Note, Reply
from harbour.enquiries.safe_contact import call_allowed, email_reply_allowed, next_safe_call
from harbour.enquiries.tasks import reply_send_queue
from harbour.safety.audit import Action, audit_record

# "Call again" means later, not in a minute: the next safe moment at least this far ahead.
CALL_AGAIN_AFTER = dt.timedelta(hours=1)


class ActionRefused(Exception):
    """An action the rules do not allow; the message is shown to the adviser as it is."""


def _now(now: dt.datetime | None) -> dt.datetime:
    return now or timezone.now()


def _refuse_when_closed(enquiry: Enquiry) -> None:
    if enquiry.status == Enquiry.Status.CLOSED:
        raise ActionRefused("This enquiry is closed. A senior adviser can reopen it.")


def _taken_by(enquiry: Enquiry, adviser, now: dt.datetime) -> None:
    """An enquiry nobody holds becomes the adviser's when she acts on it."""
    if enquiry.claimed_by_id is None:
        enquiry.claimed_by = adviser
        enquiry.claimed_at = now
    if enquiry.status == Enquiry.Status.NEW:
        enquiry.status = Enquiry.Status.CLAIMED


def _hand_to(enquiry: Enquiry, adviser, now: dt.datetime) -> None:
    """The enquiry becomes this adviser's to answer (claimed, or assigned by a senior adviser)."""
    enquiry.claimed_by = adviser
    enquiry.claimed_at = now
    if enquiry.status == Enquiry.Status.NEW:
        enquiry.status = Enquiry.Status.CLAIMED
    enquiry.save(update_fields=["claimed_by", "claimed_at", "status"])


@transaction.atomic
def enquiry_claim(*, enquiry: Enquiry, adviser, now: dt.datetime | None = None) -> Enquiry:
    _refuse_when_closed(enquiry)
    if enquiry.claimed_by_id not in (None, adviser.pk):
        raise ActionRefused(f"{enquiry.claimed_by} is already answering this enquiry.")
    _hand_to(enquiry, adviser, _now(now))
    audit_record(user=adviser, action=Action.CLAIMED, reference=enquiry.reference, now=now)
    return enquiry


@transaction.atomic
def enquiry_assign(*, enquiry: Enquiry, by, to, now: dt.datetime | None = None) -> Enquiry:
    """A senior adviser gives the enquiry to an adviser (access.py checks who may)."""
    _refuse_when_closed(enquiry)
    if not (to.is_active and to.has_perm("enquiries.answer_enquiry")):
        raise ActionRefused(f"{to} cannot answer enquiries.")
    _hand_to(enquiry, to, _now(now))
    audit_record(user=by, action=Action.ASSIGNED, reference=enquiry.reference, now=now)
    return enquiry


@transaction.atomic
def reply_create(*, enquiry: Enquiry, author, body: str, now: dt.datetime | None = None) -> Reply:
    """A reply by email, queued for sending once the transaction commits."""
    if not email_reply_allowed(enquiry):
        raise ActionRefused("She did not say email is safe, so we cannot reply by email.")
    _refuse_when_closed(enquiry)
    if not body.strip():
        raise ActionRefused("The reply is empty.")
    now = _now(now)
    reply = Reply.objects.create(enquiry=enquiry, author=author, body=body.strip(), created_at=now)
    _taken_by(enquiry, author, now)
    enquiry.first_response_at = enquiry.first_response_at or now
    enquiry.status = Enquiry.Status.ANSWERED
    enquiry.save(update_fields=["claimed_by", "claimed_at", "status", "first_response_at"])
    audit_record(user=author, action=Action.REPLIED, reference=enquiry.reference, now=now)
    reply_send_queue(reply.pk)  # sends once this transaction commits
    return reply


@transaction.atomic
def note_add(*, enquiry: Enquiry, author, body: str, now: dt.datetime | None = None) -> Note:
    if not body.strip():
        raise ActionRefused("The note is empty.")
    now = _now(now)
    note = Note.objects.create(enquiry=enquiry, author=author, body=body.strip(), created_at=now)
    audit_record(user=author, action=Action.NOTED, reference=enquiry.reference, now=now)
    return note


@transaction.atomic
def enquiry_close(*, enquiry: Enquiry, by, now: dt.datetime | None = None) -> Enquiry:
    _refuse_when_closed(enquiry)
    now = _now(now)
    enquiry.status = Enquiry.Status.CLOSED
    enquiry.closed_at = now
    enquiry.save(update_fields=["status", "closed_at"])
    audit_record(user=by, action=Action.CLOSED, reference=enquiry.reference, now=now)
    return enquiry


@transaction.atomic
def enquiry_reopen(*, enquiry: Enquiry, by, now: dt.datetime | None = None) -> Enquiry:
    """Back to where it was before closing: answered, being answered, or waiting."""
    if enquiry.status != Enquiry.Status.CLOSED:
        raise ActionRefused("This enquiry is not closed.")
    if enquiry.first_response_at is not None:
        enquiry.status = Enquiry.Status.ANSWERED
    elif enquiry.claimed_by_id is not None:
        enquiry.status = Enquiry.Status.CLAIMED
    else:
        enquiry.status = Enquiry.Status.NEW
    enquiry.closed_at = None
    enquiry.save(update_fields=["status", "closed_at"])
    audit_record(user=by, action=Action.REOPENED, reference=enquiry.reference, now=now)
    return enquiry


@transaction.atomic
def call_schedule(*, enquiry: Enquiry, adviser, at: dt.datetime | None = None,
                  now: dt.datetime | None = None) -> CallAttempt:
    """A call at `at`, or at the next safe moment; never outside the times she chose."""
    _refuse_when_closed(enquiry)
    now = _now(now)
    at = at or next_safe_call(enquiry, now)
    if at is None:
        raise ActionRefused("There is no safe time to call her in the next three weeks.")
    if at < now:
        raise ActionRefused("That time has passed.")
    if not call_allowed(enquiry, at):
        raise ActionRefused("That is not a time she said is safe to call.")
    _taken_by(enquiry, adviser, now)
    enquiry.save(update_fields=["claimed_by", "claimed_at", "status"])
    call = CallAttempt.objects.create(enquiry=enquiry, adviser=adviser, scheduled_for=at)
    audit_record(user=adviser, action=Action.CALL_SCHEDULED, reference=enquiry.reference, now=now)
    return call


def _call_to_record(enquiry: Enquiry, adviser) -> CallAttempt:
    """The earliest scheduled call not yet made, or a new one (a call made without a booking)."""
    waiting = enquiry.call_attempts.filter(called_at__isnull=True).order_by("scheduled_for", "id").first()
    return waiting or CallAttempt(enquiry=enquiry, adviser=adviser)


@transaction.atomic
def call_record(*, enquiry: Enquiry, adviser, outcome: str, note: str = "",
                now: dt.datetime | None = None) -> tuple[CallAttempt, CallAttempt | None]:
    """Record how a call went. "Call again" books the next safe moment, which is returned too."""
    _refuse_when_closed(enquiry)
    if outcome not in CallAttempt.Outcome.values:
        raise ActionRefused("Choose how the call went.")
    now = _now(now)
    call = _call_to_record(enquiry, adviser)
    call.adviser = adviser
    call.called_at = now
    call.outcome = outcome
    call.note = note.strip()
    call.save()
    _taken_by(enquiry, adviser, now)
    if outcome == CallAttempt.Outcome.ANSWERED:
        enquiry.first_response_at = enquiry.first_response_at or now
        enquiry.status = Enquiry.Status.ANSWERED
    enquiry.save(update_fields=["claimed_by", "claimed_at", "status", "first_response_at"])
    audit_record(user=adviser, action=Action.CALL_RECORDED, reference=enquiry.reference, now=now)
    next_call = None
    if outcome == CallAttempt.Outcome.CALL_AGAIN:
        at = next_safe_call(enquiry, now + CALL_AGAIN_AFTER)
        if at is not None:
            next_call = CallAttempt.objects.create(enquiry=enquiry, adviser=adviser, scheduled_for=at)
            audit_record(user=adviser, action=Action.CALL_SCHEDULED, reference=enquiry.reference, now=now)
    return call, next_call
