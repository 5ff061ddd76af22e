"""HTTP benchmark for Harbour: throughput, latency and bytes per page, on a fresh set-up.

Starts the server exactly as `make serve` does (`.venv/bin/harbour serve --port PORT`) with
HARBOUR_DATA_DIR set to a new temporary folder, drives it with `wrk` from a second process,
measures what each page type costs to download (gzip, as a browser asks), and prints a
Markdown report to paste into docs/benchmarks.md. It prints figures; it asserts nothing.

    .venv/bin/python bench/http_bench.py            # about 2 minutes
    .venv/bin/python bench/http_bench.py --quick    # 3 s runs: a smoke test

Needs `wrk` (Debian/Ubuntu: `apt-get install wrk`). Standard library only.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gzip
import http.client
import math
import os
import platform
import re
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

REPO = Path(__file__).resolve().parent.parent
HARBOUR = REPO / ".venv" / "bin" / "harbour"
HOST = "127.0.0.1"

# What wrk drives: (label, path). Search accepts GET as well as POST.
LOAD_TARGETS = [
    ("Home", "/"),
    ("Group page", "/advice/court-protection/"),
    ("Search", "/search/?q=non+molestation+order"),
]
CONNECTIONS = [(1, 1), (2, 32)]  # (wrk threads, connections)

# What the weight table fetches: (label, path).
WEIGHT_TARGETS = [
    ("Home", "/"),
    ("Group page", "/advice/court-protection/"),
    ("Search results", "/search/?q=non+molestation+order"),
    ("Cover your tracks", "/cover-your-tracks/"),
    ("Contact", "/contact/"),
]
PAGE_BUDGET = 60_000  # bytes on the wire per page type, HTML and its CSS, JS and icon

# Targets, printed beside the figures; never asserted.
TARGETS = {
    ("Group page", 32): (500, 50.0),  # requests/s at least, p95 ms under
    ("Search", 32): (200, None),
}

# The line every benchmark reads back (run_wrk): wrk's figures for the whole run.
WRK_RESULT_LUA = r"""
function harbour_result(summary, latency)
  local e = summary.errors
  io.write(string.format(
    "HARBOUR_RESULT requests=%d duration_us=%d bytes=%d p50=%.0f p90=%.0f p95=%.0f "
    .. "p99=%.0f max=%.0f mean=%.0f connect=%d read=%d write=%d status=%d timeout=%d\n",
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(95),
    latency:percentile(99), latency.max, latency.mean,
    e.connect, e.read, e.write, e.status, e.timeout))
end
"""
WRK_LUA = WRK_RESULT_LUA + r"""
done = function(summary, latency, requests)
  harbour_result(summary, latency)
end
"""


# --------------------------------------------------------------------------- the machine


def machine() -> dict[str, str]:
    info = {"cores": str(os.cpu_count() or "?")}
    with contextlib.suppress(OSError, subprocess.CalledProcessError):
        info["cores"] = subprocess.run(["nproc"], capture_output=True, text=True,
                                       check=True).stdout.strip()
    info["cpu"] = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        fields: dict[str, str] = {}
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            name, _, value = line.partition(":")
            fields.setdefault(name.strip().lower(), value.strip())
        if "model name" in fields:
            # A cloud VM may say only "AMD EPYC": the family and model tell its generations apart
            # (25 is Zen 3 and 4, 26 is Zen 5), and they differ by up to 1.7x here.
            info["cpu"] = fields["model name"]
            if "cpu family" in fields:
                info["cpu"] += f" (family {fields['cpu family']}, model {fields.get('model', '?')})"
    info["memory"] = "?"
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                info["memory"] = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    info["os"] = platform.platform()
    info["python"] = platform.python_version()
    info["load"] = "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    with contextlib.suppress(OSError, subprocess.CalledProcessError):
        info["wrk"] = subprocess.run(["wrk", "--version"], capture_output=True,
                                     text=True).stdout.split("\n")[0].split(" Copyright")[0]
    with contextlib.suppress(OSError, subprocess.CalledProcessError):
        info["commit"] = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
            capture_output=True, text=True, check=True).stdout.strip()
    return info


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


# --------------------------------------------------------------------------- the server


class Server:
    """`harbour serve` in its own process group on a fresh data folder; always stopped."""

    def __init__(self, port: int, workers: int | None) -> None:
        self.port = port
        self.data_dir = Path(tempfile.mkdtemp(prefix="harbour-bench-"))
        self.log_path = self.data_dir / "server.log"
        self.command = [str(HARBOUR.relative_to(REPO)), "serve", "--port", str(port)]
        if workers:
            self.command += ["--workers", str(workers)]
        self.proc: subprocess.Popen | None = None
        self._log = None
        self.ready_s = self.healthy_s = float("nan")

    @property
    def base(self) -> str:
        return f"http://{HOST}:{self.port}"

    def start(self, timeout: float) -> None:
        env = dict(os.environ)
        env["HARBOUR_DATA_DIR"] = str(self.data_dir)
        env["HARBOUR_ADMIN_PASSWORD"] = secrets.token_urlsafe(48)
        for name in ("DATABASE_URL", "REDIS_URL", "HARBOUR_DEBUG", "HARBOUR_DEBUG_TOOLS",
                     "HARBOUR_WORKERS", "HARBOUR_PORT", "HARBOUR_HOST"):
            env.pop(name, None)  # measure the embedded default, as `make serve` runs it
        self._log = open(self.log_path, "wb")  # closed in stop()
        started = time.monotonic()
        self.proc = subprocess.Popen(self.command, cwd=REPO, env=env, stdout=self._log,
                                     stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                     start_new_session=True)
        next_note = 30.0
        while time.monotonic() - started < timeout:
            if time.monotonic() - started > next_note:
                print(f"  still setting up after {next_note:.0f} s ...", flush=True)
                next_note += 30
            if self.proc.poll() is not None:
                raise RuntimeError(
                    f"the server exited ({self.proc.returncode}):\n{self.log_tail()}")
            if math.isnan(self.ready_s) and b"Harbour is ready at" in self.log_path.read_bytes():
                self.ready_s = time.monotonic() - started
            with contextlib.suppress(OSError, http.client.HTTPException):
                status, _, body = fetch(self.port, "/healthz", timeout=2)
                if status == 200 and b'"ok"' in body:
                    self.healthy_s = time.monotonic() - started
                    return
            time.sleep(0.2)
        raise RuntimeError(f"/healthz did not answer in {timeout:.0f} s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 30) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:])

    def log_problems(self) -> tuple[dict[str, int], list[str]]:
        """Status codes from the access log, and any line that looks like trouble."""
        statuses: dict[str, int] = {}
        trouble: list[str] = []
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return statuses, ["(no log)"]
        access = re.compile(r'^\[[^\]]+\] "(\S+) (\S+)" (\d{3}) ')
        for line in text.splitlines():
            match = access.match(line)
            if match:
                statuses[match.group(3)] = statuses.get(match.group(3), 0) + 1
            elif re.search(r"error|critical|traceback|timeout|exception", line, re.I):
                trouble.append(line.strip())
        return statuses, trouble

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=5)
        if self.proc is not None:
            # Workers left behind by a master that died first share its process group.
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.proc.pid, signal.SIGKILL)
        if self._log is not None:
            self._log.close()

    def remove(self) -> None:
        shutil.rmtree(self.data_dir, ignore_errors=True)


# --------------------------------------------------------------------------- fetching


def fetch(port: int, path: str, timeout: float = 30,
          gzip_ok: bool = False) -> tuple[int, http.client.HTTPResponse, bytes]:
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        headers = {"Accept-Encoding": "gzip"} if gzip_ok else {"Accept-Encoding": "identity"}
        conn.request("GET", path, headers=headers)
        resp = conn.getresponse()
        body = resp.read()
        return resp.status, resp, body
    finally:
        conn.close()


def header_bytes(resp: http.client.HTTPResponse) -> int:
    """The status line and headers as they came over the wire (HTTP/1.1)."""
    status_line = f"HTTP/1.1 {resp.status} {resp.reason}\r\n"
    lines = "".join(f"{name}: {value}\r\n" for name, value in resp.msg.items())
    return len(status_line.encode("latin-1")) + len(lines.encode("latin-1")) + 2


class AssetLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []  # (kind, href)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {name: value or "" for name, value in attrs}
        if tag == "link" and attr.get("href"):
            rel = attr.get("rel", "").lower().split()
            if "stylesheet" in rel:
                self.found.append(("CSS", attr["href"]))
            elif any("icon" in token for token in rel):
                self.found.append(("Icon", attr["href"]))
        elif tag == "script" and attr.get("src"):
            self.found.append(("JS", attr["src"]))


@dataclass
class Weight:
    label: str
    path: str
    status: int = 0
    html_wire: int = 0  # headers + body as sent (gzip)
    html_raw: int = 0  # decompressed HTML
    html_encoding: str = ""
    parts: dict[str, int] = field(default_factory=lambda: {"CSS": 0, "JS": 0, "Icon": 0})
    assets: list[tuple[str, str, int, int, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.html_wire + sum(self.parts.values())


def weigh(port: int, label: str, path: str) -> Weight:
    result = Weight(label, path)
    status, resp, body = fetch(port, path, gzip_ok=True)
    result.status = status
    result.html_wire = header_bytes(resp) + len(body)
    result.html_encoding = resp.getheader("Content-Encoding", "identity")
    html = gzip.decompress(body) if result.html_encoding == "gzip" else body
    result.html_raw = len(html)
    if status != 200:
        result.problems.append(f"{path} answered {status}")
    parser = AssetLinks()
    parser.feed(html.decode("utf-8", errors="replace"))
    base = f"http://{HOST}:{port}{path}"
    seen: set[str] = set()
    for kind, href in parser.found:
        url = urljoin(base, href)
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or parts.netloc != f"{HOST}:{port}":
            continue  # another site's: not ours to weigh
        asset_path = parts.path + (f"?{parts.query}" if parts.query else "")
        if asset_path in seen:
            continue
        seen.add(asset_path)
        a_status, a_resp, a_body = fetch(port, asset_path, gzip_ok=True)
        wire = header_bytes(a_resp) + len(a_body)
        encoding = a_resp.getheader("Content-Encoding", "identity")
        result.parts[kind] += wire
        result.assets.append((kind, asset_path, a_status, wire, encoding))
        if a_status != 200:
            result.problems.append(f"{asset_path} answered {a_status}")
    return result


# --------------------------------------------------------------------------- CPU accounting

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def machine_busy_s() -> float:
    """CPU seconds the whole machine has spent busy since boot (all cores)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    busy = sum(fields[:8]) - idle  # user nice system idle iowait irq softirq steal
    return busy / CLOCK_TICKS


def group_cpu_s(pgid: int, *, command_has: bytes | None = None) -> float:
    """CPU seconds used so far by the live processes of one process group (the server), or
    only by those whose command line contains `command_has`."""
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) != pgid:  # fields after "pid (comm)": state ppid pgrp ...
                continue
            if command_has is None or command_has in (entry / "cmdline").read_bytes():
                total += int(fields[11]) + int(fields[12])  # utime stime
    return total / CLOCK_TICKS


def children_cpu_s() -> float:
    times = os.times()
    return times.children_user + times.children_system


# --------------------------------------------------------------------------- wrk


@dataclass
class LoadResult:
    label: str
    path: str
    threads: int
    connections: int
    requests: int
    duration_s: float
    p50_ms: float
    p90_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    errors: dict[str, int]
    non_2xx: int
    server_cpu_s: float = float("nan")  # CPU the server's processes used during the run
    wrk_cpu_s: float = float("nan")
    machine_cpu_s: float = float("nan")  # CPU the whole machine used during the run

    @property
    def server_ms_per_request(self) -> float:
        return self.server_cpu_s * 1000 / self.requests if self.requests else float("nan")

    @property
    def other_cores(self) -> float:
        """Cores' worth of CPU that other programs on the machine used during the run."""
        other = self.machine_cpu_s - self.server_cpu_s - self.wrk_cpu_s
        return max(other, 0.0) / self.duration_s if self.duration_s else float("nan")

    @property
    def rps(self) -> float:
        return self.requests / self.duration_s if self.duration_s else 0.0


def run_wrk(lua: Path, port: int, label: str, path: str, threads: int, connections: int,
            seconds: int, server_pgid: int) -> LoadResult:
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency",
               "--timeout", "10s", "-H", "Accept-Encoding: gzip", "-s", str(lua),
               f"http://{HOST}:{port}{path}"]
    before = machine_busy_s(), group_cpu_s(server_pgid), children_cpu_s()
    out = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)
    after = machine_busy_s(), group_cpu_s(server_pgid), children_cpu_s()
    match = re.search(r"^HARBOUR_RESULT (.*)$", out.stdout, re.M)
    if out.returncode != 0 or not match:
        raise RuntimeError(f"wrk failed ({out.returncode}):\n{out.stdout}\n{out.stderr}")
    values = {key: float(value) for key, value in
              (item.split("=") for item in match.group(1).split())}
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out.stdout)
    return LoadResult(
        label=label, path=path, threads=threads, connections=connections,
        requests=int(values["requests"]), duration_s=values["duration_us"] / 1e6,
        p50_ms=values["p50"] / 1000, p90_ms=values["p90"] / 1000, p95_ms=values["p95"] / 1000,
        p99_ms=values["p99"] / 1000, max_ms=values["max"] / 1000,
        errors={k: int(values[k]) for k in ("connect", "read", "write", "timeout")},
        non_2xx=int(non_2xx.group(1)) if non_2xx else 0,
        machine_cpu_s=after[0] - before[0], server_cpu_s=after[1] - before[1],
        wrk_cpu_s=after[2] - before[2])


# --------------------------------------------------------------------------- report


def kb(n: int) -> str:
    return f"{n / 1000:.1f} KB"


def target_note(result: LoadResult) -> str:
    target = TARGETS.get((result.label, result.connections))
    if not target:
        return ""
    rps_min, p95_max = target
    met = result.rps >= rps_min and (p95_max is None or result.p95_ms < p95_max)
    wanted = f"≥ {rps_min} req/s" + (f", p95 < {p95_max:.0f} ms" if p95_max else "")
    return f"{'met' if met else '**missed**'} ({wanted})"


def report(info: dict[str, str], command: str, server: Server, started: dt.datetime,
           cold: list[tuple[str, str, int, float]], loads: list[LoadResult],
           weights: list[Weight], seconds: int) -> str:
    out: list[str] = []
    out.append(f"### Run of {started.strftime('%Y-%m-%d %H:%M %Z')}")
    out.append("")
    out.append(f"- Command: `{command}`")
    out.append(f"- Server: `{shlex.join(server.command)}` (gunicorn sync workers, SQLite, "
               "fresh `HARBOUR_DATA_DIR`), access log on")
    out.append(f"- Machine: {info['cores']} cores, {info['cpu']}, {info['memory']} memory; "
               f"{info['os']}; Python {info['python']}; {info.get('wrk', 'wrk')}")
    out.append(f"- Load average before the run: {info['load']}; wrk and the server share "
               "the machine")
    if info.get("commit"):
        out.append(f"- Commit: {info['commit']}")
    out.append(f"- Fresh set-up (migrate, load content, collectstatic) until \"ready\": "
               f"{server.ready_s:.1f} s; until /healthz answered: {server.healthy_s:.1f} s")
    out.append("")
    out.append("First request to each page after start (one worker, cold):")
    out.append("")
    out.append("| Page | Path | Status | Time |")
    out.append("|---|---|---:|---:|")
    for label, path, status, seconds_taken in cold:
        out.append(f"| {label} | `{path}` | {status} | {seconds_taken * 1000:.0f} ms |")
    out.append("")
    out.append(f"Load (wrk, {seconds} s each, `Accept-Encoding: gzip`, after a warm-up). "
               "Server CPU/request: CPU time of all the server's processes during the run "
               "divided by requests served. Other load: CPU that programs other than the "
               "server and wrk used meanwhile, in cores (0 on a quiet machine).")
    out.append("")
    out.append("| Page | Conns | Requests/s | p50 | p95 | p99 | Max | Errors "
               "| Server CPU/request | Other load | Target |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in loads:
        errors = sum(r.errors.values()) + r.non_2xx
        detail = ", ".join(f"{k} {v}" for k, v in r.errors.items() if v)
        if r.non_2xx:
            detail = ", ".join(filter(None, [detail, f"non-2xx {r.non_2xx}"]))
        out.append(
            f"| {r.label} `{r.path}` | {r.connections} | {r.rps:.0f} | {r.p50_ms:.1f} ms "
            f"| {r.p95_ms:.1f} ms | {r.p99_ms:.1f} ms | {r.max_ms:.0f} ms "
            f"| {errors}{f' ({detail})' if detail else ''} | {r.server_ms_per_request:.1f} ms "
            f"| {r.other_cores:.2f} cores | {target_note(r)} |")
    out.append("")
    out.append(f"Bytes transferred per page type (gzip as served, headers included; "
               f"budget {PAGE_BUDGET // 1000} KB):")
    out.append("")
    out.append("| Page | HTML (uncompressed) | HTML | CSS | JS | Icon | Total | Budget |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---|")
    for w in weights:
        flag = "**over 60 KB**" if w.total > PAGE_BUDGET else "within"
        if w.status != 200:
            flag += f" (status {w.status})"
        out.append(f"| {w.label} | {kb(w.html_raw)} | {kb(w.html_wire)} ({w.html_encoding}) "
                   f"| {kb(w.parts['CSS'])} | {kb(w.parts['JS'])} | {kb(w.parts['Icon'])} "
                   f"| {kb(w.total)} | {flag} |")
    assets = {(kind, path, status, wire, enc) for w in weights for kind, path, status, wire, enc
              in w.assets}
    if assets:
        out.append("")
        out.append("Assets: " + "; ".join(
            f"{kind} `{path}` {status} {kb(wire)} ({enc})"
            for kind, path, status, wire, enc in sorted(assets)))
    return "\n".join(out)


def bench_command(argv: list[str] | None) -> str:
    """The command line that ran the benchmark, as the report shows it."""
    python = Path(sys.executable)
    with contextlib.suppress(ValueError):
        python = python.relative_to(Path.cwd())
    return shlex.join([str(python), *sys.argv]) if argv is None else shlex.join(argv)


def bench_arguments(description: str) -> argparse.ArgumentParser:
    """The options every Harbour benchmark takes."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--quick", action="store_true", help="3 s runs: a smoke test")
    parser.add_argument("--duration", type=int, help="seconds per wrk run (default 10)")
    parser.add_argument("--workers", type=int,
                        help="pass --workers to harbour serve (default: as make serve, 2 x cores)")
    parser.add_argument("--start-timeout", type=int, default=900,
                        help="seconds to wait for a fresh set-up to answer /healthz (default 900)")
    parser.add_argument("--keep-data", action="store_true",
                        help="keep the temporary data folder and server logs")
    return parser


def print_problems(problems: list[str], *, all_clear: str) -> None:
    if problems:
        print("Problems seen:")
        for line in problems:
            print(f"- {line}")
    else:
        print(all_clear)


def missing_tools() -> str | None:
    """Why a benchmark cannot run here, or None."""
    if shutil.which("wrk") is None:
        return "wrk is not installed. On Debian or Ubuntu: sudo apt-get install wrk"
    if not HARBOUR.exists():
        return f"{HARBOUR} is missing: run `make serve` or `make test` once to set it up."
    return None


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    args = bench_arguments(__doc__.split("\n\n")[0]).parse_args(argv)
    seconds = args.duration or (3 if args.quick else 10)
    problem = missing_tools()
    if problem:
        print(problem, file=sys.stderr)
        return 2

    command = bench_command(argv)
    info = machine()
    if os.getloadavg()[0] > 0.5:
        print(f"Warning: the machine is busy (load average {info['load']}); the figures will "
              "be lower than on a quiet machine. The report shows how much CPU other "
              "programs used during each run.", file=sys.stderr)
    started = dt.datetime.now().astimezone()
    server = Server(free_port(), args.workers)

    def on_signal(signum, _frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)

    loads: list[LoadResult] = []
    weights: list[Weight] = []
    cold: list[tuple[str, str, int, float]] = []
    lua = Path(tempfile.mkstemp(prefix="harbour-bench-", suffix=".lua")[1])
    lua.write_text(WRK_LUA)
    try:
        print(f"Starting `{shlex.join(server.command)}` on a fresh data folder "
              f"({server.data_dir}) ...", flush=True)
        server.start(args.start_timeout)
        print(f"Ready in {server.ready_s:.1f} s, /healthz in {server.healthy_s:.1f} s.",
              flush=True)

        for label, path in dict.fromkeys(LOAD_TARGETS + WEIGHT_TARGETS):
            t0 = time.perf_counter()
            status, _, _ = fetch(server.port, path, gzip_ok=True)
            cold.append((label, path, status, time.perf_counter() - t0))

        for label, path in LOAD_TARGETS:
            # Warm every worker (search index, template caches) before measuring.
            run_wrk(lua, server.port, label, path, 2, 8, 2, server.proc.pid)
            for threads, connections in CONNECTIONS:
                print(f"wrk -t{threads} -c{connections} -d{seconds}s {label} {path} ...",
                      end=" ", flush=True)
                result = run_wrk(lua, server.port, label, path, threads, connections, seconds,
                                 server.proc.pid)
                loads.append(result)
                print(f"{result.rps:.0f} req/s, p95 {result.p95_ms:.1f} ms, server CPU "
                      f"{result.server_ms_per_request:.1f} ms/request", flush=True)

        for label, path in WEIGHT_TARGETS:
            weights.append(weigh(server.port, label, path))

        text = report(info, command, server, started, cold, loads, weights, seconds)
        statuses, trouble = server.log_problems()
    except (RuntimeError, OSError, http.client.HTTPException, subprocess.TimeoutExpired) as error:
        print(f"\nThe benchmark could not finish: {error}", file=sys.stderr)
        return 1
    finally:
        server.stop()
        lua.unlink(missing_ok=True)
        if args.keep_data:
            print(f"Kept {server.data_dir} (server log: {server.log_path})")
        else:
            server.remove()

    print()
    print(text)
    print()
    print("Server log: responses by status: "
          + (", ".join(f"{code} × {n}" for code, n in sorted(statuses.items())) or "none"))
    problems = [p for w in weights for p in w.problems]
    problems += [f"{r.label} at {r.connections} connections: non-2xx {r.non_2xx}, "
                 f"socket errors {r.errors}" for r in loads
                 if r.non_2xx or any(r.errors.values())]
    problems += [f"{w.label} is {kb(w.total)}, over the 60 KB budget"
                 for w in weights if w.total > PAGE_BUDGET]
    problems += [f"{r.label} at {r.connections} connections: other programs used "
                 f"{r.other_cores:.2f} cores meanwhile, so the figure is understated"
                 for r in loads if r.other_cores > 0.2]
    problems += [f"server log: {line}" for line in trouble[:20]]
    print_problems(problems, all_clear="No errors, no non-200 responses, no page over budget.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
