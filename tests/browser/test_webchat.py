"""The webchat in a real browser: with JavaScript (no reload) and without (post and render)."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser


def test_asking_without_javascript(site_without_js, base_url):
    page = site_without_js
    page.goto(f"{base_url}/chat/")
    page.get_by_label("Your question").fill("how do i get a non mol to keep him away")
    with page.expect_navigation():
        page.get_by_role("button", name="Ask").click()
    assert "?" not in page.url, "the question stays out of the address"
    title = page.locator(".chat-reply__title").first.text_content()
    assert "non-molestation" in title.lower()
    assert page.get_by_role("link", name="Read this answer on its advice page").is_visible()
    assert page.get_by_text("Next steps").is_visible()


def test_asking_with_javascript_adds_the_answer_without_leaving_the_page(site, base_url):
    site.goto(f"{base_url}/chat/")
    navigations = []
    site.on("framenavigated", lambda frame: navigations.append(frame.url))
    site.get_by_label("Your question").fill("what is a dvpo")
    site.get_by_role("button", name="Ask").click()
    reply = site.locator(".chat-reply").first
    reply.wait_for()
    assert "dvpo" in reply.text_content().lower() or "protection order" in reply.text_content().lower()
    site.get_by_label("Your question").fill("how long does it last?")
    site.get_by_role("button", name="Ask").click()
    site.locator(".chat-reply").nth(1).wait_for()
    assert "28 days" in site.locator(".chat-reply").nth(1).text_content()
    assert navigations == [], "the page was not reloaded"


def test_danger_shows_the_emergency_block_first(site, base_url):
    site.goto(f"{base_url}/chat/")
    site.get_by_label("Your question").fill("hes outside with a knife")
    site.get_by_role("button", name="Ask").click()
    emergency = site.locator(".emergency").first
    emergency.wait_for()
    assert "999" in emergency.text_content() and "55" in emergency.text_content()
    assert site.get_by_role("link", name="Leave this site").is_visible()


def test_the_chat_page_and_an_answer_are_accessible(site, base_url):
    site.goto(f"{base_url}/chat/")
    results = Axe().run(site)
    assert results.violations_count == 0, results.generate_report()
    site.get_by_label("Your question").fill("can i change my social worker")
    site.get_by_role("button", name="Ask").click()
    site.locator(".chat-reply").first.wait_for()
    results = Axe().run(site)
    assert results.violations_count == 0, results.generate_report()
