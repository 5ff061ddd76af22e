"""The public page where a person has her enquiry deleted with her reference.

The reference is posted, never put in an address, and the page says the same whether or not
there was an enquiry with it, so it cannot be used to find out whether someone wrote to us.
Like the enquiry forms it has no CSRF token (readers have no cookies, docs/decisions/0012):
a forged post could only delete an enquiry whose reference the forger already knows.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import is_ratelimited

from harbour.answering.privacy import client_key
from harbour.enquiries.retention import enquiry_delete_by_request, reference_normalise

TEMPLATE = "enquiries/delete.html"


class DeletionForm(forms.Form):
    reference = forms.CharField(
        label=gettext_lazy("Your reference"), max_length=30,
        help_text=gettext_lazy("It looks like HB-7K3M-9QX2. It is on the page you saw after sending "
                               "your question, and in any email we sent you."),
        error_messages={"required": gettext_lazy("Please type your reference.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters",
                                      "spellcheck": "false"}))

    def clean_reference(self) -> str:
        reference = reference_normalise(self.cleaned_data["reference"])
        if reference is None:
            raise forms.ValidationError(_("That does not look like a Harbour reference. References "
                                          "look like HB-7K3M-9QX2."))
        return reference


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def deletion_request(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, TEMPLATE, {"form": DeletionForm()})
    form = DeletionForm(request.POST)
    if not form.is_valid():
        return render(request, TEMPLATE, {"form": form, "show_errors": True}, status=400)
    if is_ratelimited(request, group="enquiry-delete", key=client_key,
                      rate=settings.HARBOUR_ENQUIRY_RATE_LIMIT, increment=True):
        form.add_error(None, _("You have tried several times in the last hour. Please wait a little "
                               "and try again, or call the advice line and we will delete it for you."))
        return render(request, TEMPLATE, {"form": form, "show_errors": True}, status=429)
    enquiry_delete_by_request(reference=form.cleaned_data["reference"])
    return render(request, TEMPLATE, {"done": True})
