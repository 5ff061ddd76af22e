"""Every page type: zero axe-core violations, and no request leaves 127.0.0.1."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser
AXE = Axe()

PAGE_TYPES = {
    "home": "/",
    "advice index": "/advice/",
    "group page": "/advice/court-protection/#non-molestation-order",
    "search": "/search/",
    "search results": "/search/?q=non+mol",
    "search, nothing found": "/search/?q=qqzx+vvwk",
    "contact": "/contact/",
    "cover your tracks": "/cover-your-tracks/",
    "privacy": "/privacy/",
    "accessibility": "/accessibility/",
    "donate": "/donate/",
    "not found": "/advice/no-such-page/",
    "tools": "/tools/",
    "protection finder": "/tools/protection/",
    "process stage": "/tools/process/",
    "deadlines": "/tools/deadlines/",
    "advice line open now": "/tools/advice-line/",
    "directory": "/directory/",
    "email enquiry": "/contact/email/",
    "call-back request": "/contact/call-back/",
    "delete my question": "/contact/delete/",
}


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_no_accessibility_violations(site, base_url, path):
    site.goto(f"{base_url}{path}")
    results = AXE.run(site)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_no_request_leaves_the_site_and_no_cookie_is_set(site, base_url, third_party_requests,
                                                         path):
    requested = []
    site.on("request", lambda request: requested.append(request.url))
    site.goto(f"{base_url}{path}")
    site.wait_for_load_state("networkidle")
    assert requested and all(url.startswith(base_url) for url in requested), requested
    assert site.context.cookies() == []


def test_keyboard_users_can_skip_to_the_content(site, base_url):
    site.goto(f"{base_url}/advice/")
    site.keyboard.press("Tab")
    skip = site.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible()
