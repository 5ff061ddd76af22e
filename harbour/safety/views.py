"""Leaving the site quickly, and how to cover your tracks."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@never_cache
def quick_exit(request: HttpRequest) -> HttpResponse:
    """Clear what the browser holds for this site, then go to the neutral page."""
    response = HttpResponseRedirect(settings.HARBOUR_EXIT_URL)
    response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    response["Referrer-Policy"] = "no-referrer"
    return response


@require_safe
def cover_your_tracks(request: HttpRequest) -> HttpResponse:
    return render(request, "safety/cover_your_tracks.html")
