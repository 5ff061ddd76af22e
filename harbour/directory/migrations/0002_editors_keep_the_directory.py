"""Editors keep the directory of help in the admin: add, change, delete and view organisations."""

from django.db import migrations

EDITORS = "Editors"  # created by Wagtail's own migrations
ACTIONS = ("add", "change", "delete", "view")


def editors_keep_the_directory(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")

    editors = Group.objects.filter(name=EDITORS).first()
    if editors is None:
        return
    organisation_type, _ = ContentType.objects.get_or_create(app_label="directory", model="organisation")
    for action in ACTIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type=organisation_type, codename=f"{action}_organisation",
            defaults={"name": f"Can {action} organisation"})
        editors.permissions.add(permission)


def editors_stop_keeping_the_directory(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    editors = Group.objects.filter(name=EDITORS).first()
    if editors is not None:
        editors.permissions.remove(*editors.permissions.filter(content_type__app_label="directory"))


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(editors_keep_the_directory, editors_stop_keeping_the_directory)]
