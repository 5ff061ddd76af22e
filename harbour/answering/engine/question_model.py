"""The question model: which passage a message asks about, learned from people's wordings.

A softmax regression over the message's sentence vector, one class per passage, fitted when the
engine starts on each passage's own questions (its question and `also_asked`) and on messages
labelled with topics (question-training/*.jsonl, in the evaluation line format), each message
shared among the passages that carry its topics. The same folder's out-of-scope lines, and its
questions, also widen the two sides the scope decision compares (answerer.py).

Nearest-question matching scores a passage by its single most similar wording, so a message
worded unlike every one of them is lost. The model learns instead which directions of the
model's space set one passage apart from the others, across all of its wordings at once, and so
reaches wordings none of them is near. The hybrid ranking adds its probabilities
(Tuning.question_share; docs/decisions/0020-a-question-model-beside-nearest-questions.md).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from harbour.answering.engine.passages import Passage

TRAINING_DIR = Path(__file__).with_name("question-training")


@dataclass(frozen=True)
class LabelledMessage:
    text: str
    topics: tuple[str, ...]


def _records(folder: Path) -> list[dict]:
    return [json.loads(line) for path in sorted(folder.glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@cache
def _default_records() -> tuple[dict, ...]:
    """The training folder, read once per process for both kinds of line."""
    return tuple(_records(TRAINING_DIR))


def read_training(folder: Path = TRAINING_DIR) -> tuple[LabelledMessage, ...]:
    """Every `"kind": "question"` line of the folder's .jsonl files, in file order."""
    return _questions(_records(folder))


def _questions(records) -> tuple[LabelledMessage, ...]:
    return tuple(LabelledMessage(text=str(r["text"]), topics=tuple(r["topics"]))
                 for r in records if r.get("kind") == "question" and r.get("topics"))


def read_out_of_scope(folder: Path = TRAINING_DIR) -> tuple[str, ...]:
    """Every `"kind": "out_of_scope"` line's text: questions the advice does not answer, which
    the scope decision compares a message with beside scope.yaml's examples."""
    return _out_of_scope(_records(folder))


def _out_of_scope(records) -> tuple[str, ...]:
    return tuple(str(r["text"]) for r in records if r.get("kind") == "out_of_scope")


@cache
def default_labelled() -> tuple[LabelledMessage, ...]:
    return _questions(_default_records())


@cache
def default_out_of_scope() -> tuple[str, ...]:
    return _out_of_scope(_default_records())


def topic_targets(passages: Sequence[Passage], topics: Sequence[str]) -> np.ndarray | None:
    """A labelled message's target: shared equally among the passages that carry any of its
    topics, or None when no published passage does (the message teaches nothing then)."""
    wanted = set(topics)
    carries = np.array([1.0 if wanted & set(p.topics) else 0.0 for p in passages])
    total = carries.sum()
    return carries / total if total else None


@dataclass(frozen=True)
class QuestionModel:
    weights: np.ndarray  # one column per passage
    bias: np.ndarray
    centre: np.ndarray  # the mean training vector, stretched, taken from each vector first
    scale: float  # unit vectors are stretched by this before the weights apply

    def probabilities(self, vector: np.ndarray) -> np.ndarray:
        """How likely the message is to ask about each passage (they sum to 1)."""
        x = np.asarray(vector, dtype=np.float32) * np.float32(self.scale) - self.centre
        z = x @ self.weights + self.bias
        z = np.exp(z - z.max())
        return z / z.sum()

    def relative(self, vector: np.ndarray) -> np.ndarray:
        """probabilities() over the most likely one: 1 for the model's first choice."""
        p = self.probabilities(vector)
        return p / p.max()

    @classmethod
    def fit(cls, vectors: np.ndarray, targets: np.ndarray, *, l2: float, scale: float,
            tolerance: float = 5e-4, steps: int = 1000, momentum: float = 0.9) -> QuestionModel:
        """Cross-entropy with an l2 penalty, by full-batch gradient descent with momentum from
        zero weights, until no gradient exceeds `tolerance` or after `steps` (the advice's own
        questions and the training messages settle in under a second of one core; a handful of
        examples that separate exactly creep on for ever, and the ranking needs only the order
        of the probabilities: 2e-4 and 1e-3 gave the same rankings).
        Deterministic: the same examples always give the same model. Each row of `targets` is
        one example's distribution over the passages. The step comes from the largest curvature
        of the weights and of the bias, so it cannot overshoot whatever the examples are."""
        if not l2 > 0:
            raise ValueError("l2 must be more than 0")
        if len(vectors) != len(targets) or not len(vectors):
            raise ValueError("one target row is needed for each vector, and at least one")
        if not np.allclose(np.sum(targets, axis=1), 1.0):
            raise ValueError("each target row must sum to 1")
        x = np.asarray(vectors, dtype=np.float32) * np.float32(scale)
        centre = x.mean(axis=0)
        x -= centre
        y = np.asarray(targets, dtype=np.float32)
        # The vectors are centred, so the bias's own curvature is 1: the step must respect
        # whichever is larger (vectors that barely differ would otherwise let the bias run off).
        curvature = max(float(np.linalg.eigvalsh((x.T @ x) / len(x))[-1]), 1.0) + l2
        rate = np.float32(1.0 / curvature)
        weights = np.zeros((x.shape[1], y.shape[1]), dtype=np.float32)
        bias = np.zeros(y.shape[1], dtype=np.float32)
        velocity_w = np.zeros_like(weights)
        velocity_b = np.zeros_like(bias)
        for _ in range(steps):
            z = x @ weights + bias
            z -= z.max(axis=1, keepdims=True)
            p = np.exp(z)
            p /= p.sum(axis=1, keepdims=True)
            error = (p - y) / len(x)
            gradient_w = x.T @ error + np.float32(l2) * weights
            gradient_b = error.sum(axis=0)
            if max(float(np.abs(gradient_w).max()), float(np.abs(gradient_b).max())) < tolerance:
                break
            velocity_w = momentum * velocity_w - rate * gradient_w
            velocity_b = momentum * velocity_b - rate * gradient_b
            weights += velocity_w
            bias += velocity_b
        if not (np.isfinite(weights).all() and np.isfinite(bias).all()):
            raise ArithmeticError("the question model's weights are not finite")
        return cls(weights=weights, bias=bias, centre=centre, scale=float(scale))
