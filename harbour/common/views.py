"""Harbour's fixed pages: contact, privacy, accessibility, donate; errors; a health check."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe


@require_safe
def contact(request: HttpRequest) -> HttpResponse:
    return render(request, "common/contact.html")


@require_safe
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "common/privacy.html")


@require_safe
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "common/accessibility.html")


@require_safe
def donate(request: HttpRequest) -> HttpResponse:
    return render(request, "common/donate.html")


@require_safe
def health(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "common/error.html", {"status": 404}, status=404)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "common/error.html", {"status": 400}, status=400)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "common/error.html", {"status": 500}, status=500)
