"""The anonymous page cache: fast for readers, never for staff, searches or stale content."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from harbour.content.models import AdvicePage

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def test_a_published_change_reaches_readers(client, advice):
    assert "Edited summary" not in client.get("/advice/early-help/").content.decode()
    page = AdvicePage.objects.get(group="early-help")
    page.summary = "Edited summary"
    page.save_revision().publish()
    assert "Edited summary" in client.get("/advice/early-help/").content.decode()


def test_cached_pages_keep_their_privacy_headers(client, advice):
    client.get("/advice/")
    again = client.get("/advice/")
    assert again["Cache-Control"] == "no-store"
    assert "default-src 'self'" in again["Content-Security-Policy"]
    assert not again.cookies


def test_signed_in_staff_are_never_served_the_cached_page(client, advice, django_user_model):
    anonymous = client.get("/advice/court-protection/").content.decode()
    assert "userbar" not in anonymous
    user = django_user_model.objects.create_superuser("ed", password="a-long-password-123")
    client.force_login(user)
    response = client.get("/advice/court-protection/")
    assert response.status_code == 200
    assert "userbar" in response.content.decode(), "editors get their own page, with the userbar"


def test_a_page_kept_while_the_line_was_open_is_not_served_once_it_has_closed(client, advice):
    # Added with the "is the advice line open now?" page (harbour/tools): its status is in the key.
    from unittest import mock

    open_at = dt.datetime(2026, 3, 26, 10, 0, tzinfo=LONDON)
    closed_at = dt.datetime(2026, 3, 26, 15, 0, tzinfo=LONDON)
    with mock.patch("harbour.common.page_cache.timezone.now", return_value=open_at):
        assert "Open now, until 3pm" in client.get("/tools/advice-line/").content.decode()
        assert "Open now, until 3pm" in client.get("/tools/advice-line/").content.decode()
    with mock.patch("harbour.common.page_cache.timezone.now", return_value=closed_at):
        html = client.get("/tools/advice-line/").content.decode()
    assert "Closed. Opens Friday 27 March at 9.30am" in html
    assert "Open now" not in html
