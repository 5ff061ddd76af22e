"""Reply templates: short starting points for advisers' replies, with links to the advice.

The texts live in reply_templates.yaml so that the advice team can change them; each names
the taxonomy topics it links to, and a structure test checks that every one exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from django.conf import settings

from harbour.content.topics import taxonomy

TEMPLATES_FILE = Path(__file__).with_name("reply_templates.yaml")
LINKS = "{links}"


@dataclass(frozen=True)
class ReplyTemplate:
    id: str
    title: str
    topics: tuple[str, ...]
    body: str


@cache
def reply_templates() -> tuple[ReplyTemplate, ...]:
    raw = yaml.safe_load(TEMPLATES_FILE.read_text(encoding="utf-8"))
    return tuple(
        ReplyTemplate(id=t["id"], title=t["title"], topics=tuple(t["topics"]), body=t["body"])
        for t in raw
    )


def reply_template(template_id: str) -> ReplyTemplate | None:
    return next((t for t in reply_templates() if t.id == template_id), None)


def advice_link(topic_id: str) -> str:
    """The absolute address of a topic's advice passage: /advice/<group>/#<topic id>."""
    topic = taxonomy().topic(topic_id)
    return f"{settings.HARBOUR_SITE_URL.rstrip('/')}/advice/{topic.group}/#{topic.id}"


def reply_template_text(template: ReplyTemplate) -> str:
    """The template's text with a link to each of its topics' advice where it says {links}."""
    links = "\n".join(f"- {taxonomy().topic(t).title}: {advice_link(t)}" for t in template.topics)
    return template.body.replace(LINKS, links).strip()
