"""Rate limits per client without keeping who the client is."""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.http import HttpRequest


def client_key(group: str, request: HttpRequest) -> str:
    """A keyed hash of the client's address: enough to count requests in the cache for a
    minute, useless for finding out who sent them. The address itself is never stored."""
    address = request.META.get("REMOTE_ADDR", "")
    return hmac.new(settings.SECRET_KEY.encode(), f"{group}:{address}".encode(),
                    hashlib.sha256).hexdigest()
