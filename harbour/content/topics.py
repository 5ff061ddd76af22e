"""Harbour's copy of the taxonomy: the topic groups and topic ids every advice passage answers.

`topics.yaml` is a copy of the shared taxonomy; ids are a public contract (never renamed).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from django.utils.translation import gettext_lazy as _

TAXONOMY_FILE = Path(__file__).with_name("topics.yaml")


@dataclass(frozen=True)
class Topic:
    id: str
    group: str
    title: str
    facts: tuple[str, ...]
    retired: bool = False


@dataclass(frozen=True)
class TopicGroup:
    id: str
    title: str


@dataclass(frozen=True)
class Taxonomy:
    groups: tuple[TopicGroup, ...]
    topics: tuple[Topic, ...]

    def topic_ids(self) -> frozenset[str]:
        return frozenset(topic.id for topic in self.topics)

    def group_ids(self) -> tuple[str, ...]:
        return tuple(group.id for group in self.groups)

    def topics_in(self, group_id: str) -> tuple[Topic, ...]:
        return tuple(topic for topic in self.topics if topic.group == group_id)

    def topic(self, topic_id: str) -> Topic:
        for topic in self.topics:
            if topic.id == topic_id:
                return topic
        raise KeyError(topic_id)

    def group(self, group_id: str) -> TopicGroup:
        for group in self.groups:
            if group.id == group_id:
                return group
        raise KeyError(group_id)


@cache
def taxonomy() -> Taxonomy:
    raw = yaml.safe_load(TAXONOMY_FILE.read_text(encoding="utf-8"))
    groups = tuple(TopicGroup(id=g["id"], title=g["title"]) for g in raw["groups"])
    topics = tuple(
        Topic(
            id=t["id"],
            group=t["group"],
            title=t["title"],
            facts=tuple(t.get("facts", [])),
            retired=bool(t.get("retired", False)),
        )
        for t in raw["topics"]
    )
    return Taxonomy(groups=groups, topics=topics)


def topic_choices() -> list[tuple[str, str]]:
    """Choices for the CMS: every live topic, labelled with its group."""
    return [(t.id, f"{t.id}: {t.title}") for t in taxonomy().topics if not t.retired]


def group_choices() -> list[tuple[str, str]]:
    return [(g.id, g.title) for g in taxonomy().groups]


AUDIENCES = (
    ("everyone", _("Everyone")),
    ("mothers", _("Mothers")),
    ("fathers", _("Fathers")),
    ("kinship-carers", _("Grandparents, relatives and kinship carers")),
)
AUDIENCE_IDS = frozenset(key for key, _label in AUDIENCES)
