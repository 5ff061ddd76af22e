"""The deadline calculator and the advice line page in a real browser, with and without JavaScript."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser
AXE = Axe()


def assert_accessible(page):
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()


def choose_and_continue(page, choice: str):
    page.get_by_label(choice).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()


def work_it_out(page):
    with page.expect_navigation():
        page.get_by_role("button", name="Work out the date").click()


@pytest.mark.parametrize("page_fixture", ["site_without_js", "site"])
def test_a_notice_walked_to_its_dates(request, base_url, page_fixture):
    page = request.getfixturevalue(page_fixture)
    page.goto(f"{base_url}/tools/deadlines/")
    choose_and_continue(page, "The police gave a Domestic Violence Protection Notice (DVPN)")
    page.get_by_label("Date").fill("2026-03-27")
    page.get_by_label("Time").fill("16:15")
    work_it_out(page)
    assert page.url == f"{base_url}/tools/deadlines/", "nothing she told it is in the address"
    answer = page.locator(".tool-answer")
    assert "for a DVPO by 5.15pm on Sunday 29 March" in answer.text_content()
    assert "The clocks change during these 48 hours" in answer.text_content()
    assert "by 4.15pm on Monday 30 March" in answer.text_content()
    assert page.get_by_role("link", name="Read about DVPNs").get_attribute("href") == \
        "/advice/court-protection/#dvpn"
    with page.expect_navigation():
        page.get_by_role("button", name="Back").click()
    assert page.get_by_label("Date").input_value() == "2026-03-27"
    assert page.get_by_label("Time").input_value() == "16:15"
    with page.expect_navigation():
        page.get_by_role("link", name="Start again").click()
    assert page.get_by_role("group", name="What do you want to work out a date for?").is_visible()
    assert page.context.cookies() == []


@pytest.mark.parametrize("page_fixture", ["site_without_js", "site"])
def test_a_referral_and_an_order_walked_to_their_dates(request, base_url, page_fixture):
    page = request.getfixturevalue(page_fixture)
    page.goto(f"{base_url}/tools/deadlines/")
    choose_and_continue(page, "Children's services got a referral about a child")
    page.get_by_label("What date did children's services get the referral?").fill("2026-04-02")
    work_it_out(page)
    assert "by the end of Tuesday 7 April" in page.locator(".tool-answer").text_content()
    with page.expect_navigation():
        page.get_by_role("link", name="Start again").click()
    choose_and_continue(page, "A court made a Domestic Violence Protection Order (DVPO)")
    page.get_by_label("What date did the court make the order?").fill("2026-03-26")
    work_it_out(page)
    assert "about Thursday 9 April at the earliest" in page.locator(".tool-answer").text_content()


def test_a_missing_date_is_asked_for_again_beside_the_field(site_without_js, base_url):
    page = site_without_js
    page.goto(f"{base_url}/tools/deadlines/")
    choose_and_continue(page, "A court made a Domestic Violence Protection Order (DVPO)")
    work_it_out(page)
    error = page.locator(".field-error").text_content().strip()
    assert error.endswith("Enter the date, for example 26 March 2026.")
    day = page.get_by_label("What date did the court make the order?")
    assert day.get_attribute("aria-invalid") == "true"


def test_every_deadline_page_is_accessible(site, base_url):
    site.goto(f"{base_url}/tools/deadlines/")
    assert_accessible(site)
    with site.expect_navigation():
        site.get_by_role("button", name="Continue").click()  # nothing chosen: the error
    assert_accessible(site)
    choose_and_continue(site, "The police gave a Domestic Violence Protection Notice (DVPN)")
    assert_accessible(site)
    work_it_out(site)  # no date or time: the errors
    assert_accessible(site)
    site.get_by_label("Date").fill("2026-10-23")
    site.get_by_label("Time").fill("16:15")
    work_it_out(site)
    site.locator(".tool-answer").wait_for()
    assert_accessible(site)


@pytest.mark.parametrize("page_fixture", ["site_without_js", "site"])
def test_the_advice_line_page_says_whether_it_is_open(request, base_url, page_fixture):
    page = request.getfixturevalue(page_fixture)
    page.goto(f"{base_url}/tools/advice-line/")
    status = page.locator(".line-status").first.text_content()
    assert status.startswith(("Open now, until", "Closed. Opens"))
    assert page.get_by_role("link", name="0808 801 0366").first.get_attribute("href") == "tel:0808 801 0366"
    if page_fixture == "site":
        assert_accessible(page)
