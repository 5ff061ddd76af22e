"""Keeping enquiries no longer than needed: closed ones deleted after HARBOUR_RETENTION_DAYS
(`harbour purge`), and anyone's deleted at once when she asks with her reference.

Deleting an enquiry deletes everything hanging off it (replies, notes, calls). The audit log
keeps only that the reference was deleted, and when.
"""

from __future__ import annotations

import datetime as dt
import re

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from harbour.enquiries.models import Enquiry
from harbour.enquiries.services import REFERENCE_ALPHABET
from harbour.safety.audit import Action, audit_record

PURGE_BATCH = 500
_REFERENCE = re.compile(rf"^(?:HB)?([{REFERENCE_ALPHABET}]{{4}})([{REFERENCE_ALPHABET}]{{4}})$")


def enquiries_expired(*, now: dt.datetime | None = None) -> QuerySet[Enquiry]:
    """Closed enquiries whose closing is older than the retention period."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=settings.HARBOUR_RETENTION_DAYS)
    return Enquiry.objects.filter(status=Enquiry.Status.CLOSED, closed_at__lt=cutoff)


def enquiries_purge(*, now: dt.datetime | None = None, dry_run: bool = False) -> int:
    """Delete the expired enquiries, a batch to a transaction; returns how many (or would be)."""
    now = now or timezone.now()
    if dry_run:
        return enquiries_expired(now=now).count()
    deleted = 0
    expired = enquiries_expired(now=now).order_by("pk").values_list("pk", "reference")
    while batch := list(expired[:PURGE_BATCH]):
        with transaction.atomic():
            Enquiry.objects.filter(pk__in=[pk for pk, _ in batch]).delete()
            for _pk, reference in batch:
                audit_record(user=None, action=Action.DELETED, reference=reference, now=now)
        deleted += len(batch)
    return deleted


def reference_normalise(text: str) -> str | None:
    """`hb-7k3m-9qx2`, `7K3M 9QX2` and `HB7K3M9QX2` all mean HB-7K3M-9QX2; None if it cannot be one."""
    match = _REFERENCE.match(re.sub(r"[\s\-]", "", text.upper()))
    return f"HB-{match[1]}-{match[2]}" if match else None


@transaction.atomic
def enquiry_delete_by_request(*, reference: str, now: dt.datetime | None = None) -> bool:
    """Delete her enquiry and everything hanging off it, now. True if there was one; the page
    that calls this says the same either way."""
    normalised = reference_normalise(reference)
    if normalised is None:
        return False
    deleted, _ = Enquiry.objects.filter(reference=normalised).delete()
    if deleted:
        audit_record(user=None, action=Action.DELETED, reference=normalised, now=now)
    return bool(deleted)
