"""The evaluation sets the engine is only measured on, and whether a training message is too near
one of their lines to be learned from: nothing may be learned from them, or from near copies."""

from __future__ import annotations

import json
import re
from functools import cached_property
from pathlib import Path

from rapidfuzz import fuzz

REPO = Path(__file__).resolve().parents[3]
MEASURED_FILES = sorted([*(REPO.parent / "shared" / "eval").glob("*.jsonl"),
                         *(path for name in ("eval-check4", "eval-check6", "eval-check7",
                                             "eval-check8", "eval-final")
                           for path in (REPO / "tests" / name).glob("*.jsonl"))])
RUN = 7  # words in a row in common make a near copy
RATIO = 75  # ...as does a rapidfuzz ratio this high


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("'", "").replace("\u2019", ""))


def runs(text: str, length: int = RUN) -> set[tuple[str, ...]]:
    found = _words(text)
    return {tuple(found[i:i + length]) for i in range(len(found) - length + 1)}


class MeasuredSets:
    @cached_property
    def texts(self) -> list[str]:
        return [json.loads(line)["text"] for path in MEASURED_FILES
                for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]

    @cached_property
    def _runs(self) -> set[tuple[str, ...]]:
        return set().union(*(runs(text) for text in self.texts))

    def near(self, text: str) -> bool:
        """A run of seven words in common with a measured line, or mostly the same characters."""
        if runs(text) & self._runs:
            return True
        return max(fuzz.ratio(text.lower(), other.lower()) for other in self.texts) >= RATIO
