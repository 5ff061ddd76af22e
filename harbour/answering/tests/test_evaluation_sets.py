"""The project's evaluation sets (tests/eval*/) are in the format of shared/eval/README.md, so
`harbour eval` and shared/eval/score.py read them, and every label is a topic that exists."""

import json
from pathlib import Path

import pytest

from harbour.content.topics import taxonomy

REPO = Path(__file__).resolve().parents[3]
FILES = sorted(REPO.glob("tests/eval*/*.jsonl"))
EMERGENCY = "emergency-immediate-danger"


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_there_are_evaluation_sets():
    assert len(FILES) >= 12


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_line_is_well_formed_and_labelled_with_known_topics(path):
    known = taxonomy().topic_ids()
    lines = _lines(path)
    assert lines
    for line in lines:
        assert set(line) == {"id", "text", "topics", "kind"}, line.get("id")
        assert line["text"].strip(), line["id"]
        assert line["kind"] in {"question", "danger", "out_of_scope"}, line["id"]
        assert set(line["topics"]) <= known, line["id"]
        if line["kind"] == "question":
            assert line["topics"], line["id"]
        elif line["kind"] == "danger":
            assert line["topics"] == [EMERGENCY], line["id"]
        else:
            assert line["topics"] == [], line["id"]
    ids = [line["id"] for line in lines]
    assert len(set(ids)) == len(ids), "an id is used twice"
