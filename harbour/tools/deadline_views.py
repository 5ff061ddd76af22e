"""The deadline calculator and the "is the advice line open now?" page.

The calculator asks one question a page. Every step is a POST, so what she tells it (that the
police gave a notice, and when) stays out of the address and the history; nothing is kept.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from harbour.common.calendar import clock, day_name
from harbour.tools.deadline_forms import KindForm, WhenForm
from harbour.tools.deadlines import by_end_of, by_time, dvpn_deadlines, dvpo_end, referral_decision_by

TEMPLATE = "tools/deadlines.html"


# The calculator changes nothing on the server and keeps nothing, so, like search and the
# webchat, it needs no CSRF token (which would mean a cookie for every reader).
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def deadlines(request: HttpRequest) -> HttpResponse:
    data = request.POST
    if request.method != "POST":
        return _ask_what_happened(request, KindForm())
    going_back = "back" in data
    if data.get("step") == "when" and going_back:
        return _ask_what_happened(request, KindForm(initial={"kind": data.get("kind")}))
    if data.get("step") == "when" or (data.get("step") == "answer" and going_back):
        form = WhenForm(data)
        if data.get("step") == "when" and form.is_valid():
            return render(request, TEMPLATE, {"step": "answer", "form": form,
                                              **_answer(form.cleaned_data["kind"], form.start())})
        return render(request, TEMPLATE, {"step": "when", "form": form, "show_errors": not going_back})
    form = KindForm(data)
    if not form.is_valid():
        return _ask_what_happened(request, form)
    return render(request, TEMPLATE, {"step": "when",
                                      "form": WhenForm(initial={"kind": form.cleaned_data["kind"]})})


@require_safe
def advice_line(request: HttpRequest) -> HttpResponse:
    # The status itself is `advice_line_now`, which every template gets.
    return render(request, "tools/advice_line.html")


def _ask_what_happened(request: HttpRequest, form: KindForm) -> HttpResponse:
    return render(request, TEMPLATE, {"step": "kind", "form": form})


def _answer(kind: str, start) -> dict:
    """The answer's dates, already written as words for the template's sentences."""
    if kind == "dvpn":
        found = dvpn_deadlines(issued=start)
        return {"kind": kind, "dvpn": found, "given_time": clock(found.issued),
                "given": day_name(found.issued), "ends": by_time(found.ends),
                "hearing_by": by_time(found.hearing_by)}
    if kind == "dvpo":
        found = dvpo_end(made=start)
        return {"kind": kind, "given": day_name(found.made), "earliest": day_name(found.earliest),
                "latest": day_name(found.latest)}
    found = referral_decision_by(received=start)
    return {"kind": kind, "given": day_name(found.received), "decide_by": by_end_of(found.decide_by)}
