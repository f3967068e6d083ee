"""Commitments and positions from cue phrases: always low confidence."""

from __future__ import annotations

import pytest
from _draft import draft, facts, field

from factsheet.model.common import Confidence

INTRO = "LONDON - Estonia, Latvia and Lithuania met Finland and Poland on Monday."


def found_facts(paragraph: str, kind: str) -> list[dict[str, object]]:
    found = draft(f"Published: 10:00, April 9, 2027\nA headline\n\n{INTRO}\n\n{paragraph}\n")
    items = facts(found, kind)
    assert all(item.confidence is Confidence.LOW for item in items)
    return [{k: field(f, k) for k in f.fields} for f in items]


@pytest.mark.parametrize(("sentence", "by", "action", "modality"), [
    ("Estonia and Latvia agreed on Thursday to set up a shared repair fleet.",
     ["Estonia", "Latvia"], "set up a shared repair fleet", "binding"),
    ("Lithuania stands ready to host the fleet's headquarters.", ["Lithuania"],
     "host the fleet's headquarters", "readiness"),
    ("Finland will not send warships to the patrols, the minister said.", ["Finland"],
     "send warships to the patrols", "refusal"),
    ("Finland expressed readiness to share satellite images.", ["Finland"],
     "share satellite images", "readiness"),
    ("Poland pledged to buy back 90 trawlers.", ["Poland"], "buy back 90 trawlers", "pledge"),
])
def test_commitment_cues(sentence: str, by: list[str], action: str, modality: str) -> None:
    [commitment] = found_facts(sentence, "commitments")
    assert (commitment["by"], commitment["action"], commitment["modality"]) == (
        by, action, modality)


def test_a_signed_declaration_with_its_condition_instrument_and_date() -> None:
    [commitment] = found_facts(
        "Estonia, Latvia and Lithuania signed the Baltic Cable Security Declaration on "
        "Thursday committing them to protect undersea cables once the patrols start.",
        "commitments")
    assert commitment["by"] == ["Estonia", "Latvia", "Lithuania"]
    assert commitment["action"] == "protect undersea cables"
    assert commitment["condition"] == "once the patrols start"
    assert commitment["instrument"] == "Baltic Cable Security Declaration"
    assert commitment["date"] == "2027-04-08"


def test_the_second_clause_keeps_its_subject() -> None:
    found = found_facts("Poland will not send troops to Finland but will host the logistics "
                        "hub.", "commitments")
    assert [(c["by"], c["modality"], c.get("to")) for c in found] == [
        (["Poland"], "refusal", ["Finland"]), (["Poland"], "pledge", None)]


@pytest.mark.parametrize(("sentence", "holder", "stance"), [
    ("Finland reiterated its opposition to any deployment.", "Finland", "oppose"),
    ("Poland welcomed the pact.", "Poland", "support"),
    ("Latvia criticised the plan as too costly.", "Latvia", "oppose"),
])
def test_position_cues(sentence: str, holder: str, stance: str) -> None:
    [position] = found_facts(sentence, "positions")
    assert (position["holder"], position["stance"]) == (holder, stance)


def test_a_refusal_voiced_by_a_minister_is_also_a_position_of_the_minister() -> None:
    found = found_facts("Finland will not send warships, Finnish Foreign Minister Helena "
                        "Virtanen said.", "positions")
    assert [(p["holder"], p["stance"]) for p in found] == [("Helena Virtanen", "oppose")]


@pytest.mark.parametrize(("sentence", "holder", "stance"), [
    ("Finland called on Poland to reopen the border crossings.", "Finland", "support"),
    ("Lithuania urged the bloc to extend sanctions.", "Lithuania", "support"),
    ("Estonia accused Latvia of dumping cheap grain.", "Estonia", "oppose"),
    ("Poland denies breaching the quota.", "Poland", "oppose"),
    ("Finland voiced concern over the new pipeline.", "Finland", "oppose"),
])
def test_more_stance_cues(sentence: str, holder: str, stance: str) -> None:
    [position] = found_facts(sentence, "positions")
    assert position["holder"] == holder
    assert position["stance"] == stance


def test_the_government_of_a_story_about_one_country() -> None:
    found = draft("A headline\n\nLIMA, Peru - Peru's death toll rose to 27, Peru's interior "
                  "ministry said. Rescuers in Peru reached the tunnels.\n\nQuispe said the "
                  "government will send 60 more rescue specialists from the capital.\n")
    [commitment] = facts(found, "commitments")
    [by] = commitment.fields["by"]
    assert by.name == "Government of Peru" and by.affiliation is not None
    assert by.affiliation.name == "Peru"


def test_an_amount_with_a_decimal_point_stays_in_the_action() -> None:
    [commitment] = found_facts("Poland pledged 2.1 billion euros in aid for the region.",
                               "commitments")
    assert commitment["action"].startswith("2.1 billion euros")
