"""Writes for enquiries: each a small function with keyword-only arguments, in a transaction."""

from __future__ import annotations

import datetime as dt
import secrets
import uuid
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone

from harbour.answering.passages import answerer
from harbour.enquiries.models import Enquiry
from harbour.enquiries.safe_contact import email_reply_allowed
from harbour.enquiries.tasks import confirmation_send_queue

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread on the phone


@dataclass(frozen=True)
class EnquiryInput:
    kind: str
    message: str
    who: str
    topic_group: str = ""
    date_kind: str = ""
    coming_date: dt.date | None = None
    name: str = ""
    email: str = ""
    phone: str = ""
    safe_to_email: bool = False
    safe_to_call: bool = False
    call_days: list[int] = field(default_factory=list)
    call_slots: list[str] = field(default_factory=list)
    voicemail_ok: bool = False
    text_ok: bool = False
    code_word: str = ""


def new_reference() -> str:
    """Eight characters, easy to read out: HB-7K3M-9QX2."""
    chars = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"HB-{chars[:4]}-{chars[4:]}"


def message_in_danger(message: str) -> bool:
    """The webchat engine's danger detection, which errs on the side of safety."""
    return answerer().in_danger(message)


def enquiry_create(*, data: EnquiryInput, idempotency_key: uuid.UUID,
                   now: dt.datetime | None = None) -> tuple[Enquiry, bool]:
    """Store an enquiry once. The same idempotency key again (a double click, a resubmit, a
    retry after a dropped connection) returns the enquiry already stored, and False."""
    existing = Enquiry.objects.filter(idempotency_key=idempotency_key).first()
    if existing is not None:
        return existing, False
    danger = message_in_danger(data.message)
    fields = {
        "idempotency_key": idempotency_key, "kind": data.kind, "created_at": now or timezone.now(),
        "message": data.message, "who": data.who, "topic_group": data.topic_group,
        "date_kind": data.date_kind if data.coming_date else "",
        "coming_date": data.coming_date if data.date_kind else None, "danger": danger,
        "name": data.name, "email": data.email, "phone": data.phone,
        "safe_to_email": data.safe_to_email and bool(data.email),
        "safe_to_call": data.safe_to_call and bool(data.phone),
        "call_days": sorted(set(data.call_days)) if data.safe_to_call else [],
        "call_slots": list(dict.fromkeys(data.call_slots)) if data.safe_to_call else [],
        "voicemail_ok": data.voicemail_ok and data.safe_to_call,
        "text_ok": data.text_ok and data.safe_to_call, "code_word": data.code_word,
    }
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Enquiry.objects.create(reference=new_reference(), **fields), True
        except IntegrityError:
            existing = Enquiry.objects.filter(idempotency_key=idempotency_key).first()
            if existing is not None:  # the same form, sent twice at once
                return existing, False
            # otherwise two references collided (about one in 10^12): draw another
    raise RuntimeError("could not draw a free enquiry reference")


def enquiry_received(*, enquiry: Enquiry) -> None:
    """After a new enquiry is stored: a confirmation email only when she said email is safe."""
    if email_reply_allowed(enquiry):
        confirmation_send_queue(enquiry.pk)
