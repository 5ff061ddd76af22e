"""Reading the starter knowledge base: one Markdown file per topic group, with front matter.

The format is described in `content/README.md`. Parsing is kept apart from loading so the
structure tests can check every file without a database.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import frontmatter
import nh3
import yaml
from markdown_it import MarkdownIt

from config.env import REPO_DIR
from harbour.content.readability import flesch_reading_ease

CONTENT_DIR = REPO_DIR / "content"
# Part of each file's hash: raise it when the way a file becomes a page changes, so the next
# load rewrites pages nobody has edited.
FORMAT_VERSION = "2"
QUESTION_SPLIT = re.compile(r"^## +", flags=re.MULTILINE)
META_BLOCK = re.compile(r"\A\s*```yaml\n(?P<meta>.*?)\n```\s*", flags=re.DOTALL)
ALLOWED_TAGS = {"h3", "p", "ul", "ol", "li", "strong", "em", "b", "i", "a", "br"}
_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})


class ContentFormatError(ValueError):
    """A content file does not follow the format of content/README.md."""


@dataclass(frozen=True)
class PhoneNumber:
    number: str
    name: str
    source: str
    verified: bool


@dataclass(frozen=True)
class QuestionContent:
    question: str
    anchor: str
    topics: tuple[str, ...]
    audience: str
    also_asked: tuple[str, ...]
    sources: tuple[str, ...]
    reviewed: dt.date
    answer_markdown: str

    @property
    def answer_html(self) -> str:
        return markdown_to_html(self.answer_markdown)

    def reading_ease(self) -> float:
        """The answer's Flesch reading ease, as a reader sees it (each paragraph and list item
        read as its own unit)."""
        text = re.sub(r"<[^>]+>", " ", re.sub(r"</(p|li|h3)>", "\n", self.answer_html))
        return flesch_reading_ease(text)


@dataclass(frozen=True)
class GroupContent:
    group: str
    title: str
    summary: str
    numbers: tuple[PhoneNumber, ...]
    questions: tuple[QuestionContent, ...] = field(default_factory=tuple)
    source_hash: str = ""


def markdown_to_html(text: str) -> str:
    html = _markdown.render(text)
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes={"a": {"href"}}, link_rel=None).strip()


def content_files(directory: Path = CONTENT_DIR) -> list[Path]:
    return sorted(path for path in directory.glob("*.md") if path.name != "README.md")


def parse_group_file(path: Path) -> GroupContent:
    text = path.read_text(encoding="utf-8")
    post = frontmatter.loads(text)
    try:
        group = str(post["group"])
        title = str(post["title"])
    except KeyError as missing:
        raise ContentFormatError(f"{path.name}: front matter needs {missing}") from None
    numbers = tuple(
        PhoneNumber(
            number=str(item["number"]),
            name=str(item.get("name", "")),
            source=str(item.get("source", "")),
            verified=bool(item.get("verified", False)),
        )
        for item in post.get("numbers") or []
    )
    chunks = QUESTION_SPLIT.split(post.content)[1:]
    questions = tuple(_parse_question(path, chunk) for chunk in chunks)
    return GroupContent(
        group=group,
        title=title,
        summary=str(post.get("summary", "")).strip(),
        numbers=numbers,
        questions=questions,
        source_hash=hashlib.sha256((FORMAT_VERSION + text).encode("utf-8")).hexdigest(),
    )


def _parse_question(path: Path, chunk: str) -> QuestionContent:
    heading, _, rest = chunk.partition("\n")
    question = heading.strip()
    match = META_BLOCK.match(rest)
    if not match:
        raise ContentFormatError(f"{path.name}: {question!r} has no ```yaml block under it")
    meta = yaml.safe_load(match.group("meta")) or {}
    topics = tuple(meta.get("topics") or ())
    if not topics:
        raise ContentFormatError(f"{path.name}: {question!r} names no topics")
    reviewed = meta.get("reviewed")
    if isinstance(reviewed, str):
        reviewed = dt.date.fromisoformat(reviewed)
    if not isinstance(reviewed, dt.date):
        raise ContentFormatError(f"{path.name}: {question!r} needs reviewed: YYYY-MM-DD")
    return QuestionContent(
        question=question,
        anchor=str(meta.get("anchor") or topics[0]),
        topics=topics,
        audience=str(meta.get("audience", "everyone")),
        also_asked=tuple(str(item) for item in meta.get("also_asked") or ()),
        sources=tuple(str(item) for item in meta.get("sources") or ()),
        reviewed=reviewed,
        answer_markdown=rest[match.end():].strip(),
    )


def parse_all(directory: Path = CONTENT_DIR) -> list[GroupContent]:
    return [parse_group_file(path) for path in content_files(directory)]
