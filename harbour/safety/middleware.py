"""Privacy headers on every response."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
)


def privacy_headers(get_response: Callable[[HttpRequest], HttpResponse]):
    """Pages are never kept in the browser's cache or back-forward cache, so what a person
    read cannot be brought back from the device; static files keep their own caching."""

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        if not request.path.startswith("/static/"):
            response.headers["Cache-Control"] = "no-store"
        if request.path.startswith(("/admin/", "/advisers/")):
            # Under no-referrer, browsers send "Origin: null" with a form post, which Django's
            # CSRF check must refuse; staff forms need their own origin sent, and nothing more.
            response.headers["Referrer-Policy"] = "same-origin"
        return response

    return middleware
