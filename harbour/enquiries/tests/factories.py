"""Enquiries and advisers for tests, made directly (no forms, no danger detection)."""

from __future__ import annotations

import datetime as dt
import itertools
import uuid

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from harbour.enquiries.models import Enquiry
from harbour.enquiries.roles import ADVISER

_numbers = itertools.count(1)
# Monday, Wednesday and Friday mornings: a common safe-contact profile.
SAFE_CALLER = {"safe_to_call": True, "phone": "07700 900123", "call_days": [0, 2, 4], "call_slots": ["early"]}


def enquiry_make(**fields) -> Enquiry:
    number = next(_numbers)
    values = {
        "reference": f"HB-TEST-{number:04d}",
        "idempotency_key": uuid.uuid4(),
        "kind": Enquiry.Kind.EMAIL,
        "created_at": timezone.now() - dt.timedelta(hours=number),
        "who": Enquiry.Who.MOTHER,
        "message": "My social worker says I must leave my partner. What happens now?",
    }
    values.update(fields)
    return Enquiry.objects.create(**values)


def adviser_make(username: str = "", *, role: str = ADVISER,
                 password: str = "a-long-test-password",  # noqa: S107 - test accounts only
                 authenticator: bool = False):
    """An account in the role's group; with a confirmed authenticator when asked."""
    user = get_user_model().objects.create_user(
        username=username or f"adviser{next(_numbers)}", password=password)
    user.groups.add(Group.objects.get(name=role))
    if authenticator:
        TOTPDevice.objects.create(user=user, name="Authenticator", confirmed=True)
    return user


def totp_code(user) -> str:
    """The code the adviser's authenticator app shows now."""
    from django_otp.oath import TOTP

    device = TOTPDevice.objects.get(user=user, confirmed=True)
    totp = TOTP(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift)
    return f"{totp.token():0{device.digits}d}"
