"""Reads of the knowledge base that other parts need cheaply."""

from __future__ import annotations

import time

from django.conf import settings
from django.db.models import Count, Max

from harbour.content.models import AdvicePage

_recent: dict[str, object] = {"at": 0.0, "version": None}


def content_version() -> tuple:
    """Changes whenever an advice page is published, unpublished, moved or deleted."""
    summary = AdvicePage.objects.live().aggregate(
        count=Count("pk"), published=Max("last_published_at"), revision=Max("live_revision_id"))
    return (summary["count"], summary["published"], summary["revision"])


def content_version_recent() -> tuple:
    """content_version(), asked of the database at most every couple of seconds per process:
    a reader may see a just-published change up to two seconds late."""
    now = time.monotonic()
    recheck = settings.HARBOUR_CONTENT_RECHECK_SECONDS
    if _recent["version"] is None or now - float(_recent["at"]) >= recheck:
        _recent["version"] = content_version()
        _recent["at"] = now
    return _recent["version"]  # type: ignore[return-value]


def advice_groups():
    """The published group pages, in order, without their bodies (for lists and menus)."""
    return AdvicePage.objects.live().public().defer_streamfields().order_by("path")
