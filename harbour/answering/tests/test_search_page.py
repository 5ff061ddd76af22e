"""The search page: a kind page for every query, filters, and the query kept out of logs."""

import logging

import pytest

pytestmark = pytest.mark.django_db


def search(client, **data):
    return client.post("/search/", data)


def test_results_link_to_anchors_and_highlight(client, advice):
    page = search(client, q="non molestashun").content.decode()
    assert 'href="/advice/court-protection/#non-molestation-order' in page
    assert "<mark>" in page


def test_get_works_too_for_links_from_elsewhere(client, advice):
    response = client.get("/search/", {"q": "ocupation order"})
    assert response.status_code == 200
    assert "#occupation-order" in response.content.decode()


def test_filters_and_exact_mode(client, advice):
    page = search(client, q="court", group="contact", exact="on").content.decode()
    assert "/advice/contact/#" in page
    assert "/advice/court-protection/#" not in page


@pytest.mark.parametrize(("query", "expected"), [
    ("", "Please type a few words"),
    ("   ", "Please type a few words"),
    ("zzqx wvvk plmq", "We did not find an answer to that"),
    ("x" * 20000, "Your search was very long"),
    ("\x00\x07 non mol \x1b", "answer"),
    ("<script>alert(1)</script>", "We did not find an answer to that"),
    ("🙂🙂🙂", "We did not find an answer to that"),
])
def test_odd_input_gets_a_helpful_page(client, advice, query, expected):
    response = search(client, q=query)
    assert response.status_code == 200
    page = response.content.decode()
    assert expected in page
    assert "<script>alert(1)</script>" not in page


def test_an_unknown_filter_value_is_a_kind_page(client, advice):
    response = search(client, q="court", group="no-such-group")
    assert response.status_code == 200
    assert "Please check the search options" in response.content.decode()


def test_the_query_never_reaches_the_logs(client, advice, caplog):
    caplog.set_level(logging.DEBUG)
    secret = "my-address-is-12-acacia-avenue"
    search(client, q=secret)
    client.get("/search/", {"q": secret})
    client.get("/no-such-page/", {"q": secret})
    assert secret not in caplog.text


def test_search_sets_no_cookie(client, advice):
    response = search(client, q="refuge")
    assert not response.cookies
