"""Stored vectors of the advice, the optional log of questions the webchat could not answer, and
weekly counts of what it answered."""

import datetime as dt

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

UNANSWERED_KEPT_DAYS = 30


class PassageVector(models.Model):
    """One text's embedding, keyed by a hash of the model's name, the kind and the text."""

    key = models.CharField(max_length=64, primary_key=True)
    vector = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.key[:12]


@register_setting(icon="help")
class WebchatSettings(BaseGenericSetting):
    """Editors choose whether the webchat keeps an anonymised log of what it could not answer."""

    log_unanswered = models.BooleanField(
        default=False,
        verbose_name=_("Keep questions the webchat could not answer"),
        help_text=_("Anonymised (personal details removed, no address, no link to a person) and "
                    "deleted after 30 days. Shown in Reports as “Questions we could not answer”."),
    )

    class Meta:
        verbose_name = _("webchat")


class UnansweredQuestion(models.Model):
    """A question the webchat declined or answered with low confidence, with personal details
    scrubbed out. Only the day is kept, never the time, the address or the session."""

    DECLINED = "declined"
    LOW_CONFIDENCE = "low-confidence"
    REASONS = [(DECLINED, _("declined")), (LOW_CONFIDENCE, _("low confidence"))]

    text = models.CharField(max_length=500)
    reason = models.CharField(max_length=20, choices=REASONS)
    asked_on = models.DateField(default=timezone.localdate)

    class Meta:
        ordering = ["-asked_on", "-id"]

    def __str__(self) -> str:
        return self.text[:60]

    @classmethod
    def expired(cls):
        return cls.objects.filter(
            asked_on__lt=timezone.localdate() - dt.timedelta(days=UNANSWERED_KEPT_DAYS))


class WebchatWeek(models.Model):
    """How many webchat messages were answered from the advice, and how many needed a person
    (out of scope, or danger), in one week. Counts only: no text, no time, no address."""

    week_start = models.DateField(unique=True)  # the Monday, in Europe/London
    answered = models.PositiveIntegerField(default=0)
    declined = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-week_start"]

    def __str__(self) -> str:
        return f"week of {self.week_start}"
