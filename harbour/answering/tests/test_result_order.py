"""The order of the answers: the best passage of each topic first, then the rest as ranked."""

from harbour.answering.engine.answerer import Answerer, one_topic_each_first
from harbour.answering.engine.passages import Passage


def test_the_first_places_go_to_one_passage_of_each_topic():
    topic_of = {0: "a", 1: "a", 2: "b", 3: "c", 4: "a", 5: "d"}
    assert one_topic_each_first([0, 1, 2, 3, 4, 5], topic_of) == [0, 2, 3, 1, 4, 5]


def test_with_fewer_topics_than_places_the_rest_follow_as_ranked():
    topic_of = {0: "a", 1: "a", 2: "b", 3: "a"}
    assert one_topic_each_first([0, 1, 2, 3], topic_of) == [0, 2, 1, 3]
    assert one_topic_each_first([], topic_of) == []


def test_the_best_answer_never_moves():
    topic_of = {0: "a", 1: "b", 2: "b", 3: "c"}
    for order in ([0, 1, 2, 3], [2, 1, 0, 3], [3, 2, 1, 0]):
        assert one_topic_each_first(order, topic_of)[0] == order[0]
        assert sorted(one_topic_each_first(order, topic_of)) == sorted(order)


def _passage(anchor: str, question: str, topic: str) -> Passage:
    return Passage(anchor=anchor, question=question, answer=question, topics=(topic,),
                   group="g", group_title="G", audience="everyone", url=f"/g/#{anchor}")


def test_the_engine_shows_a_second_topic_before_a_third_passage_of_the_first():
    passages = [_passage("last", "how long does a non molestation order last", "non-mol"),
                _passage("stop", "what does a non molestation order stop", "non-mol"),
                _passage("break", "what if he breaks a non molestation order", "non-mol"),
                _passage("occ", "can an occupation order get him out of the house", "occupation")]
    message = ("how long does a non molestation order last and what does it stop, "
               "is it like an occupation order")
    answer = Answerer(passages).answer(message, engine="keywords")
    anchors = [result.passage.anchor for result in answer.results]
    scores = [result.score for result in answer.results]
    # "stop" scores above "occ", but the occupation order comes second: another reading.
    assert anchors[:3] == ["last", "occ", "stop"], anchors
    assert scores[2] > scores[1]
    assert sorted(anchors) == ["break", "last", "occ", "stop"]
