"""Advisers: two-factor sign-in and lockout, what each role may do, the audit log, and what the
pages show and never show."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from harbour.enquiries.models import CallAttempt, Enquiry, Note, Reply
from harbour.enquiries.roles import ADMINISTRATOR, SENIOR_ADVISER
from harbour.enquiries.tests.factories import SAFE_CALLER, adviser_make, enquiry_make, totp_code
from harbour.safety.models import AuditEvent

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password"  # noqa: S105
MESSAGE = "He said he would take the children if I go to the police."


def verified(client, user):
    """Signed in with both factors, as after the sign-in page."""
    device, _ = TOTPDevice.objects.get_or_create(user=user, confirmed=True,
                                                 defaults={"name": "Authenticator"})
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def sign_in(client, username, password=PASSWORD, code=""):
    return client.post("/advisers/sign-in/", {"username": username, "password": password, "otp_token": code})


def emailable(**fields):
    return enquiry_make(email="safe@example.org", safe_to_email=True, message=MESSAGE, **fields)


# Signing in

def test_signing_in_needs_the_code_from_the_authenticator_app(client):
    adviser = adviser_make("amira", authenticator=True)
    without_code = sign_in(client, "amira")
    assert "Enter the 6-digit code" in without_code.content.decode()
    wrong_code = sign_in(client, "amira", code="000000" if totp_code(adviser) != "000000" else "111111")
    assert "That code is not right" in wrong_code.content.decode()
    assert client.get("/advisers/").status_code == 302

    TOTPDevice.objects.get(user=adviser).throttle_reset()  # django-otp's wait after a wrong code
    signed_in = sign_in(client, "amira", code=totp_code(adviser))
    assert signed_in.status_code == 302 and signed_in.url == "/advisers/"
    assert client.get("/advisers/").status_code == 200


def test_a_password_alone_is_not_enough_to_see_the_queue(client):
    adviser = adviser_make(authenticator=True)
    client.force_login(adviser)  # the first factor only
    response = client.get("/advisers/")
    assert response.status_code == 302 and response.url.startswith("/advisers/sign-in/")


def test_the_first_sign_in_sets_up_the_authenticator_app(client):
    adviser = adviser_make("bea")
    response = sign_in(client, "bea")
    assert response.url == "/advisers/authenticator/"
    assert client.get("/advisers/").status_code == 302  # not verified yet
    page = client.get("/advisers/authenticator/").content.decode()
    assert "<svg" in page and "Set up your authenticator app" in page
    device = TOTPDevice.objects.get(user=adviser, confirmed=False)
    device.confirmed = True  # only so that the helper can compute the code the app would show
    device.save()
    code = totp_code(adviser)
    device.confirmed = False
    device.save()
    confirmed = client.post("/advisers/authenticator/", {"otp_token": code})
    assert confirmed.url == "/advisers/"
    assert TOTPDevice.objects.get(user=adviser).confirmed
    assert client.get("/advisers/").status_code == 200


def test_five_wrong_passwords_lock_the_account_for_an_hour(client):
    adviser = adviser_make("cara", authenticator=True)
    for _ in range(4):
        assert "Please enter a correct username" in sign_in(client, "cara", password="wrong").content.decode()
    locked = sign_in(client, "cara", password="wrong")
    assert locked.status_code == 429
    assert "Signing in is paused for this account" in locked.content.decode()
    right = sign_in(client, "cara", code=totp_code(adviser))
    assert right.status_code == 429
    assert client.get("/advisers/").status_code == 302


def test_wrong_codes_count_towards_the_lockout(client):
    adviser = adviser_make("dina", authenticator=True)
    wrong = "000000" if totp_code(adviser) != "000000" else "111111"
    for _ in range(5):
        sign_in(client, "dina", code=wrong)
    assert sign_in(client, "dina", code=totp_code(adviser)).status_code == 429


def test_the_lockout_keeps_no_client_address_and_no_password(client):
    from axes.models import AccessAttempt

    adviser_make("erin", authenticator=True)
    sign_in(client, "erin", password="wrong-secret", code="123456")
    attempt = AccessAttempt.objects.get(username="erin")
    assert attempt.ip_address is None
    assert "wrong-secret" not in attempt.post_data and "123456" not in attempt.post_data


def test_the_wagtail_admin_sign_in_still_works(client):
    get_user_model().objects.create_superuser("editor", password=PASSWORD)
    response = client.post("/admin/login/", {"username": "editor", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


# What each role may do

def test_an_adviser_answers_an_enquiry_from_claim_to_close(client):
    adviser = adviser_make()
    verified(client, adviser)
    enquiry = emailable()
    base = f"/advisers/{enquiry.reference}/"
    assert client.post(base + "claim/").status_code == 302
    client.post(base + "note/", {"note-body": "Worried about the hearing."})
    client.post(base + "reply/", {"reply-body": "Thank you for writing to us."})
    client.post(base + "close/")
    enquiry.refresh_from_db()
    assert enquiry.claimed_by == adviser and enquiry.status == Enquiry.Status.CLOSED
    assert enquiry.first_response_at is not None and enquiry.closed_at is not None
    assert Note.objects.get(enquiry=enquiry).body == "Worried about the hearing."
    assert Reply.objects.get(enquiry=enquiry).status == Reply.Status.QUEUED


def test_an_adviser_records_a_call(client):
    verified(client, adviser_make())
    enquiry = enquiry_make(kind="callback", **SAFE_CALLER)
    client.post(f"/advisers/{enquiry.reference}/call/outcome/", {"outcome-outcome": "no-answer"})
    assert CallAttempt.objects.get(enquiry=enquiry).outcome == "no-answer"


@pytest.mark.parametrize(("moment", "safe_now"), [
    ("2026-12-02T10:00:00+00:00", True),   # a Wednesday, in her early slot
    ("2026-12-02T14:00:00+00:00", False),  # the same day, outside it
    ("2026-12-01T10:00:00+00:00", False),  # a Tuesday: not one of her days
])
def test_the_enquiry_page_says_whether_it_is_safe_to_call_now(client, monkeypatch, moment,
                                                              safe_now):
    monkeypatch.setattr(timezone, "now", lambda: dt.datetime.fromisoformat(moment))
    verified(client, adviser_make())
    enquiry = enquiry_make(kind="callback", **SAFE_CALLER)
    page = client.get(f"/advisers/{enquiry.reference}/").content.decode()
    assert ('data-call-now="yes"' in page) is safe_now
    assert ('data-call-now="no"' in page) is not safe_now


def test_answered_and_closed_enquiries_can_be_found_again(client):
    verified(client, adviser_make())
    waiting = emailable()
    answered = emailable(status=Enquiry.Status.ANSWERED, first_response_at=timezone.now())
    closed = emailable(status=Enquiry.Status.CLOSED, closed_at=timezone.now())
    lists = {view: client.get("/advisers/", {"show": view}).content.decode()
             for view in ("open", "answered", "closed")}
    assert waiting.reference in lists["open"] and answered.reference not in lists["open"]
    assert answered.reference in lists["answered"] and waiting.reference not in lists["answered"]
    assert closed.reference in lists["closed"] and answered.reference not in lists["closed"]
    assert client.get("/advisers/", {"show": "anything"}).status_code == 200


def test_an_enquiry_is_found_by_its_reference(client):
    verified(client, adviser_make())
    closed = emailable(status=Enquiry.Status.CLOSED)
    found = client.get("/advisers/", {"reference": f" {closed.reference.lower()} "})
    assert found.status_code == 302 and found.url == f"/advisers/{closed.reference}/"
    missing = client.get("/advisers/", {"reference": "HB-NONE-0000"})
    assert missing.status_code == 200
    assert "No enquiry has that reference" in missing.content.decode()


def test_an_adviser_may_not_assign_or_reopen(client):
    other = adviser_make()
    verified(client, adviser_make())
    enquiry = emailable()
    assert client.post(f"/advisers/{enquiry.reference}/assign/", {"assign-to": other.pk}).status_code == 403
    enquiry.status = Enquiry.Status.CLOSED
    enquiry.save()
    assert client.post(f"/advisers/{enquiry.reference}/reopen/").status_code == 403
    assert client.get("/advisers/audit/").status_code == 403
    enquiry.refresh_from_db()
    assert enquiry.claimed_by is None and enquiry.status == Enquiry.Status.CLOSED


def test_an_adviser_cannot_take_an_enquiry_another_adviser_is_answering(client):
    first = adviser_make()
    verified(client, adviser_make())
    enquiry = emailable(claimed_by=first, status=Enquiry.Status.CLAIMED)
    response = client.post(f"/advisers/{enquiry.reference}/claim/", follow=True)
    assert "is already answering this enquiry" in response.content.decode()
    enquiry.refresh_from_db()
    assert enquiry.claimed_by == first


def test_a_senior_adviser_assigns_and_reopens(client):
    other = adviser_make()
    verified(client, adviser_make(role=SENIOR_ADVISER))
    enquiry = emailable()
    client.post(f"/advisers/{enquiry.reference}/assign/", {"assign-to": other.pk})
    enquiry.refresh_from_db()
    assert enquiry.claimed_by == other and enquiry.status == Enquiry.Status.CLAIMED
    client.post(f"/advisers/{enquiry.reference}/close/")
    client.post(f"/advisers/{enquiry.reference}/reopen/")
    enquiry.refresh_from_db()
    assert enquiry.status == Enquiry.Status.CLAIMED and enquiry.closed_at is None
    assert client.get("/advisers/audit/").status_code == 403


def test_an_administrator_reads_the_audit_log(client):
    verified(client, adviser_make(role=ADMINISTRATOR))
    enquiry = emailable()
    client.get(f"/advisers/{enquiry.reference}/")
    page = client.get("/advisers/audit/", {"reference": enquiry.reference})
    assert page.status_code == 200
    assert enquiry.reference in page.content.decode() and "Opened" in page.content.decode()
    assert MESSAGE not in page.content.decode()


def test_an_account_without_a_role_sees_nothing(client):
    nobody = get_user_model().objects.create_user("visitor", password=PASSWORD)
    verified(client, nobody)
    enquiry = emailable()
    assert client.get("/advisers/").status_code == 403
    assert client.get(f"/advisers/{enquiry.reference}/").status_code == 403
    assert client.post(f"/advisers/{enquiry.reference}/claim/").status_code == 403
    assert not AuditEvent.objects.exists()


def test_an_unknown_reference_is_not_found(client):
    verified(client, adviser_make())
    assert client.get("/advisers/HB-NONE-0000/").status_code == 404


# The audit log

def test_opening_and_every_action_is_recorded_with_who_when_and_which(client):
    senior = adviser_make("fola", role=SENIOR_ADVISER)
    verified(client, senior)
    enquiry = emailable(kind="email", **SAFE_CALLER)
    base = f"/advisers/{enquiry.reference}/"
    client.get(base)
    client.post(base + "claim/")
    client.post(base + "assign/", {"assign-to": senior.pk})
    client.post(base + "note/", {"note-body": "A note."})
    client.post(base + "reply/", {"reply-body": "A reply."})
    client.post(base + "call/")
    client.post(base + "call/outcome/", {"outcome-outcome": "unsafe"})
    client.post(base + "close/")
    client.post(base + "reopen/")
    events = list(AuditEvent.objects.filter(reference=enquiry.reference).order_by("id"))
    assert [e.action for e in events] == ["opened", "claimed", "assigned", "noted", "replied",
                                          "call-scheduled", "call-recorded", "closed", "reopened"]
    assert {(e.user, e.username) for e in events} == {(senior, "fola")}
    assert all(e.at is not None for e in events)


# What the pages show

def test_the_queue_shows_why_each_enquiry_is_there_and_never_the_message_or_contact_details(client):
    verified(client, adviser_make())
    enquiry_make(danger=True, message=MESSAGE, email="secret@example.org", phone="07700 900999",
                 name="Jo Bloggs", code_word="bluebell", safe_to_email=True)
    enquiry_make(topic_group="pregnancy", message="I am 20 weeks pregnant.")
    page = client.get("/advisers/").content.decode()
    assert "Danger: the message describes immediate danger" in page
    assert "Pregnancy or pre-birth" in page
    private_details = (MESSAGE, "20 weeks pregnant", "secret@example.org", "07700 900999", "Jo Bloggs",
                       "bluebell")
    for private in private_details:
        assert private not in page
    assert page.index("Danger: the message") < page.index("Pregnancy or pre-birth")


def test_the_safe_contact_profile_comes_above_everything_else(client):
    verified(client, adviser_make())
    enquiry = enquiry_make(message=MESSAGE, code_word="bluebell", **SAFE_CALLER)
    page = client.get(f"/advisers/{enquiry.reference}/").content.decode()
    profile = page.index("How it is safe to contact her")
    assert profile < page.index(MESSAGE)
    assert "Monday, Wednesday, Friday: 9.30am to 11am" in page and "bluebell" in page
    assert "No. Leave no message." in page


def test_there_is_no_reply_form_when_email_is_not_safe_and_a_reply_is_refused(client):
    verified(client, adviser_make())
    enquiry = enquiry_make(email="her@example.org", safe_to_email=False)
    page = client.get(f"/advisers/{enquiry.reference}/").content.decode()
    assert "You cannot reply by email." in page and "She did not say email is safe." in page
    assert 'id="reply-form"' not in page
    refused = client.post(f"/advisers/{enquiry.reference}/reply/", {"reply-body": "Hello"}, follow=True)
    assert "we cannot reply by email" in refused.content.decode()
    assert not Reply.objects.exists()


def test_a_reply_template_links_to_the_advice(client):
    verified(client, adviser_make())
    enquiry = emailable()
    page = client.get(f"/advisers/{enquiry.reference}/", {"template": "court-protection"}).content.decode()
    assert "/advice/court-protection/#non-molestation-order" in page


def test_the_advisers_pages_are_never_stored_by_the_browser(client):
    verified(client, adviser_make())
    enquiry = emailable()
    for path in ("/advisers/sign-in/", "/advisers/", f"/advisers/{enquiry.reference}/"):
        assert client.get(path)["Cache-Control"] == "no-store"
