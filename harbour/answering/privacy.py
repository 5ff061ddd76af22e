"""Rate limits per client without keeping who the client is."""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import is_ratelimited


def client_key(group: str, request: HttpRequest) -> str:
    """A keyed hash of the client's address: enough to count requests in the cache for a
    minute, useless for finding out who sent them. The address itself is never stored."""
    address = request.META.get("REMOTE_ADDR", "")
    return hmac.new(settings.SECRET_KEY.encode(), f"{group}:{address}".encode(),
                    hashlib.sha256).hexdigest()


def question_limit_reached(request: HttpRequest) -> bool:
    """Counts this question against the client's limit (the webchat page and the API share it)."""
    return is_ratelimited(request, group="answer", key=client_key,
                          rate=settings.HARBOUR_RATE_LIMIT, increment=True)
