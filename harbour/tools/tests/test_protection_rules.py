"""Which court protection could help me? What a person in each situation is told, and why."""

from __future__ import annotations

import pytest

from harbour.tools.flow import findings_weighed, load_tool, paths, walk

TOOL = load_tool("protection")
ASSOCIATED = [
    "married",
    "engaged",
    "living-together",
    "intimate",
    "parents",
    "relative",
    "household",
    "same-case",
]


def verdicts(**answers) -> dict[str, str]:
    chosen = {question.replace("_", "-"): tuple(v.split()) for question, v in answers.items()}
    assert walk(TOOL, chosen).outcome is not None, "the answers must reach the result"
    return {w.finding.id: w.verdict for w in findings_weighed(TOOL, chosen)}


def test_every_associated_person_category_is_offered():
    options = {o.id for o in TOOL.questions["relationship"].options}
    assert options == {*ASSOCIATED, "none"}


@pytest.mark.parametrize("relationship", ASSOCIATED)
def test_an_associated_person_facing_violence_can_apply_for_a_non_molestation_order(relationship):
    result = verdicts(relationship=relationship, behaviour="violence", home="never", police="not-involved")
    assert result["non-molestation-order"] == "fits"
    assert result["restraining-order-harassment"] == "does-not-fit"
    assert result["dvpn-dvpo"] == "may-fit"


@pytest.mark.parametrize("behaviour", ["violence", "threats", "harassment", "belongings"])
def test_each_kind_of_molestation_fits_the_order(behaviour):
    assert (
        verdicts(relationship="married", behaviour=behaviour, home="never", police="not-involved")[
            "non-molestation-order"
        ]
        == "fits"
    )


def test_an_associated_person_with_nothing_the_order_forbids_may_still_apply():
    assert (
        verdicts(relationship="relative", behaviour="other", home="never", police="not-involved")[
            "non-molestation-order"
        ]
        == "may-fit"
    )


def test_someone_never_in_a_relationship_is_pointed_to_the_harassment_act_not_family_orders():
    result = verdicts(relationship="none", behaviour="harassment", police="reported")
    assert result["restraining-order-harassment"] == "fits"
    assert result["non-molestation-order"] == "does-not-fit"
    assert result["occupation-order"] == "does-not-fit"
    assert result["dvpn-dvpo"] == "does-not-fit"


def test_someone_never_in_a_relationship_is_not_asked_about_a_shared_home():
    assert walk(TOOL, {"relationship": ("none",), "behaviour": ("harassment",)}).question.id == "police"
    assert walk(TOOL, {"relationship": ("married",), "behaviour": ("harassment",)}).question.id == "home"


@pytest.mark.parametrize(
    ("relationship", "home", "expected"),
    [
        ("married", "my-name", "fits"),  # a legal interest in the shared home
        ("relative", "my-name", "fits"),  # any associated person with an interest
        ("household", "my-name", "fits"),
        ("intimate", "paid-towards", "may-fit"),  # a beneficial interest, for a solicitor to check
        ("married", "their-name", "may-fit"),  # former spouse or civil partner route
        ("living-together", "their-name", "may-fit"),  # former cohabitant route
        ("relative", "their-name", "does-not-fit"),
        ("engaged", "their-name", "does-not-fit"),
        ("married", "never", "does-not-fit"),
    ],
)
def test_each_occupation_order_route(relationship, home, expected):
    assert (
        verdicts(relationship=relationship, behaviour="home", home=home, police="not-involved")[
            "occupation-order"
        ]
        == expected
    )


def test_a_police_notice_already_given_means_the_police_must_apply_for_an_order():
    result = verdicts(relationship="living-together", behaviour="violence", home="my-name", police="notice")
    assert result["dvpn-dvpo"] == "fits"


def test_police_notices_need_violence_or_threats():
    assert (
        verdicts(relationship="married", behaviour="harassment", home="never", police="not-involved")[
            "dvpn-dvpo"
        ]
        == "does-not-fit"
    )
    assert (
        verdicts(relationship="married", behaviour="threats", home="never", police="not-involved")[
            "dvpn-dvpo"
        ]
        == "may-fit"
    )


def test_a_criminal_court_can_make_a_restraining_order_for_an_associated_person_once_charged():
    assert (
        verdicts(relationship="married", behaviour="violence", home="never", police="charged")[
            "restraining-order-harassment"
        ]
        == "may-fit"
    )


@pytest.mark.parametrize("who", ["me", "someone-else"])
def test_forced_marriage_protection_for_the_person_at_risk_and_for_others(who):
    result = verdicts(
        relationship="relative",
        behaviour="forced-marriage",
        forced_marriage=who,
        home="never",
        police="not-involved",
    )
    assert result["forced-marriage-protection-order"] == "fits"


def test_forced_marriage_question_only_when_forced_marriage_is_chosen():
    assert (
        walk(TOOL, {"relationship": ("relative",), "behaviour": ("forced-marriage",)}).question.id
        == "forced-marriage"
    )
    assert (
        verdicts(relationship="relative", behaviour="violence", home="never", police="not-involved")[
            "forced-marriage-protection-order"
        ]
        == "does-not-fit"
    )


@pytest.mark.parametrize(
    ("children", "order"),
    [
        ("abroad-or-name", "prohibited-steps-order"),
        ("where-they-live", "child-arrangements-order"),
        ("kept-away", "child-arrangements-order"),
        ("one-issue", "specific-issue-order"),
    ],
)
def test_each_childrens_order_fits_its_disagreement(children, order):
    result = verdicts(
        relationship="parents", behaviour="children", children=children, home="never", police="not-involved"
    )
    assert result[order] == "fits"


def test_without_children_questions_the_childrens_orders_do_not_fit():
    result = verdicts(relationship="married", behaviour="violence", home="never", police="not-involved")
    assert {
        result[o] for o in ("child-arrangements-order", "prohibited-steps-order", "specific-issue-order")
    } == {"does-not-fit"}


def test_every_route_weighs_every_order_with_a_reason():
    finding_ids = {f.id for f in TOOL.findings}
    for answers, _outcome in paths(TOOL):
        weighed = findings_weighed(TOOL, answers)
        assert {w.finding.id for w in weighed} == finding_ids
        assert all(w.why for w in weighed)
        order = [w.verdict for w in weighed]
        assert order == sorted(order, key=["fits", "may-fit", "does-not-fit"].index)


def test_the_result_ends_with_a_solicitor_legal_aid_and_the_advice_line():
    text = " ".join(item for section in TOOL.outcomes["result"].sections for item in section.items)
    assert "solicitor" in text and "Legal aid" in text and "advice line" in text and "999" in text
