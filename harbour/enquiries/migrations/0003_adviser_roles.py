"""The adviser roles: Adviser, Senior adviser, Administrator (harbour/enquiries/roles.py)."""

from django.db import migrations


def create_roles(apps, schema_editor):
    from harbour.enquiries.roles import roles_ensure

    roles_ensure(apps)


def remove_roles(apps, schema_editor):
    from harbour.enquiries.roles import ROLES

    apps.get_model("auth", "Group").objects.filter(name__in=list(ROLES)).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("enquiries", "0002_alter_enquiry_options"),
        ("safety", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
