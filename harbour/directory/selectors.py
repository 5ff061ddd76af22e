"""Reads for the directory page: what readers may see of each organisation, open now or not."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from harbour.content.selectors import advice_groups
from harbour.content.topics import taxonomy
from harbour.directory.hours import OpeningHours, OpenStatus, hours_text, open_status
from harbour.directory.models import Organisation


@dataclass(frozen=True)
class TopicLink:
    title: str
    url: str  # blank when the advice page is not published


@dataclass(frozen=True)
class Listing:
    name: str
    summary: str
    helps_with: tuple[TopicLink, ...]
    phone: str  # blank unless an editor has checked the number
    web_address: str
    hours: str
    status: OpenStatus | None
    source: str
    last_checked: dt.date


def organisation_list(*, now: dt.datetime) -> list[Listing]:
    """Every organisation in the editors' order, with its open-now status at `now`."""
    group_urls = {page.group: page.url or f"/advice/{page.slug}/" for page in advice_groups()}
    return [_listing(organisation, now=now, group_urls=group_urls)
            for organisation in Organisation.objects.all()]


def _listing(organisation: Organisation, *, now: dt.datetime, group_urls: dict[str, str]) -> Listing:
    hours = OpeningHours(
        kind=organisation.hours, days=frozenset(organisation.open_days or ()),
        opens=organisation.opens, closes=organisation.closes,
        closed_on_bank_holidays=organisation.closed_on_bank_holidays)
    return Listing(
        name=organisation.name,
        summary=organisation.summary,
        helps_with=tuple(_topic_link(topic_id, group_urls) for topic_id in organisation.helps_with
                         if topic_id in taxonomy().topic_ids()),
        phone=organisation.phone_shown,
        web_address=organisation.web_address,
        hours=hours_text(hours),
        status=open_status(hours, now),
        source=organisation.source,
        last_checked=organisation.last_checked,
    )


def _topic_link(topic_id: str, group_urls: dict[str, str]) -> TopicLink:
    topic = taxonomy().topic(topic_id)
    page_url = group_urls.get(topic.group)
    return TopicLink(title=topic.title, url=f"{page_url}#{topic_id}" if page_url else "")
