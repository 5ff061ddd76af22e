"""Storing enquiries: exactly once, whatever the clicks, retries and concurrent submissions."""

from __future__ import annotations

import re
import uuid

import pytest

from harbour.enquiries.models import Enquiry
from harbour.enquiries.services import EnquiryInput, enquiry_create, new_reference

QUESTION = EnquiryInput(kind="email", message="Can the social worker stop me moving house?", who="mother",
                        email="safe@example.org", safe_to_email=True)


def test_references_are_easy_to_read_out():
    for _ in range(200):
        assert re.fullmatch(r"HB-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}", new_reference())


@pytest.mark.django_db
def test_the_same_key_returns_the_enquiry_already_stored():
    key = uuid.uuid4()
    first, created = enquiry_create(data=QUESTION, idempotency_key=key)
    again, created_again = enquiry_create(data=QUESTION, idempotency_key=key)
    assert created and not created_again and first.pk == again.pk
    assert Enquiry.objects.count() == 1


@pytest.mark.django_db
def test_contact_the_person_did_not_say_was_safe_is_not_kept_as_safe():
    data = EnquiryInput(kind="email", message="question", who="mother", safe_to_email=True, email="",
                        phone="07700 900123", safe_to_call=False, call_days=[0], call_slots=["early"],
                        voicemail_ok=True, text_ok=True)
    enquiry, _ = enquiry_create(data=data, idempotency_key=uuid.uuid4())
    assert not enquiry.safe_to_email and not enquiry.safe_to_call
    assert enquiry.call_days == [] and not enquiry.voicemail_ok and not enquiry.text_ok

# Many submissions at once, through the served site: tests/browser/test_enquiry_concurrency.py
