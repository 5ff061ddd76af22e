"""The danger model: a logistic regression over the message's sentence vector, trained on
examples an editor can read and add to (danger-training/*.txt, danger.yaml's examples, and the
advice's own questions and out-of-scope examples as calm ones).

It is the rules' backstop for wording the rules do not know. A weighted sum over the whole
vector generalises further than nearness to a few examples: it learns which directions of the
model's space mean "now, here, hurt" across hundreds of messages instead of matching one.
Fitted when the engine starts (a few Newton steps on a few thousand vectors, well under a
second), so changing an example needs no separate training step.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

TRAINING_DIR = Path(__file__).with_name("danger-training")


@dataclass(frozen=True)
class DangerTraining:
    danger: tuple[str, ...]
    calm: tuple[str, ...]


def read_examples(path: Path) -> tuple[str, ...]:
    """One message per line; lines starting with "#" are headings and notes."""
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


def read_side(folder: Path, side: str) -> tuple[str, ...]:
    """Every message in `<side>.txt` and `<side>-*.txt` (one file per writer), in file order."""
    paths = sorted(folder.glob(f"{side}.txt")) + sorted(folder.glob(f"{side}-*.txt"))
    return tuple(message for path in paths for message in read_examples(path))


@cache
def default_training() -> DangerTraining:
    return DangerTraining(danger=read_side(TRAINING_DIR, "danger"),
                          calm=read_side(TRAINING_DIR, "calm"))


@dataclass(frozen=True)
class DangerModel:
    weights: np.ndarray
    bias: float
    centre: np.ndarray

    def probability(self, vector: np.ndarray) -> float:
        z = float((np.asarray(vector, dtype=np.float64) - self.centre) @ self.weights) + self.bias
        return float(_sigmoid(np.asarray(z)))

    @classmethod
    def fit(cls, danger: np.ndarray, calm: np.ndarray, *, l2: float,
            steps: int = 50) -> DangerModel:
        """Logistic regression, each class weighted to count equally, fitted by Newton's method
        (deterministic: the same examples always give the same model). `l2` must be positive:
        it keeps the weights finite when the examples can be separated exactly."""
        if not l2 > 0:
            raise ValueError("l2 must be more than 0")
        x = np.vstack([danger, calm]).astype(np.float64)
        y = np.concatenate([np.ones(len(danger)), np.zeros(len(calm))])
        weight = np.where(y == 1, len(y) / (2 * max(len(danger), 1)),
                          len(y) / (2 * max(len(calm), 1)))
        centre = x.mean(axis=0)
        x = np.hstack([x - centre, np.ones((len(x), 1))])  # the last column is the bias
        w = np.zeros(x.shape[1])
        penalty = np.full(x.shape[1], l2)
        penalty[-1] = 0.0  # the bias is not shrunk
        for _ in range(steps):
            p = _sigmoid(x @ w)
            gradient = x.T @ (weight * (p - y)) + penalty * w
            curvature = (x * (weight * p * (1 - p))[:, None]).T @ x + np.diag(penalty)
            step = np.linalg.solve(curvature + 1e-9 * np.eye(len(w)), gradient)
            w -= step
            if float(np.abs(step).max()) < 1e-8:
                break
        else:
            raise ArithmeticError(f"the danger model did not settle in {steps} steps")
        return cls(weights=w[:-1], bias=float(w[-1]), centre=centre)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    """1 / (1 + e^-z), without overflow for large |z|."""
    return 0.5 * (1.0 + np.tanh(0.5 * z))
