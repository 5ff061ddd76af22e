"""The email task queue (huey): replies and confirmations, with retries, and a sweep for lost replies.

The queue is a SQLite file in the data folder by default and Redis when REDIS_URL is set; the
same tasks run on both. `reply_send_queue` and `confirmation_send_queue` are the ways in: they
queue once the caller's transaction commits. Tasks carry ids only, never text.
"""

from __future__ import annotations

from django.db import transaction
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from harbour.enquiries import outbox

# Quick retries in the worker (30 s, 60 s, 120 s); after that the minute sweep tries again while
# the reply waits in the outbox, until outbox.GIVE_UP_AFTER.
RETRIES = {"retries": 3, "retry_delay": 30, "retry_backoff": 2}


@db_task(**RETRIES)
def send_reply(reply_id: int) -> str:
    return outbox.reply_send(reply_id=reply_id)


@db_task(**RETRIES)
def send_confirmation(enquiry_id: int) -> str:
    return outbox.confirmation_send(enquiry_id=enquiry_id)


@db_periodic_task(crontab(minute="*"))
def resend_lost_replies() -> int:
    return replies_requeue_lost()


@db_periodic_task(crontab(hour="3", minute="15"))
def purge_expired_enquiries() -> int:
    """Every night, what `harbour purge` does: the embedded default keeps no enquiry too long."""
    from harbour.enquiries.retention import enquiries_purge

    return enquiries_purge()


def replies_requeue_lost() -> int:
    """Put back on the queue every reply whose attempt was lost; the worker's start and the
    minute sweep call this. Returns how many."""
    lost = outbox.replies_lost()
    for reply_id in lost:
        send_reply(reply_id)
    return len(lost)


def reply_send_queue(reply_id: int) -> None:
    """Queue a reply once the transaction that wrote it commits. If the queue cannot be reached
    then, the reply still waits in the outbox and the sweep sends it."""
    transaction.on_commit(lambda: send_reply(reply_id), robust=True)


def confirmation_send_queue(enquiry_id: int) -> None:
    """Queue the confirmation that we have her question (the task checks email is safe)."""
    transaction.on_commit(lambda: send_confirmation(enquiry_id), robust=True)
