"""Advisers in a real browser: sign in with a password and an authenticator code, see the queue,
open an enquiry, add a note; both pages accessible.

The adviser and the enquiry are put in the served Harbour's database with its own environment.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import REPO

pytestmark = pytest.mark.browser
AXE = Axe()
PASSWORD = "browser-tests-adviser-password"  # noqa: S105
TOTP_KEY = "3132333435363738393031323334353637383930"
MESSAGE = "The conference is on Monday and I am frightened they will take my baby."

SEED = f"""
import datetime as dt, uuid
import django
django.setup()
from django.contrib.auth.models import Group, User
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from harbour.enquiries.models import Enquiry

adviser = User.objects.create_user("adviser", password="{PASSWORD}")
adviser.groups.add(Group.objects.get(name="Adviser"))
TOTPDevice.objects.create(user=adviser, name="Authenticator", confirmed=True, key="{TOTP_KEY}")
Enquiry.objects.create(
    reference="HB-BRWS-0001", idempotency_key=uuid.uuid4(), kind="email",
    created_at=timezone.now() - dt.timedelta(hours=3), who="mother", topic_group="pregnancy",
    date_kind="cp-conference", coming_date=timezone.localdate() + dt.timedelta(days=4),
    message="{MESSAGE}", email="safe@example.org", safe_to_email=True, code_word="bluebell")
"""


@pytest.fixture(scope="module")
def adviser_and_enquiry(served):
    """An adviser with an authenticator, and an enquiry, in the served Harbour's database."""
    subprocess.run([sys.executable, "-c", SEED], cwd=REPO, check=True, capture_output=True, timeout=120,
                   env={**served.env, "DJANGO_SETTINGS_MODULE": "config.settings.local"})


def authenticator_code() -> str:
    from django_otp.oath import totp

    return f"{totp(bytes.fromhex(TOTP_KEY)):06d}"


@pytest.fixture(scope="module")
def signed_in_state(browser, base_url, adviser_and_enquiry, tmp_path_factory):
    """Sign in once (a code cannot be used twice) and keep the session for each test."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="en-GB")
    page = context.new_page()
    page.goto(f"{base_url}/advisers/sign-in/")
    page.get_by_label("Username").fill("adviser")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Code from your authenticator app").fill(authenticator_code())
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base_url}/advisers/", timeout=10_000)
    state = tmp_path_factory.mktemp("state") / "adviser.json"
    context.storage_state(path=str(state))
    context.close()
    return str(state)


@pytest.fixture
def adviser_page(browser, base_url, signed_in_state):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="en-GB",
                                  storage_state=signed_in_state)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def test_the_sign_in_page_asks_for_the_code_and_is_accessible(site, base_url):
    site.goto(f"{base_url}/advisers/sign-in/")
    assert site.get_by_label("Code from your authenticator app").is_visible()
    assert AXE.run(site).violations_count == 0


def test_the_queue_shows_the_enquiry_and_why_but_not_her_message(adviser_page, base_url):
    adviser_page.goto(f"{base_url}/advisers/")
    assert adviser_page.get_by_role("heading", level=1).inner_text() == "Enquiry queue"
    row = adviser_page.locator(".queue__row", has_text="HB-BRWS-0001")
    assert "A child protection conference in 4 days" in row.inner_text()
    assert MESSAGE not in adviser_page.content()
    results = AXE.run(adviser_page)
    assert results.violations_count == 0, results.generate_report()


def test_an_adviser_opens_the_enquiry_and_adds_a_note(adviser_page, base_url):
    adviser_page.goto(f"{base_url}/advisers/")
    adviser_page.get_by_role("link", name="HB-BRWS-0001").click()
    adviser_page.wait_for_url("**/advisers/HB-BRWS-0001/")
    profile = adviser_page.locator("[data-safe-contact]")
    assert "bluebell" in profile.inner_text() and "safe@example.org" in profile.inner_text()
    assert adviser_page.get_by_text(MESSAGE).is_visible()
    results = AXE.run(adviser_page)
    assert results.violations_count == 0, results.generate_report()

    adviser_page.get_by_label("Internal note (never sent to her)").fill("Conference on Monday: call first.")
    adviser_page.get_by_role("button", name="Add note").click()
    adviser_page.get_by_text("Note added.").wait_for()
    assert adviser_page.get_by_text("Conference on Monday: call first.").is_visible()


def test_an_adviser_goes_to_an_enquiry_by_its_reference(adviser_page, base_url):
    adviser_page.goto(f"{base_url}/advisers/?show=closed")
    assert adviser_page.locator('[aria-current="page"]').inner_text() == "Closed"
    adviser_page.get_by_label("Go to an enquiry by its reference").fill("hb-brws-0001")
    adviser_page.get_by_role("button", name="Go", exact=True).click()
    adviser_page.wait_for_url("**/advisers/HB-BRWS-0001/")
    adviser_page.goto(f"{base_url}/advisers/")
    adviser_page.get_by_label("Go to an enquiry by its reference").fill("HB-NONE-0000")
    adviser_page.get_by_role("button", name="Go", exact=True).click()
    adviser_page.get_by_text("No enquiry has that reference").wait_for()
    results = AXE.run(adviser_page)
    assert results.violations_count == 0, results.generate_report()
