"""The advisers' pages: sign-in with two factors, the queue, each enquiry and what to do with it.

Thin: every page needs a verified second factor (`adviser_required`), reaches enquiries only
through access.py, and leaves every rule to adviser_services. Actions are posted forms that
redirect back to the enquiry, so they work without JavaScript.
"""

from __future__ import annotations

from base64 import b32encode

import segno
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp.decorators import otp_required
from django_otp.plugins.otp_totp.models import TOTPDevice

from harbour.common.calendar import LONDON
from harbour.enquiries import adviser_services as services
from harbour.enquiries.access import (
    access_audit_log,
    access_enquiry_for_action,
    access_enquiry_for_read,
    access_queue,
)
from harbour.enquiries.adviser_forms import (
    AssignForm,
    AuthenticatorConfirmForm,
    CallRecordForm,
    CallScheduleForm,
    NoteForm,
    ReplyForm,
    ReplyTemplateForm,
    SignInForm,
    authenticator_of,
)
from harbour.enquiries.adviser_selectors import (
    QUEUE_VIEWS,
    enquiry_exists,
    enquiry_history,
    queue_page,
)
from harbour.enquiries.reply_templates import reply_template, reply_template_text
from harbour.enquiries.roles import ASSIGN, REOPEN
from harbour.enquiries.safe_contact import (
    call_allowed,
    email_reply_allowed,
    next_safe_call,
    safe_times_described,
)
from harbour.enquiries.selectors import enquiry_triage_reason
from harbour.safety.audit import Action, audit_events

SIGN_IN = reverse_lazy("advisers-sign-in")
adviser_required = otp_required(login_url=SIGN_IN)
TEMPLATES = "enquiries/advisers/"


@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    form = SignInForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.get_user()
        login(request, user)  # django_otp marks the session verified with user.otp_device
        if user.otp_device is None:
            return redirect("advisers-authenticator")
        wanted = request.GET.get("next", "")
        safe = url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()})
        return redirect(wanted if safe and wanted.startswith("/advisers/") else "advisers-queue")
    return render(request, TEMPLATES + "sign_in.html", {"form": form})


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, _("You have signed out."))
    return redirect("advisers-sign-in")


@login_required(login_url=SIGN_IN)
@require_http_methods(["GET", "POST"])
def authenticator_setup(request: HttpRequest) -> HttpResponse:
    """First sign-in: add Harbour to an authenticator app, then confirm with a code."""
    if authenticator_of(request.user) is not None:
        return redirect("advisers-queue")
    device = (TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
              or TOTPDevice.objects.create(user=request.user, name="Authenticator", confirmed=False))
    form = AuthenticatorConfirmForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        messages.success(request, _("Your authenticator app is set up. Use its code each time you sign in."))
        return redirect("advisers-queue")
    key = b32encode(device.bin_key).decode()
    qr = segno.make(device.config_url, error="m").svg_inline(
        scale=4, title=_("QR code for your authenticator app"))
    return render(request, TEMPLATES + "authenticator.html", {
        "form": form, "qr_svg": qr, "key_groups": [key[i:i + 4] for i in range(0, len(key), 4)]})


@adviser_required
def queue(request: HttpRequest) -> HttpResponse:
    access_queue(user=request.user)
    reference = request.GET.get("reference", "").strip().upper()
    not_found = ""
    if reference:
        if enquiry_exists(reference):
            return redirect("advisers-enquiry", reference=reference)
        not_found = reference[:20]
    view = request.GET.get("show", "open")
    view = view if view in QUEUE_VIEWS else "open"
    page, rows = queue_page(page_number=request.GET.get("page"), now=timezone.now(), view=view)
    return render(request, TEMPLATES + "queue.html",
                  {"page": page, "rows": rows, "view": view, "not_found": not_found})


@adviser_required
def enquiry_detail(request: HttpRequest, reference: str) -> HttpResponse:
    enquiry = access_enquiry_for_read(user=request.user, reference=reference)
    now = timezone.now()
    chosen = reply_template(request.GET.get("template", ""))
    reply_form = ReplyForm(initial={"body": reply_template_text(chosen)} if chosen else None)
    return render(request, TEMPLATES + "enquiry.html", {
        "enquiry": enquiry,
        "reason": enquiry_triage_reason(enquiry, today=now.astimezone(LONDON).date()),
        "email_allowed": email_reply_allowed(enquiry),
        "safe_times": safe_times_described(enquiry),
        "next_safe_call": next_safe_call(enquiry, now),
        "call_allowed_now": call_allowed(enquiry, now),
        "reply_form": reply_form,
        "template_form": ReplyTemplateForm(initial={"template": chosen.id} if chosen else None),
        "note_form": NoteForm(),
        "assign_form": (AssignForm(initial={"to": enquiry.claimed_by_id})
                        if request.user.has_perm(ASSIGN) else None),
        "may_reopen": request.user.has_perm(REOPEN),
        "schedule_form": CallScheduleForm(),
        "record_form": CallRecordForm(),
        **enquiry_history(enquiry),
    })


def _done(request: HttpRequest, reference: str, action, success: str) -> HttpResponse:
    try:
        action()
    except services.ActionRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, success)
    return redirect("advisers-enquiry", reference=reference)


def _form_refused(request: HttpRequest, reference: str, form) -> HttpResponse:
    for errors in form.errors.values():
        messages.error(request, errors[0])
    return redirect("advisers-enquiry", reference=reference)


@adviser_required
@require_POST
def enquiry_claim(request: HttpRequest, reference: str) -> HttpResponse:
    enquiry = access_enquiry_for_action(user=request.user, reference=reference, action=Action.CLAIMED)
    return _done(request, reference, lambda: services.enquiry_claim(enquiry=enquiry, adviser=request.user),
                 _("You are answering this enquiry."))


@adviser_required
@require_POST
def enquiry_assign(request: HttpRequest, reference: str) -> HttpResponse:
    enquiry = access_enquiry_for_action(user=request.user, reference=reference, action=Action.ASSIGNED)
    form = AssignForm(request.POST)
    if not form.is_valid():
        return _form_refused(request, reference, form)
    to = form.cleaned_data["to"]
    return _done(request, reference, lambda: services.enquiry_assign(enquiry=enquiry, by=request.user, to=to),
                 _("Assigned to %(name)s.") % {"name": to.get_username()})


@adviser_required
@require_POST
def reply_send(request: HttpRequest, reference: str) -> HttpResponse:
    enquiry = access_enquiry_for_action(user=request.user, reference=reference, action=Action.REPLIED)
    form = ReplyForm(request.POST)
    if not form.is_valid():
        return _form_refused(request, reference, form)
    body = form.cleaned_data["body"]
    return _done(request, reference,
                 lambda: services.reply_create(enquiry=enquiry, author=request.user, body=body),
                 _("Your reply is on its way."))


@adviser_required
@require_POST
def note_add(request: HttpRequest, reference: str) -> HttpResponse:
    enquiry = access_enquiry_for_action(user=request.user, reference=reference, action=Action.NOTED)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _form_refused(request, reference, form)
    body = form.cleaned_data["body"]
    return _done(request, reference,
                 lambda: services.note_add(enquiry=enquiry, author=request.user, body=body),
                 _("Note added."))


@adviser_required
@require_POST
def enquiry_close(request: HttpRequest, reference: str) -> HttpResponse:
    enquiry = access_enquiry_for_action(user=request.user, reference=reference, action=Action.CLOSED)
    return _done(request, reference, lambda: services.enquiry_close(enquiry=enquiry, by=request.user),
                 _("Enquiry closed."))


@adviser_required
@require_POST
def enquiry_reopen(request: HttpRequest, reference: str) -> HttpResponse:
    enquiry = access_enquiry_for_action(user=request.user, reference=reference, action=Action.REOPENED)
    return _done(request, reference, lambda: services.enquiry_reopen(enquiry=enquiry, by=request.user),
                 _("Enquiry reopened."))


@adviser_required
@require_POST
def call_schedule(request: HttpRequest, reference: str) -> HttpResponse:
    enquiry = access_enquiry_for_action(user=request.user, reference=reference, action=Action.CALL_SCHEDULED)
    form = CallScheduleForm(request.POST)
    if not form.is_valid():
        return _form_refused(request, reference, form)
    at = form.cleaned_data["at"]
    return _done(request, reference,
                 lambda: services.call_schedule(enquiry=enquiry, adviser=request.user, at=at),
                 _("Call booked."))


@adviser_required
@require_POST
def call_record(request: HttpRequest, reference: str) -> HttpResponse:
    enquiry = access_enquiry_for_action(user=request.user, reference=reference, action=Action.CALL_RECORDED)
    form = CallRecordForm(request.POST)
    if not form.is_valid():
        return _form_refused(request, reference, form)
    data = form.cleaned_data
    return _done(request, reference, lambda: services.call_record(
        enquiry=enquiry, adviser=request.user, outcome=data["outcome"], note=data["note"]),
        _("Call recorded."))


@adviser_required
def audit_log(request: HttpRequest) -> HttpResponse:
    access_audit_log(user=request.user)
    reference = request.GET.get("reference", "")[:16]
    page = Paginator(audit_events(reference=reference), 100).get_page(request.GET.get("page"))
    return render(request, TEMPLATES + "audit.html", {"page": page, "reference": reference})
