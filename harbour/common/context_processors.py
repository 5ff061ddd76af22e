"""What every page's frame needs: the advice line, the exit and donate links."""

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict:
    return {
        "advice_line": settings.HARBOUR_ADVICE_LINE,
        "donate_url": settings.HARBOUR_DONATE_URL,
        "exit_url": "/exit",
        "emergency": settings.HARBOUR_EMERGENCY,
    }
