"""Organisations in the directory of help, kept by editors in the admin.

A number is shown to readers only once an editor has ticked `phone_checked` (decision 0013).
Opening hours are structured (24 hours, set weekly times, or not known), never free text,
so whether an organisation is open now can be worked out.
"""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from harbour.content.topics import taxonomy, topic_choices
from harbour.directory.hours import DAY_NAMES, TWENTY_FOUR_HOURS
from harbour.directory.hours import WEEKLY as WEEKLY_TIMES

PHONE_PATTERN = re.compile(r"^[0-9][0-9 ]*[0-9]$")


class Hours(models.TextChoices):
    TWENTY_FOUR = TWENTY_FOUR_HOURS, _("Open 24 hours, every day")
    WEEKLY = WEEKLY_TIMES, _("Open at set times each week")
    UNKNOWN = "unknown", _("Hours not known")


class OrganisationForm(WagtailAdminModelForm):
    """Tick boxes for the topics and the opening days, which the model keeps as lists."""

    helps_with = forms.MultipleChoiceField(
        label=_("What they help with"), choices=topic_choices, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The advice topics this organisation can help with."))
    open_days = forms.TypedMultipleChoiceField(
        label=_("Open on"), choices=list(enumerate(DAY_NAMES)), coerce=int, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only for set times each week."))


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=120)
    summary = models.TextField(_("what they do"), help_text=_(
        "One or two short sentences in plain English. Start with what the reader can do."))
    helps_with = models.JSONField(_("what they help with"), default=list, blank=True)
    phone = models.CharField(_("phone number"), max_length=20, blank=True, help_text=_(
        "Digits and spaces only, for example 0808 801 0366. Leave blank if not known."))
    phone_checked = models.BooleanField(_("number checked"), default=False, help_text=_(
        "Tick only when you have checked this number against the source below. "
        "Until it is ticked, readers do not see the number."))
    web_address = models.URLField(_("web address"), blank=True, help_text=_(
        "Only an address you have checked against the source."))
    hours = models.CharField(_("opening hours"), max_length=10, choices=Hours.choices,
                             default=Hours.UNKNOWN)
    open_days = models.JSONField(_("open on"), default=list, blank=True)
    opens = models.TimeField(_("opens at"), null=True, blank=True)
    closes = models.TimeField(_("closes at"), null=True, blank=True)
    closed_on_bank_holidays = models.BooleanField(_("closed on bank holidays"), default=False)
    source = models.CharField(_("source"), max_length=300, help_text=_(
        "Where the number, web address and hours come from, for example the organisation's "
        "own website. Readers see this."))
    last_checked = models.DateField(_("last checked"), help_text=_(
        "The day someone last checked these details against the source."))
    order = models.PositiveIntegerField(_("order"), default=100, help_text=_(
        "Lower numbers come first in the directory."))

    base_form_class = OrganisationForm
    panels = [
        FieldPanel("name"),
        FieldPanel("summary"),
        FieldPanel("helps_with"),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("phone_checked"),
                         FieldPanel("web_address")], heading=_("How to contact them")),
        MultiFieldPanel([FieldPanel("hours"), FieldPanel("open_days"),
                         FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")]),
                         FieldPanel("closed_on_bank_holidays")], heading=_("Opening hours")),
        MultiFieldPanel([FieldPanel("source"), FieldPanel("last_checked")],
                        heading=_("Where these details come from")),
        FieldPanel("order"),
    ]

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    @property
    def phone_shown(self) -> str:
        """The number readers may see: blank until an editor has checked it."""
        return self.phone if self.phone_checked else ""

    def number_state(self) -> str:
        if not self.phone:
            return str(_("No number"))
        return str(_("Shown")) if self.phone_checked else str(_("Needs checking: not shown"))

    number_state.short_description = _("Number")  # type: ignore[attr-defined]

    def clean(self) -> None:
        errors: dict[str, str] = {}
        unknown = sorted(set(self.helps_with or []) - taxonomy().topic_ids())
        if unknown:
            errors["helps_with"] = _("Unknown topics: %(ids)s") % {"ids": ", ".join(unknown)}
        if self.phone and not PHONE_PATTERN.match(self.phone):
            errors["phone"] = _("Use digits and spaces only.")
        if self.phone_checked and not self.phone:
            errors["phone_checked"] = _("There is no number to check.")
        if self.hours == Hours.WEEKLY:
            errors.update(self._weekly_errors())
        if errors:
            raise ValidationError(errors)

    def _weekly_errors(self) -> dict[str, str]:
        errors = {}
        if not self.open_days:
            errors["open_days"] = _("Choose the days they are open.")
        elif any(day not in range(7) for day in self.open_days):
            errors["open_days"] = _("Days are 0 (Monday) to 6 (Sunday).")
        if self.opens is None:
            errors["opens"] = _("Give the time they open.")
        if self.closes is None:
            errors["closes"] = _("Give the time they close.")
        elif self.opens is not None and self.closes <= self.opens:
            errors["closes"] = _("They must close later in the day than they open.")
        return errors


class OrganisationSeedRecord(models.Model):
    """What the loader last wrote for one entry of organisations.yaml.

    It outlives the organisation, so an entry an editor deleted is not loaded again, and its
    fingerprint tells whether an editor has changed the organisation since.
    """

    key = models.SlugField(max_length=80, unique=True)
    organisation = models.OneToOneField(Organisation, null=True, on_delete=models.SET_NULL,
                                        related_name="seed_record")
    fingerprint = models.CharField(max_length=64)

    def __str__(self) -> str:
        return self.key
