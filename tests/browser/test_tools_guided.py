"""The two question-by-question tools, walked in Chromium with and without JavaScript."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser
AXE = Axe()


def press(page, button: str) -> None:
    """Press a form button and wait for the page it posts to (the tools post and render)."""
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()


def choose_and_continue(page, *labels: str) -> None:
    for label in labels:
        page.get_by_label(label, exact=True).check()
    press(page, "Continue")


def assert_accessible(page) -> None:
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("javascript", [True, False], ids=["with JavaScript", "without JavaScript"])
def test_a_mother_finds_which_court_protection_could_help(site, site_without_js, base_url, javascript):
    page = site if javascript else site_without_js
    page.goto(f"{base_url}/tools/")
    page.get_by_role("link", name="Which court protection could help me?").click()
    assert page.url == f"{base_url}/tools/protection/"
    if javascript:
        assert_accessible(page)

    press(page, "Continue")  # nothing chosen: a kind error
    assert page.get_by_text("Choose an answer.").first.is_visible()
    if javascript:
        assert_accessible(page)

    choose_and_continue(page, "We live together as a couple, or we used to")
    choose_and_continue(
        page, "Hurting me or my children", "Refusing to leave our home, or locking me out of it"
    )
    choose_and_continue(page, "Yes, and it is in my name, or in both our names (owned or rented)")
    press(page, "Back")  # change the last answer
    assert page.get_by_label("Yes, and it is in my name, or in both our names (owned or rented)").is_checked()
    choose_and_continue(page, "Yes, but it is only in their name")
    choose_and_continue(page, "Yes. The police gave the person a notice to stay away (a DVPN)")

    assert page.get_by_role("heading", name="Court protection that could help you").is_visible()
    fits = page.locator(".tool-verdict--fits")
    assert "Non-molestation order" in fits.inner_text()
    assert "Police protection notice and order" in fits.inner_text()
    assert "Occupation order" in page.locator(".tool-verdict--may-fit").inner_text()
    assert page.url == f"{base_url}/tools/protection/"  # nothing she chose is in the address
    if javascript:
        assert_accessible(page)
    page.get_by_role("link", name="Read our advice: Occupation orders (who lives in the family home)").click()
    assert page.url.endswith("/advice/court-protection/#occupation-order")


@pytest.mark.parametrize("javascript", [True, False], ids=["with JavaScript", "without JavaScript"])
def test_a_pregnant_mother_sees_where_she_is_in_the_process(site, site_without_js, base_url, javascript):
    page = site if javascript else site_without_js
    page.goto(f"{base_url}/tools/process/")
    choose_and_continue(page, "A baby who is not born yet")
    choose_and_continue(page, "A social worker is assessing us before the birth")

    assert page.get_by_role("heading", name="You are here: A pre-birth assessment").is_visible()
    here = page.locator('[aria-current="step"]')
    assert "A pre-birth assessment" in here.inner_text()
    assert "Keep going to your antenatal appointments" in page.locator("main").inner_text()
    if javascript:
        assert_accessible(page)
    page.get_by_role("link", name="Start again").click()
    assert page.get_by_role(
        "heading", name="Is this about a child, or a baby who is not born yet?"
    ).is_visible()


def test_the_tools_page_is_accessible(site, base_url):
    site.goto(f"{base_url}/tools/")
    assert_accessible(site)
