"""Forms for the advisers' pages. They check input; the rules live in adviser_services."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from harbour.enquiries.models import CallAttempt
from harbour.enquiries.reply_templates import reply_templates
from harbour.enquiries.roles import advisers

CODE_ATTRS = {"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9 ]*",
              "maxlength": "8", "size": "8"}


def authenticator_of(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def _code(value: str) -> str:
    return value.replace(" ", "")


class SignInForm(AuthenticationForm):
    """Username, password and the code from the authenticator app. Someone whose account has
    no authenticator yet signs in without a code, and is sent to set one up before anything
    else. A wrong code counts as a failed sign-in towards the lockout."""

    otp_token = forms.CharField(
        label=_("Code from your authenticator app"), required=False,
        help_text=_("6 digits. Leave it empty only the first time you sign in."),
        widget=forms.TextInput(attrs=CODE_ATTRS))

    error_messages = {
        **AuthenticationForm.error_messages,
        "code_required": _("Enter the 6-digit code from your authenticator app."),
        "code_wrong": _("That code is not right, or it has expired. Enter the code showing now."),
        "code_wait": _("Too many wrong codes. Wait a minute, then enter the code showing now."),
    }

    def clean(self):
        cleaned = super().clean()  # the password, through axes (which is why `request` is given)
        user = self.get_user()
        if user is None:
            return cleaned
        user.otp_device = None
        device = authenticator_of(user)
        if device is None:
            return cleaned
        code = _code(cleaned.get("otp_token", ""))
        if not code:
            self._code_failed()
            raise forms.ValidationError(self.error_messages["code_required"], code="code_required")
        allowed, _extra = device.verify_is_allowed()
        if not allowed:  # django-otp waits longer after each wrong code
            self._code_failed()
            raise forms.ValidationError(self.error_messages["code_wait"], code="code_wait")
        if not device.verify_token(code):
            self._code_failed()
            raise forms.ValidationError(self.error_messages["code_wrong"], code="code_wrong")
        user.otp_device = device  # django_otp.login() keeps it in the session on sign-in
        return cleaned

    def _code_failed(self) -> None:
        username = self.cleaned_data.get("username", "")
        user_login_failed.send(sender=type(self), credentials={"username": username}, request=self.request)
        self.user_cache = None


class AuthenticatorConfirmForm(forms.Form):
    otp_token = forms.CharField(label=_("Code from your authenticator app"),
                                widget=forms.TextInput(attrs=CODE_ATTRS))

    def __init__(self, *args, device: TOTPDevice, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_otp_token(self) -> str:
        code = _code(self.cleaned_data["otp_token"])
        if not self.device.verify_token(code):
            raise forms.ValidationError(_("That code is not right. Enter the code showing now."))
        return code


class ReplyForm(forms.Form):
    prefix = "reply"  # several forms on one page: unique field ids
    body = forms.CharField(label=_("Your reply"), widget=forms.Textarea(attrs={"rows": 12}),
                           max_length=20_000)


class ReplyTemplateForm(forms.Form):
    template = forms.ChoiceField(label=_("Start from a template"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template"].choices = [(t.id, t.title) for t in reply_templates()]


class NoteForm(forms.Form):
    prefix = "note"  # several forms on one page: unique field ids
    body = forms.CharField(label=_("Internal note (never sent to her)"),
                           widget=forms.Textarea(attrs={"rows": 4}), max_length=10_000)


class AssignForm(forms.Form):
    prefix = "assign"  # several forms on one page: unique field ids
    to = forms.ModelChoiceField(label=_("Assign to"), queryset=None, empty_label=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to"].queryset = advisers()


class CallScheduleForm(forms.Form):
    prefix = "call"  # several forms on one page: unique field ids
    at = forms.DateTimeField(
        label=_("When to call (UK time)"), required=False,
        help_text=_("Leave it empty for the next safe time."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"])


class CallRecordForm(forms.Form):
    prefix = "outcome"  # several forms on one page: unique field ids
    outcome = forms.ChoiceField(label=_("How did the call go?"), choices=CallAttempt.Outcome.choices,
                                widget=forms.RadioSelect)
    note = forms.CharField(label=_("Note about the call (optional)"), required=False,
                           widget=forms.Textarea(attrs={"rows": 3}), max_length=5_000)
