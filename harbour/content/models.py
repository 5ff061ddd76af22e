"""Advice pages: the home page, the advice index and one page per topic group of questions."""

from __future__ import annotations

from collections import Counter

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from harbour.content.blocks import QuestionBlock
from harbour.content.topics import group_choices


class HomePage(Page):
    """The front door: what do you need help with?"""

    intro = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["content.AdviceIndexPage"]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["groups"] = AdvicePage.objects.live().public().defer_streamfields().order_by("path")
        return context


class AdviceIndexPage(Page):
    """/advice/: the list of topic groups."""

    intro = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["content.AdvicePage"]
    parent_page_types = ["content.HomePage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["groups"] = (AdvicePage.objects.child_of(self).live().public()
                             .defer_streamfields().order_by("path"))
        return context


class AdvicePage(Page):
    """One topic group: its questions, each with a stable anchor, sources and a review date."""

    group = models.CharField(max_length=40, choices=group_choices, unique=True)
    summary = models.TextField(blank=True)
    body = StreamField([("question", QuestionBlock())], use_json_field=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("group"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["content.AdviceIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("advice page")

    def clean(self):
        super().clean()
        anchors = Counter(
            block.value["anchor"] for block in self.body if block.block_type == "question")
        repeated = sorted(anchor for anchor, count in anchors.items() if count > 1)
        if repeated:
            raise ValidationError(
                {"body": _("Each question needs its own anchor; repeated: %(anchors)s")
                 % {"anchors": ", ".join(repeated)}})

    def questions(self) -> list[blocks.StructValue]:
        return [block.value for block in self.body if block.block_type == "question"]


class StarterContentRecord(models.Model):
    """What `harbour load-content` last wrote to a group's page, to tell an editor's change from ours."""

    group = models.CharField(max_length=40, unique=True)
    source_hash = models.CharField(max_length=64)
    revision_id = models.BigIntegerField(null=True)
    loaded_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.group} ({self.source_hash[:8]})"
