"""The order of the answers: a second reading of the message before more of the first."""

import random

from harbour.answering.engine.answerer import SAME_TOPIC_WEIGHT, Answerer, one_topic_each_first
from harbour.answering.engine.passages import Passage


def test_a_second_topic_nearly_as_likely_comes_before_more_of_the_first():
    topic_of = {0: "a", 1: "a", 2: "b", 3: "c", 4: "a", 5: "d"}
    scores = {0: 1.0, 1: 0.9, 2: 0.85, 3: 0.8, 4: 0.7, 5: 0.1}
    assert one_topic_each_first([0, 1, 2, 3, 4, 5], scores, topic_of) == [0, 2, 3, 1, 4, 5]


def test_a_topic_that_is_clearly_the_one_keeps_its_places():
    topic_of = {0: "a", 1: "a", 2: "a", 3: "b"}
    scores = {0: 1.4, 1: 1.2, 2: 1.0, 3: 0.5}
    assert one_topic_each_first([0, 1, 2, 3], scores, topic_of) == [0, 1, 2, 3]
    # ...and a near second reading still gets in: 0.5 beats 0.55 x 0.8
    scores = {0: 1.4, 1: 1.2, 2: 0.55, 3: 0.5}
    assert one_topic_each_first([0, 1, 2, 3], scores, topic_of) == [0, 1, 3, 2]


def test_with_fewer_topics_than_places_the_rest_follow_as_ranked():
    topic_of = {0: "a", 1: "a", 2: "b", 3: "a"}
    scores = {0: 1.0, 1: 0.9, 2: 0.8, 3: 0.7}
    assert one_topic_each_first([0, 1, 2, 3], scores, topic_of) == [0, 2, 1, 3]
    assert one_topic_each_first([], scores, topic_of) == []


def test_the_best_answer_never_moves_and_nothing_is_lost():
    rng = random.Random(7)
    for _ in range(200):
        size = rng.randint(0, 12)
        topic_of = {i: rng.choice("abcd") for i in range(size)}
        scores = {i: rng.random() for i in range(size)}
        order = sorted(range(size), key=lambda i: -scores[i])  # as the engine ranks them
        reordered = one_topic_each_first(order, scores, topic_of)
        assert sorted(reordered) == sorted(order)
        assert reordered[3:] == [i for i in order if i not in reordered[:3]]
        if order:
            assert reordered[0] == order[0]
        # a later place goes to another topic only when its score beats the weighted passed one
        for place in (1, 2):
            if place < len(reordered) and topic_of[reordered[place]] not in {
                    topic_of[i] for i in reordered[:place]}:
                skipped = [i for i in order[:order.index(reordered[place])]
                           if i not in reordered[:place]]
                assert all(scores[reordered[place]] >= SAME_TOPIC_WEIGHT * scores[i]
                           for i in skipped)


def _passage(anchor: str, question: str, topic: str) -> Passage:
    return Passage(anchor=anchor, question=question, answer=question, topics=(topic,),
                   group="g", group_title="G", audience="everyone", url=f"/g/#{anchor}")


def _anchors(take_question: str) -> list[str]:
    passages = [_passage("last", "how long does a non molestation order last", "non-mol"),
                _passage("take", take_question, "non-mol"),
                _passage("occ", "how long does an occupation order last", "occupation"),
                _passage("other", "who can see my records", "records")]
    answer = Answerer(passages).answer("how long does a non molestation order last",
                                       engine="keywords")
    return [result.passage.anchor for result in answer.results]


def test_the_engine_puts_a_near_second_reading_before_a_weaker_passage_of_the_first():
    # keyword scores: last 1.0, take 0.68, occ 0.57 (more than 0.8 x 0.68)
    assert _anchors("how long does a non molestation order take to get through the family "
                    "court after i apply") == ["last", "occ", "take"]
    # last 1.0, take 0.78, occ 0.58 (less than 0.8 x 0.78): the first topic keeps its places
    assert _anchors("how long does a non molestation order take") == ["last", "take", "occ"]
