"""The task queue's worker as a child of `harbour serve`, so the embedded default sends email
with no other process to start. Started again if it stops; stopped with the server.

It stays in the server's process group, so whatever stops the group (a terminal's Ctrl-C, the
browser tests, the benchmarks) stops it too.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading

RESTART_AFTER_SECONDS = 5.0


class EmbeddedWorker:
    def __init__(self) -> None:
        self._process: subprocess.Popen | None = None
        self._owner = os.getpid()
        self._stopping = threading.Event()
        self._lock = threading.Lock()  # the watcher never starts one while stop() is stopping it
        self._watcher = threading.Thread(target=self._watch, name="harbour-worker-watch", daemon=True)

    def start(self) -> None:
        self._process = self._spawn()
        self._watcher.start()

    def stop(self, timeout: float = 10.0) -> None:
        if os.getpid() != self._owner:
            return  # a web worker forked from the server, leaving: the worker is not its to stop
        with self._lock:
            self._stopping.set()
            process = self._process
        if process is None or process.poll() is not None:
            return
        process.terminate()  # huey finishes the send in hand, then exits
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()  # a reply it had not finished stays queued and is sent on the next start
            process.wait(timeout=timeout)

    @staticmethod
    def _spawn() -> subprocess.Popen:
        # The same interpreter and environment (DJANGO_SETTINGS_MODULE, the data folder).
        return subprocess.Popen([sys.executable, "-m", "harbour.cli", "worker"], stdin=subprocess.DEVNULL)  # noqa: S603

    def _watch(self) -> None:
        while not self._stopping.wait(RESTART_AFTER_SECONDS):
            with self._lock:
                if self._stopping.is_set() or self._process is None or self._process.poll() is None:
                    continue
                print("The email worker stopped; starting it again.", file=sys.stderr, flush=True)
                self._process = self._spawn()
