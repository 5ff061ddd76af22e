"""The directory of help in a real browser: with and without JavaScript, accessible, private."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser
AXE = Axe()


def test_the_directory_has_no_accessibility_violations(site, base_url):
    site.goto(f"{base_url}/directory/")
    results = AXE.run(site)
    assert results.violations_count == 0, results.generate_report()


def test_the_directory_is_reached_from_the_footer_and_loads_nothing_from_elsewhere(
        site, base_url, third_party_requests):
    requested = []
    site.on("request", lambda request: requested.append(request.url))
    site.goto(f"{base_url}/privacy/")
    site.get_by_role("contentinfo").get_by_role("link", name="Directory of help").click()
    site.wait_for_load_state("networkidle")
    assert site.url == f"{base_url}/directory/"
    assert site.get_by_role("heading", level=1).inner_text() == "Directory of help"
    assert all(url.startswith(base_url) for url in requested), requested
    assert site.context.cookies() == []


def test_the_directory_works_without_javascript(site_without_js, base_url):
    site_without_js.goto(f"{base_url}/directory/")
    main = site_without_js.locator("main")
    assert "In danger now? Call 999." in main.inner_text()
    helpline = main.locator("section", has=site_without_js.get_by_role(
        "heading", name="National Domestic Abuse Helpline"))
    assert helpline.get_by_role("link", name="0808 2000 247").get_attribute("href") == "tel:08082000247"
    assert "Open 24 hours" in helpline.inner_text()
    rights_of_women = main.locator("section", has=site_without_js.get_by_role(
        "heading", name="Rights of Women"))
    assert "We have not checked a number for them yet." in rights_of_women.inner_text()
    ours = main.locator("section", has=site_without_js.get_by_role("heading", name="Our advice line"))
    assert ours.locator(".organisation__status").inner_text().startswith(("Open now", "Closed"))

