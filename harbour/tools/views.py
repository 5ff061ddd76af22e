"""Guided tools' pages: thin views over the rules evaluator and the deadline arithmetic."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe


@require_safe
def tool_index(request: HttpRequest) -> HttpResponse:
    return render(request, "tools/index.html")
