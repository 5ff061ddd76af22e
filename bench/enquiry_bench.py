"""Enquiry submissions per second: `POST /contact/email/` with no errors and no lost rows.

Starts the server exactly as `make serve` does (`.venv/bin/harbour serve --port PORT`, default
workers, the email worker beside it) on a fresh temporary HARBOUR_DATA_DIR, with
HARBOUR_ENQUIRY_RATE_LIMIT=1000000/h (the per-client limit, 10 an hour, would otherwise answer
429 to wrk), and drives the email enquiry form with `wrk` from a second process: every request
carries its own idempotency key (a UUID), the message is one of a few realistic ones in turn,
and the Lua script counts the responses by status and the references on the 200 pages. After
a warm-up and runs at 1, 8 and 16 connections it checks that no row was lost: the enquiries
stored, counted in the database, must be exactly those whose reference a 200 page showed, each
once. It then waits briefly for the email worker and counts the confirmation emails in the
outbox, profiles one submission in process (cProfile, Django's test client) to say where the
time goes, and prints a Markdown report for docs/benchmarks.md. It prints figures; it asserts
nothing.

    .venv/bin/python bench/enquiry_bench.py            # about 2 minutes after the set-up
    .venv/bin/python bench/enquiry_bench.py --quick    # 3 s runs: a smoke test

Needs `wrk` (Debian/Ubuntu: `apt-get install wrk`). Standard library only.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import secrets
import shlex
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from http_bench import (  # noqa: E402  (the sibling benchmark's helpers)
    REPO,
    WRK_RESULT_LUA,
    LoadResult,
    Server,
    bench_arguments,
    bench_command,
    free_port,
    group_cpu_s,
    machine,
    missing_tools,
    print_problems,
    run_wrk,
)

FORM_PATH = "/contact/email/"
CONNECTIONS = [(1, 1), (2, 8), (2, 16)]  # (wrk threads, connections)
WARM_UP = (2, 8, 10)  # threads, connections, seconds: loads the model in every worker
RATE_LIMIT = "1000000/h"
TARGET_RPS = 100  # submissions/s, no errors, no lost rows; printed, never asserted

# What people write: cycled, so the danger check sees different texts (one of them in danger).
MESSAGES = [
    "Social services have asked me to a child protection conference next week. What happens "
    "there and can I bring someone with me?",
    "I am 30 weeks pregnant and the midwife says children's services want to do an assessment "
    "before the baby is born. What should I expect?",
    "My grandson has been living with me since March. The council says I should apply for a "
    "special guardianship order. Will I get any help with the cost?",
    "We got a letter before proceedings. Do I need a solicitor and is it free?",
    "My ex keeps turning up at the house and shouting, I am scared of what he will do tonight.",
    "The social worker wants me to sign a section 20 agreement for my son. Do I have to agree?",
]

# wrk Lua. Every request's idempotency key is unique: RUN_TAG (8 hex digits, new for each wrk
# run), the thread's number and a counter. response() counts statuses and keeps the reference
# each 200 page shows; done() gathers the threads' counts and writes them to REFS_FILE as JSON.
WRK_ENQUIRY_LUA = r"""
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
-- run_wrk asks for gzip as a browser does; the references are read from plain pages.
wrk.headers["Accept-Encoding"] = "identity"

local threads = {}
local made = 0

setup = function(thread)
  made = made + 1
  thread:set("tid", made)
  table.insert(threads, thread)
end

local counter = 0
statuses = {}
refs = {}
nrefs = 0
no_ref = 0

local function urlencode(s)
  return (string.gsub(s, "[^%w%-%._~ ]", function(c)
    return string.format("%%%02X", string.byte(c)) end):gsub(" ", "+"))
end

local encoded = {}
for i, m in ipairs(messages) do encoded[i] = urlencode(m) end

request = function()
  counter = counter + 1
  local key = string.format("%s-%04x-4%03x-8%03x-%012d", RUN_TAG, tid or 0,
                            math.floor(counter / 4096) % 4096, counter % 4096, counter)
  local body = "message=" .. encoded[(counter + (tid or 0)) % #encoded + 1]
    .. "&who=mother&email=bench%40example.org&safe_to_email=yes"
    .. "&idempotency_key=" .. key .. "&action=send"
  return wrk.format(nil, nil, nil, body)
end

response = function(status, headers, body)
  local s = tostring(status)
  statuses[s] = (statuses[s] or 0) + 1
  if status == 200 then
    local ref = string.match(body, "HB%-%w%w%w%w%-%w%w%w%w")
    if ref then
      nrefs = nrefs + 1
      refs[nrefs] = ref
    else
      no_ref = no_ref + 1
    end
  end
end

done = function(summary, latency, requests)
  harbour_result(summary, latency)
  local all_status = {}
  local all_refs = {}
  local missing_ref = 0
  for _, thread in ipairs(threads) do
    for s, n in pairs(thread:get("statuses") or {}) do
      all_status[s] = (all_status[s] or 0) + n
    end
    local r = thread:get("refs") or {}
    for i = 1, (thread:get("nrefs") or 0) do table.insert(all_refs, r[i]) end
    missing_ref = missing_ref + (thread:get("no_ref") or 0)
  end
  local parts = {}
  for s, n in pairs(all_status) do table.insert(parts, string.format('"%s": %d', s, n)) end
  local out = assert(io.open(REFS_FILE, "w"))
  out:write('{"statuses": {' .. table.concat(parts, ", ") .. '}, "no_ref": ' .. missing_ref
            .. ', "refs": ["' .. table.concat(all_refs, '", "') .. '"]}\n')
  out:close()
  io.write(string.format("HARBOUR_STATUSES %s\n", table.concat(parts, " ")))
end
"""

# Run in a second process with the server's settings and data folder: what was stored.
COUNT_ROWS = """
import json
import django
django.setup()
from django.db.models import Count
from harbour.enquiries.models import Enquiry
rows = Enquiry.objects.values_list("reference", "idempotency_key", "danger", "safe_to_email")
refs = [r[0] for r in rows]
keys = [str(r[1]) for r in rows]
print(json.dumps({
    "count": len(refs), "refs": refs, "keys": keys, "distinct_keys": len(set(keys)),
    "repeated_keys": Enquiry.objects.values("idempotency_key").annotate(n=Count("id"))
        .filter(n__gt=1).count(),
    "danger": sum(1 for r in rows if r[2]), "safe_to_email": sum(1 for r in rows if r[3]),
}))
"""

# Submissions in process, through Django's test client: the CPU time of each part of the view,
# timed by wrapping the functions the view calls (no profiler overhead), then cProfile once to
# say how much of the danger check is the embedding model.
PROFILE = r"""
import cProfile, json, pstats, time, uuid
import django
django.setup()
from django.test import Client
from harbour.enquiries import forms, services, views

messages = MESSAGES_JSON
client = Client(HTTP_HOST="127.0.0.1")
spent = {}

def timed(label, function):
    def wrapper(*args, **kwargs):
        started = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[label] = spent.get(label, 0.0) + time.process_time() - started
    return wrapper

PARTS = [
    ("form validation", forms.EnquiryForm, "is_valid"),
    ("idempotency look-up (SELECT)", views, "enquiry_with_key"),
    ("rate limit (cache)", views, "enquiry_limit_reached"),
    ("storing: danger check (the engine's danger reading)", services, "message_in_danger"),
    ("storing: encrypt, INSERT, commit", views, "enquiry_create"),
    ("queueing the confirmation email (huey, SQLite)", views, "enquiry_received"),
    ("typical first response (cached ten minutes)", views, "typical_first_response_recent"),
    ("rendering the page", views, "render"),
]
for label, owner, name in PARTS:
    setattr(owner, name, timed(label, getattr(owner, name)))

def submit(n):
    response = client.post("/contact/email/", {
        "message": messages[n % len(messages)], "who": "mother", "email": "bench@example.org",
        "safe_to_email": "yes", "idempotency_key": str(uuid.uuid4()), "action": "send"})
    assert response.status_code == 200, response.status_code

for n in range(6):  # load the model, build the index, warm the caches
    submit(n)
spent.clear()
N = NUMBER
started = time.process_time()
for n in range(N):
    submit(n)
total = (time.process_time() - started) * 1000 / N
parts = {label: spent.get(label, 0.0) * 1000 / N for label, _o, _n in PARTS}
# enquiry_create includes the danger check: show the rest of it on its own line.
parts["storing: encrypt, INSERT, commit"] -= parts["storing: danger check (the engine's danger reading)"]
parts["the rest (middleware, request, test client)"] = total - sum(parts.values())

profiler = cProfile.Profile()
profiler.enable()
for n in range(N):
    services.message_in_danger(messages[n % len(messages)])
profiler.disable()
stats = pstats.Stats(profiler).stats
def cumulative(file_part, name):
    found = [t[3] for (f, _line, fn), t in stats.items() if fn == name and f.endswith(file_part)]
    return max(found) if found else 0.0
danger = cumulative("enquiries/services.py", "message_in_danger")
model = cumulative("engine/embedding.py", "embed_queries")
print("HARBOUR_PROFILE " + json.dumps({
    "n": N, "cpu_ms": total, "parts": parts,
    "model_share": model / danger if danger else None}))
"""


# --------------------------------------------------------------------------- runs


@dataclass
class Run:
    run_tag: str  # the first 8 hex digits of every idempotency key this run sent
    load: LoadResult
    statuses: dict[str, int]
    refs: list[str]
    no_ref: int  # 200 pages without a reference (should be none)
    # From the start of the run until the server is idle again (requests in flight when wrk
    # stopped, confirmation emails): CPU of the server's processes, the email worker's share,
    # and the submissions the server answered 200 (access log), read by wrk or not.
    server_cpu_s: float
    worker_cpu_s: float
    stored: int
    settle_s: float

    @property
    def ok(self) -> int:
        return self.statuses.get("200", 0)

    def ms_per_submission(self, cpu_s: float) -> float:
        return cpu_s * 1000 / self.stored if self.stored else float("nan")


def email_worker_cpu_s(pgid: int) -> float:
    """CPU seconds used so far by the email worker (`harbour.cli worker`) in the server's group."""
    return group_cpu_s(pgid, command_has=b"harbour.cli\0worker")


def settle(pgid: int, timeout: float = 60) -> float:
    """Wait until the server is idle (requests still in flight when wrk stopped, the email
    worker's sends), so one run's work is not counted in the next. Returns the seconds waited."""
    started = time.monotonic()
    last = group_cpu_s(pgid)
    while time.monotonic() - started < timeout:
        time.sleep(0.5)
        now = group_cpu_s(pgid)
        if now - last < 0.03:  # under 6 % of a core over half a second
            break
        last = now
    return time.monotonic() - started


def posts_answered(server: Server) -> dict[str, int]:
    """The form's responses by status, from the server's access log (what the server sent,
    read by wrk or not)."""
    found: dict[str, int] = {}
    pattern = re.compile(r'^\[[^\]]+\] "POST ' + re.escape(FORM_PATH) + r'" (\d{3}) ', re.M)
    for status in pattern.findall(server.log_path.read_text(errors="replace")):
        found[status] = found.get(status, 0) + 1
    return found


def lua_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=True)  # a JSON string of ASCII is a Lua string too


def wrk_script(run_tag: str, refs_file: Path) -> str:
    messages = ",\n  ".join(lua_string(m) for m in MESSAGES)
    return (f"RUN_TAG = {lua_string(run_tag)}\nREFS_FILE = {lua_string(str(refs_file))}\n"
            f"messages = {{\n  {messages}\n}}\n" + WRK_RESULT_LUA + WRK_ENQUIRY_LUA)


def drive(server: Server, workdir: Path, n: int, threads: int, connections: int,
          seconds: int, label: str) -> Run:
    run_tag = secrets.token_hex(4)  # a new first part of the UUID for each wrk run
    refs_file = workdir / f"refs-{n}.json"
    lua = workdir / f"enquiry-{n}.lua"
    lua.write_text(wrk_script(run_tag, refs_file), encoding="ascii")
    pgid = server.proc.pid
    before = group_cpu_s(pgid), email_worker_cpu_s(pgid), posts_answered(server).get("200", 0)
    load = run_wrk(lua, server.port, label, FORM_PATH, threads, connections, seconds, pgid)
    settled_s = settle(pgid)
    after = group_cpu_s(pgid), email_worker_cpu_s(pgid), posts_answered(server).get("200", 0)
    found = json.loads(refs_file.read_text())
    return Run(run_tag, load, {k: int(v) for k, v in found["statuses"].items()},
               [r for r in found["refs"] if r], int(found["no_ref"]),
               server_cpu_s=after[0] - before[0], worker_cpu_s=after[1] - before[1],
               stored=after[2] - before[2], settle_s=settled_s)


def django_env(server: Server) -> dict[str, str]:
    env = dict(os.environ, HARBOUR_DATA_DIR=str(server.data_dir),
               DJANGO_SETTINGS_MODULE="config.settings.local")
    for name in ("DATABASE_URL", "REDIS_URL", "EMAIL_HOST", "HARBOUR_DEBUG"):
        env.pop(name, None)
    return env


def stored_rows(server: Server) -> dict:
    out = subprocess.run([sys.executable, "-c", COUNT_ROWS], cwd=REPO, env=django_env(server),
                         capture_output=True, text=True, timeout=300)
    if out.returncode != 0:
        raise RuntimeError(f"counting the enquiries failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def outbox(server: Server) -> tuple[int, int, int]:
    """Files in the outbox, confirmation messages in them, and distinct confirmations."""
    folder = server.data_dir / "outbox"
    files = list(folder.glob("*")) if folder.is_dir() else []
    ids: list[str] = []
    for path in files:
        with contextlib.suppress(OSError):
            ids += re.findall(r"^Message-ID: <harbour-received-(\d+)@", path.read_text(errors="replace"),
                              re.M)
    return len(files), len(ids), len(set(ids))


def wait_for_outbox(server: Server, expected: int, timeout: float) -> tuple[tuple[int, int, int], float]:
    started = time.monotonic()
    last = outbox(server)
    while time.monotonic() - started < timeout and last[2] < expected:
        time.sleep(1)
        last = outbox(server)
    return last, time.monotonic() - started


def profile_one(server: Server, number: int) -> dict | None:
    code = (PROFILE.replace("MESSAGES_JSON", json.dumps(MESSAGES))
            .replace("NUMBER", str(number)))
    env = django_env(server)
    env["HARBOUR_ENQUIRY_RATE_LIMIT"] = RATE_LIMIT
    env.setdefault("OMP_NUM_THREADS", "1")  # as each of the server's workers runs the model
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True,
                         text=True, timeout=600)
    match = re.search(r"^HARBOUR_PROFILE (.*)$", out.stdout, re.M)
    if out.returncode != 0 or not match:
        print(f"The in-process profile failed:\n{out.stderr[-3000:]}", file=sys.stderr)
        return None
    return json.loads(match.group(1))


# --------------------------------------------------------------------------- report


@dataclass
class Rows:
    stored: int = 0  # enquiries in the database
    server_ok: int = 0  # the form's 200s in the server's access log
    ok_total: int = 0  # 200s wrk read, warm-up included
    refs_seen: int = 0  # references on those pages
    distinct_refs_seen: int = 0
    no_ref: int = 0  # 200 pages without a reference
    lost: list[str] = field(default_factory=list)  # a 200 showed it, the database lacks it
    unread: int = 0  # stored, but wrk never read the page (in flight when a run stopped)
    in_flight_max: int = 0  # at most one request in flight per connection when a run stops
    repeated_keys: int = 0
    distinct_keys: int = 0
    stray_keys: int = 0  # stored keys that no run of this benchmark made
    danger: int = 0
    safe_to_email: int = 0

    @property
    def clean(self) -> bool:
        return (not self.lost and not self.repeated_keys and not self.stray_keys
                and not self.no_ref and self.stored == self.server_ok == self.distinct_keys
                and self.refs_seen == self.distinct_refs_seen == self.ok_total
                and self.stored == self.ok_total + self.unread
                and 0 <= self.unread <= self.in_flight_max)


def rows_check(runs: list[Run], found: dict, server_ok: int) -> Rows:
    seen = [ref for run in runs for ref in run.refs]
    stored = set(found["refs"])
    tags = {run.run_tag for run in runs}
    return Rows(stored=found["count"], server_ok=server_ok, ok_total=sum(run.ok for run in runs),
                refs_seen=len(seen), distinct_refs_seen=len(set(seen)),
                no_ref=sum(run.no_ref for run in runs), lost=sorted(set(seen) - stored),
                unread=len(stored - set(seen)),
                in_flight_max=sum(run.load.connections for run in runs),
                repeated_keys=found["repeated_keys"], distinct_keys=found["distinct_keys"],
                stray_keys=sum(1 for key in found["keys"] if key[:8] not in tags),
                danger=found["danger"], safe_to_email=found["safe_to_email"])


def statuses_text(statuses: dict[str, int]) -> str:
    return ", ".join(f"{code} × {n}" for code, n in sorted(statuses.items())) or "none"


def report(info: dict[str, str], command: str, server: Server, started: dt.datetime,
           runs: list[Run], rows: Rows, box: tuple[int, int, int], box_wait_s: float,
           profile: dict | None, seconds: int) -> str:
    out: list[str] = []
    out.append(f"### Run of {started.strftime('%Y-%m-%d %H:%M %Z')}")
    out.append("")
    out.append("| | |")
    out.append("|---|---|")
    out.append(f"| Command | `{command}` |")
    out.append(f"| Server | `{shlex.join(server.command)}` (gunicorn sync workers, default "
               f"count; SQLite; the email worker beside it), HARBOUR_ENQUIRY_RATE_LIMIT="
               f"{RATE_LIMIT}, fresh data folder, access log on |")
    out.append(f"| Machine | {info['cores']} cores (nproc), {info['cpu']}, {info['memory']} "
               f"memory; {info['os']}; Python {info['python']}; {info.get('wrk', 'wrk')} |")
    out.append(f"| Date | {started.strftime('%Y-%m-%d %H:%M:%S %Z')} |")
    out.append(f"| Commit | {info.get('commit', '?')} |")
    out.append(f"| Load average before the run | {info['load']} |")
    out.append(f"| Requests | `POST {FORM_PATH}`, form-encoded: one of {len(MESSAGES)} messages "
               "in turn, who=mother, a safe email, a new idempotency key (UUID) each |")
    out.append("")
    out.append(f"wrk, {seconds} s per run after a {WARM_UP[2]} s warm-up at {WARM_UP[1]} "
               "connections; after each run the benchmark waits until the server is idle. "
               "Errors: socket errors plus responses other than 200. Server CPU/submission: CPU "
               "time of all the server's processes (gunicorn and the email worker) from the "
               "start of the run until it is idle again, divided by the submissions it stored "
               "in that time; the email worker's share (confirmation emails) in brackets. "
               "Other load: CPU that programs other than the server and wrk used during the "
               "run, in cores.")
    out.append("")
    out.append("| Conns | Submissions/s | p50 | p95 | p99 | Max | 200s read | Errors "
               "| Server CPU/submission | Other load | Target |")
    out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for run in runs[1:]:
        r = run.load
        errors = sum(r.errors.values()) + sum(n for code, n in run.statuses.items()
                                              if code != "200")
        detail = ", ".join([f"{k} {v}" for k, v in r.errors.items() if v]
                           + [f"{code} × {n}" for code, n in sorted(run.statuses.items())
                              if code != "200"])
        met = r.rps >= TARGET_RPS and not errors and rows.clean
        out.append(
            f"| {r.connections} | {r.rps:.0f} | {r.p50_ms:.0f} ms | {r.p95_ms:.0f} ms "
            f"| {r.p99_ms:.0f} ms | {r.max_ms:.0f} ms | {run.ok} "
            f"| {errors}{f' ({detail})' if detail else ''} "
            f"| {run.ms_per_submission(run.server_cpu_s):.1f} ms "
            f"({run.ms_per_submission(run.worker_cpu_s):.1f}) | {r.other_cores:.2f} cores "
            f"| {'met' if met else '**missed**'} (≥ {TARGET_RPS}/s) |")
    out.append("")
    verdict = "**no lost rows**" if rows.clean else "**rows do not match**"
    out.append(
        f"Rows: {verdict}. The database holds {rows.stored} enquiries with {rows.distinct_keys} "
        f"distinct idempotency keys ({rows.repeated_keys} stored more than once, {rows.stray_keys} "
        f"not sent by this run); the server's access log shows {rows.server_ok} responses 200 "
        f"to the form. wrk read {rows.ok_total} of them (warm-up included), each showing a "
        f"reference ({rows.refs_seen} references, {rows.distinct_refs_seen} distinct, "
        f"{rows.no_ref} pages without one); {len(rows.lost)} of those references are missing "
        f"from the database. The other {rows.unread} stored enquiries are the requests in "
        f"flight when a wrk run stopped (wrk closes its connections without reading the "
        f"answer; at most one per connection per run, {rows.in_flight_max} here). "
        f"{rows.danger} were marked in danger, {rows.safe_to_email} safe to email.")
    out.append("")
    out.append(f"Confirmation emails in the outbox ({box_wait_s:.0f} s after the load): "
               f"{box[1]} messages in {box[0]} files, {box[2]} distinct enquiries, of "
               f"{rows.safe_to_email} to send.")
    if profile:
        out.append("")
        out.append(f"Where a submission's CPU goes, in process (Django's test client on the same "
                   f"data folder, OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', '1')} as "
                   f"in each server worker, mean of {profile['n']} after a warm-up; each part "
                   "timed by wrapping the function the view calls):")
        out.append("")
        out.append("| Part | CPU ms | Share |")
        out.append("|---|---:|---:|")
        for label, ms in profile["parts"].items():
            out.append(f"| {label} | {ms:.1f} | {ms / profile['cpu_ms']:.0%} |")
        out.append(f"| **one submission** | **{profile['cpu_ms']:.1f}** | 100% |")
        if profile.get("model_share") is not None:
            out.append("")
            out.append(f"cProfile of the danger check alone: {profile['model_share']:.0%} of it "
                       "is embedding the message with the model (`embed_queries`).")
    return "\n".join(out)


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = bench_arguments(__doc__.split("\n\n")[0])
    parser.add_argument("--no-profile", action="store_true",
                        help="skip profiling one submission in process")
    args = parser.parse_args(argv)
    seconds = args.duration or (3 if args.quick else 10)
    problem = missing_tools()
    if problem:
        print(problem, file=sys.stderr)
        return 2

    command = bench_command(argv)
    info = machine()
    with contextlib.suppress(OSError, subprocess.CalledProcessError):
        changed = subprocess.run(
            ["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True, text=True, check=True).stdout.split("\n")
        changed = [line[3:] for line in changed if line.strip()]
        if changed and info.get("commit"):
            info["commit"] += f" plus uncommitted changes to {', '.join(changed)}"
    if os.getloadavg()[0] > 1.0:
        print(f"Warning: the machine is busy (load average {info['load']}); the figures will "
              "be lower than on a quiet machine.", file=sys.stderr)
    started = dt.datetime.now().astimezone()
    os.environ["HARBOUR_ENQUIRY_RATE_LIMIT"] = RATE_LIMIT  # Server.start copies os.environ
    os.environ.pop("EMAIL_HOST", None)  # the embedded default: the outbox in the data folder

    def on_signal(signum, _frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)

    server = Server(free_port(), args.workers)
    workdir = Path(tempfile.mkdtemp(prefix="harbour-enquiry-bench-"))
    runs: list[Run] = []
    profile = None
    try:
        print(f"Setting up a fresh Harbour: `{shlex.join(server.command)}` on "
              f"{server.data_dir} ...", flush=True)
        server.start(args.start_timeout)
        print(f"  ready {server.ready_s:.1f} s, /healthz {server.healthy_s:.1f} s", flush=True)
        threads, connections, warm_s = WARM_UP
        print(f"warm-up: wrk -t{threads} -c{connections} -d{warm_s}s ...", end=" ", flush=True)
        runs.append(drive(server, workdir, 0, threads, connections, warm_s, "warm-up"))
        print(statuses_text(runs[0].statuses), flush=True)
        for n, (threads, connections) in enumerate(CONNECTIONS, start=1):
            print(f"wrk -t{threads} -c{connections} -d{seconds}s POST {FORM_PATH} ...",
                  end=" ", flush=True)
            run = drive(server, workdir, n, threads, connections, seconds, "Enquiry")
            runs.append(run)
            r = run.load
            print(f"{r.rps:.0f}/s, p95 {r.p95_ms:.0f} ms, {statuses_text(run.statuses)}, "
                  f"socket errors {sum(r.errors.values())}, server CPU "
                  f"{r.server_ms_per_request:.1f} ms/request, other load {r.other_cores:.2f} "
                  "cores", flush=True)
        rows = rows_check(runs, stored_rows(server), posts_answered(server).get("200", 0))
        print(f"Rows: {rows.stored} stored, {rows.server_ok} answered 200, {rows.ok_total} "
              f"read by wrk, {len(rows.lost)} shown but not stored: "
              f"{'no lost rows' if rows.clean else 'MISMATCH'}", flush=True)
        box, box_wait = wait_for_outbox(server, rows.safe_to_email, 10 if args.quick else 30)
        statuses, trouble = server.log_problems()
        server.stop()
        if not args.no_profile:
            print("Profiling one submission in process ...", flush=True)
            profile = profile_one(server, 20 if args.quick else 100)
        text = report(info, command, server, started, runs, rows, box, box_wait, profile,
                      seconds)
    except (RuntimeError, OSError, subprocess.TimeoutExpired, ValueError, KeyError) as error:
        print(f"\nThe benchmark could not finish: {error}", file=sys.stderr)
        return 1
    finally:
        server.stop()
        for path in workdir.glob("*"):
            path.unlink(missing_ok=True)
        workdir.rmdir()
        if args.keep_data:
            print(f"Kept {server.data_dir} (server log: server.log)")
        else:
            server.remove()

    print()
    print(text)
    print()
    print(f"Server log: responses by status: {statuses_text(statuses)}")
    problems = []
    for run in runs:
        r = run.load
        bad = {code: n for code, n in run.statuses.items() if code != "200"}
        if bad or any(r.errors.values()) or run.no_ref:
            problems.append(f"{r.label} at {r.connections} connections: {statuses_text(bad)}, "
                            f"socket errors {r.errors}, 200s without a reference {run.no_ref}")
        if r.other_cores > 0.2:
            problems.append(f"{r.label} at {r.connections} connections: other programs used "
                            f"{r.other_cores:.2f} cores meanwhile, so the figure is understated")
    if not rows.clean:
        problems.append(f"rows: {rows.stored} stored, {rows.server_ok} answered 200 (server "
                        f"log), {rows.ok_total} read by wrk, {rows.unread} never read (at most "
                        f"{rows.in_flight_max} in flight), references shown but not stored "
                        f"{rows.lost[:5]}, repeated keys {rows.repeated_keys}, stray keys "
                        f"{rows.stray_keys}, pages without a reference {rows.no_ref}")
    problems += [f"server log: {line}" for line in trouble[:20]]
    print_problems(problems, all_clear="No errors, no responses other than 200, no lost rows.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
