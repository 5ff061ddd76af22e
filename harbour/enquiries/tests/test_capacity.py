"""The capacity page: per week, enquiries received, answered and still waiting, the median time to
a first response, and what the webchat answered without an adviser."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from harbour.answering.chat import webchat_week_count
from harbour.answering.models import WebchatWeek
from harbour.common.calendar import LONDON
from harbour.enquiries.capacity import capacity
from harbour.enquiries.models import Enquiry
from harbour.enquiries.tests.factories import adviser_make, enquiry_make

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=LONDON)  # a Wednesday; this week began on Monday 23rd
THIS_WEEK, LAST_WEEK = dt.date(2026, 11, 23), dt.date(2026, 11, 16)


def at(day: int, hour: int, month: int = 11) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, 0, tzinfo=LONDON)


@pytest.fixture
def weeks_of_enquiries():
    # Last week: one answered in 2 hours, one answered this week (8 days later).
    enquiry_make(created_at=at(18, 9), first_response_at=at(18, 11), status=Enquiry.Status.CLOSED)
    enquiry_make(created_at=at(16, 9), first_response_at=at(24, 9), status=Enquiry.Status.ANSWERED)
    # This week: one answered in 4 hours, one waiting, one being answered but not yet replied to.
    enquiry_make(created_at=at(23, 9), first_response_at=at(23, 13), status=Enquiry.Status.ANSWERED)
    enquiry_make(created_at=at(24, 10))
    enquiry_make(created_at=at(24, 11), status=Enquiry.Status.CLAIMED)
    # Long ago, still waiting: counted as waiting now, outside the twelve weeks.
    enquiry_make(created_at=at(1, 9, month=8))
    for answered in (True, True, False):
        webchat_week_count(answered=answered, today=NOW.date())


def test_twelve_weeks_oldest_first_with_the_figures_of_each(weeks_of_enquiries):
    figures = capacity(now=NOW)
    assert [w.starts for w in figures.weeks][-2:] == [LAST_WEEK, THIS_WEEK]
    assert len(figures.weeks) == 12 and figures.weeks[0].starts == dt.date(2026, 9, 7)
    last, this = figures.weeks[-2:]
    assert (last.received, last.answered, last.waiting, last.median_hours) == (2, 1, 0, 2.0)
    # This week's answers: one in 4 hours, last week's in 192 hours.
    assert (this.received, this.answered, this.waiting, this.median_hours) == (3, 2, 2, 98.0)
    assert (this.webchat_answered, this.webchat_declined) == (2, 1)
    assert figures.weeks[0].median_hours is None and figures.weeks[0].received == 0
    assert figures.waiting_now == 3


def verified_adviser(client, **kwargs):
    """An adviser signed in with her second factor, as the sign-in pages leave her."""
    user = adviser_make(authenticator=True, **kwargs)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.get(user=user).persistent_id
    session.save()
    return user


def test_an_adviser_sees_the_table_and_an_accessible_chart(client, weeks_of_enquiries):
    verified_adviser(client)
    response = client.get("/advisers/capacity/")
    page = response.content.decode()
    assert response.status_code == 200
    assert '<svg xmlns="http://www.w3.org/2000/svg" role="img"' in page and "<title id=" in page
    assert "<table" in page and "Median hours to first response" in page
    assert "enquiries are waiting for a first response now" in page
    assert "<script" not in page.split("<h1>")[1]


def test_the_page_needs_a_second_factor_and_an_adviser_role(client, django_user_model):
    assert client.get("/advisers/capacity/").status_code == 302  # not signed in
    user = adviser_make(authenticator=True)
    client.force_login(user)  # password only, no second factor yet
    response = client.get("/advisers/capacity/")
    assert response.status_code == 302 and response["Location"].startswith("/advisers/sign-in/")
    client.logout()
    stranger = django_user_model.objects.create_user(username="no-role", password="a-long-test-password")
    TOTPDevice.objects.create(user=stranger, name="Authenticator", confirmed=True)
    client.force_login(stranger)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.get(user=stranger).persistent_id
    session.save()
    assert client.get("/advisers/capacity/").status_code == 403


def test_the_webchat_counts_what_it_answered_and_what_it_passed_to_a_person(client, advice):
    for text in ("how do i get a non mol",  # answered from the advice
                 "what's a good recipe for banana bread",  # not what the advice covers
                 "hes outside with a knife shouting hes going to kill me"):  # danger: a person, now
        response = client.post("/api/answer", json.dumps({"text": text}), content_type="application/json")
        assert response.status_code == 200
    [week] = WebchatWeek.objects.all()
    assert (week.answered, week.declined) == (1, 2)
    assert week.week_start.weekday() == 0
