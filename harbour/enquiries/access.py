"""The only ways to an enquiry for advisers: each checks the role, one condition a line.

Views call these and nothing else to reach an enquiry; opening one is recorded in the audit
log. Two-factor verification is checked before, by the views' `otp_required`.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404

from harbour.enquiries import roles
from harbour.enquiries.models import Enquiry
from harbour.safety.audit import Action, audit_record

# Which permission each action needs (roles.py says which role has which).
ACTION_PERMISSIONS = {
    Action.CLAIMED: roles.ANSWER,
    Action.REPLIED: roles.ANSWER,
    Action.NOTED: roles.ANSWER,
    Action.CLOSED: roles.ANSWER,
    Action.CALL_SCHEDULED: roles.ANSWER,
    Action.CALL_RECORDED: roles.ANSWER,
    Action.ASSIGNED: roles.ASSIGN,
    Action.REOPENED: roles.REOPEN,
}


def _require(user, permission: str) -> None:
    if not user.is_authenticated:
        raise PermissionDenied
    if not user.is_active:
        raise PermissionDenied
    if not user.has_perm(permission):
        raise PermissionDenied


def _enquiry(reference: str) -> Enquiry:
    enquiry = Enquiry.objects.select_related("claimed_by").filter(reference=reference).first()
    if enquiry is None:
        raise Http404
    return enquiry


def access_queue(*, user) -> None:
    _require(user, roles.ANSWER)


def access_enquiry_for_read(*, user, reference: str) -> Enquiry:
    """The enquiry, with everything she sent; the opening is recorded."""
    _require(user, roles.ANSWER)
    enquiry = _enquiry(reference)
    audit_record(user=user, action=Action.OPENED, reference=enquiry.reference)
    return enquiry


def access_enquiry_for_action(*, user, reference: str, action: str) -> Enquiry:
    """The enquiry, for one action; the action's service records it."""
    if action not in ACTION_PERMISSIONS:
        raise PermissionDenied
    _require(user, ACTION_PERMISSIONS[action])
    return _enquiry(reference)


def access_audit_log(*, user) -> None:
    _require(user, roles.AUDIT)
