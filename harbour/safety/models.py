"""The audit log: who opened or acted on which enquiry, and when. Never what it says."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    class Action(models.TextChoices):
        OPENED = "opened", _("Opened")
        CLAIMED = "claimed", _("Claimed")
        ASSIGNED = "assigned", _("Assigned")
        REPLIED = "replied", _("Replied")
        NOTED = "noted", _("Added a note")
        CLOSED = "closed", _("Closed")
        REOPENED = "reopened", _("Reopened")
        CALL_SCHEDULED = "call-scheduled", _("Scheduled a call")
        CALL_RECORDED = "call-recorded", _("Recorded a call")
        DELETED = "deleted", _("Deleted")

    # SET_NULL and a copy of the username: the record outlives the account.
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    username = models.CharField(max_length=150)
    at = models.DateTimeField(db_index=True)
    action = models.CharField(max_length=20, choices=Action.choices)
    # Text, not a foreign key, so the record survives the enquiry's deletion (retention).
    reference = models.CharField(max_length=16, db_index=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.username} {self.action} {self.reference}"
