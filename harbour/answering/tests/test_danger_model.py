"""The danger model: its fitting, and the structure of the messages it learns from."""

import json
from pathlib import Path

import numpy as np
import pytest

from harbour.answering.engine.answerer import EMERGENCY_TOPIC, Answerer
from harbour.answering.engine.danger import MODEL_SIGNAL, DangerAssessment, DangerDetector
from harbour.answering.engine.danger_model import (
    TRAINING_DIR,
    DangerModel,
    default_training,
    read_examples,
    read_side,
)
from harbour.answering.engine.passages import Passage
from harbour.answering.engine.question_model import TRAINING_DIR as QUESTION_TRAINING_DIR
from harbour.answering.engine.text import normalise
from harbour.answering.tests.measured_sets import MeasuredSets

REPO = Path(__file__).resolve().parents[3]
# ...and the question model's training messages, which were evaluation lines once
EVALUATION_FILES = [*REPO.glob("tests/eval*/*.jsonl"),
                    *(REPO.parent / "shared" / "eval").glob("*.jsonl"),
                    *QUESTION_TRAINING_DIR.glob("*.jsonl")]


def _cluster(centre: np.ndarray, count: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    points = centre + 0.3 * rng.standard_normal((count, len(centre)))
    return points / np.linalg.norm(points, axis=1, keepdims=True)


def test_it_learns_which_side_of_the_space_means_danger():
    dims = 16
    danger_centre, calm_centre = np.eye(dims)[0], np.eye(dims)[1]
    model = DangerModel.fit(_cluster(danger_centre, 40, 1), _cluster(calm_centre, 200, 2),
                            l2=0.1)
    assert model.probability(danger_centre) > 0.9
    assert model.probability(calm_centre) < 0.1
    # Each class counts equally, however many calm examples there are.
    midway = (danger_centre + calm_centre) / np.sqrt(2)
    assert 0.2 < model.probability(midway) < 0.8


def test_the_order_of_the_examples_does_not_matter():
    danger, calm = _cluster(np.eye(8)[0], 20, 3), _cluster(np.eye(8)[1], 30, 4)
    one = DangerModel.fit(danger, calm, l2=0.03)
    shuffled = DangerModel.fit(danger[::-1], calm[np.random.default_rng(9).permutation(30)],
                               l2=0.03)
    assert np.allclose(one.weights, shuffled.weights, atol=1e-6)
    assert one.bias == pytest.approx(shuffled.bias, abs=1e-6)


def test_examples_that_separate_exactly_still_give_a_finite_model():
    # Two far-apart clusters: without the penalty the weights would grow without end.
    danger, calm = _cluster(np.eye(8)[0], 10, 5) * 50, _cluster(np.eye(8)[1], 10, 6) * 50
    model = DangerModel.fit(danger, calm, l2=1e-4)
    assert np.all(np.isfinite(model.weights))
    assert model.probability(danger[0]) > 0.99 and model.probability(calm[0]) < 0.01
    assert 0.0 <= model.probability(-1e6 * np.eye(8)[0]) <= 1.0  # no overflow
    with pytest.raises(ValueError):
        DangerModel.fit(danger, calm, l2=0)


def test_training_files_are_one_message_a_line_with_headings(tmp_path):
    sample = tmp_path / "x.txt"
    sample.write_text("# a heading\n\n  he is here  \n  # an indented note\nhelp\n",
                      encoding="utf-8")
    assert read_examples(sample) == ("he is here", "help")


def test_the_training_messages_are_many_distinct_and_on_one_side_only():
    training = default_training()
    assert len(training.danger) >= 300 and len(training.calm) >= 300
    for side in (training.danger, training.calm):
        assert len({normalise(m) for m in side}) == len(side), "a message is there twice"
    assert not {normalise(m) for m in training.danger} & {normalise(m) for m in training.calm}
    # Every file is one side or the other: a file with another name would be ignored.
    for path in TRAINING_DIR.glob("*.txt"):
        assert path.name.split(".")[0].split("-")[0] in {"danger", "calm"}, path.name


def test_each_writer_has_a_file_and_every_file_is_read(tmp_path):
    (tmp_path / "danger.txt").write_text("# first writer\nhe is here\n", encoding="utf-8")
    (tmp_path / "danger-2.txt").write_text("# second writer\nhelp now\n", encoding="utf-8")
    (tmp_path / "calm.txt").write_text("what is a cp plan\n", encoding="utf-8")
    assert read_side(tmp_path, "danger") == ("he is here", "help now")
    assert read_side(tmp_path, "calm") == ("what is a cp plan",)


def test_no_evaluation_line_is_used_to_train_the_model():
    # Not the lines, and not near copies of a measured set's line (a few words, such as "help"
    # or "hes got a knife", are bound to be written by both).
    training = default_training()
    taught = [m for m in (*training.danger, *training.calm) if len(m.split()) > 4]
    exact = {normalise(m) for m in taught}
    assert EVALUATION_FILES, "the evaluation sets are where they should be"
    for path in EVALUATION_FILES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                assert normalise(json.loads(line)["text"]) not in exact, (path.name, line[:60])
    measured = MeasuredSets()
    for message in taught:
        assert not measured.near(message), message[:60]


# -- where the emergency advice goes in the answers ---------------------------------------------
class _Says(DangerDetector):
    """The danger detector's verdict, fixed, with the signals that raised it."""

    def __init__(self, signals: tuple[str, ...]):
        super().__init__()
        self.signals = signals

    def assess(self, text, *, nearness=None, probability=None, model_text=None,
               sentence_probability=None):
        return DangerAssessment(True, self.signals, "fixed for the test")


def _answers(signals: tuple[str, ...]) -> list[str]:
    passages = [Passage(anchor=EMERGENCY_TOPIC, question="what to do in an emergency",
                        answer="call 999", topics=(EMERGENCY_TOPIC,), group="g",
                        group_title="G", audience="everyone", url="/g/#e"),
                Passage(anchor="non-mol", question="how do i get a non molestation order",
                        answer="apply to the family court", topics=("non-molestation-order",),
                        group="g", group_title="G", audience="everyone", url="/g/#n")]
    answer = Answerer(passages, danger=_Says(signals)).answer("non molestation order court")
    assert answer.danger
    return [result.passage.anchor for result in answer.results]


@pytest.mark.parametrize("signals", [("weapon",), (MODEL_SIGNAL,)])
def test_whoever_raises_the_alarm_the_emergency_advice_comes_first(signals):
    # The chat page shows the first answer in full: in danger, that is what to do now.
    assert _answers(signals) == [EMERGENCY_TOPIC, "non-mol"]


# -- small talk nearly word for word ------------------------------------------------------------
class _Sure:
    """A danger model that reads every message as danger."""

    def probability(self, vector):
        return 0.99


def _small_talk_answerer() -> Answerer:
    from harbour.answering.engine.danger_model import DangerTraining
    from harbour.answering.engine.scope import ScopeExamples
    from harbour.answering.tests.map_embedder import MapEmbedder

    dims = 8
    axis = np.eye(dims, dtype=np.float32)
    near_joke = 0.97 * axis[0] + np.sqrt(1 - 0.97**2) * axis[1]
    vectors = {"can you tell me a joke": axis[0], "tell me a joke": near_joke,
               "i need help": axis[2], "how do i get a non molestation order": axis[3]}
    passages = [Passage(anchor="non-mol", question="how do i get a non molestation order",
                        answer="apply to the family court", topics=("non-molestation-order",),
                        group="g", group_title="G", audience="everyone", url="/g/#n")]
    answerer = Answerer(passages, embedder=MapEmbedder(vectors, dims),
                        scope=ScopeExamples(elsewhere=(), examples=("can you tell me a joke",)),
                        danger_training=DangerTraining(danger=("danger example",),
                                                       calm=("calm example",)),
                        question_training=(), out_of_scope_training=())
    answerer.danger_model = _Sure()
    return answerer


def test_the_model_says_nothing_about_small_talk_it_knows_word_for_word():
    answerer = _small_talk_answerer()
    quiet = answerer.danger.rules.semantic.model_quiet_near_out
    assert 0.9 < quiet < 0.97, "the shipped threshold sits between the measured cases"
    assert not answerer.answer("tell me a joke").danger
    # Anything else is still the model's to raise...
    assert answerer.answer("i need help").danger
    # ...and the rules read every message, small talk or not.
    assert answerer.answer("tell me a joke he has a knife to my throat").danger


def test_the_danger_verdict_alone_is_the_answers_own():
    # The enquiry forms ask only whether a message means danger now (in_danger), without the
    # search for advice; the verdict must be the one the webchat would give.
    answerer = _small_talk_answerer()
    messages = ["tell me a joke", "i need help", "tell me a joke he has a knife to my throat",
                "how do i get a non molestation order", "   ", "stay with meeee"]
    verdicts = [answerer.in_danger(m) for m in messages]
    assert verdicts == [answerer.answer(m).danger for m in messages]
    assert verdicts[:3] == [False, True, True]  # the model quiet, the model, the rules
    answerer.danger_model = None
    assert [answerer.in_danger(m) for m in messages] == [answerer.answer(m).danger
                                                          for m in messages]


def test_letters_held_down_reach_the_rules_let_go():
    answerer = _small_talk_answerer()
    answerer.danger_model = None  # the rules alone
    assert answerer.answer("stay with meeee").danger  # "stay with me", a plea on its own
    assert not answerer.answer("how do i get a non molestation orderrr").danger


class _Records(DangerDetector):
    """The real rules, noting which text the model's part was read from."""

    def __init__(self):
        super().__init__()
        self.model_texts: list[str | None] = []

    def assess(self, text, *, nearness=None, probability=None, model_text=None,
               sentence_probability=None):
        self.model_texts.append(model_text)
        return super().assess(text, nearness=nearness, probability=probability,
                              model_text=model_text, sentence_probability=sentence_probability)


def test_a_follow_up_tells_the_detector_what_the_model_read():
    passages = [Passage(anchor="non-mol", question="how do i get a non molestation order",
                        answer="apply to the family court", topics=("non-molestation-order",),
                        group="g", group_title="G", audience="everyone", url="/g/#n")]
    detector = _Records()
    answerer = Answerer(passages, danger=detector)
    previous = "how do i apply for a non molestation order"
    answerer.answer("he came back on friday with a knife", previous=previous)
    assert detector.model_texts[-1] == f"{previous}\nhe came back on friday with a knife"
    answerer.answer("he came back on friday with a knife")
    assert detector.model_texts[-1] == "he came back on friday with a knife"
