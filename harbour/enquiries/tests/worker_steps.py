"""Steps the killed-worker test runs in its own `harbour shell` processes, on the worker's database."""

from __future__ import annotations

import datetime as dt
import json
import uuid

from django.db import transaction
from django.utils import timezone
from huey.contrib.djhuey import HUEY

from harbour.enquiries.models import Enquiry, Reply
from harbour.enquiries.tasks import reply_send_queue


def reply_written() -> None:
    """An adviser's reply, queued as adviser_services.reply_create queues it."""
    with transaction.atomic():
        enquiry = Enquiry.objects.create(
            reference="HB-KILL-TEST", idempotency_key=uuid.uuid4(), kind=Enquiry.Kind.EMAIL,
            created_at=timezone.now(), who=Enquiry.Who.MOTHER, message="What happens at a conference?",
            email="safe@example.org", safe_to_email=True)
        reply = Reply.objects.create(enquiry=enquiry, body="Here is what happens.", created_at=timezone.now())
        reply_send_queue(reply.pk)
    print(json.dumps({"reply": reply.pk}))


def minutes_pass(minutes: int) -> None:
    """Move the reply's last attempt back, as if the minutes had passed; report it and the queue."""
    Reply.objects.filter(last_attempt_at__isnull=False).update(
        last_attempt_at=timezone.now() - dt.timedelta(minutes=minutes))
    reply_state()


def reply_state() -> None:
    reply = Reply.objects.get()
    print(json.dumps({"status": reply.status, "attempts": reply.attempts,
                      "queued_tasks": HUEY.pending_count()}))
