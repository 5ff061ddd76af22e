"""The quick exit in a real browser: the button, Shift three times, and the link without JavaScript."""

import pytest

pytestmark = pytest.mark.browser


def test_button_leaves_and_back_does_not_return(site, base_url, neutral_url):
    site.goto(f"{base_url}/advice/court-protection/")
    site.evaluate("localStorage.setItem('left-behind', 'yes')")
    site.get_by_role("link", name="Leave this site").click()
    site.wait_for_url(f"{neutral_url}*")
    assert site.title() == "Weather"
    site.go_back()
    assert not site.url.startswith(base_url), "Back must not show Harbour's page"
    site.goto(f"{base_url}/contact/")
    assert site.evaluate("localStorage.getItem('left-behind')") is None, "storage was cleared"


def test_pressing_shift_three_times_leaves(site, base_url, neutral_url):
    site.goto(f"{base_url}/advice/")
    status = site.locator("[data-quick-exit-status]")
    site.keyboard.press("Shift")
    assert "2 more times" in status.text_content()
    site.keyboard.press("Shift")
    assert "1 more time" in status.text_content()
    site.keyboard.press("Shift")
    site.wait_for_url(f"{neutral_url}*")
    site.go_back()
    assert not site.url.startswith(base_url)


def test_typing_between_shifts_does_not_leave(site, base_url, neutral_url):
    site.goto(f"{base_url}/search/")
    site.keyboard.press("Shift")
    site.keyboard.press("Shift")
    site.keyboard.press("a")
    site.keyboard.press("Shift")
    site.wait_for_timeout(300)
    assert site.url.startswith(base_url)


def test_without_javascript_the_button_is_a_plain_link(site_without_js, base_url, neutral_url):
    site_without_js.goto(f"{base_url}/cover-your-tracks/")
    site_without_js.get_by_role("link", name="Leave this site").click()
    site_without_js.wait_for_url(f"{neutral_url}*")
    assert site_without_js.title() == "Weather"


def test_exit_answer_clears_site_data(site, base_url, neutral_url):
    response = site.request.get(f"{base_url}/exit", max_redirects=0)
    assert response.status == 302
    assert response.headers["location"] == neutral_url
    assert response.headers["clear-site-data"] == '"cache", "cookies", "storage"'


def test_first_visit_notice_explains_the_exit_and_leaves_no_cookie(site, base_url, neutral_url):
    site.goto(f"{base_url}/")
    notice = site.locator("[data-exit-notice]")
    assert notice.is_visible()
    assert "Shift key three times" in notice.text_content()
    assert notice.get_by_role("link", name="How to cover your tracks").is_visible()
    notice.get_by_role("button", name="Got it").click()
    assert not notice.is_visible()
    site.goto(f"{base_url}/advice/")
    assert not site.locator("[data-exit-notice]").is_visible()
    assert site.context.cookies() == []


def test_exit_button_stays_in_reach_while_scrolling(site, base_url, neutral_url):
    site.goto(f"{base_url}/advice/court-protection/")
    site.mouse.wheel(0, 3000)
    site.wait_for_timeout(200)
    button = site.get_by_role("link", name="Leave this site")
    box = button.bounding_box()
    assert box is not None and 0 <= box["y"] < 80
