"""The deadline calculator's two questions: what happened, then when. Kind errors, in plain words."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from harbour.tools.deadlines import EARLIEST_YEAR, LATEST_YEAR, MissingTime, london_time

KINDS = [
    ("dvpn", _("The police gave a Domestic Violence Protection Notice (DVPN)")),
    ("dvpo", _("A court made a Domestic Violence Protection Order (DVPO)")),
    ("referral", _("Children's services got a referral about a child")),
]
DAY_QUESTIONS = {
    "dvpn": _("Date"),
    "dvpo": _("What date did the court make the order?"),
    "referral": _("What date did children's services get the referral?"),
}
# What a phone sends from <input type="date">, and what people type where it shows a text box.
DAY_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y", "%d %m %Y", "%d %B %Y",
               "%d %b %Y"]
TIME_FORMATS = ["%H:%M", "%H:%M:%S", "%H.%M", "%I:%M%p", "%I.%M%p", "%I%p", "%I:%M %p", "%I.%M %p",
                "%I %p"]


class KindForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What do you want to work out a date for?"), choices=KINDS, widget=forms.RadioSelect,
        error_messages={"required": _("Choose what happened."),
                        "invalid_choice": _("Choose one of these.")})


class WhenForm(forms.Form):
    kind = forms.ChoiceField(choices=KINDS, widget=forms.HiddenInput)
    day = forms.DateField(
        input_formats=DAY_FORMATS,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date", "autocomplete": "off"}),
        error_messages={"required": _("Enter the date, for example 26 March 2026."),
                        "invalid": _("Enter a real date, for example 26 March 2026.")})
    time = forms.TimeField(
        label=_("Time"), required=False, input_formats=TIME_FORMATS,
        widget=forms.TimeInput(format="%H:%M", attrs={"type": "time", "autocomplete": "off"}),
        error_messages={"invalid": _("Enter a real time, for example 4.15pm or 16:15.")})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["day"].label = DAY_QUESTIONS.get(self.chosen_kind, DAY_QUESTIONS["referral"])
        if not self.asks_time:  # only a notice's time matters; an order and a referral go by the day
            del self.fields["time"]

    @property
    def chosen_kind(self) -> str:
        kind = self.data.get("kind") if self.is_bound else self.initial.get("kind")
        return kind if kind in DAY_QUESTIONS else ""

    @property
    def asks_time(self) -> bool:
        return self.chosen_kind == "dvpn"

    def clean_day(self) -> dt.date:
        day = self.cleaned_data["day"]
        if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
            raise forms.ValidationError(_("Please check the year."))
        return day

    def clean(self) -> dict:
        data = super().clean()
        if "day" not in data or "time" not in data:
            return data
        if data["time"] is None:
            self.add_error("time", _("Enter the time, for example 4.15pm or 16:15. "
                                     "If you are not sure, give your best guess."))
            return data
        try:
            data["start"] = london_time(data["day"], data["time"])
        except MissingTime:
            self.add_error("time", _("The clocks went forward an hour that night, so this time did not "
                                     "happen. Please check the time."))
        return data

    def start(self) -> dt.date | dt.datetime:
        """What the arithmetic counts from: a London time for a notice, the day for the others."""
        return self.cleaned_data.get("start") or self.cleaned_data["day"]
