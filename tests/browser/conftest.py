"""Browser tests: Debian's Chromium, headless, against Harbour served as `harbour serve` serves it.

The site runs in its own process on a fresh data folder (and on a fresh PostgreSQL database
when DATABASE_URL is set), so these tests see exactly what a new user sees. Every request
that leaves 127.0.0.1 is recorded and refused. The quick exit's neutral page is a stand-in
served on 127.0.0.1 from another port, so it is another origin, as the real one is.
"""

from __future__ import annotations

import http.server
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
NEUTRAL_PAGE = b"<!doctype html><html lang='en'><title>Weather</title><h1>Weather</h1></html>"


class _NeutralPage(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(NEUTRAL_PAGE)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def neutral_url() -> str:
    """A stand-in for the quick exit's neutral page: another origin, on 127.0.0.1."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _NeutralPage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/weather"
    server.shutdown()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fresh_postgres(url: str) -> tuple[str, str]:
    """A new, empty database beside the one DATABASE_URL names; returns (its URL, its name)."""
    import psycopg

    name = f"harbour_browser_{os.getpid()}"
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return urlparse(url)._replace(path=f"/{name}").geturl(), name


@dataclass(frozen=True)
class Served:
    """Harbour as `harbour serve` runs it: its address, and the environment it runs with (so a
    test can look in the same database with `harbour` commands)."""

    url: str
    env: dict


@pytest.fixture(scope="session")
def base_url(served) -> str:
    return served.url


@pytest.fixture(scope="session")
def served(tmp_path_factory, neutral_url) -> Served:
    if not os.path.exists(CHROMIUM):
        pytest.fail("The browser tests need Debian's chromium: apt-get install chromium")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))}
    env.update(HARBOUR_DATA_DIR=str(tmp_path_factory.mktemp("harbour-data")),
               HARBOUR_ADMIN_PASSWORD="browser-tests-admin-password",
               HARBOUR_EXIT_URL=neutral_url,
               # The tests send many enquiries from one address on purpose.
               HARBOUR_ENQUIRY_RATE_LIMIT="10000/h")
    database = None
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        env["DATABASE_URL"], database = _fresh_postgres(os.environ["DATABASE_URL"])
    log = open(tmp_path_factory.mktemp("log") / "serve.log", "w+")  # noqa: SIM115
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("harbour")), "serve", "--port", str(port),
         "--workers", "2"],
        cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_ready(url, server, log)
        yield Served(url=url, env=env)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
        log.close()
        if database:
            import psycopg

            with psycopg.connect(os.environ["DATABASE_URL"], autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def _wait_until_ready(url: str, server: subprocess.Popen, log) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            log.seek(0)
            pytest.fail(f"harbour serve stopped:\n{log.read()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    pytest.fail("harbour serve was not ready within 120 s")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # A cheap phone: the normal case for the people Harbour is for.
    return {**browser_context_args, "viewport": {"width": 360, "height": 740},
            "locale": "en-GB"}


def _refuse_third_parties(context) -> list[str]:
    """Refuse and record every request for anything but 127.0.0.1."""
    refused: list[str] = []

    def handle(route):
        if urlparse(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    context.route("**/*", handle)
    return refused


@pytest.fixture
def third_party_requests(context) -> list[str]:
    """Every request for anything but 127.0.0.1 is refused and recorded; none is allowed."""
    refused = _refuse_third_parties(context)
    yield refused
    assert refused == [], f"requests left 127.0.0.1: {refused}"


@pytest.fixture
def site(page, base_url, third_party_requests):
    """A page in a fresh browser context, watched for third-party requests."""
    page.set_default_timeout(10_000)
    return page


@pytest.fixture
def site_without_js(browser, base_url, browser_context_args):
    context = browser.new_context(**browser_context_args, java_script_enabled=False)
    refused = _refuse_third_parties(context)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()
    assert refused == []
