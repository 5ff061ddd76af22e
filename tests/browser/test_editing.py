"""Editors in the Wagtail admin: sign in, find an advice page, see the webchat report."""

import pytest

pytestmark = pytest.mark.browser


def sign_in(page, base_url):
    page.goto(f"{base_url}/admin/login/")
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill("browser-tests-admin-password")
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()


def test_an_editor_signs_in_and_opens_an_advice_page(site, base_url):
    sign_in(site, base_url)
    assert site.url.rstrip("/").endswith("/admin")
    site.goto(f"{base_url}/admin/pages/search/?q=courts")
    site.get_by_role("link", name="Protecting yourself through the courts").first.click()
    site.wait_for_url("**/admin/pages/*/edit/")
    assert site.get_by_text("How do I get a non-molestation order", exact=False).first.is_visible()


def test_the_unanswered_questions_report_is_there(site, base_url):
    sign_in(site, base_url)
    site.goto(f"{base_url}/admin/reports/unanswered/")
    assert site.get_by_role("heading", name="Questions we could not answer").is_visible()
    assert site.get_by_text("The log is off").is_visible()
