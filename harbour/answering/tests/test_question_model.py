"""The question model: its fitting, what it adds to the ranking, and the structure and honesty
of the messages it learns from."""

import json
from pathlib import Path

import numpy as np
import pytest

from harbour.answering.engine.answerer import Answerer
from harbour.answering.engine.danger_model import DangerTraining
from harbour.answering.engine.passages import Passage
from harbour.answering.engine.question_model import (
    TRAINING_DIR,
    LabelledMessage,
    QuestionModel,
    default_labelled,
    default_out_of_scope,
    read_out_of_scope,
    read_training,
    topic_targets,
)
from harbour.answering.engine.scope import ScopeExamples
from harbour.answering.tests.map_embedder import MapEmbedder
from harbour.answering.tests.measured_sets import MeasuredSets
from harbour.content.topics import taxonomy

DIMS = 8


def _unit(vector) -> np.ndarray:
    vector = np.asarray(vector, dtype=np.float32)
    return vector / np.linalg.norm(vector)


def _cluster(centre: np.ndarray, count: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    points = centre + 0.3 * rng.standard_normal((count, len(centre)))
    return points / np.linalg.norm(points, axis=1, keepdims=True)


def _passage(name: str) -> Passage:
    return Passage(anchor=name, question=f"question {name}", answer="advice", topics=(name,),
                   group="g", group_title="G", audience="everyone", url=f"/g/#{name}")


# -- fitting --------------------------------------------------------------------------------------
def test_it_learns_which_passage_each_region_of_the_space_asks_about():
    centres = np.eye(DIMS)[:3]
    vectors = np.vstack([_cluster(c, 30, seed) for seed, c in enumerate(centres)])
    targets = np.repeat(np.eye(3), 30, axis=0)
    model = QuestionModel.fit(vectors, targets, l2=0.003, scale=20.0)
    for passage, centre in enumerate(centres):
        probabilities = model.probabilities(centre)
        assert probabilities.sum() == pytest.approx(1.0)
        assert probabilities.argmax() == passage and probabilities[passage] > 0.8
        assert model.relative(centre)[passage] == pytest.approx(1.0)


def test_a_message_shared_between_passages_teaches_both():
    # Near passage 0's wording: labelled for 0 alone it goes to 0; shared, passage 1 gains.
    near_first = _unit([1, 0.3, 0, 0, 0, 0, 0, 0])
    vectors = np.vstack([np.eye(DIMS)[0], np.eye(DIMS)[1], near_first, near_first])
    alone = np.array([[1, 0], [0, 1], [1, 0], [1, 0]], dtype=np.float32)
    shared = np.array([[1, 0], [0, 1], [0.5, 0.5], [0.5, 0.5]], dtype=np.float32)
    first_alone = QuestionModel.fit(vectors, alone, l2=0.003, scale=20.0).probabilities(near_first)
    both = QuestionModel.fit(vectors, shared, l2=0.003, scale=20.0).probabilities(near_first)
    assert first_alone[0] > 0.9
    assert both[1] > first_alone[1] + 0.2 and both[0] == pytest.approx(0.5, abs=0.15)


def test_vectors_that_barely_differ_still_settle():
    # The step must respect the bias: with identical vectors the answer is the targets' mean.
    vectors = np.tile(_unit([1, 0, 0, 0, 0, 0, 0, 0]), (3, 1))
    targets = np.array([[1, 0], [1, 0], [0, 1]], dtype=np.float32)
    model = QuestionModel.fit(vectors, targets, l2=0.003, scale=20.0)
    assert np.all(np.abs(model.bias) < 5)
    assert model.probabilities(vectors[0]) == pytest.approx([2 / 3, 1 / 3], abs=0.02)


def test_the_same_examples_always_give_the_same_model():
    vectors, targets = _cluster(np.eye(DIMS)[0], 20, 7), np.tile([0.25, 0.75], (20, 1))
    one = QuestionModel.fit(vectors, targets, l2=0.003, scale=20.0)
    two = QuestionModel.fit(vectors.copy(), targets.copy(), l2=0.003, scale=20.0)
    assert np.array_equal(one.weights, two.weights) and np.array_equal(one.bias, two.bias)


@pytest.mark.parametrize("change, message", [
    ({"l2": 0}, "l2 must be more than 0"),
    ({"targets": np.ones((3, 2)) / 2}, "one target row"),
    ({"targets": np.ones((4, 2))}, "sum to 1"),
])
def test_bad_training_is_refused_with_a_reason(change, message):
    arguments = {"vectors": np.eye(DIMS)[:4], "targets": np.tile([1.0, 0.0], (4, 1)),
                 "l2": 0.003, "scale": 20.0, **change}
    with pytest.raises(ValueError, match=message):
        QuestionModel.fit(arguments.pop("vectors"), arguments.pop("targets"), **arguments)


def test_a_labelled_message_is_shared_among_the_passages_that_carry_its_topics():
    passages = [_passage("a"), _passage("b"), _passage("c")]
    assert topic_targets(passages, ["b", "c"]).tolist() == [0.0, 0.5, 0.5]
    assert topic_targets(passages, ["a", "unpublished"]).tolist() == [1.0, 0.0, 0.0]
    assert topic_targets(passages, ["unpublished"]) is None


def test_labelled_questions_and_out_of_scope_lines_are_read_apart(tmp_path):
    lines = [{"id": "1", "text": "can they take my baby", "topics": ["pre-birth"],
              "kind": "question"},
             {"id": "2", "text": "hes here now", "topics": ["emergency-immediate-danger"],
              "kind": "danger"},
             {"id": "3", "text": "parking fine", "topics": [], "kind": "out_of_scope"}]
    (tmp_path / "one.jsonl").write_text("\n".join(json.dumps(line) for line in lines) + "\n\n",
                                        encoding="utf-8")
    assert read_training(tmp_path) == (LabelledMessage("can they take my baby", ("pre-birth",)),)
    assert read_out_of_scope(tmp_path) == ("parking fine",)


# -- in the engine --------------------------------------------------------------------------------
def _engine(training: tuple[LabelledMessage, ...]) -> Answerer:
    rng = np.random.default_rng(3)
    vectors = {"question a": _unit([1, 0, 0, 0, 0, 0, 0.1, 0]),
               "question b": _unit([0, 1, 0, 0, 0, 0, 0.1, 0]),
               # her words: nearer question a's wording, but about what b answers
               "zz message": _unit([0.3, 0.25, 1, 0, 0, 0, 0, 0])}
    for message in training:
        vectors[message.text] = _unit([0.2, 0.2, 1, *(0.1 * rng.standard_normal(3)), 0, 0])
    return Answerer([_passage("a"), _passage("b")], embedder=MapEmbedder(vectors, DIMS),
                    scope=ScopeExamples(elsewhere=(), examples=()),
                    danger_training=DangerTraining(danger=("d",), calm=("c",)),
                    question_training=training, out_of_scope_training=())


def test_messages_labelled_by_people_teach_the_engine_what_a_wording_asks_about():
    taught = tuple(LabelledMessage(f"yy wording {n}", ("b",)) for n in range(12))
    untaught = _engine(())
    assert untaught.answer("zz message").results[0].passage.anchor == "a"
    learned = _engine(taught)
    assert learned.answer("zz message").results[0].passage.anchor == "b"
    # The baseline engines are left as they were: only the hybrid adds the model.
    assert learned.answer("zz message", engine="semantic").results[0].passage.anchor == "a"


# -- the training messages ------------------------------------------------------------------------
def _training_lines() -> list[tuple[Path, dict]]:
    return [(path, json.loads(line)) for path in sorted(TRAINING_DIR.glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_training_message_is_a_labelled_question_or_out_of_scope():
    known = taxonomy().topic_ids()
    lines = _training_lines()
    questions = [line for _path, line in lines if line["kind"] == "question"]
    assert len(questions) >= 400
    assert len(lines) - len(questions) >= 100
    for path, line in lines:
        assert set(line) == {"id", "text", "topics", "kind"}, (path.name, line.get("id"))
        assert line["text"].strip(), (path.name, line["id"])
        assert line["kind"] in {"question", "out_of_scope"}, (path.name, line["id"])
        if line["kind"] == "question":
            assert line["topics"] and set(line["topics"]) <= known, (path.name, line["id"])
        else:
            assert line["topics"] == [], (path.name, line["id"])
    assert len(default_labelled()) == len(questions)
    assert len(default_out_of_scope()) == len(lines) - len(questions)
    ids = [(path.name, line["id"]) for path, line in lines]
    assert len(set(ids)) == len(ids)


def test_nothing_is_learned_from_the_sets_the_engine_is_measured_on():
    measured = MeasuredSets()
    assert len(measured.texts) >= 500, "the measured sets are where they should be"
    for path, line in _training_lines():
        assert not measured.near(line["text"]), (path.name, line["id"])
