"""Enquiries and call-back requests, what advisers do with them, and how it is safe to reply.

Everything a person writes or gives to reach her (her message, name, email, phone, code word,
replies and notes about her) is encrypted at rest. What triage and reports need (danger, dates,
topic group, times) is kept plain, and is not enough to identify her.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from harbour.enquiries.crypto import EncryptedTextField


class Enquiry(models.Model):
    class Kind(models.TextChoices):
        EMAIL = "email", _("Email enquiry")
        CALLBACK = "callback", _("Call-back request")

    class Status(models.TextChoices):
        NEW = "new", _("Waiting")
        CLAIMED = "claimed", _("Being answered")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed")

    class Who(models.TextChoices):
        MOTHER = "mother", _("Mother")
        FATHER = "father", _("Father")
        GRANDPARENT = "grandparent", _("Grandparent")
        OTHER_RELATIVE = "other-relative", _("Other relative")
        KINSHIP_CARER = "kinship-carer", _("Kinship carer")
        OTHER = "other", _("Someone else")

    class DateKind(models.TextChoices):
        NONE = "", _("No date coming")
        COURT_HEARING = "court-hearing", _("A court hearing")
        CP_CONFERENCE = "cp-conference", _("A child protection conference")
        PRE_PROCEEDINGS_MEETING = "pre-proceedings-meeting", _("A pre-proceedings meeting")
        DUE_DATE = "due-date", _("The baby's due date")

    reference = models.CharField(max_length=16, unique=True)
    # Sent with the form: a double click, a resubmit or a retry creates one enquiry, not two.
    idempotency_key = models.UUIDField(unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW, db_index=True)
    created_at = models.DateTimeField(db_index=True)

    topic_group = models.CharField(max_length=40, blank=True)
    who = models.CharField(max_length=20, choices=Who.choices)
    date_kind = models.CharField(max_length=30, choices=DateKind.choices, blank=True)
    coming_date = models.DateField(null=True, blank=True)
    danger = models.BooleanField(default=False)

    message = EncryptedTextField()
    name = EncryptedTextField(blank=True)
    email = EncryptedTextField(blank=True)
    phone = EncryptedTextField(blank=True)

    # The safe-contact profile: asked once, honoured everywhere.
    safe_to_email = models.BooleanField(default=False)
    safe_to_call = models.BooleanField(default=False)
    call_days = models.JSONField(default=list, blank=True)  # weekdays, Monday is 0
    call_slots = models.JSONField(default=list, blank=True)  # ids of HARBOUR_CALL_SLOTS
    voicemail_ok = models.BooleanField(default=False)
    text_ok = models.BooleanField(default=False)
    code_word = EncryptedTextField(blank=True)

    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="claimed_enquiries",
    )
    claimed_at = models.DateTimeField(null=True, blank=True)
    first_response_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        verbose_name_plural = "enquiries"
        indexes = [models.Index(fields=["status", "danger", "coming_date", "created_at"])]
        # What the roles (harbour/enquiries/roles.py) are made of.
        permissions = [
            ("answer_enquiry", "Can see the queue, open, claim, reply, note, close and record calls"),
            ("assign_enquiry", "Can assign an enquiry to another adviser"),
            ("reopen_enquiry", "Can reopen a closed enquiry"),
        ]

    def __str__(self) -> str:
        return self.reference


class Reply(models.Model):
    """An adviser's answer by email. Sent by the task queue; `status` is the outbox."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to send")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Could not send")

    class FailureReason(models.TextChoices):
        NOT_SAFE = "not-safe-to-email", _("She no longer has an email address that is safe to use")
        GAVE_UP = "gave-up", _("The email server refused it for more than a day")

    enquiry = models.ForeignKey(Enquiry, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    body = EncryptedTextField()
    created_at = models.DateTimeField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    failure_reason = models.CharField(max_length=20, choices=FailureReason.choices, blank=True)

    def __str__(self) -> str:
        return f"Reply to {self.enquiry_id}"


class Note(models.Model):
    """An adviser's internal note: never shown or sent to the person."""

    enquiry = models.ForeignKey(Enquiry, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    body = EncryptedTextField()
    created_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Note on {self.enquiry_id}"


class CallAttempt(models.Model):
    class Outcome(models.TextChoices):
        ANSWERED = "answered", _("Answered")
        NO_ANSWER = "no-answer", _("No answer")
        UNSAFE = "unsafe", _("Not safe to talk")
        CALL_AGAIN = "call-again", _("Asked us to call again")

    enquiry = models.ForeignKey(Enquiry, on_delete=models.CASCADE, related_name="call_attempts")
    adviser = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    scheduled_for = models.DateTimeField(null=True, blank=True)
    called_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=12, choices=Outcome.choices, blank=True)
    note = EncryptedTextField(blank=True)

    def __str__(self) -> str:
        return f"Call for {self.enquiry_id}"
