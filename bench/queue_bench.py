"""The advisers' queue page with 10,000 enquiries in the database: p50 and p95, at 1 and 8 connections.

Starts `harbour serve` on a fresh data folder as bench/http_bench.py does, adds 10,000
enquiries (bulk_create, encrypted as the form stores them) and an adviser with an authenticator,
signs her in with a code computed here, and drives the first page of the queue with `wrk`.
Prints a Markdown report for docs/benchmarks.md. It prints figures; it asserts nothing.

    .venv/bin/python bench/queue_bench.py            # about 2 minutes
    .venv/bin/python bench/queue_bench.py --quick    # 3 s runs: a smoke test
"""

from __future__ import annotations

import datetime as dt
import http.client
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from http_bench import (
    HOST,
    REPO,
    WRK_LUA,
    Server,
    bench_arguments,
    free_port,
    machine,
    missing_tools,
    run_wrk,
)

ENQUIRIES = 10_000
CONNECTIONS = [(1, 1), (2, 8)]  # (wrk threads, connections)
TARGET_P95_MS = 100.0
PASSWORD = "bench-adviser-password"  # noqa: S105 - a throwaway account in a temporary folder
TOTP_KEY = "3132333435363738393031323334353637383930"  # hex, as django-otp stores it

SEED = f"""
import datetime as dt, random, uuid
import django
django.setup()
from django.contrib.auth.models import Group, User
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from harbour.enquiries.models import Enquiry

chooser = random.Random(7)
now = timezone.now()
today = now.date()
kinds = ["", "court-hearing", "cp-conference", "pre-proceedings-meeting", "due-date"]
groups = ["", "pregnancy", "proceedings", "early-help", "court-protection", "contact"]
rows = []
for n in range({ENQUIRIES}):
    kind = chooser.choice(kinds)
    rows.append(Enquiry(
        reference=f"HB-{{n:04d}}-BNCH", idempotency_key=uuid.uuid4(),
        kind=chooser.choice(["email", "callback"]),
        status=chooser.choice(["new"] * 6 + ["claimed"] * 2 + ["answered", "closed"]),
        created_at=now - dt.timedelta(minutes=chooser.randint(1, 60 * 24 * 90)),
        topic_group=chooser.choice(groups), who="mother", date_kind=kind,
        coming_date=(today + dt.timedelta(days=chooser.randint(-20, 60))) if kind else None,
        danger=chooser.random() < 0.03,
        message="I need advice about a child protection conference next week. " * 4,
        email="someone@example.org", safe_to_email=True))
Enquiry.objects.bulk_create(rows, batch_size=1000)
adviser = User.objects.create_user("bench-adviser", password="{PASSWORD}")
adviser.groups.add(Group.objects.get(name="Adviser"))
TOTPDevice.objects.create(user=adviser, name="Authenticator", confirmed=True, key="{TOTP_KEY}")
print(Enquiry.objects.count())
"""


def totp_now() -> str:
    sys.path.insert(0, str(REPO))
    from django_otp.oath import totp

    return f"{totp(bytes.fromhex(TOTP_KEY)):06d}"


def seed(server: Server) -> int:
    env = dict(os.environ, HARBOUR_DATA_DIR=str(server.data_dir),
               DJANGO_SETTINGS_MODULE="config.settings.local")
    out = subprocess.run([sys.executable, "-c", SEED], cwd=REPO, env=env, capture_output=True, text=True,
                         check=True, timeout=600)
    return int(out.stdout.strip().splitlines()[-1])


def cookies_of(resp: http.client.HTTPResponse) -> dict[str, str]:
    found = {}
    for header in resp.headers.get_all("Set-Cookie") or []:
        name, value = header.split(";", 1)[0].split("=", 1)
        found[name] = value
    return found


def sign_in(port: int) -> str:
    """The adviser's session cookie, after signing in with a password and a code."""
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    conn.request("GET", "/advisers/sign-in/")
    resp = conn.getresponse()
    page = resp.read().decode()
    csrf = cookies_of(resp)["csrftoken"]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    body = (f"csrfmiddlewaretoken={token}&username=bench-adviser&password={PASSWORD}"
            f"&otp_token={totp_now()}")
    conn.request("POST", "/advisers/sign-in/", body=body, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={csrf}"})
    resp = conn.getresponse()
    resp.read()
    session = cookies_of(resp).get("sessionid")
    if resp.status != 302 or not session:
        raise RuntimeError(f"sign-in failed: {resp.status}")
    conn.close()
    return f"sessionid={session}"


def queue_status(port: int, cookie: str) -> tuple[int, int]:
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    conn.request("GET", "/advisers/", headers={"Cookie": cookie})
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    return resp.status, body.count(b'class="queue__row')


def main(argv: list[str] | None = None) -> int:
    args = bench_arguments(__doc__.split("\n\n")[0]).parse_args(argv)
    seconds = args.duration or (3 if args.quick else 10)
    problem = missing_tools()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    server = Server(free_port(), args.workers)
    started = dt.datetime.now(dt.UTC)
    try:
        print("Setting up a fresh Harbour ...", flush=True)
        server.start(args.start_timeout)
        count = seed(server)
        cookie = sign_in(server.port)
        status, rows = queue_status(server.port, cookie)
        if status != 200 or rows != 50:
            raise RuntimeError(f"the queue answered {status} with {rows} rows")
        lua = Path(tempfile.mkdtemp(prefix="queue-bench-")) / "report.lua"
        lua.write_text(f'wrk.headers["Cookie"] = "{cookie}"\n' + WRK_LUA)
        results = [run_wrk(lua, server.port, "Queue, first page", "/advisers/", threads, connections,
                           seconds, server.proc.pid) for threads, connections in CONNECTIONS]
        statuses, trouble = server.log_problems()
    finally:
        server.stop()
        if not args.keep_data:
            server.remove()
    info = machine()
    print(f"\n## Advisers' queue ({started:%Y-%m-%d})\n")
    print(f"`.venv/bin/python bench/queue_bench.py{' --quick' if args.quick else ''}`: {count:,} enquiries "
          f"in SQLite (the embedded default), `harbour serve` "
          f"({'--workers ' + str(args.workers) if args.workers else 'default workers'}), "
          f"the first page of the queue (50 rows) signed in as an adviser, {seconds} s per run. "
          f"Machine: {info['cpu']}, {info['cores']} cores, load {info['load']}.\n")
    print("| connections | requests/s | p50 ms | p95 ms | p99 ms | non-2xx | target p95 |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for r in results:
        verdict = "met" if r.p95_ms < TARGET_P95_MS else "missed"
        print(f"| {r.connections} | {r.rps:.0f} | {r.p50_ms:.1f} | {r.p95_ms:.1f} | {r.p99_ms:.1f} | "
              f"{r.non_2xx} | under {TARGET_P95_MS:.0f} ms: {verdict} |")
    print(f"\nStatus codes in the server log: {statuses}.")
    if trouble:
        print("Problems seen:\n" + "\n".join(f"- {line}" for line in trouble[:10]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
