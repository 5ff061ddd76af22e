"""Scope: the nearest few on each side decide, so one stray out-of-scope example near an advice
question cannot turn people away from it, and several close ones do."""

import numpy as np
import pytest

from harbour.answering.engine.answerer import Answerer, Tuning, _mean_of_top
from harbour.answering.engine.danger_model import DangerTraining
from harbour.answering.engine.passages import Passage
from harbour.answering.engine.question_model import LabelledMessage
from harbour.answering.engine.scope import ScopeExamples
from harbour.answering.tests.map_embedder import MapEmbedder

DIMS = 8
ADVICE, ELSEWHERE, DANGER = np.eye(DIMS)[0], np.eye(DIMS)[1], np.eye(DIMS)[2]


def _towards(direction: np.ndarray, nearness: float, wobble: int) -> np.ndarray:
    """A unit vector whose cosine with `direction` is `nearness`."""
    other = np.eye(DIMS)[3 + wobble % (DIMS - 3)]
    vector = nearness * direction + np.sqrt(1 - nearness**2) * other
    return (vector / np.linalg.norm(vector)).astype(np.float32)


def _answerer(vectors: dict[str, np.ndarray], out_of_scope: list[str], *,
              taught: tuple[LabelledMessage, ...] = (),
              out_of_scope_taught: tuple[str, ...] = ()) -> Answerer:
    passages = [Passage(anchor=f"a{n}", question=f"advice question {n}", answer="advice",
                        topics=(f"a{n}",), group="g", group_title="G", audience="everyone",
                        url=f"/g/#a{n}") for n in range(3)]
    return Answerer(passages, embedder=MapEmbedder(vectors, DIMS),
                    scope=ScopeExamples(elsewhere=(), examples=tuple(out_of_scope)),
                    danger_training=DangerTraining(danger=("danger example",),
                                                   calm=("calm example",)),
                    question_training=taught, out_of_scope_training=out_of_scope_taught,
                    tuning=Tuning(scope_floor=0.5))


def _vectors() -> dict[str, np.ndarray]:
    vectors = {f"advice question {n}": _towards(ADVICE, 0.99, n) for n in range(3)}
    vectors.update({f"elsewhere {n}": _towards(ELSEWHERE, 0.99, n) for n in range(3)})
    vectors["danger example"] = DANGER.astype(np.float32)
    vectors["calm example"] = _towards(ADVICE, 0.9, 4)
    return vectors


def test_the_mean_of_the_nearest():
    assert _mean_of_top(np.array([0.1, 0.9, 0.5, 0.7]), 2) == pytest.approx(0.8)
    assert _mean_of_top(np.array([0.4]), 3) == pytest.approx(0.4)
    assert _mean_of_top(np.array([]), 3) == 0.0


def test_the_nearest_three_on_each_side_decide():
    vectors = _vectors()
    # A message between the two sides, a little nearer the advice on average.
    message = (0.8 * ADVICE + 0.6 * ELSEWHERE).astype(np.float32)
    vectors["a message"] = message / np.linalg.norm(message)
    answerer = _answerer(vectors, [f"elsewhere {n}" for n in range(3)])
    assert answerer.answer("a message").in_scope
    # The same message, with three out-of-scope examples right beside it: declined.
    vectors.update({f"near it {n}": vectors["a message"] for n in range(3)})
    crowded = _answerer(vectors, [*(f"elsewhere {n}" for n in range(3)),
                                  *(f"near it {n}" for n in range(3))])
    assert not crowded.answer("a message").in_scope


def test_one_stray_example_beside_a_question_does_not_turn_it_away():
    vectors = _vectors()
    vectors["a message"] = _towards(ADVICE, 0.97, 1)
    vectors["stray"] = vectors["a message"]  # one out-of-scope example, exactly the message
    answerer = _answerer(vectors, ["stray", "elsewhere 0", "elsewhere 1"])
    assert answerer.answer("a message").in_scope


def test_messages_people_asked_about_a_topic_count_as_questions_the_advice_answers():
    vectors = _vectors()
    # Worded unlike the advice's own questions, and nearer the out-of-scope examples...
    message = (0.5 * ADVICE + 0.6 * ELSEWHERE + 0.62 * np.eye(DIMS)[3]).astype(np.float32)
    vectors["a message"] = message / np.linalg.norm(message)
    examples = [f"elsewhere {n}" for n in range(3)]
    assert not _answerer(vectors, examples).answer("a message").in_scope
    # ...but people have asked about topic a1 in words like hers: answered.
    taught = tuple(LabelledMessage(f"asked {n}", ("a1",)) for n in range(3))
    vectors.update({f"asked {n}": vectors["a message"] for n in range(3)})
    assert _answerer(vectors, examples, taught=taught).answer("a message").in_scope
    # Messages about a topic the advice does not publish teach nothing.
    unpublished = tuple(LabelledMessage(m.text, ("not-published",)) for m in taught)
    assert not _answerer(vectors, examples, taught=unpublished).answer("a message").in_scope


def test_out_of_scope_training_lines_sit_beside_the_examples():
    vectors = _vectors()
    message = (0.8 * ADVICE + 0.6 * ELSEWHERE).astype(np.float32)
    vectors["a message"] = message / np.linalg.norm(message)
    examples = [f"elsewhere {n}" for n in range(3)]
    assert _answerer(vectors, examples).answer("a message").in_scope
    vectors.update({f"not ours {n}": vectors["a message"] for n in range(3)})
    lines = tuple(f"not ours {n}" for n in range(3))
    assert not _answerer(vectors, examples, out_of_scope_taught=lines).answer("a message").in_scope
