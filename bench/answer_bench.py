"""Webchat API benchmark for Harbour: set-up, warm restart, answers per second and memory.

Starts the server exactly as `make serve` does (`.venv/bin/harbour serve --port PORT`) with
HARBOUR_DATA_DIR set to a new temporary folder, stops it, starts it again on the same folder
(the "warm cache" start: database, static files and shipped vectors already there), then
drives `POST /api/answer` with `wrk` from a second process, cycling through real questions
(the question model's extra-questions.jsonl and, when present, /work/shared/eval/dev.jsonl). After the
load it reads the resident memory of the gunicorn master and each worker, and prints a
Markdown report to paste into docs/benchmarks.md. It prints figures; it asserts nothing.

    .venv/bin/python bench/answer_bench.py            # about 1 minute after the set-up
    .venv/bin/python bench/answer_bench.py --quick    # 3 s runs: a smoke test

Needs `wrk` (Debian/Ubuntu: `apt-get install wrk`). Standard library only.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import http.client
import json
import math
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from http_bench import (  # noqa: E402  (the sibling benchmark's helpers)
    HOST,
    REPO,
    WRK_LUA,
    LoadResult,
    Server,
    bench_arguments,
    bench_command,
    free_port,
    machine,
    missing_tools,
    print_problems,
    run_wrk,
)

QUESTION_FILES = [
    REPO / "harbour" / "answering" / "engine" / "question-training" / "extra-questions.jsonl",
    Path("/work/shared/eval/dev.jsonl"),  # skipped when missing
]
API_PATH = "/api/answer"
CONNECTIONS = [(1, 1), (2, 16)]  # (wrk threads, connections)
RATE_LIMIT = "100000/m"  # the per-client limit would otherwise answer 429 to wrk

# Shown in the report when set: they change how the embedding model uses the cores.
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OMP_WAIT_POLICY", "GOMP_SPINCOUNT", "OPENBLAS_NUM_THREADS",
                    "MKL_NUM_THREADS")

# Targets, printed beside the figures; never asserted.
TARGET_RPS_16 = 150  # answers/s at 16 connections
TARGET_READY_S = 10.0  # process start to /healthz 200 and a first answer, warm cache
TARGET_RSS_MB = 400  # resident memory per server process, model loaded

# Each wrk thread cycles through the bodies from its own starting point.
WRK_POST_LUA = r"""
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"

local counter = 0
local made = 0

setup = function(thread)
  made = made + 1
  thread:set("start_at", made * 37)
end

init = function(args)
  counter = start_at or 0
end

request = function()
  counter = counter + 1
  return wrk.format(nil, nil, nil, bodies[(counter % #bodies) + 1])
end
"""


# --------------------------------------------------------------------------- questions


def read_questions() -> tuple[list[str], list[str]]:
    """The "text" of every line of the question files, and the files actually read."""
    texts: list[str] = []
    used: list[str] = []
    for path in QUESTION_FILES:
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    text = json.loads(line).get("text")
                    if text:
                        texts.append(text)
        used.append(str(path.relative_to(REPO)) if path.is_relative_to(REPO) else str(path))
    return texts, used


def lua_string(text: str) -> str:
    """A Lua string literal for any text (bytes outside plain ASCII as decimal escapes)."""
    out = []
    for byte in text.encode("utf-8"):
        char = chr(byte)
        if char in '\\"':
            out.append("\\" + char)
        elif 32 <= byte < 127:
            out.append(char)
        else:
            out.append(f"\\{byte:03d}")
    return '"' + "".join(out) + '"'


def wrk_script(texts: list[str]) -> str:
    bodies = ",\n  ".join(lua_string(json.dumps({"text": t})) for t in texts)
    return f"bodies = {{\n  {bodies}\n}}\n" + WRK_POST_LUA + WRK_LUA


# --------------------------------------------------------------------------- the server


class AnswerServer(Server):
    """http_bench's Server, optionally on an existing data folder, with its own log file."""

    def __init__(self, port: int, workers: int | None, data_dir: Path | None = None,
                 log_name: str = "server.log") -> None:
        super().__init__(port, workers)
        if data_dir is not None:
            shutil.rmtree(self.data_dir, ignore_errors=True)
            self.data_dir = data_dir
        self.log_path = self.data_dir / log_name
        self.process_start = float("nan")  # time.monotonic() just before the process started

    def start(self, timeout: float) -> None:
        self.process_start = time.monotonic()
        super().start(timeout)


def post_answer(port: int, text: str, timeout: float = 60) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request("POST", API_PATH, body=json.dumps({"text": text}).encode(),
                     headers={"Content-Type": "application/json",
                              "Accept": "application/json"})
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


@dataclass
class Start:
    label: str
    ready_s: float  # process start to "Harbour is ready at" in the log
    healthy_s: float  # process start to the first 200 from /healthz
    first_answer_ms: float  # the first POST /api/answer, sent right after /healthz
    first_answer_status: int
    answered_s: float  # process start to that first answer


def start_and_answer(server: AnswerServer, label: str, timeout: float, text: str) -> Start:
    print(f"{label}: starting `{shlex.join(server.command)}` on {server.data_dir} ...",
          flush=True)
    server.start(timeout)
    t0 = time.monotonic()
    status, _ = post_answer(server.port, text)
    answered = time.monotonic()
    start = Start(label, server.ready_s, server.healthy_s, (answered - t0) * 1000, status,
                  answered - server.process_start)
    print(f"  ready {start.ready_s:.1f} s, /healthz {start.healthy_s:.1f} s, first answer "
          f"{start.first_answer_status} in {start.first_answer_ms:.0f} ms "
          f"({start.answered_s:.1f} s after start)", flush=True)
    return start


# --------------------------------------------------------------------------- memory


@dataclass
class Memory:
    role: str
    pid: int
    rss_mb: float
    peak_mb: float  # VmHWM: the most it has been resident
    pss_mb: float  # proportional share: pages shared with the master counted once in total


def _kb_field(text: str, name: str) -> float:
    for line in text.splitlines():
        if line.startswith(name + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def server_memory(pgid: int) -> list[Memory]:
    """VmRSS of every live process in the server's process group: the master and workers."""
    found: list[Memory] = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) != pgid:
                continue
            status = (entry / "status").read_text()
            pss = float("nan")
            with contextlib.suppress(OSError):
                pss = _kb_field((entry / "smaps_rollup").read_text(), "Pss")
            pid = int(entry.name)
            role = "master" if pid == pgid else "worker"
            found.append(Memory(role, pid, _kb_field(status, "VmRSS"),
                                _kb_field(status, "VmHWM"), pss))
    found.sort(key=lambda m: (m.role != "master", m.pid))
    return found


# --------------------------------------------------------------------------- report


def fmt_s(seconds: float) -> str:
    return "-" if math.isnan(seconds) else f"{seconds:.1f} s"


def report(info: dict[str, str], command: str, server: AnswerServer, started: dt.datetime,
           starts: list[Start], loads: list[LoadResult], memory: list[Memory],
           question_count: int, question_files: list[str], seconds: int) -> str:
    out: list[str] = []
    out.append(f"### Run of {started.strftime('%Y-%m-%d %H:%M %Z')}")
    out.append("")
    out.append("| | |")
    out.append("|---|---|")
    out.append(f"| Command | `{command}` |")
    out.append(f"| Server | `{shlex.join(server.command)}` (gunicorn sync workers, SQLite, "
               f"HARBOUR_RATE_LIMIT={RATE_LIMIT}), access log on |")
    out.append(f"| Machine | {info['cores']} cores (nproc), {info['cpu']}, {info['memory']} "
               f"memory; {info['os']}; Python {info['python']}; {info.get('wrk', 'wrk')} |")
    out.append(f"| Date | {started.strftime('%Y-%m-%d %H:%M:%S %Z')} |")
    out.append(f"| Commit | {info.get('commit', '?')} |")
    out.append(f"| Load average before the run | {info['load']} |")
    tuning = [f"{name}={os.environ[name]}" for name in THREAD_VARIABLES if name in os.environ]
    out.append(f"| Thread settings passed to the server | {', '.join(tuning) or 'none (defaults)'} |")
    out.append(f"| Questions | {question_count}, from {', '.join(question_files)}, "
               "rotated per request |")
    out.append("")
    out.append("Start-up (seconds from process start):")
    out.append("")
    out.append("| Start | \"Harbour is ready\" | /healthz 200 | First answer | "
               "Answered after | Target |")
    out.append("|---|---:|---:|---:|---:|---|")
    for s in starts:
        note = ""
        if s.label.startswith("Warm"):
            met = s.answered_s <= TARGET_READY_S and s.first_answer_status == 200
            note = f"{'met' if met else '**missed**'} (≤ {TARGET_READY_S:.0f} s)"
        out.append(f"| {s.label} | {fmt_s(s.ready_s)} | {fmt_s(s.healthy_s)} "
                   f"| {s.first_answer_status} in {s.first_answer_ms:.0f} ms "
                   f"| {fmt_s(s.answered_s)} | {note} |")
    out.append("")
    out.append(f"Load: `POST {API_PATH}` (wrk, {seconds} s each, after a warm-up). Server "
               "CPU/answer: CPU time of all the server's processes during the run divided "
               "by answers. Other load: CPU that programs other than the server and wrk "
               "used meanwhile, in cores.")
    out.append("")
    out.append("| Conns | Answers/s | p50 | p95 | p99 | Max | Non-2xx | Socket errors "
               "| Server CPU/answer | Other load | Target |")
    out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in loads:
        note = ""
        if r.connections == 16:
            met = r.rps >= TARGET_RPS_16
            note = f"{'met' if met else '**missed**'} (≥ {TARGET_RPS_16} answers/s)"
        out.append(
            f"| {r.connections} | {r.rps:.0f} | {r.p50_ms:.1f} ms | {r.p95_ms:.1f} ms "
            f"| {r.p99_ms:.1f} ms | {r.max_ms:.0f} ms | {r.non_2xx} "
            f"| {sum(r.errors.values())} | {r.server_ms_per_request:.1f} ms "
            f"| {r.other_cores:.2f} cores | {note} |")
    out.append("")
    out.append("Resident memory after the load (MB = MiB; /proc/PID/status VmRSS and VmHWM, "
               "PSS from smaps_rollup: pages a worker shares with the master are split "
               "between them):")
    out.append("")
    out.append("| Process | PID | RSS | Peak RSS | PSS | Target |")
    out.append("|---|---:|---:|---:|---:|---|")
    for m in memory:
        met = m.rss_mb <= TARGET_RSS_MB
        out.append(f"| {m.role} | {m.pid} | {m.rss_mb:.0f} MB | {m.peak_mb:.0f} MB "
                   f"| {m.pss_mb:.0f} MB | {'met' if met else '**missed**'} "
                   f"(≤ {TARGET_RSS_MB} MB) |")
    if memory:
        out.append(f"| all {len(memory)} | | {sum(m.rss_mb for m in memory):.0f} MB | "
                   f"| {sum(m.pss_mb for m in memory):.0f} MB | |")
    return "\n".join(out)


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    args = bench_arguments(__doc__.split("\n\n")[0]).parse_args(argv)
    seconds = args.duration or (3 if args.quick else 10)
    problem = missing_tools()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    texts, used = read_questions()
    if not texts:
        print("No questions found in " + ", ".join(map(str, QUESTION_FILES)), file=sys.stderr)
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
    if os.getloadavg()[0] > 0.5:
        print(f"Warning: the machine is busy (load average {info['load']}); the figures will "
              "be lower than on a quiet machine.", file=sys.stderr)
    started = dt.datetime.now().astimezone()
    os.environ["HARBOUR_RATE_LIMIT"] = RATE_LIMIT  # Server.start copies os.environ

    def on_signal(signum, _frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)

    fresh = AnswerServer(free_port(), args.workers, log_name="server-fresh.log")
    fresh_stopped = False
    server: AnswerServer | None = None
    starts: list[Start] = []
    loads: list[LoadResult] = []
    memory: list[Memory] = []
    lua = Path(tempfile.mkstemp(prefix="harbour-answer-bench-", suffix=".lua")[1])
    lua.write_text(wrk_script(texts), encoding="ascii")
    try:
        starts.append(start_and_answer(fresh, "Fresh set-up", args.start_timeout, texts[0]))
        fresh.stop()
        fresh_stopped = True

        server = AnswerServer(free_port(), args.workers, data_dir=fresh.data_dir,
                              log_name="server-warm.log")
        starts.append(start_and_answer(server, "Warm cache (same data folder)", 120,
                                       texts[1 % len(texts)]))

        # Warm every worker (model, vectors, indexes) before measuring.
        run_wrk(lua, server.port, "warm-up", API_PATH, 2, 8, 5, server.proc.pid)
        for threads, connections in CONNECTIONS:
            print(f"wrk -t{threads} -c{connections} -d{seconds}s POST {API_PATH} ...",
                  end=" ", flush=True)
            result = run_wrk(lua, server.port, "Answer", API_PATH, threads, connections,
                             seconds, server.proc.pid)
            loads.append(result)
            print(f"{result.rps:.0f} answers/s, p95 {result.p95_ms:.1f} ms, non-2xx "
                  f"{result.non_2xx}, server CPU {result.server_ms_per_request:.1f} ms/answer",
                  flush=True)
        memory = server_memory(server.proc.pid)

        text = report(info, command, server, started, starts, loads, memory, len(texts), used,
                      seconds)
        statuses, trouble = server.log_problems()
    except (RuntimeError, OSError, http.client.HTTPException, subprocess.TimeoutExpired) as error:
        print(f"\nThe benchmark could not finish: {error}", file=sys.stderr)
        return 1
    finally:
        if not fresh_stopped:
            fresh.stop()
        if server is not None:
            server.stop()
        lua.unlink(missing_ok=True)
        if args.keep_data:
            print(f"Kept {fresh.data_dir} (server logs: server-fresh.log, server-warm.log)")
        else:
            fresh.remove()

    print()
    print(text)
    print()
    print("Server log (warm start): responses by status: "
          + (", ".join(f"{code} × {n}" for code, n in sorted(statuses.items())) or "none"))
    problems = [f"{r.connections} connections: non-2xx {r.non_2xx}, socket errors {r.errors}"
                for r in loads if r.non_2xx or any(r.errors.values())]
    problems += [f"{s.label}: first answer was {s.first_answer_status}"
                 for s in starts if s.first_answer_status != 200]
    problems += [f"{r.connections} connections: other programs used {r.other_cores:.2f} "
                 "cores meanwhile, so the figure is understated"
                 for r in loads if r.other_cores > 0.2]
    problems += [f"server log: {line}" for line in trouble[:20]]
    print_problems(problems, all_clear="No errors and no non-2xx responses.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
