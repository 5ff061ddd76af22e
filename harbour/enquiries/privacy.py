"""A limit on enquiries per client, counted without keeping who the client is."""

from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import is_ratelimited

from harbour.answering.privacy import client_key


def enquiry_limit_reached(request: HttpRequest) -> bool:
    return is_ratelimited(request, group="enquiry", key=client_key,
                          rate=settings.HARBOUR_ENQUIRY_RATE_LIMIT, increment=True)
