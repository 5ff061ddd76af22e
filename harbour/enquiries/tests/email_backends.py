"""Email backends for the email queue's tests: one that fails first, one that hangs on its first send."""

from __future__ import annotations

import os
import smtplib
import time

from django.conf import settings
from django.core.mail.backends.filebased import EmailBackend as FileBackend
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend


class FailingFirstBackend(LocmemBackend):
    """Refuses the first send as a mail server does, quoting the address; then delivers."""

    failures_left = 1

    def send_messages(self, messages):
        if FailingFirstBackend.failures_left > 0:
            FailingFirstBackend.failures_left -= 1
            address = messages[0].to[0]
            raise smtplib.SMTPRecipientsRefused({address: (450, b"mailbox busy: " + address.encode())})
        return super().send_messages(messages)


class HangingFirstSendBackend(FileBackend):
    """For the worker that is killed mid-send: the first send leaves a marker and never finishes;
    every later one is written to the outbox folder as the embedded default writes it."""

    def send_messages(self, messages):
        marker = settings.DATA_DIR / "first-send-started"
        if not marker.exists():
            marker.write_text(str(os.getpid()))
            time.sleep(3600)  # killed here
        return super().send_messages(messages)
