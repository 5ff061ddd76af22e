"""A per-process cache of the pages anonymous readers get, refreshed when advice is published.

Only what every reader gets alike is kept: a GET or HEAD without cookies or a query string,
answered 200 with HTML and no cookie. Pages show whether the advice line is open now, so the key
holds that status too: a page kept while the line was open is never served once it has closed.
Searches, the webchat, the API and the admin are never kept, so nothing a person types is held here.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from harbour.common.advice_line import advice_line_status
from harbour.content.selectors import content_version_recent

NEVER_CACHED = (
    "/admin",
    "/exit",
    "/api/",
    "/search",
    "/chat",
    "/healthz",
    "/static/",
    "/media/",
    "/directory",
)  # the directory: each organisation's open-now status, and editors' changes
MAX_PAGES = 500


def anonymous_page_cache(get_response: Callable[[HttpRequest], HttpResponse]):
    pages: OrderedDict[tuple, tuple[bytes, list[tuple[str, str]]]] = OrderedDict()

    def middleware(request: HttpRequest) -> HttpResponse:
        if not _cacheable_request(request):
            return get_response(request)
        key = (request.path, content_version_recent(), advice_line_status(timezone.now()).describe())
        hit = pages.get(key)
        if hit is not None:
            pages.move_to_end(key)
            content, headers = hit
            return HttpResponse(content, headers=dict(headers))
        response = get_response(request)
        if _cacheable_response(response):
            pages[key] = (response.content, list(response.headers.items()))
            if len(pages) > MAX_PAGES:
                pages.popitem(last=False)
        return response

    return middleware


def _cacheable_request(request: HttpRequest) -> bool:
    return (
        request.method in {"GET", "HEAD"}
        and not request.COOKIES
        and not request.META.get("QUERY_STRING")
        and not request.path.startswith(NEVER_CACHED)
    )


def _cacheable_response(response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.cookies
        and not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
    )
