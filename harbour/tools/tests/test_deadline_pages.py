"""The deadline calculator's pages, the advice line page, and their JSON twins in the API."""

import datetime as dt
import re
from unittest import mock
from zoneinfo import ZoneInfo

import pytest

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
URL = "/tools/deadlines/"


def frozen_at(text: str):
    """Harbour's clock stopped at a London time."""
    moment = dt.datetime.fromisoformat(text).replace(tzinfo=LONDON)
    return mock.patch("django.utils.timezone.now", return_value=moment)


def answer(client, **fields):
    return client.post(URL, {"step": "when", **fields}).content.decode()


def test_the_first_page_asks_what_happened(client):
    html = client.get(URL).content.decode()
    assert "What do you want to work out a date for?" in html
    assert 'value="dvpn"' in html and 'value="dvpo"' in html and 'value="referral"' in html
    assert 'method="post"' in html
    assert "This is information, not legal advice." in html and 'href="/contact/"' in html


def test_choosing_a_notice_asks_for_its_date_and_time(client):
    html = client.post(URL, {"step": "kind", "kind": "dvpn"}).content.decode()
    assert "When did the police give the notice?" in html
    assert 'type="date"' in html and 'type="time"' in html
    assert 'name="kind" value="dvpn"' in html


def test_choosing_a_referral_asks_only_for_its_date(client):
    html = client.post(URL, {"step": "kind", "kind": "referral"}).content.decode()
    assert "What date did children&#x27;s services get the referral?" in html
    assert 'type="time"' not in html


def test_choosing_nothing_is_asked_again_kindly(client):
    html = client.post(URL, {"step": "kind"}).content.decode()
    assert "Choose what happened." in html and "There is a problem" in html


def test_a_notice_gets_both_times_across_the_spring_clock_change(client):
    html = answer(client, kind="dvpn", day="2026-03-27", time="16:15")
    assert "The police must apply to the magistrates' court for a DVPO by 5.15pm on Sunday 29 March." in html
    assert "The clocks change during these 48 hours." in html
    assert "must hear the police's application by 4.15pm on Monday 30 March." in html
    assert "https://www.legislation.gov.uk/ukpga/2010/17/section/27" in html
    assert 'href="/advice/court-protection/#dvpn"' in html


def test_times_may_be_typed_the_way_people_write_them(client):
    html = answer(client, kind="dvpn", day="24/03/2026", time="4.15pm")
    assert "by 4.15pm on Thursday 26 March." in html
    assert "The clocks change" not in html


def test_an_order_ends_about_14_to_28_days_on(client):
    html = answer(client, kind="dvpo", day="2026-03-26")
    assert ("It ends on about Thursday 9 April at the earliest, "
            "and on about Thursday 23 April at the latest.") in html
    assert "Check the exact date on the order." in html
    assert 'href="/advice/court-protection/#dvpo"' in html


@pytest.mark.parametrize("day", ["2026-03-27", "27/03/2026", "27 March 2026", "27 mar 2026", " 27/3/26 "])
def test_a_friday_referral_is_decided_by_the_end_of_monday(client, day):
    html = answer(client, kind="referral", day=day)
    assert "They should decide what to do next by the end of Monday 30 March." in html
    assert 'href="/advice/child-protection/#child-protection-enquiries-police-incident"' in html


@pytest.mark.parametrize(("fields", "error"), [
    ({"kind": "dvpo", "day": ""}, "Enter the date, for example 26 March 2026."),
    ({"kind": "dvpo", "day": "31/02/2026"}, "Enter a real date, for example 26 March 2026."),
    ({"kind": "referral", "day": "26/03/1926"}, "Please check the year."),
    ({"kind": "dvpn", "day": "2026-03-24", "time": ""}, "Enter the time, for example 4.15pm or 16:15."),
    ({"kind": "dvpn", "day": "2026-03-24", "time": "25:99"}, "Enter a real time"),
    ({"kind": "dvpn", "day": "2026-03-29", "time": "01:30"}, "The clocks went forward an hour that night"),
])
def test_a_bad_date_gets_a_kind_error_beside_it_and_keeps_what_was_typed(client, fields, error):
    response = client.post(URL, {"step": "when", **fields})
    html = response.content.decode()
    assert response.status_code == 200
    assert error in html and 'aria-invalid="true"' in html
    assert f'value="{fields["day"]}"' in html
    if fields.get("time"):
        assert f'value="{fields["time"]}"' in html
    assert "<title>Error:" in html


def test_back_from_the_answer_keeps_the_date_and_back_again_keeps_the_choice(client):
    html = client.post(URL, {"step": "answer", "back": "1", "kind": "dvpn", "day": "2026-03-24",
                             "time": "16:15"}).content.decode()
    assert 'value="2026-03-24"' in html and 'value="16:15"' in html
    assert "There is a problem" not in html
    html = client.post(URL, {"step": "when", "back": "1", "kind": "dvpn", "day": "2026-03-24",
                             "time": "16:15"}).content.decode()
    assert re.search(r'value="dvpn"[^>]*checked', html)
    assert not re.search(r'value="dvpo"[^>]*checked', html)
    assert "Start again" in answer(client, kind="dvpo", day="2026-03-26")


def test_nothing_is_put_in_the_address_or_kept(client):
    response = client.post(URL, {"step": "when", "kind": "dvpn", "day": "2026-03-24", "time": "16:15"})
    assert not response.cookies
    assert 'action="/tools/deadlines/"' in response.content.decode()
    assert response["Cache-Control"] == "no-store"


def test_the_advice_line_page_says_if_it_is_open_now(client):
    with frozen_at("2026-03-26 10:00"):
        html = client.get("/tools/advice-line/").content.decode()
    assert "Open now, until 3pm" in html and "0808 801 0366" in html
    with frozen_at("2026-03-27 16:00"):
        html = client.get("/tools/advice-line/").content.decode()
    assert "Closed. Opens Monday 30 March at 9.30am" in html


@pytest.mark.parametrize(("query", "deadline"), [
    ("kind=dvpn&from=2026-03-27T16:15", {"name": "notice_ends", "at": "2026-03-29T17:15:00+01:00",
                                         "text": "by 5.15pm on Sunday 29 March"}),
    ("kind=dvpn&from=2026-03-27T16:15:00%2B00:00", {"name": "notice_ends",
                                                    "at": "2026-03-29T17:15:00+01:00"}),
    ("kind=dvpn&from=2026-03-27T16:15:00 00:00", {"name": "notice_ends", "at": "2026-03-29T17:15:00+01:00"}),
    ("kind=dvpn&from=2026-03-27T16:15:00Z", {"name": "hearing_by", "at": "2026-03-30T16:15:00+01:00",
                                             "text": "by 4.15pm on Monday 30 March"}),
    ("kind=dvpo&from=2026-03-26", {"name": "latest_end", "at": "2026-04-23"}),
    ("kind=referral&from=2026-03-27", {"name": "decide_by", "at": "2026-03-30",
                                       "text": "by the end of Monday 30 March"}),
    ("kind=referral&from=2026-04-02T23:30", {"name": "decide_by", "at": "2026-04-07"}),
])
def test_the_api_gives_the_same_dates(client, query, deadline):
    response = client.get(f"/api/deadlines?{query}")
    assert response.status_code == 200
    data = response.json()
    found = next(item for item in data["deadlines"] if item["name"] == deadline["name"])
    assert deadline.items() <= found.items()
    assert set(data) == {"kind", "start", "deadlines", "notes", "sources"}


def test_the_api_says_when_the_clocks_change(client):
    data = client.get("/api/deadlines?kind=dvpn&from=2026-10-23T16:15").json()
    assert data["start"] == "2026-10-23T16:15:00+01:00"
    assert any("clocks change" in note for note in data["notes"])


@pytest.mark.parametrize("query", [
    "", "kind=dvpx&from=2026-03-27", "kind=dvpo", "kind=dvpo&from=rubbish", "kind=dvpo&from=2026-02-31",
    "kind=dvpn&from=2026-03-27", "kind=dvpn&from=2026-03-29T01:30", "kind=dvpo&from=9999-12-31",
    "kind=referral&from=0001-01-01", "kind=dvpn&from=2026-03-27T16:15%2B99:00",
])
def test_bad_api_input_gets_a_kind_422_never_a_500(client, query):
    response = client.get(f"/api/deadlines?{query}")
    assert response.status_code == 422
    assert response.json()["error"]


def test_the_api_says_if_the_advice_line_is_open(client):
    with frozen_at("2026-03-26 10:00"):
        data = client.get("/api/advice-line").json()
    assert data == {"open": True, "text": "Open now, until 3pm", "opens_at": None,
                    "closes_at": "2026-03-26T15:00:00+00:00", "number": "0808 801 0366",
                    "hours": "Monday to Friday, 9.30am to 3pm, closed on bank holidays"}
    with frozen_at("2026-04-03 10:00"):  # Good Friday
        data = client.get("/api/advice-line").json()
    assert not data["open"] and data["opens_at"] == "2026-04-07T09:30:00+01:00"
    assert data["text"] == "Closed. Opens Tuesday 7 April at 9.30am"


def test_the_openapi_schema_lists_both_tools(client):
    schema = client.get("/api/openapi.json").json()
    assert "/api/deadlines" in schema["paths"] and "/api/advice-line" in schema["paths"]
    names = {p["name"] for p in schema["paths"]["/api/deadlines"]["get"]["parameters"]}
    assert names == {"kind", "from"}


def test_a_time_sent_with_a_referral_is_ignored(client):
    html = answer(client, kind="referral", day="2026-03-27", time="not a time")
    assert "by the end of Monday 30 March" in html and "There is a problem" not in html
