"""The public enquiry forms: an email enquiry and a call-back request.

Both post to themselves and show the result on the same page, so nothing she typed is ever put
in an address. The form carries an idempotency key, so a double click or a resubmitted page stores
one enquiry. Readers have no cookies, so, like search and the webchat, the forms have no CSRF token:
a forged post could only send us a message, which anyone can do (docs/decisions/0012).
"""

from __future__ import annotations

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from harbour.answering.passages import answerer
from harbour.enquiries.forms import CallbackForm, EnquiryForm
from harbour.enquiries.privacy import enquiry_limit_reached
from harbour.enquiries.selectors import enquiry_with_key, typical_first_response_recent
from harbour.enquiries.services import enquiry_create, enquiry_received

SUGGESTIONS = 3


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def email_enquiry(request: HttpRequest) -> HttpResponse:
    return _enquiry_page(request, EnquiryForm, template="enquiries/email_form.html")


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def callback_request(request: HttpRequest) -> HttpResponse:
    return _enquiry_page(request, CallbackForm, template="enquiries/callback_form.html")


def _enquiry_page(request: HttpRequest, form_class: type[EnquiryForm], *, template: str) -> HttpResponse:
    if request.method != "POST":
        return render(request, template, {"form": form_class.blank()})
    form = form_class(request.POST)
    if request.POST.get("action") == "suggest":
        return render(request, template, {"form": form_class(initial=_kept(form)), "kept": True,
                                          **_suggestions(request.POST.get("message", ""))})
    if form.is_bot:
        return render(request, "enquiries/sent.html", {"bot": True})
    if not form.is_valid():
        return render(request, template, {"form": form, "show_errors": True}, status=400)
    key = form.cleaned_data["idempotency_key"]
    enquiry = enquiry_with_key(key)  # sent already: a resubmitted page shows the same reference
    if enquiry is None:
        if enquiry_limit_reached(request):
            form.add_error(None, _("You have sent us several messages in the last hour. Please wait a "
                                   "little, or call the advice line. What you typed is still here."))
            return render(request, template, {"form": form, "show_errors": True}, status=429)
        enquiry, created = enquiry_create(data=form.enquiry_input(), idempotency_key=key)
        if created:
            enquiry_received(enquiry=enquiry)
    return render(request, "enquiries/sent.html", {
        "enquiry": enquiry, "typical_wait": typical_first_response_recent()})


def _kept(form: EnquiryForm) -> dict:
    """What she typed, to show again with the suggestions (nothing is checked yet)."""
    kept = {}
    for name, field in form.fields.items():
        if name in form.data:
            multiple = isinstance(field, forms.MultipleChoiceField)
            kept[name] = form.data.getlist(name) if multiple else form.data.get(name)
    return kept


def _suggestions(message: str) -> dict:
    text = message.strip()[:2000]
    if not text:
        return {"suggest_error": _("Type your question first, then we can look for answers.")}
    answer = answerer().answer(text)
    results = answer.results[:SUGGESTIONS] if answer.in_scope else []
    return {"suggestions": results, "danger": answer.danger, "suggested": True}

