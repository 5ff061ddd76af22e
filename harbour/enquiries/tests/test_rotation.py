"""Key rotation: what was written under the old key is readable under the new key alone after
`harbour rotate-keys`, and a missing key stops it loudly without losing anything."""

from __future__ import annotations

from io import StringIO

import pytest
from cryptography.fernet import Fernet
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from harbour.enquiries.crypto import InvalidToken, new_key
from harbour.enquiries.key_rotation import encrypted_fields, keys_rotate
from harbour.enquiries.models import CallAttempt, Enquiry, Note, Reply
from harbour.enquiries.tests.factories import enquiry_make

pytestmark = pytest.mark.django_db

OLD, NEW = new_key(), new_key()


def written_under_old_key(settings, count: int = 1) -> list[Enquiry]:
    settings.HARBOUR_ENCRYPTION_KEYS = [OLD]
    enquiries = []
    for n in range(count):
        enquiry = enquiry_make(message=f"Question {n}", name="Sam", email="sam@example.org", phone="",
                               code_word="lighthouse")
        Reply.objects.create(enquiry=enquiry, body=f"Reply {n}", created_at=timezone.now())
        Note.objects.create(enquiry=enquiry, body=f"Note {n}", created_at=timezone.now())
        CallAttempt.objects.create(enquiry=enquiry, note=f"Call {n}")
        enquiries.append(enquiry)
    return enquiries


def everything_readable() -> list[tuple]:
    return sorted(
        [(e.message, e.name, e.email, e.phone, e.code_word) for e in Enquiry.objects.all()]
        + [(r.body,) for r in Reply.objects.all()] + [(n.body,) for n in Note.objects.all()]
        + [(c.note,) for c in CallAttempt.objects.all()])


def stored(table: str, column: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table}")  # noqa: S608 (fixed names)
        return [row[0] for row in cursor.fetchall()]


def test_every_encrypted_field_is_found():
    found = {model.__name__: names for model, names in encrypted_fields()}
    assert found == {"Enquiry": ["message", "name", "email", "phone", "code_word"], "Reply": ["body"],
                     "Note": ["body"], "CallAttempt": ["note"]}


def test_after_rotating_the_new_key_alone_reads_everything(settings):
    written_under_old_key(settings)
    before = everything_readable()

    settings.HARBOUR_ENCRYPTION_KEYS = [NEW]
    with pytest.raises(InvalidToken):  # not yet: the old key is still needed
        everything_readable()

    settings.HARBOUR_ENCRYPTION_KEYS = [NEW, OLD]  # step 1: the new key first, the old one after
    out = StringIO()
    call_command("rotate_keys", stdout=out)  # step 2
    assert "enquiries.Enquiry: 4 values in 1 rows re-encrypted." in out.getvalue()  # phone is empty

    settings.HARBOUR_ENCRYPTION_KEYS = [NEW]  # step 3: the old key removed
    assert everything_readable() == before
    assert Fernet(NEW.encode()).decrypt(stored("enquiries_reply", "body")[0].encode()) == b"Reply 0"
    assert stored("enquiries_enquiry", "phone") == [""]


def test_rotation_works_in_batches_and_twice_changes_nothing(settings):
    written_under_old_key(settings, count=5)
    before = everything_readable()
    settings.HARBOUR_ENCRYPTION_KEYS = [NEW, OLD]
    results = {r.model: r.rows for r in keys_rotate(batch=2)}
    assert results["enquiries.Reply"] == 5
    keys_rotate(batch=2)
    settings.HARBOUR_ENCRYPTION_KEYS = [NEW]
    assert everything_readable() == before


def test_without_the_key_it_was_written_with_rotation_stops_loudly_and_loses_nothing(settings):
    written_under_old_key(settings)
    before = everything_readable()
    settings.HARBOUR_ENCRYPTION_KEYS = [NEW]  # the old key forgotten
    with pytest.raises(CommandError, match="cannot be decrypted with any key") as error:
        call_command("rotate_keys", stdout=StringIO())
    assert "Question" not in str(error.value) and "sam@" not in str(error.value)
    settings.HARBOUR_ENCRYPTION_KEYS = [OLD]
    assert everything_readable() == before
