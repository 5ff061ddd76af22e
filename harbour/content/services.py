"""Writes to the knowledge base: the site's page tree and loading the starter content."""

from __future__ import annotations

import json
from pathlib import Path

from django.db import transaction
from wagtail.models import Page, Site

from harbour.common.load_report import LoadReport
from harbour.content.models import AdviceIndexPage, AdvicePage, HomePage, StarterContentRecord
from harbour.content.starter import CONTENT_DIR, GroupContent, parse_all
from harbour.content.topics import taxonomy

HOME_INTRO = "Free, confidential advice for families involved with children's services in England."


@transaction.atomic
def site_structure_ensure() -> AdviceIndexPage:
    """The home page as the default site's root, with the advice index under it."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's install leaves a placeholder "Welcome" page with the slug we need.
        for placeholder in root.get_children().filter(slug="home"):
            if placeholder.specific_class is Page:
                placeholder.delete()
        root = Page.objects.get(pk=root.pk)
        home = root.add_child(instance=HomePage(title="Harbour", slug="home", intro=HOME_INTRO))
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home,
                            is_default_site=True, site_name="Harbour")
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    index = AdviceIndexPage.objects.first()
    if index is None:
        home = HomePage.objects.get(pk=home.pk)
        index = home.add_child(instance=AdviceIndexPage(
            title="Advice", slug="advice",
            intro="Plain-English answers to the questions parents ask most."))
        index.save_revision().publish()
    return index


def starter_content_present() -> bool:
    return AdvicePage.objects.exists()


def load_starter_content(*, directory: Path = CONTENT_DIR, force: bool = False) -> LoadReport:
    """Create or update one published advice page per content file.

    Idempotent: a file whose text has not changed since the last load is skipped. A page whose
    latest revision is not the one this loader wrote has been changed by an editor, and is kept
    as it is unless `force` is given.
    """
    report = LoadReport()
    order = {group_id: n for n, group_id in enumerate(taxonomy().group_ids())}
    groups = sorted(parse_all(directory), key=lambda g: order.get(g.group, len(order)))
    index = site_structure_ensure()
    for group in groups:
        _load_group(index=index, group=group, force=force, report=report)
    return report


@transaction.atomic
def _load_group(*, index: AdviceIndexPage, group: GroupContent, force: bool,
                report: LoadReport) -> None:
    record = StarterContentRecord.objects.filter(group=group.group).first()
    page = AdvicePage.objects.filter(group=group.group).first()
    if page is None:
        page = AdvicePage(slug=group.group, group=group.group)
        _fill(page, group)
        index = AdviceIndexPage.objects.get(pk=index.pk)
        index.add_child(instance=page)
        report.created.append(group.group)
    else:
        editor_changed = record is None or page.latest_revision_id != record.revision_id
        if editor_changed and not force:
            report.kept_editor_changes.append(group.group)
            return
        if record is not None and record.source_hash == group.source_hash and not force:
            report.unchanged.append(group.group)
            return
        _fill(page, group)
        report.updated.append(group.group)
    revision = page.save_revision()
    revision.publish()
    StarterContentRecord.objects.update_or_create(
        group=group.group,
        defaults={"source_hash": group.source_hash, "revision_id": revision.pk},
    )


def _fill(page: AdvicePage, group: GroupContent) -> None:
    page.title = group.title
    page.summary = group.summary
    page.body = json.dumps([
        {
            "type": "question",
            "value": {
                "question": q.question,
                "anchor": q.anchor,
                "topic": q.topics[0],
                "other_topics": list(q.topics[1:]),
                "audience": q.audience,
                "answer": q.answer_html,
                "also_asked": list(q.also_asked),
                "sources": list(q.sources),
                "last_reviewed": q.reviewed.isoformat(),
            },
        }
        for q in group.questions
    ])
