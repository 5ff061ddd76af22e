"""The question block: one question as people ask it, its answer and what the answer is tagged with."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from harbour.content.topics import AUDIENCES, taxonomy, topic_choices

ANCHOR_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def validate_anchor(value: str) -> None:
    if not ANCHOR_PATTERN.match(value or ""):
        raise ValidationError(_("Use lower-case letters, digits and single hyphens only."))


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(
        max_length=250, help_text=_("The question as a parent would ask it."))
    anchor = blocks.CharBlock(
        max_length=80,
        validators=[validate_anchor],
        help_text=_("The link name after # in the address. For a topic's main question, the topic id."),
    )
    topic = blocks.ChoiceBlock(
        choices=topic_choices, help_text=_("The taxonomy topic this answer is mainly about."))
    other_topics = blocks.MultipleChoiceBlock(
        choices=topic_choices,
        required=False,
        help_text=_("Other taxonomy topics this answer also covers."),
    )
    audience = blocks.ChoiceBlock(choices=AUDIENCES, default="everyone")
    answer = blocks.RichTextBlock(features=["h3", "bold", "italic", "ol", "ul", "link"])
    also_asked = blocks.ListBlock(
        blocks.CharBlock(max_length=250),
        default=[],
        help_text=_("Other ways people put this question. Search and the webchat use them."),
    )
    sources = blocks.ListBlock(
        blocks.CharBlock(max_length=250),
        min_num=1,
        help_text=_("The Act and section, the guidance and paragraph, or the public source."),
    )
    last_reviewed = blocks.DateBlock()

    def clean(self, value):
        cleaned = super().clean(value)
        named = {cleaned["topic"], *(cleaned["other_topics"] or [])}
        unknown = named - taxonomy().topic_ids()
        if unknown:
            raise StructBlockValidationError(
                block_errors={"other_topics": ValidationError(
                    _("Unknown topic ids: %(ids)s") % {"ids": ", ".join(sorted(unknown))})})
        return cleaned

    class Meta:
        icon = "help"
        template = "content/blocks/question.html"
        label_format = "{question}"
