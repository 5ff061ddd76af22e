"""Publishing advice goes through legal review: an editor submits, a legal reviewer approves."""

from django.db import migrations

REVIEWERS = "Legal reviewers"
WORKFLOW = "Legal review"


def create_legal_review(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")

    root = Page.objects.filter(depth=1).first()
    reviewers, _ = Group.objects.get_or_create(name=REVIEWERS)
    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type, codename="access_admin",
        defaults={"name": "Can access Wagtail admin"})
    reviewers.permissions.add(access_admin)
    page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    for codename in ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"):
        permission, _ = Permission.objects.get_or_create(
            content_type=page_type, codename=codename, defaults={"name": codename})
        GroupPagePermission.objects.get_or_create(group=reviewers, page=root, permission=permission)

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask")
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=WORKFLOW, defaults={"content_type": task_type, "active": True})
    task.groups.add(reviewers)
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


def remove_legal_review(apps, schema_editor):
    apps.get_model("wagtailcore.Workflow").objects.filter(name=WORKFLOW).delete()
    apps.get_model("auth.Group").objects.filter(name=REVIEWERS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(create_legal_review, remove_legal_review)]
