"""The directory of help page."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from harbour.directory.selectors import organisation_list


@require_safe
def directory(request: HttpRequest) -> HttpResponse:
    return render(request, "directory/directory.html",
                  {"organisations": organisation_list(now=timezone.now())})
