"""Sending an enquiry and asking for a call back, in Chromium, with and without JavaScript."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser
AXE = Axe()
REFERENCE = re.compile(r"HB-[A-Z0-9]{4}-[A-Z0-9]{4}")


def assert_accessible(page) -> None:
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()


def fill_email_enquiry(page, message: str) -> None:
    page.get_by_label("Your question").fill(message)
    page.get_by_label("Mother", exact=True).check()
    page.get_by_label("Email address").fill("a.safe.address@example.org")
    page.locator("#field-safe_to_email").get_by_label("Yes").check()


@pytest.mark.parametrize("javascript", [True, False], ids=["with JavaScript", "without JavaScript"])
def test_an_email_enquiry_with_a_mistake_then_sent_once(site, site_without_js, base_url, javascript):
    page = site if javascript else site_without_js
    page.goto(f"{base_url}/contact/")
    page.get_by_role("link", name="Ask an adviser by email").first.click()
    assert page.url == f"{base_url}/contact/email/"
    if javascript:
        assert_accessible(page)

    page.get_by_label("Your question").fill("My ex keeps texting me about the children. Can I stop it?")
    page.get_by_role("button", name="Send my question").click()  # forgot who she is and how to reply
    assert page.get_by_role("heading", name="There is a problem").is_visible()
    assert page.get_by_text("Please tell us who you are.").first.is_visible()
    assert page.get_by_label("Your question").input_value().startswith("My ex keeps texting me")
    if javascript:
        assert_accessible(page)

    fill_email_enquiry(page, "My ex keeps texting me about the children. Can I stop it?")
    if javascript:
        page.get_by_role("button", name="Send my question").dblclick()
    else:
        page.get_by_role("button", name="Send my question").click()
    page.get_by_role("heading", name="We have your question").wait_for()
    reference = REFERENCE.search(page.locator("main").inner_text()).group(0)
    assert "/contact/email/" in page.url and reference not in page.url
    if javascript:
        assert_accessible(page)
    else:
        page.reload()  # the browser sends the same form again
        assert REFERENCE.search(page.locator("main").inner_text()).group(0) == reference


@pytest.mark.parametrize("javascript", [True, False], ids=["with JavaScript", "without JavaScript"])
def test_answers_that_may_help_are_offered_before_sending(site, site_without_js, base_url, javascript):
    page = site if javascript else site_without_js
    page.goto(f"{base_url}/contact/email/")
    page.get_by_label("Your question").fill("how do i get a non molestation order against my ex")
    page.get_by_role("button", name="See answers that may help now").click()
    suggestions = page.locator("[data-suggestions]")
    suggestions.get_by_role("heading", name="These may help now").wait_for()
    assert suggestions.get_by_role("link").count() == 3
    typed = page.get_by_label("Your question").input_value()
    assert typed == "how do i get a non molestation order against my ex"


@pytest.mark.parametrize("javascript", [True, False], ids=["with JavaScript", "without JavaScript"])
def test_a_call_back_request_at_safe_times(site, site_without_js, base_url, javascript):
    page = site if javascript else site_without_js
    page.goto(f"{base_url}/contact/call-back/")
    page.get_by_label("Phone number").fill("07700 900123")
    page.locator("#field-safe_to_call").get_by_label("Yes").check()
    page.get_by_role("button", name="Ask for a call back").click()
    assert page.get_by_text("Please choose at least one day when it is safe to call.").first.is_visible()
    assert page.get_by_label("Phone number").input_value() == "07700 900123"
    page.get_by_label("Tuesday").check()
    page.get_by_label("9.30am to 11am").check()
    page.locator("#field-voicemail_ok").get_by_label("No").check()
    page.locator("#field-text_ok").get_by_label("No").check()
    page.get_by_label("What would you like to talk about?").fill("The pre-proceedings meeting is next week")
    page.get_by_label("Mother", exact=True).check()
    page.get_by_role("button", name="Ask for a call back").click()
    page.get_by_role("heading", name="We have your request for a call back").wait_for()
    assert "We will not send you a confirmation email" in page.locator("main").inner_text()
    if javascript:
        assert_accessible(page)
