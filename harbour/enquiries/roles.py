"""The three adviser roles, as Django groups made of permissions; a data migration creates them.

An administrator gives someone a role by adding them to its group (Wagtail admin, Users).
The access functions (harbour/enquiries/access.py) check the permissions, never the group
names, so a permission can also be given to one person.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

ADVISER = "Adviser"
SENIOR_ADVISER = "Senior adviser"
ADMINISTRATOR = "Administrator"

ANSWER = "enquiries.answer_enquiry"  # the queue, open, claim, reply, note, close, calls
ASSIGN = "enquiries.assign_enquiry"
REOPEN = "enquiries.reopen_enquiry"
AUDIT = "safety.view_auditevent"

# app label, model, codename, name: the permissions of other apps that administrators need to
# manage adviser accounts, reset a lost authenticator and lift a lockout.
ACCOUNT_PERMISSIONS = (
    ("auth", "user", "view_user", "Can view user"),
    ("auth", "user", "add_user", "Can add user"),
    ("auth", "user", "change_user", "Can change user"),
    ("auth", "group", "view_group", "Can view group"),
    ("otp_totp", "totpdevice", "view_totpdevice", "Can view TOTP device"),
    ("otp_totp", "totpdevice", "delete_totpdevice", "Can delete TOTP device"),
    ("axes", "accessattempt", "view_accessattempt", "Can view access attempt"),
    ("axes", "accessattempt", "delete_accessattempt", "Can delete access attempt"),
    ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
)
OWN_PERMISSIONS = (
    ("enquiries", "enquiry", "answer_enquiry",
     "Can see the queue, open, claim, reply, note, close and record calls"),
    ("enquiries", "enquiry", "assign_enquiry", "Can assign an enquiry to another adviser"),
    ("enquiries", "enquiry", "reopen_enquiry", "Can reopen a closed enquiry"),
    ("safety", "auditevent", "view_auditevent", "Can view audit event"),
)

ROLES: dict[str, tuple[str, ...]] = {
    ADVISER: ("answer_enquiry",),
    SENIOR_ADVISER: ("answer_enquiry", "assign_enquiry", "reopen_enquiry"),
    ADMINISTRATOR: ("answer_enquiry", "assign_enquiry", "reopen_enquiry", "view_auditevent",
                    *(codename for _app, _model, codename, _name in ACCOUNT_PERMISSIONS)),
}


def roles_ensure(apps) -> None:
    """Create the groups with their permissions; `apps` is a migration's (or django.apps.apps)."""
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    content_type_model = apps.get_model("contenttypes", "ContentType")
    permissions = {}
    for app_label, model, codename, name in (*OWN_PERMISSIONS, *ACCOUNT_PERMISSIONS):
        content_type, _ = content_type_model.objects.get_or_create(app_label=app_label, model=model)
        permissions[codename], _ = permission_model.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name})
    for role, codenames in ROLES.items():
        group, _ = group_model.objects.get_or_create(name=role)
        group.permissions.add(*(permissions[codename] for codename in codenames))


def advisers() -> QuerySet:
    """Everyone an enquiry can be assigned to: active accounts that may answer enquiries."""
    app_label, codename = ANSWER.split(".")
    may_answer = (
        Q(groups__permissions__codename=codename, groups__permissions__content_type__app_label=app_label)
        | Q(user_permissions__codename=codename, user_permissions__content_type__app_label=app_label)
        | Q(is_superuser=True)
    )
    return get_user_model().objects.filter(may_answer, is_active=True).distinct().order_by("username")
