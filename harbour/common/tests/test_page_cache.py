"""The anonymous page cache: fast for readers, never for staff, searches or stale content."""

import pytest

from harbour.content.models import AdvicePage

pytestmark = pytest.mark.django_db


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
