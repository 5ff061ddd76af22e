"""Scoring engines on labelled questions, as shared/eval/README.md defines the figures."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from harbour.answering.engine.answerer import Answerer


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@dataclass
class Figures:
    questions: int = 0
    top1: int = 0
    top3: int = 0
    reciprocal_ranks: float = 0.0
    wrongly_declined: int = 0
    out_of_scope: int = 0
    declined: int = 0
    danger: int = 0
    flagged: int = 0
    calm: int = 0
    false_alarms: int = 0
    latencies_ms: list[float] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def add(self, label: dict, answer: dict, elapsed_ms: float) -> None:
        self.latencies_ms.append(elapsed_ms)
        kind = label.get("kind", "question")
        if kind == "out_of_scope":
            self.out_of_scope += 1
            self.declined += not answer["in_scope"]
            return
        if kind == "danger":
            self.danger += 1
            self.flagged += bool(answer["danger"])
            if not answer["danger"]:
                self.misses.append(f"{label['id']}: danger not flagged")
            return
        self.calm += 1
        self.false_alarms += bool(answer["danger"])
        self.questions += 1
        if not answer["in_scope"]:
            self.wrongly_declined += 1
            self.misses.append(f"{label['id']}: declined")
            return
        expected = set(label.get("topics", []))
        rank = next((i for i, r in enumerate(answer["results"][:10], start=1)
                     if expected & set(r["topics"])), None)
        self.top1 += rank == 1
        self.top3 += bool(rank and rank <= 3)
        self.reciprocal_ranks += 1.0 / rank if rank else 0.0
        if rank != 1:
            self.misses.append(f"{label['id']}: rank {rank}")

    def row(self) -> dict[str, float | int]:
        row: dict[str, float | int] = {}
        if self.questions:
            row.update(questions=self.questions, top1=self.top1 / self.questions,
                       recall3=self.top3 / self.questions,
                       mrr10=self.reciprocal_ranks / self.questions,
                       wrongly_declined=self.wrongly_declined / self.questions)
        if self.out_of_scope:
            row.update(out_of_scope=self.out_of_scope, declined=self.declined / self.out_of_scope)
        if self.danger:
            row.update(danger=self.danger, danger_recall=self.flagged / self.danger)
        if self.calm:
            row.update(false_alarm=self.false_alarms / self.calm)
        if self.latencies_ms:
            ordered = sorted(self.latencies_ms)
            row.update(median_ms=statistics.median(ordered),
                       p95_ms=ordered[max(0, int(round(0.95 * len(ordered))) - 1)])
        return row


def evaluate(answerer: Answerer, labels: Iterable[dict], engine: str) -> Figures:
    figures = Figures()
    for label in labels:
        started = time.perf_counter()
        answer = answerer.answer(label["text"], engine=engine).as_dict()
        figures.add(label, answer, (time.perf_counter() - started) * 1000)
    return figures
