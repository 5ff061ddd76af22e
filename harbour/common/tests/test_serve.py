"""harbour serve builds the webchat's engine once, before gunicorn forks its workers."""

import io

import pytest

from harbour.answering import passages
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
    assert "each worker will build it" in command.stdout.getvalue()
