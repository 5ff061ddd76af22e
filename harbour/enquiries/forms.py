"""The email enquiry form and the call-back request, with the safe-contact questions asked once."""

from __future__ import annotations

import datetime as dt
import re
import uuid

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from harbour.common.forms import PrintableTextField
from harbour.content.topics import group_choices
from harbour.enquiries.models import Enquiry
from harbour.enquiries.safe_contact import call_slots
from harbour.enquiries.services import EnquiryInput

MAX_MESSAGE_CHARS = 5000
YES_NO = [("yes", _("Yes")), ("no", _("No"))]
WEEKDAY_CHOICES = [(0, _("Monday")), (1, _("Tuesday")), (2, _("Wednesday")), (3, _("Thursday")),
                   (4, _("Friday"))]
PHONE_CHARACTERS = re.compile(r"^\+?[\d\s()-]+$")


def _slot_choices() -> list[tuple[str, str]]:
    return [(slot.id, slot.label) for slot in call_slots()]


class EnquiryForm(forms.Form):
    """An email enquiry. She needs to give one safe way to reply: an email address that is safe,
    or a phone number with times that are safe to call."""

    kind = Enquiry.Kind.EMAIL

    message = PrintableTextField(
        label=_("Your question"), max_length=MAX_MESSAGE_CHARS, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Tell us what is happening and what you would like to know. You do not need to "
                    "give names."),
        error_messages={"required": _("Please type your question."),
                        "max_length": _("Please keep your question under 5,000 characters. Tell us the "
                                        "most important part; an adviser can ask for more.")})
    topic_group = forms.ChoiceField(label=_("What is it about?"), required=False)
    who = forms.ChoiceField(label=_("Who are you?"), choices=Enquiry.Who.choices, widget=forms.RadioSelect,
                            error_messages={"required": _("Please tell us who you are.")})
    date_kind = forms.ChoiceField(
        label=_("Is a date coming up?"), required=False, widget=forms.RadioSelect,
        choices=Enquiry.DateKind.choices,
        help_text=_("We answer people with a date coming up first."))
    coming_date = forms.DateField(
        label=_("When is it?"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Please give the date as day, month and year, for example "
                                     "26/03/2027.")})
    name = PrintableTextField(label=_("What should we call you? (optional)"), required=False, max_length=100,
                           help_text=_("A first name or any name. It does not have to be your real one."))

    email = forms.EmailField(
        label=_("Email address"), required=False, max_length=254,
        error_messages={"invalid": _("Please check the email address. It should look like "
                                     "name@example.com.")})
    safe_to_email = forms.ChoiceField(label=_("Is it safe for us to email this address?"), required=False,
                                      choices=YES_NO, widget=forms.RadioSelect)
    phone = forms.CharField(label=_("Phone number"), required=False, max_length=30)
    safe_to_call = forms.ChoiceField(label=_("Is it safe for us to call this number?"), required=False,
                                     choices=YES_NO, widget=forms.RadioSelect)
    call_days = forms.TypedMultipleChoiceField(
        label=_("Which days is it safe to call?"), required=False, coerce=int, choices=WEEKDAY_CHOICES,
        widget=forms.CheckboxSelectMultiple)
    call_slots = forms.MultipleChoiceField(
        label=_("At what times is it safe to call?"), required=False, widget=forms.CheckboxSelectMultiple)
    voicemail_ok = forms.ChoiceField(label=_("If you do not answer, may we leave a voicemail?"),
                                     required=False, choices=YES_NO, widget=forms.RadioSelect)
    text_ok = forms.ChoiceField(label=_("May we send you a text message?"), required=False, choices=YES_NO,
                                widget=forms.RadioSelect)
    code_word = PrintableTextField(
        label=_("A word or name we should say, so you know it is us (optional)"), required=False,
        max_length=60)

    # Bots fill every field; people never see this one.
    website = forms.CharField(label=_("Leave this empty"), required=False)
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topic_group"].choices = [("", _("I'm not sure"))] + list(group_choices())
        self.fields["call_slots"].choices = _slot_choices()
        self.fields["date_kind"].choices = [("", _("No, or I'm not sure"))] + [
            c for c in Enquiry.DateKind.choices if c[0]]

    @classmethod
    def blank(cls) -> EnquiryForm:
        return cls(initial={"idempotency_key": uuid.uuid4()})

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"].strip()
        if phone and (not PHONE_CHARACTERS.match(phone) or not 10 <= len(re.sub(r"\D", "", phone)) <= 15):
            raise forms.ValidationError(_("Please check the phone number. It should have 10 or 11 digits, "
                                          "for example 07700 900123."))
        return phone

    def clean_coming_date(self) -> dt.date | None:
        day = self.cleaned_data["coming_date"]
        today = timezone.localdate()
        if day and day < today:
            raise forms.ValidationError(_("That date has passed. Please check it, or choose “No” above."))
        if day and day > today + dt.timedelta(days=366 * 2):
            raise forms.ValidationError(_("Please check the year. That date is more than two years away."))
        return day

    def clean(self) -> dict:
        data = super().clean()
        self._check_date(data)
        self._check_contact(data)
        return data

    def _check_date(self, data: dict) -> None:
        if data.get("date_kind") and not data.get("coming_date") and "coming_date" not in self.errors:
            self.add_error("coming_date", _("Please give the date, or choose “No” above."))

    def _check_contact(self, data: dict) -> None:
        email, phone = data.get("email"), data.get("phone")
        if email and not data.get("safe_to_email"):
            self.add_error("safe_to_email", _("Please tell us if it is safe to email this address."))
        if data.get("safe_to_email") == "yes" and not email and "email" not in self.errors:
            self.add_error("email", _("Please give the email address that is safe to use."))
        if phone and not data.get("safe_to_call"):
            self.add_error("safe_to_call", _("Please tell us if it is safe to call this number."))
        if data.get("safe_to_call") == "yes":
            if not phone and "phone" not in self.errors:
                self.add_error("phone", _("Please give the phone number that is safe to call."))
            if not data.get("call_days"):
                self.add_error("call_days", _("Please choose at least one day when it is safe to call."))
            if not data.get("call_slots"):
                self.add_error("call_slots", _("Please choose at least one time when it is safe to call."))
        if not self._has_safe_way(data) and not self._contact_errors():
            self.add_error(None, _("We need one safe way to reply to you: an email address that is safe "
                                   "to use, or a phone number and the times when it is safe to call."))

    def _has_safe_way(self, data: dict) -> bool:
        by_email = bool(data.get("email")) and data.get("safe_to_email") == "yes"
        by_phone = bool(data.get("phone")) and data.get("safe_to_call") == "yes"
        return by_email or by_phone

    def _contact_errors(self) -> bool:
        return any(name in self.errors for name in ("email", "safe_to_email", "phone", "safe_to_call",
                                                    "call_days", "call_slots"))

    def enquiry_input(self) -> EnquiryInput:
        data = self.cleaned_data
        safe_to_call = data.get("safe_to_call") == "yes"
        return EnquiryInput(
            kind=self.kind, message=data["message"], who=data["who"], topic_group=data.get("topic_group", ""),
            date_kind=data.get("date_kind", ""), coming_date=data.get("coming_date"),
            name=data.get("name", ""), email=data.get("email", ""), phone=data.get("phone", ""),
            safe_to_email=data.get("safe_to_email") == "yes", safe_to_call=safe_to_call,
            call_days=data.get("call_days") or [], call_slots=data.get("call_slots") or [],
            voicemail_ok=safe_to_call and data.get("voicemail_ok") == "yes",
            text_ok=safe_to_call and data.get("text_ok") == "yes", code_word=data.get("code_word", ""))


class CallbackForm(EnquiryForm):
    """A call-back request: a number that is safe to call, and the safe times."""

    kind = Enquiry.Kind.CALLBACK

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        message = self.fields["message"]
        message.label = _("What would you like to talk about?")
        message.help_text = _("A few words is enough, so the adviser can get ready.")
        self.fields["phone"].required = True
        self.fields["phone"].error_messages["required"] = _("Please give the phone number we should call.")
        self.fields["safe_to_call"].required = True
        self.fields["safe_to_call"].error_messages["required"] = _(
            "Please tell us if it is safe to call this number.")

    def _check_contact(self, data: dict) -> None:
        if data.get("safe_to_call") == "no":
            self.add_error("safe_to_call", _("We can only call when it is safe. If it is not safe now, you "
                                             "can ask by email instead, or call us when you can."))
        super()._check_contact(data)
