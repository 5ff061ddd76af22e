"""The starter knowledge base: its structure, coverage, numbers and readability."""

import re

import pytest

from harbour.content.readability import flesch_reading_ease
from harbour.content.starter import markdown_to_html, parse_all
from harbour.content.topics import AUDIENCE_IDS, taxonomy

GROUPS = parse_all()
QUESTIONS = [(group, q) for group in GROUPS for q in group.questions]
PHONE_NUMBER = re.compile(r"(?<![\w/#-])(?:0\d{2,4}[ ]?\d{3}[ ]?\d{3,4}|999|101|55)(?![\w-])")


def test_one_file_per_group_named_after_it():
    assert sorted(g.group for g in GROUPS) == sorted(taxonomy().group_ids())
    for group in GROUPS:
        assert group.title == taxonomy().group(group.group).title


def test_every_topic_has_exactly_one_main_question_anchored_at_its_id():
    mains = [q.topics[0] for _g, q in QUESTIONS if q.anchor == q.topics[0]]
    assert sorted(mains) == sorted(taxonomy().topic_ids())


def test_main_questions_sit_in_their_topics_group():
    for group, question in QUESTIONS:
        if question.anchor == question.topics[0]:
            assert taxonomy().topic(question.anchor).group == group.group, question.question


def test_anchors_are_unique_and_safe_for_urls():
    anchors = [q.anchor for _g, q in QUESTIONS]
    assert len(anchors) == len(set(anchors))
    for anchor in anchors:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", anchor), anchor


@pytest.mark.parametrize(("group", "question"), QUESTIONS,
                         ids=[q.anchor for _g, q in QUESTIONS])
def test_each_question_is_complete(group, question):
    assert set(question.topics) <= taxonomy().topic_ids()
    assert question.audience in AUDIENCE_IDS
    assert question.sources, "every answer names its sources"
    assert question.reviewed.year >= 2026
    assert len(question.answer_markdown) > 80
    assert question.also_asked, "people's own words help search and the webchat"


@pytest.mark.parametrize(("group", "question"), QUESTIONS,
                         ids=[q.anchor for _g, q in QUESTIONS])
def test_every_answer_reads_at_flesch_60_or_more(group, question):
    score = question.reading_ease()
    assert score >= 60, f"{question.anchor} reads at {score:.0f}"


@pytest.mark.parametrize("group", GROUPS, ids=[g.group for g in GROUPS])
def test_every_phone_number_written_is_listed_with_a_source(group):
    listed = {re.sub(r"\s", "", n.number): n for n in group.numbers}
    for number in listed.values():
        assert number.source, f"{number.number} needs a named source"
    for question in group.questions:
        for found in PHONE_NUMBER.findall(question.answer_markdown):
            entry = listed.get(re.sub(r"\s", "", found))
            assert entry is not None, f"{group.group}: {found} in {question.anchor} is not listed"
            assert entry.verified, f"{found} is not verified, so it must not be shown"


def test_links_between_answers_land_on_a_real_anchor():
    anchors = {(g.group, q.anchor) for g, q in QUESTIONS}
    for _group, question in QUESTIONS:
        for target_group, anchor in re.findall(
                r"\]\(/advice/([a-z-]+)/#([a-z0-9-]+)\)", question.answer_markdown):
            assert (target_group, anchor) in anchors, f"{question.anchor} links to a missing answer"


def test_markdown_becomes_safe_html():
    html = markdown_to_html("**Call 999.** <script>alert(1)</script> [x](javascript:alert(1))")
    assert "<strong>Call 999.</strong>" in html
    assert "<script" not in html
    assert "href=\"javascript" not in html


def test_flesch_scores_plain_and_dense_text_apart():
    plain = "Call 999 now. Tell them where you are. Stay on the line."
    dense = ("Notwithstanding the aforementioned statutory considerations, applications "
             "necessitate comprehensive documentation demonstrating eligibility.")
    assert flesch_reading_ease(plain) > 80
    assert flesch_reading_ease(dense) < 20
