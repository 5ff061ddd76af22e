"""Retention: closed enquiries deleted after the retention period by `harbour purge`, and anyone's
enquiry deleted at once when she asks with her reference."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from harbour.enquiries.models import CallAttempt, Enquiry, Note, Reply
from harbour.enquiries.tests.factories import enquiry_make
from harbour.safety.models import AuditEvent

pytestmark = pytest.mark.django_db


def with_everything(enquiry: Enquiry) -> Enquiry:
    """A reply, a note and a call hanging off the enquiry, as an adviser leaves them."""
    now = timezone.now()
    Reply.objects.create(enquiry=enquiry, body="Our reply", created_at=now, status=Reply.Status.SENT)
    Note.objects.create(enquiry=enquiry, body="Adviser's note", created_at=now)
    CallAttempt.objects.create(enquiry=enquiry, called_at=now, outcome=CallAttempt.Outcome.ANSWERED,
                               note="Talked it through")
    return enquiry


def closed(days_ago: int) -> Enquiry:
    when = timezone.now() - dt.timedelta(days=days_ago)
    return with_everything(enquiry_make(status=Enquiry.Status.CLOSED, created_at=when - dt.timedelta(days=3),
                                        closed_at=when))


def purge(*args: str) -> str:
    out = StringIO()
    call_command("purge", *args, stdout=out)
    return out.getvalue()


def test_purge_deletes_only_closed_enquiries_older_than_twelve_months_with_everything_on_them():
    old = closed(days_ago=400)
    recent = closed(days_ago=10)
    old_but_open = with_everything(enquiry_make(created_at=timezone.now() - dt.timedelta(days=500)))
    assert purge() == "1 closed enquiries older than 365 days deleted.\n"
    assert set(Enquiry.objects.values_list("pk", flat=True)) == {recent.pk, old_but_open.pk}
    for model in (Reply, Note, CallAttempt):
        assert not model.objects.filter(enquiry_id=old.pk).exists()
        assert model.objects.filter(enquiry_id=recent.pk).exists()
    [event] = AuditEvent.objects.filter(action=AuditEvent.Action.DELETED)
    assert (event.reference, event.username) == (old.reference, "")


def test_the_retention_period_is_a_setting(settings):
    settings.HARBOUR_RETENTION_DAYS = 7
    closed(days_ago=400)
    closed(days_ago=10)
    closed(days_ago=3)
    assert purge() == "2 closed enquiries older than 7 days deleted.\n"
    assert Enquiry.objects.count() == 1


def test_a_dry_run_counts_and_deletes_nothing():
    closed(days_ago=400)
    assert purge("--dry-run") == "1 closed enquiries are older than 365 days and would be deleted.\n"
    assert Enquiry.objects.count() == 1 and Reply.objects.count() == 1


def test_the_nightly_task_purges_as_the_command_does():
    from harbour.enquiries.tasks import purge_expired_enquiries

    closed(days_ago=400)
    purge_expired_enquiries.call_local()
    assert not Enquiry.objects.exists()


# --------------------------------------------------------------------------- deletion on request


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


def ask_to_delete(client, reference: str):
    return client.post("/contact/delete/", {"reference": reference})


def test_the_page_asks_for_her_reference_and_says_it_cannot_be_undone(client):
    page = client.get("/contact/delete/").content.decode()
    assert 'name="reference"' in page and 'method="post"' in page
    assert "This cannot be undone" in page


def test_her_enquiry_and_everything_on_it_is_deleted_at_once_with_her_reference(client):
    enquiry = with_everything(enquiry_make(reference="HB-7K3M-9QX2"))
    kept = with_everything(enquiry_make())
    response = ask_to_delete(client, " hb 7k3m 9qx2 ")  # as she might type it
    assert response.status_code == 200
    assert "it has now been deleted" in response.content.decode()
    assert list(Enquiry.objects.all()) == [kept]
    for model in (Reply, Note, CallAttempt):
        assert not model.objects.filter(enquiry_id=enquiry.pk).exists()
    assert AuditEvent.objects.filter(action=AuditEvent.Action.DELETED, reference="HB-7K3M-9QX2").exists()


def test_the_page_does_not_say_whether_there_was_an_enquiry_with_that_reference(client):
    enquiry_make(reference="HB-7K3M-9QX2")
    existed = ask_to_delete(client, "HB-7K3M-9QX2")
    never_existed = ask_to_delete(client, "HB-AAAA-BBBB")
    assert existed.status_code == never_existed.status_code == 200
    assert existed.content == never_existed.content


def test_a_mistyped_reference_gets_a_kind_hint_and_deletes_nothing(client):
    enquiry_make(reference="HB-7K3M-9QX2")
    response = ask_to_delete(client, "my name is Sarah")
    assert response.status_code == 400
    assert "References look like HB-7K3M-9QX2" in response.content.decode()
    assert Enquiry.objects.count() == 1


def test_a_link_cannot_delete_anything(client):
    enquiry_make(reference="HB-7K3M-9QX2")
    client.get("/contact/delete/?reference=HB-7K3M-9QX2")
    assert Enquiry.objects.count() == 1


def test_guessing_references_is_slowed_down(client, settings):
    settings.HARBOUR_ENQUIRY_RATE_LIMIT = "3/h"
    enquiry_make(reference="HB-7K3M-9QX2")
    statuses = [ask_to_delete(client, f"HB-AAAA-BBB{c}").status_code for c in "CDE"]
    refused = ask_to_delete(client, "HB-7K3M-9QX2")
    assert statuses == [200, 200, 200] and refused.status_code == 429
    assert "call the advice line" in refused.content.decode()
    assert Enquiry.objects.count() == 1
