"""Loading the starter content into the CMS: idempotent, and an editor's change is kept."""

import pytest
from wagtail.models import Revision

from harbour.content.models import AdvicePage, StarterContentRecord
from harbour.content.services import load_starter_content
from harbour.content.topics import taxonomy

pytestmark = pytest.mark.django_db


def test_every_group_is_a_published_page_with_its_questions(advice):
    assert advice.count() == len(taxonomy().groups)
    anchors = {q["anchor"] for page in advice for q in page.questions()}
    assert taxonomy().topic_ids() <= anchors


def test_a_topic_link_reaches_its_answer(client):
    response = client.get("/advice/court-protection/")
    assert response.status_code == 200
    assert 'id="non-molestation-order"' in response.content.decode()


def test_loading_twice_changes_nothing():
    revisions = Revision.objects.count()
    report = load_starter_content()
    assert not report.changed_anything()
    assert len(report.unchanged) == len(taxonomy().groups)
    assert Revision.objects.count() == revisions


def test_an_editors_change_is_kept_unless_forced():
    page = AdvicePage.objects.get(group="court-protection")
    page.title = "Edited by an editor"
    page.save_revision().publish()

    report = load_starter_content()
    assert "court-protection" in report.kept_editor_changes
    assert AdvicePage.objects.get(pk=page.pk).title == "Edited by an editor"

    report = load_starter_content(force=True)
    assert "court-protection" in report.updated
    assert AdvicePage.objects.get(pk=page.pk).title == taxonomy().group("court-protection").title


def test_a_changed_file_updates_a_page_nobody_edited(tmp_path, settings):
    from harbour.content.starter import CONTENT_DIR

    for path in CONTENT_DIR.glob("*.md"):
        if path.name != "README.md":
            (tmp_path / path.name).write_text(path.read_text())
    target = tmp_path / "early-help.md"
    target.write_text(target.read_text().replace("summary:", "summary: Changed.", 1))

    report = load_starter_content(directory=tmp_path)
    assert report.updated == ["early-help"]
    assert AdvicePage.objects.get(group="early-help").summary.startswith("Changed.")
    record = StarterContentRecord.objects.get(group="early-help")
    assert record.revision_id == AdvicePage.objects.get(group="early-help").latest_revision_id


def test_publishing_goes_through_legal_review(advice):
    page = advice.get(group="court-protection")
    workflow = page.get_workflow()
    assert workflow is not None and workflow.name == "Legal review"
    task = workflow.tasks.get().specific
    assert [g.name for g in task.groups.all()] == ["Legal reviewers"]


def test_an_unknown_topic_id_is_refused_in_the_cms():
    from django.core.exceptions import ValidationError

    from harbour.content.blocks import QuestionBlock

    block = QuestionBlock()
    value = block.to_python({
        "question": "Q?", "anchor": "q", "topic": "no-such-topic", "other_topics": [],
        "audience": "everyone", "answer": "<p>A.</p>", "also_asked": [], "sources": ["S"],
        "last_reviewed": "2026-11-25"})
    with pytest.raises(ValidationError):
        block.clean(value)
