"""An editor's change to the advice is published only when a legal reviewer approves it."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import WorkflowState

from harbour.content.models import AdvicePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("edith", password="editor-password-123")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def reviewer(django_user_model):
    user = django_user_model.objects.create_user("rhea", password="reviewer-password-123")
    user.groups.add(Group.objects.get(name="Legal reviewers"))
    return user


def test_editor_cannot_publish_but_can_submit_for_legal_review(advice, editor, reviewer):
    page = AdvicePage.objects.get(group="court-protection")
    assert not page.permissions_for_user(editor).can_publish()
    assert page.permissions_for_user(reviewer).can_publish()

    page.summary = "A clearer summary, waiting for review."
    revision = page.save_revision(user=editor)
    state = page.get_workflow().start(page, editor)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert AdvicePage.objects.get(pk=page.pk).summary != "A clearer summary, waiting for review."

    task_state = state.current_task_state
    task = task_state.task.specific
    assert task.user_can_access_editor(page, reviewer)
    task.on_action(task_state, reviewer, "approve")

    published = AdvicePage.objects.get(pk=page.pk)
    assert published.summary == "A clearer summary, waiting for review."
    assert published.live_revision_id == revision.pk
    assert published.revisions.count() >= 2, "earlier revisions are kept"
