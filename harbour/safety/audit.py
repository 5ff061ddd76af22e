"""Writing and reading the audit log. Events name an enquiry by its reference and nothing more."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet
from django.utils import timezone

from harbour.safety.models import AuditEvent

Action = AuditEvent.Action


def audit_record(*, user, action: str, reference: str, now: dt.datetime | None = None) -> AuditEvent:
    """One event. `user` may be None for the system (a purge run by the scheduler)."""
    return AuditEvent.objects.create(
        user=user if user is not None and user.is_authenticated else None,
        username=user.get_username() if user is not None and user.is_authenticated else "",
        at=now or timezone.now(),
        action=action,
        reference=reference,
    )


def audit_events(*, reference: str = "") -> QuerySet[AuditEvent]:
    """Newest first; only one enquiry's when a reference is given."""
    events = AuditEvent.objects.all()
    if reference:
        events = events.filter(reference=reference.strip().upper())
    return events
