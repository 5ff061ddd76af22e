"""`harbour answer` and `harbour eval`, as the design contract describes them."""

import json

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db(transaction=False)


def test_answer_writes_one_line_per_question_in_order(tmp_path, advice):
    questions = tmp_path / "in.jsonl"
    questions.write_text("\n".join(json.dumps(q) for q in [
        {"id": "a", "text": "how do i get a non mol", "topics": ["ignored"]},
        {"id": "b", "text": "hes got a knife"},
        {"id": "c", "text": "whats the weather tomorrow"},
    ]) + "\n")
    out = tmp_path / "out.jsonl"
    call_command("answer", jsonl=questions, out=out)
    answers = [json.loads(line) for line in out.read_text().splitlines()]
    assert [a["id"] for a in answers] == ["a", "b", "c"]
    assert answers[0]["in_scope"] and "non-molestation-order" in answers[0]["results"][0]["topics"]
    assert answers[1]["danger"] is True
    assert answers[2]["in_scope"] is False


def test_the_lexical_baseline_is_plain_bm25(tmp_path, advice):
    questions = tmp_path / "in.jsonl"
    questions.write_text(json.dumps({"id": "x", "text": "ocupation ordr"}) + "\n")
    out = tmp_path / "out.jsonl"
    call_command("answer", jsonl=questions, out=out, engine="lexical")
    lexical = json.loads(out.read_text())
    call_command("answer", jsonl=questions, out=out, engine="keywords")
    keywords = json.loads(out.read_text())
    assert "occupation-order" in keywords["results"][0]["topics"]
    assert lexical["results"] == [], "no spelling correction in the baseline"


def test_a_broken_line_is_a_clear_error(tmp_path, advice):
    questions = tmp_path / "in.jsonl"
    questions.write_text('{"id": 1, "text": "ok"}\nnot json\n')
    with pytest.raises(CommandError, match="line 2"):
        call_command("answer", jsonl=questions, out=tmp_path / "out.jsonl")


def test_eval_prints_every_engine_side_by_side(tmp_path, advice, capsys):
    labels = tmp_path / "labels.jsonl"
    labels.write_text("\n".join(json.dumps(q) for q in [
        {"id": "1", "text": "what is a dvpo", "topics": ["dvpo"], "kind": "question"},
        {"id": "2", "text": "recipe for scones", "topics": [], "kind": "out_of_scope"},
    ]) + "\n")
    call_command("eval", str(labels))
    out = capsys.readouterr().out
    for engine in ("lexical", "keywords", "semantic", "hybrid"):
        assert engine in out
    assert "top1" in out and "p95_ms" in out
