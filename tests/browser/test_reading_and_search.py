"""Reading and searching the advice in a real browser, with JavaScript and without."""

import pytest

pytestmark = pytest.mark.browser


def test_a_topic_link_opens_its_answer(site, base_url):
    site.goto(f"{base_url}/advice/court-protection/#dvpo")
    answer = site.locator("details#dvpo")
    assert answer.get_attribute("open") is not None
    assert "48 hours" in answer.text_content()


def test_answers_open_and_close_without_javascript(site_without_js, base_url):
    site_without_js.goto(f"{base_url}/advice/contact/")
    first = site_without_js.locator("details.question").first
    assert first.get_attribute("open") is None
    first.locator("summary").click()
    assert first.get_attribute("open") is not None


def test_search_with_a_misspelling_reaches_the_answer(site, base_url):
    site.goto(f"{base_url}/")
    site.get_by_label("Search the advice").fill("non molestashun")
    with site.expect_navigation():
        site.get_by_role("button", name="Search").click()
    assert "?" not in site.url, "the search words stay out of the address and the history"
    first = site.locator(".result__title a").first
    assert "molestation" in first.text_content().lower()
    assert site.locator(".result mark").count() > 0
    anchor = first.get_attribute("href").split("#")[1]
    first.click()
    site.wait_for_url(f"**/advice/court-protection/#{anchor}")
    assert site.locator(f"details#{anchor}").get_attribute("open") is not None


@pytest.mark.parametrize(("words", "anchor"), [
    ("non mol", "#non-molestation-order"),
    ("PLO", "/advice/proceedings/#pre-proceedings"),
    ("the SW", "/advice/social-worker/"),
    ("section 47", "#child-protection-enquiries"),
    ("ocupation", "#occupation-order"),
])
def test_lay_words_find_the_advice(site, base_url, words, anchor):
    site.goto(f"{base_url}/search/")
    site.get_by_label("What would you like to know?").fill(words)
    with site.expect_navigation():
        site.get_by_role("button", name="Search", exact=True).click()
    links = site.locator(".result__title a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(min(3, links.count()))]
    assert any(anchor in href for href in hrefs), hrefs


def test_filters_and_exact_matches_without_javascript(site_without_js, base_url):
    page = site_without_js
    page.goto(f"{base_url}/search/")
    page.get_by_label("What would you like to know?").fill("court")
    page.locator("summary", has_text="Filters").click()
    page.get_by_label("Topic").select_option("contact")
    page.get_by_label("Exact matches only").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Search", exact=True).click()
    hrefs = page.locator(".result__title a").evaluate_all("els => els.map(e => e.href)")
    assert hrefs and all("/advice/contact/" in href for href in hrefs)
    assert page.get_by_label("Exact matches only").is_checked()


def test_garbage_and_huge_searches_get_a_helpful_page(site, base_url):
    site.goto(f"{base_url}/search/?q={'x' * 5000}")
    assert "very long" in site.content()
    site.goto(f"{base_url}/search/")
    site.get_by_label("What would you like to know?").fill("qqzx vvwk")
    with site.expect_navigation():
        site.get_by_role("button", name="Search", exact=True).click()
    assert site.get_by_role("heading", name="We did not find an answer to that").is_visible()
