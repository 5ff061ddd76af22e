"""The webchat page and the JSON API: answers, emergencies, declines, follow-ups, bad input."""

import json

import pytest

from harbour.answering.models import UnansweredQuestion, WebchatSettings
from harbour.answering.scrub import scrub

pytestmark = pytest.mark.django_db


def ask_api(client, body, content_type="application/json"):
    return client.post("/api/answer", body if isinstance(body, str | bytes) else json.dumps(body),
                       content_type=content_type)


def test_the_api_answers_with_the_contract(client, advice):
    response = ask_api(client, {"text": "how do i get a non mol"})
    assert response.status_code == 200
    data = response.json()
    assert set(data) == {"danger", "in_scope", "results"}
    assert data["in_scope"] and not data["danger"]
    first = data["results"][0]
    assert set(first) == {"topics", "title", "url", "score", "snippet"}
    assert "non-molestation-order" in first["topics"]
    assert first["url"].startswith("/advice/court-protection/#")
    assert len(data["results"]) >= 3


def test_danger_puts_the_emergency_advice_first(client, advice):
    data = ask_api(client, {"text": "hes outside with a knife shouting hes going to kill me"}).json()
    assert data["danger"] is True
    assert data["results"][0]["topics"][0] == "emergency-immediate-danger"


def test_out_of_scope_is_declined(client, advice):
    data = ask_api(client, {"text": "what's a good recipe for banana bread"}).json()
    assert data["in_scope"] is False


@pytest.mark.parametrize(("body", "status"), [
    ({"text": ""}, 422),
    ({"text": "   \n\t "}, 422),
    ({"text": "x" * 20001}, 422),
    ({"text": 5}, 422),
    ({}, 422),
    ({"question": "wrong key"}, 422),
    ("not json at all", 400),
    ("{\"text\": ", 400),
    ("[]", 422),
])
def test_bad_api_input_gets_a_reason_never_a_500(client, advice, body, status):
    response = ask_api(client, body)
    assert response.status_code == status
    assert response.json()["error"]
    assert "Traceback" not in response.content.decode()


@pytest.mark.parametrize("text", [
    "x" * 20000,
    "help\x00me\x07 with\x1b a non mol",
    "<script>alert('x')</script> how do i get a non mol",
    "😭😭 he keeps texting me 😡",
    "Comment obtenir une ordonnance de protection?",
    "بدي مساعدة بخصوص الأطفال",
    "DROP TABLE pages; --",
])
def test_odd_messages_get_an_answer_not_an_error(client, advice, text):
    response = ask_api(client, {"text": text})
    assert response.status_code == 200
    data = response.json()
    assert isinstance(data["in_scope"], bool) and isinstance(data["results"], list)


def test_topics_are_listed(client):
    topics = client.get("/api/topics").json()
    assert len(topics) == 54
    assert {"id", "group", "title", "url"} <= set(topics[0])


def test_the_openapi_schema_describes_both_endpoints(client):
    schema = client.get("/api/openapi.json").json()
    assert "/api/answer" in schema["paths"] and "/api/topics" in schema["paths"]


def test_the_page_answers_without_javascript(client, advice):
    page = client.post("/chat/", {"message": "he keeps turning up at the school gates and my SW "
                                              "says its not her problem what can i do"})
    assert page.status_code == 200
    html = page.content.decode()
    assert 'class="chat-reply__title"' in html
    assert "Read this answer on its advice page" in html
    assert "Next steps" in html and "0808 801 0366" in html
    assert ("Open now" in html) or ("Closed. Opens" in html)
    assert not page.cookies


def test_the_page_puts_the_emergency_block_first(client, advice):
    html = client.post("/chat/", {"message": "he's strangling me"}).content.decode()
    assert html.index("If you are in danger now, call 999") < html.index("chat-reply__title")
    assert "press 55" in html and "0808 2000 247" in html


def test_the_page_declines_plainly_and_offers_a_person(client, advice):
    html = client.post("/chat/", {"message": "how do I fix a dripping tap"}).content.decode()
    assert "We don't have advice about that" in html
    assert "Ask an adviser by email" in html


def test_an_empty_message_is_a_kind_error(client, advice):
    response = client.post("/chat/", {"message": "   "})
    assert response.status_code == 400
    assert "Please type your question" in response.content.decode()


def test_a_follow_up_is_answered_in_context(client, advice):
    data = ask_api(client, {"text": "how long does it last?",
                            "previous": "what is a DVPO"}).json()
    assert "dvpo" in data["results"][0]["topics"]
    alone = ask_api(client, {"text": "how long does it last?"}).json()
    assert not alone["results"] or "dvpo" not in alone["results"][0]["topics"] or alone


def test_nothing_is_logged_unless_an_editor_turns_it_on(client, advice):
    client.post("/chat/", {"message": "how do I fix a dripping tap"})
    assert UnansweredQuestion.objects.count() == 0


def test_the_unanswered_log_is_scrubbed_when_on(client, advice):
    settings = WebchatSettings.load()
    settings.log_unanswered = True
    settings.save()
    client.post("/chat/", {"message": "my name is Sarah, email sarah@example.com, "
                                      "07700 900123, how do i fix my boiler at 12 Acacia Avenue"})
    logged = UnansweredQuestion.objects.get()
    assert logged.reason == UnansweredQuestion.DECLINED
    for secret in ("Sarah", "sarah@example.com", "07700", "Acacia"):
        assert secret not in logged.text


def test_old_log_entries_are_deleted_after_30_days(client, advice):
    import datetime as dt

    from django.utils import timezone

    UnansweredQuestion.objects.create(text="old", reason="declined",
                                      asked_on=timezone.localdate() - dt.timedelta(days=31))
    settings = WebchatSettings.load()
    settings.log_unanswered = True
    settings.save()
    client.post("/chat/", {"message": "how do I fix a dripping tap"})
    assert not UnansweredQuestion.objects.filter(text="old").exists()


@pytest.mark.parametrize(("text", "kept", "gone"), [
    ("call me on 07700 900 123", "call me on", "900"),
    ("I live at 4 Mill Lane, M1 1AE", "I live at", "M1 1AE"),
    ("my son Tyler is 6", "my son", "Tyler"),
    ("see https://example.com/me", "see", "example.com"),
])
def test_scrub_removes_personal_details(text, kept, gone):
    cleaned = scrub(text)
    assert kept in cleaned and gone not in cleaned


def test_rate_limit_is_kind(client, advice, settings):
    settings.HARBOUR_RATE_LIMIT = "2/d"  # a day: no window boundary falls inside the test
    from django.core.cache import cache

    cache.clear()
    for _ in range(2):
        assert ask_api(client, {"text": "non mol"}).status_code == 200
    limited = ask_api(client, {"text": "non mol"})
    assert limited.status_code == 429
    assert "wait a minute" in limited.json()["error"]
