"""What every page's frame needs: the advice line (and whether it is open now), the exit and donate links."""

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from harbour.common.advice_line import advice_line_status


def site(request: HttpRequest) -> dict:
    return {
        "advice_line": settings.HARBOUR_ADVICE_LINE,
        # Worked out only on pages that show it.
        "advice_line_now": SimpleLazyObject(lambda: advice_line_status(timezone.now())),
        "donate_url": settings.HARBOUR_DONATE_URL,
        "exit_url": "/exit",
        "emergency": settings.HARBOUR_EMERGENCY,
    }
