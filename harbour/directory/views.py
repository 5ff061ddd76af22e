"""The directory page (built by the directory work)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe


@require_safe
def directory(request: HttpRequest) -> HttpResponse:
    return render(request, "common/error.html", {"status": 404}, status=404)
