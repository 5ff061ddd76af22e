"""numpy's BLAS runs on one thread in every Harbour process unless the operator says otherwise."""

import os
import subprocess
import sys

CODE = "import harbour, numpy, os; print(os.environ['OPENBLAS_NUM_THREADS'])"


def _blas_threads_seen(env: dict[str, str]) -> str:
    # A fresh interpreter: this one loaded numpy long ago. Our own fixed code, no input.
    done = subprocess.run([sys.executable, "-c", CODE], env=env,  # noqa: S603
                          capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_importing_harbour_sets_one_blas_thread_before_numpy_loads():
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    assert _blas_threads_seen(env) == "1"


def test_an_operators_setting_wins():
    assert _blas_threads_seen({**os.environ, "OPENBLAS_NUM_THREADS": "3"}) == "3"
