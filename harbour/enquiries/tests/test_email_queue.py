"""Replies and confirmations by email: sent only to a safe address, retried when the mail server
fails, never lost when the worker dies mid-send."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone
from huey.contrib.djhuey import HUEY

from harbour.enquiries import outbox
from harbour.enquiries.models import Enquiry, Reply
from harbour.enquiries.tasks import confirmation_send_queue, replies_requeue_lost, reply_send_queue
from harbour.enquiries.tests.email_backends import FailingFirstBackend
from harbour.enquiries.tests.factories import enquiry_make

REPO = Path(__file__).resolve().parents[3]
MESSAGE = "My social worker says my ex can see the kids but I am scared. What can I do?"


@pytest.fixture(autouse=True)
def empty_queue():
    HUEY.flush()
    yield
    HUEY.flush()


def safe_enquiry(**fields) -> Enquiry:
    return enquiry_make(message=MESSAGE, email="safe@example.org", safe_to_email=True, **fields)


@pytest.fixture
def reply_queued(django_capture_on_commit_callbacks):
    def queue(enquiry: Enquiry, *, body: str = "Here is what a child protection conference is.") -> Reply:
        """A reply written and queued the way adviser_services.reply_create does it; the worker
        (immediate in tests) runs once the transaction commits."""
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            reply = Reply.objects.create(enquiry=enquiry, body=body, created_at=timezone.now())
            reply_send_queue(reply.pk)
        reply.refresh_from_db()
        return reply
    return queue


@pytest.mark.django_db
def test_a_reply_goes_to_her_safe_address_with_her_reference_and_not_her_words(reply_queued):
    enquiry = safe_enquiry()
    reply = reply_queued(enquiry)
    [sent] = mail.outbox
    assert sent.to == ["safe@example.org"]
    assert sent.subject == f"Your question to Harbour ({enquiry.reference})"
    assert "Here is what a child protection conference is." in sent.body
    assert "/contact/delete/" in sent.body and "999" in sent.body
    assert MESSAGE not in sent.body + sent.subject
    assert (reply.status, reply.attempts) == (Reply.Status.SENT, 1) and reply.sent_at is not None


@pytest.mark.django_db
def test_nothing_is_queued_until_the_reply_is_saved(django_capture_on_commit_callbacks):
    enquiry = safe_enquiry()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        reply = Reply.objects.create(enquiry=enquiry, body="Draft", created_at=timezone.now())
        reply_send_queue(reply.pk)
        raise RuntimeError("the adviser's save failed")
    assert mail.outbox == [] and not Reply.objects.exists()


@pytest.mark.django_db
def test_a_refused_send_is_retried_and_then_sent_once_and_the_log_has_no_address(
        settings, caplog, reply_queued):
    settings.EMAIL_BACKEND = "harbour.enquiries.tests.email_backends.FailingFirstBackend"
    FailingFirstBackend.failures_left = 1
    caplog.set_level(logging.INFO)
    reply = reply_queued(safe_enquiry())
    assert (reply.status, reply.attempts, mail.outbox) == (Reply.Status.QUEUED, 1, [])
    [retry] = HUEY.scheduled()
    assert retry.name == "send_reply" and retry.eta > dt.datetime.now(dt.UTC).replace(tzinfo=None)

    # Thirty seconds later the worker runs the retry.
    Reply.objects.filter(pk=reply.pk).update(last_attempt_at=timezone.now() - dt.timedelta(seconds=30))
    HUEY.execute(retry, timestamp=retry.eta)
    reply.refresh_from_db()
    assert (reply.status, reply.attempts, len(mail.outbox)) == (Reply.Status.SENT, 2, 1)
    assert "EmailNotSent" in caplog.text and "example.org" not in caplog.text


@pytest.mark.django_db
def test_a_queued_reply_is_never_sent_once_email_is_no_longer_safe(django_capture_on_commit_callbacks):
    enquiry = safe_enquiry()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        reply = Reply.objects.create(enquiry=enquiry, body="Reply", created_at=timezone.now())
        reply_send_queue(reply.pk)
        # She told an adviser her email is no longer safe before the worker reached the reply.
        Enquiry.objects.filter(pk=enquiry.pk).update(safe_to_email=False)
    reply.refresh_from_db()
    assert mail.outbox == []
    assert (reply.status, reply.failure_reason) == (Reply.Status.FAILED, Reply.FailureReason.NOT_SAFE)


@pytest.mark.django_db
def test_a_reply_whose_attempt_was_lost_is_found_by_the_sweep_and_sent():
    enquiry = safe_enquiry()
    lost = Reply.objects.create(enquiry=enquiry, body="Lost with its worker", created_at=timezone.now(),
                                attempts=1, last_attempt_at=timezone.now() - dt.timedelta(minutes=6))
    never_queued = Reply.objects.create(enquiry=enquiry, body="Never reached the queue",
                                        created_at=timezone.now() - dt.timedelta(minutes=6))
    Reply.objects.create(enquiry=enquiry, body="Being sent now", created_at=timezone.now(),
                         attempts=1, last_attempt_at=timezone.now())
    assert replies_requeue_lost() == 2
    assert sorted(m.body.split("\n")[0] for m in mail.outbox) == ["Lost with its worker",
                                                                  "Never reached the queue"]
    assert set(Reply.objects.filter(pk__in=[lost.pk, never_queued.pk]).values_list("status", flat=True)) == {
        Reply.Status.SENT}


@pytest.mark.django_db
def test_a_reply_being_sent_by_one_worker_is_left_alone_by_another():
    reply = Reply.objects.create(enquiry=safe_enquiry(), body="Reply", created_at=timezone.now(),
                                 attempts=1, last_attempt_at=timezone.now() - dt.timedelta(seconds=2))
    assert outbox.reply_send(reply_id=reply.pk) == outbox.Outcome.IN_FLIGHT
    assert mail.outbox == []


@pytest.mark.django_db
def test_after_a_day_of_refusals_the_reply_shows_as_not_sent():
    now = timezone.now()
    reply = Reply.objects.create(enquiry=safe_enquiry(), body="Reply", created_at=now - dt.timedelta(days=1),
                                 attempts=5, last_attempt_at=now - dt.timedelta(minutes=6))
    assert outbox.reply_send(reply_id=reply.pk, now=now) == outbox.Outcome.GAVE_UP
    reply.refresh_from_db()
    assert (reply.status, reply.failure_reason) == (Reply.Status.FAILED, Reply.FailureReason.GAVE_UP)
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_sent_reply_is_not_sent_again():
    reply = Reply.objects.create(enquiry=safe_enquiry(), body="Reply", created_at=timezone.now(),
                                 status=Reply.Status.SENT, attempts=1)
    assert outbox.reply_send(reply_id=reply.pk) == outbox.Outcome.NOTHING_TO_DO
    assert mail.outbox == []


@pytest.mark.django_db
def test_the_confirmation_says_we_have_it_with_her_reference_and_no_copy_of_her_message(
        django_capture_on_commit_callbacks):
    enquiry = safe_enquiry()
    with django_capture_on_commit_callbacks(execute=True):
        confirmation_send_queue(enquiry.pk)
    [sent] = mail.outbox
    assert sent.to == ["safe@example.org"]
    assert sent.subject == f"We have your question ({enquiry.reference})"
    assert enquiry.reference in sent.body and "An adviser will read your question" in sent.body
    assert MESSAGE not in sent.body and "social worker" not in sent.body


@pytest.mark.django_db
@pytest.mark.parametrize("fields", [{"safe_to_email": False, "email": "unsafe@example.org"},
                                    {"safe_to_email": True, "email": ""}])
def test_no_confirmation_unless_she_gave_an_address_and_said_email_is_safe(
        fields, django_capture_on_commit_callbacks):
    enquiry = enquiry_make(**fields)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        confirmation_send_queue(enquiry.pk)
    assert len(callbacks) == 1 and mail.outbox == []


# --------------------------------------------------------------------------- a real worker, killed


def _harbour(*args: str, env: dict, timeout: float = 120) -> str:
    result = subprocess.run([str(Path(sys.executable).with_name("harbour")), *args], cwd=REPO, env=env,  # noqa: S603
                            capture_output=True, text=True, timeout=timeout, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def _step(name: str, *args, env: dict) -> dict:
    call = f"from harbour.enquiries.tests import worker_steps; worker_steps.{name}(*{args!r})"
    return json.loads(_harbour("shell", "-c", call, env=env).strip().splitlines()[-1])


def _worker(env: dict, log: Path) -> subprocess.Popen:
    handle = log.open("a")
    worker = subprocess.Popen([str(Path(sys.executable).with_name("harbour")), "worker"], cwd=REPO, env=env,  # noqa: S603
                              stdout=handle, stderr=subprocess.STDOUT, start_new_session=True)
    handle.close()
    _wait_for(lambda: "Huey consumer started" in log.read_text(), worker, log, "the worker to start")
    return worker


def _wait_for(condition, worker: subprocess.Popen, log: Path, what: str) -> None:
    deadline = time.monotonic() + 60
    while not condition():
        if worker.poll() is not None:
            pytest.fail(f"the worker stopped waiting for {what}:\n{log.read_text()[-3000:]}")
        if time.monotonic() > deadline:
            pytest.fail(f"waited 60 s for {what}:\n{log.read_text()[-3000:]}")
        time.sleep(0.2)


def _stop(worker: subprocess.Popen, sig: int) -> None:
    if worker.poll() is None:
        os.killpg(worker.pid, sig)
        worker.wait(timeout=20)


@pytest.fixture
def worker_env(tmp_path):
    """The embedded default on a fresh data folder: SQLite, or a fresh PostgreSQL database beside
    the one DATABASE_URL names; the queue is a SQLite file in the data folder either way."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST", "HARBOUR_"))}
    env.update(DJANGO_SETTINGS_MODULE="harbour.enquiries.tests.worker_settings",
               HARBOUR_DATA_DIR=str(tmp_path / "data"))
    env.pop("REDIS_URL", None)
    url = os.environ.get("DATABASE_URL", "")
    database = None
    if url.startswith("postgres"):
        import psycopg

        database = f"harbour_worker_{os.getpid()}"
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{database}"')
            connection.execute(f'CREATE DATABASE "{database}"')
        env["DATABASE_URL"] = urlparse(url)._replace(path=f"/{database}").geturl()
    else:
        env.pop("DATABASE_URL", None)
    _harbour("migrate", "-v", "0", env=env, timeout=300)
    yield env
    if database:
        import psycopg

        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def test_a_worker_killed_mid_send_sends_the_reply_once_it_restarts(worker_env, tmp_path):
    data = Path(worker_env["HARBOUR_DATA_DIR"])
    log = tmp_path / "worker.log"
    first = _worker(worker_env, log)
    try:
        _step("reply_written", env=worker_env)
        _wait_for((data / "first-send-started").exists, first, log, "the first send")
    finally:
        _stop(first, signal.SIGKILL)  # mid-send: the task is off the queue, the email not sent

    # The task went with the worker; the reply waits in the outbox. Six minutes pass.
    assert _step("minutes_pass", 6, env=worker_env) == {"status": "queued", "attempts": 1, "queued_tasks": 0}
    second = _worker(worker_env, log)
    try:
        _wait_for(lambda: any((data / "outbox").glob("*.log")), second, log, "the reply to be sent")
        _wait_for(lambda: _step("reply_state", env=worker_env)["status"] == "sent", second, log,
                  "the reply to be marked sent")
    finally:
        _stop(second, signal.SIGTERM)
    [message] = (data / "outbox").glob("*.log")
    text = message.read_text()
    assert text.count("Subject: Your question to Harbour (HB-KILL-TEST)") == 1
    assert "Here is what happens." in text and "To: safe@example.org" in text
    assert _step("reply_state", env=worker_env) == {"status": "sent", "attempts": 2, "queued_tasks": 0}
