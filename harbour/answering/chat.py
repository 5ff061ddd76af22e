"""The webchat's reply: the engine's answer turned into what the page shows. Nothing she types is
stored; only a weekly count of messages answered and declined."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from harbour.answering.engine.answerer import Answer, Result
from harbour.answering.models import UnansweredQuestion, WebchatSettings, WebchatWeek
from harbour.answering.passages import answerer
from harbour.answering.scrub import scrub
from harbour.common.advice_line import LineStatus, advice_line_status
from harbour.common.text import printable

MAX_MESSAGE_CHARS = 20_000
RELATED = 2


class MessageRejected(ValueError):
    """A message the webchat cannot read; the text says why, kindly."""


@dataclass(frozen=True)
class ChatReply:
    message: str
    answer: Answer
    line: LineStatus

    @property
    def best(self) -> Result | None:
        return self.answer.results[0] if self.answer.in_scope and self.answer.results else None

    @property
    def related(self) -> list[Result]:
        return self.answer.results[1:1 + RELATED] if self.best else []


def clean_message(text: object) -> str:
    if not isinstance(text, str):
        raise MessageRejected(_("Please send your question as text."))
    cleaned = printable(text).strip()
    if not cleaned:
        raise MessageRejected(_("Please type your question. A few words is enough."))
    if len(cleaned) > MAX_MESSAGE_CHARS:
        raise MessageRejected(_("That message is very long. Please send the most important "
                                "part in fewer than 20,000 characters."))
    return cleaned


def chat_reply(*, message: object, previous: object = None) -> ChatReply:
    text = clean_message(message)
    earlier = previous.strip()[:2000] if isinstance(previous, str) and previous.strip() else None
    engine = answerer()
    answer = engine.answer(text, previous=earlier)
    webchat_week_count(answered=answer.in_scope and not answer.danger)
    if not answer.danger:
        if not answer.in_scope:
            unanswered_record(text=text, reason=UnansweredQuestion.DECLINED)
        elif answer.confidence < engine.tuning.low_confidence:
            unanswered_record(text=text, reason=UnansweredQuestion.LOW_CONFIDENCE)
    return ChatReply(message=text, answer=answer, line=advice_line_status(timezone.now()))


def unanswered_record(*, text: str, reason: str) -> None:
    """Keep a scrubbed copy of the question, only if an editor has turned the log on."""
    if not WebchatSettings.load().log_unanswered:
        return
    with transaction.atomic():
        UnansweredQuestion.expired().delete()
        UnansweredQuestion.objects.create(text=scrub(text), reason=reason)


def webchat_week_count(*, answered: bool, today: dt.date | None = None) -> None:
    """Add one to this week's answered or declined count (for the advisers' capacity page)."""
    today = today or timezone.localdate()
    week_start = today - dt.timedelta(days=today.weekday())
    field = "answered" if answered else "declined"
    this_week = WebchatWeek.objects.filter(week_start=week_start)
    with transaction.atomic():
        if not this_week.update(**{field: F(field) + 1}):  # one query on every message but the week's first
            WebchatWeek.objects.get_or_create(week_start=week_start)
            this_week.update(**{field: F(field) + 1})
