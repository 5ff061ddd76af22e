"""Privacy on every page: strict headers, no cookies, no personal data in logs, quick exit."""

import logging

import pytest

from harbour.safety.logging import DropPersonalData

pytestmark = pytest.mark.django_db

PAGES = ["/", "/advice/", "/advice/court-protection/", "/search/", "/contact/", "/privacy/",
         "/accessibility/", "/cover-your-tracks/", "/donate/"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_private_by_default(client, advice, path):
    response = client.get(path)
    assert response.status_code == 200
    assert not response.cookies, "anonymous readers get no cookies"
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["Cache-Control"] == "no-store"
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    page = response.content.decode()
    assert 'href="/exit"' in page, "the quick exit is on every page"
    assert "http://" not in page.replace("http://www.w3.org", "")
    assert "https://" not in page


def test_exit_clears_the_site_and_goes_to_the_neutral_page(client, settings):
    settings.HARBOUR_EXIT_URL = "https://neutral.example/weather"
    response = client.get("/exit")
    assert response.status_code == 302
    assert response["Location"] == "https://neutral.example/weather"
    assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"'


def test_missing_pages_are_kind_and_private(client, advice):
    response = client.get("/advice/no-such-group/")
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()
    assert 'href="/exit"' in response.content.decode()


def test_log_filter_strips_query_strings_and_requests():
    record = logging.LogRecord("django.request", logging.WARNING, __file__, 1,
                               "Not Found: %s", ("/search/?q=my+secret",), None)
    record.request = object()
    assert DropPersonalData().filter(record)
    assert "my+secret" not in record.getMessage()
    assert record.request is None
