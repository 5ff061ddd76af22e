"""The guided tools' pages: one question a page, Back and Start again, kind errors, nothing kept."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db


def post(client, url, answers: dict, **form):
    data = {f"a:{question}": value for question, value in answers.items()}
    data.update(form)
    return client.post(url, data)


def text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_the_tools_page_lists_every_tool(client):
    page = client.get("/tools/").content.decode()
    for url in (
        "/tools/protection/",
        "/tools/process/",
        "/tools/deadlines/",
        "/tools/advice-line/",
        "/directory/",
    ):
        assert f'href="{url}"' in page


def test_the_first_question_is_one_question_with_radio_buttons(client):
    response = client.get("/tools/protection/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "How are you connected to the person harming you?" in page
    assert page.count('type="radio"') == 9 and "<fieldset" in page
    assert 'name="action" value="back"' not in page  # nothing to go back to yet


def test_each_answer_moves_on_and_the_answers_travel_in_the_form_not_the_address(client):
    response = post(client, "/tools/protection/", {}, question="relationship", choice="married")
    page = response.content.decode()
    assert "What is the person doing?" in page and 'type="checkbox"' in page
    assert '<input type="hidden" name="a:relationship" value="married">' in page
    assert 'action="/tools/protection/"' in page and 'method="post"' in page
    assert not response.cookies and "no-store" in response["Cache-Control"]


def test_the_result_gives_each_order_a_verdict_a_reason_and_a_link(client):
    response = post(
        client,
        "/tools/protection/",
        {"relationship": "married", "behaviour": ["violence", "home"], "home": "my-name"},
        question="police",
        choice="notice",
    )
    page = text(response)
    assert response.status_code == 200
    assert "Could help you" in page and "Non-molestation order" in page and "Occupation order" in page
    assert "Why:" in page and "Unlikely to fit what you told us" in page
    html = response.content.decode()
    assert 'href="/advice/court-protection/#non-molestation-order"' in html
    assert 'href="/tools/deadlines/"' in html
    assert "This is information, not legal advice" in page
    assert "Talk to a solicitor" in page and "Legal aid" in page
    assert "Your answers" in page and "We are married or civil partners" in page


def test_no_answer_is_a_kind_error_beside_the_question_and_keeps_the_earlier_answers(client):
    response = post(client, "/tools/protection/", {"relationship": "married"}, question="behaviour")
    page = response.content.decode()
    assert response.status_code == 400
    assert "Choose at least one answer." in page and 'id="choice-error"' in page
    assert "<title>Error:" in page
    assert 'name="a:relationship" value="married"' in page


def test_back_goes_to_the_last_question_with_its_answer_still_chosen(client):
    response = post(
        client, "/tools/process/", {"about": "unborn", "unborn-stage": "assessment"}, action="back"
    )
    page = response.content.decode()
    assert "What is the latest thing that has happened?" in page
    assert re.search(r'value="assessment" checked', page)
    assert 'name="a:about" value="unborn"' in page and 'name="a:unborn-stage"' not in page


def test_start_again_is_a_plain_link_to_the_first_question(client):
    page = post(
        client, "/tools/process/", {"about": "child"}, question="child-stage", choice="plan"
    ).content.decode()
    assert '<a class="button button--secondary" href="/tools/process/">Start again</a>' in page


def test_the_process_stage_shows_you_are_here_on_the_timeline(client):
    response = post(client, "/tools/process/", {"about": "child"}, question="child-stage", choice="enquiries")
    html = response.content.decode()
    assert "You are here:" in html and 'aria-current="step"' in html
    here = re.search(r'aria-current="step">(.*?)</li>', html, re.DOTALL).group(1)
    assert "Child protection enquiries (section 47)" in here and "you are here" in here
    assert "What may come next" in html and "A child protection conference" in html


@pytest.mark.parametrize(
    "form",
    [
        {"question": "relationship", "choice": "<script>alert(1)</script>"},
        {"a:relationship": "not-an-option", "question": "behaviour", "choice": "violence"},
        {"a:nonsense": "x", "question": "nonsense", "choice": "x"},
        {"question": "relationship", "choice": "x" * 20000},
        {"action": "back"},
    ],
)
def test_altered_or_broken_forms_get_a_kind_page_not_an_error(client, form):
    response = client.post("/tools/protection/", form)
    assert response.status_code in {200, 400}
    assert "How are you connected to the person harming you?" in response.content.decode()
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_a_stale_form_shows_where_its_answers_lead(client):
    response = post(
        client, "/tools/protection/", {"relationship": "married"}, question="police", choice="notice"
    )
    assert "What is the person doing?" in response.content.decode()


def test_every_tool_page_has_the_quick_exit(client):
    for url in ("/tools/", "/tools/protection/", "/tools/process/"):
        assert "data-quick-exit-button" in client.get(url).content.decode()
