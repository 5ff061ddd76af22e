"""The public forms: what a person sees when she sends an enquiry or asks for a call back."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from unittest import mock

import pytest
from django.db import connection

from harbour.enquiries.models import Enquiry

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_email_queue():
    """The confirmation email's queue is tested on its own; here we only see whether it is asked for."""
    with mock.patch("harbour.enquiries.services.confirmation_send_queue", create=True) as queue:
        yield queue


def email_form(**changes) -> dict:
    data = {"message": "My social worker says my ex can see the kids but I am scared. What can I do?",
            "who": "mother", "topic_group": "contact", "email": "safe@example.org", "safe_to_email": "yes",
            "idempotency_key": str(uuid.uuid4()), "action": "send"}
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def callback_form(**changes) -> dict:
    data = {"message": "Pre-proceedings letter came today", "who": "mother", "phone": "07700 900123",
            "safe_to_call": "yes", "call_days": ["0", "2"], "call_slots": ["early"], "voicemail_ok": "no",
            "text_ok": "no", "code_word": "Lily", "idempotency_key": str(uuid.uuid4()), "action": "send"}
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_the_form_asks_the_question_and_the_safe_contact_profile(client):
    page = client.get("/contact/email/").content.decode()
    for words in ("Your question", "Who are you?", "Is a date coming up?", "Is it safe for us to email",
                  "Is it safe for us to call", "may we leave a voicemail", "so you know it is us"):
        assert words in page
    assert re.search(r'name="idempotency_key" value="[0-9a-f-]{36}"', page)
    assert 'method="post"' in page and "data-quick-exit-button" in page


def test_an_enquiry_is_stored_once_encrypted_and_she_gets_a_reference(client, no_email_queue):
    response = client.post("/contact/email/", email_form())
    page = response.content.decode()
    enquiry = Enquiry.objects.get()
    assert response.status_code == 200 and enquiry.reference in page
    assert "An adviser will reply by email" in page and "If things get worse" in page
    assert enquiry.safe_to_email and not enquiry.danger and enquiry.kind == "email"
    with connection.cursor() as cursor:
        cursor.execute("SELECT message, email FROM enquiries_enquiry")
        stored_message, stored_email = cursor.fetchone()
    assert "social worker" not in stored_message and "example.org" not in stored_email
    assert enquiry.message.startswith("My social worker")
    no_email_queue.assert_called_once_with(enquiry.pk)


def test_a_double_click_or_resubmit_stores_one_enquiry_with_the_same_reference(client):
    form = email_form()
    first = client.post("/contact/email/", form).content.decode()
    second = client.post("/contact/email/", form).content.decode()
    assert Enquiry.objects.count() == 1
    reference = Enquiry.objects.get().reference
    assert reference in first and reference in second


def test_no_confirmation_email_when_email_is_not_safe(client, no_email_queue):
    page = client.post("/contact/email/", email_form(
        safe_to_email="no", phone="07700 900123", safe_to_call="yes", call_days=["1"], call_slots=["late"],
        voicemail_ok="no", text_ok="no")).content.decode()
    enquiry = Enquiry.objects.get()
    assert not enquiry.safe_to_email and enquiry.safe_to_call
    assert "We will not send you a confirmation email" in page and "We will not email you" in page
    no_email_queue.assert_not_called()


def test_danger_puts_the_emergency_guidance_first_and_flags_the_enquiry(client):
    page = client.post("/contact/email/", email_form(
        message="he is outside the door right now with a knife and says he will kill me")).content.decode()
    assert Enquiry.objects.get().danger
    assert page.index("If you are in danger now, call 999") < page.index("Your reference is")


@pytest.mark.parametrize(("changes", "error"), [
    ({"message": ""}, "Please type your question."),
    ({"message": "   \x00  "}, "Please type your question."),
    ({"message": "x" * 5001}, "Please keep your question under 5,000 characters"),
    ({"who": None}, "Please tell us who you are."),
    ({"email": "not an email"}, "Please check the email address"),
    ({"safe_to_email": None}, "Please tell us if it is safe to email this address."),
    ({"email": "", "safe_to_email": "no"}, "We need one safe way to reply to you"),
    ({"safe_to_email": "no"}, "We need one safe way to reply to you"),
    ({"phone": "call me", "safe_to_call": "yes"}, "Please check the phone number"),
    ({"phone": "07700 900123", "safe_to_call": "yes"}, "Please choose at least one day"),
    ({"date_kind": "court-hearing"}, "Please give the date"),
    ({"date_kind": "court-hearing", "coming_date": "2001-01-01"}, "That date has passed"),
    ({"date_kind": "court-hearing", "coming_date": "31/02/2027"}, "Please give the date as day"),
    ({"idempotency_key": "nonsense"}, "There is a problem"),
])
def test_mistakes_get_a_kind_error_beside_the_field_and_keep_what_she_typed(client, changes, error):
    form = email_form(**changes)
    response = client.post("/contact/email/", form)
    page = response.content.decode()
    assert response.status_code == 400
    assert error in page and "Nothing has been sent yet" in page
    assert Enquiry.objects.count() == 0
    if form.get("message", "").strip() and len(form["message"]) < 200:
        assert form["message"] in page


def test_a_call_back_needs_a_safe_number_and_safe_times(client):
    response = client.post("/contact/call-back/", callback_form(safe_to_call="no"))
    assert response.status_code == 400 and "We can only call when it is safe" in response.content.decode()
    response = client.post("/contact/call-back/", callback_form(phone=""))
    assert "Please give the phone number we should call." in response.content.decode()
    page = client.post("/contact/call-back/", callback_form()).content.decode()
    enquiry = Enquiry.objects.get()
    assert enquiry.kind == "callback" and enquiry.call_days == [0, 2] and enquiry.call_slots == ["early"]
    assert enquiry.code_word == "Lily" and not enquiry.voicemail_ok
    assert "An adviser will call you at one of the times you chose" in page


def test_answers_that_may_help_now_are_offered_without_sending(client):
    form = email_form(message="what is a non molestation order", action="suggest")
    page = client.post("/contact/email/", form).content.decode()
    assert "These may help now" in page and "/advice/court-protection/#non-molestation-order" in page
    assert "what is a non molestation order" in page  # still in the form, ready to send
    assert form["idempotency_key"] in page
    assert Enquiry.objects.count() == 0


def test_the_hidden_trap_field_stores_nothing(client):
    response = client.post("/contact/email/", email_form(website="http://spam.example"))
    assert response.status_code == 200 and Enquiry.objects.count() == 0


def test_too_many_enquiries_from_one_client_keeps_her_words(client, settings):
    settings.HARBOUR_ENQUIRY_RATE_LIMIT = "2/h"
    from django.core.cache import cache

    cache.clear()
    for _ in range(2):
        assert client.post("/contact/email/", email_form()).status_code == 200
    response = client.post("/contact/email/", email_form(message="a third question about contact"))
    assert response.status_code == 429
    assert "a third question about contact" in response.content.decode()
    assert Enquiry.objects.count() == 2


def test_sending_the_same_form_again_at_the_limit_still_shows_her_reference(client, settings):
    settings.HARBOUR_ENQUIRY_RATE_LIMIT = "1/h"
    from django.core.cache import cache

    cache.clear()
    form = email_form()
    client.post("/contact/email/", form)
    again = client.post("/contact/email/", form)
    assert again.status_code == 200
    assert Enquiry.objects.get().reference in again.content.decode()


def _answered(count: int, *, wait_days: int) -> None:
    from django.utils import timezone

    from harbour.enquiries.services import EnquiryInput, enquiry_create

    for _ in range(count):
        enquiry, _created = enquiry_create(
            data=EnquiryInput(kind="email", message="When is the conference?", who="mother"),
            idempotency_key=uuid.uuid4(), now=timezone.now() - dt.timedelta(days=wait_days + 1))
        Enquiry.objects.filter(pk=enquiry.pk).update(
            first_response_at=enquiry.created_at + dt.timedelta(days=wait_days))


def test_the_sent_page_says_how_long_people_have_waited_lately(client):
    from django.core.cache import cache

    cache.clear()
    page = client.post("/contact/email/", email_form()).content.decode()
    assert "We answer the most urgent questions first" in page  # too few answered to say
    _answered(5, wait_days=3)
    cache.clear()
    page = client.post("/contact/email/", email_form()).content.decode()
    assert "within about 4 days" in page  # the page counts a part-day as a day: 3 reads as 4


def test_the_typical_wait_is_worked_out_once_in_ten_minutes(django_assert_num_queries):
    from django.core.cache import cache

    from harbour.enquiries.selectors import typical_first_response, typical_first_response_recent

    cache.clear()
    with django_assert_num_queries(1):
        assert typical_first_response_recent() is None  # too few to say, and that is kept too
    with django_assert_num_queries(0):
        assert typical_first_response_recent() is None
    _answered(5, wait_days=2)
    assert typical_first_response() == dt.timedelta(days=2)
    with django_assert_num_queries(0):
        assert typical_first_response_recent() is None  # until the ten minutes are up
    cache.clear()
    assert typical_first_response_recent() == dt.timedelta(days=2)
