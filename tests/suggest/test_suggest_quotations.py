"""Quotations and their speakers."""

from __future__ import annotations

import pytest
from _draft import draft, facts, field

INTRO = ("LONDON - Britain's Prime Minister Keir Starmer met Latvian Defence Minister Andris "
         "Ozols on Monday.")


def quotes(paragraphs: str) -> list[tuple[str, str, list[str]]]:
    found = draft(f"A headline\n\n{INTRO}\n\n{paragraphs}\n")
    return [(field(q, "speaker"), field(q, "text"), q.notes) for q in facts(found, "quotations")]


@pytest.mark.parametrize("paragraph", [
    '"We will watch every metre of cable," Starmer said.',
    '“We will watch every metre of cable,” Starmer told reporters in London.',
    '"We will watch every metre of cable," said Starmer.',
    'Starmer said the navy "will watch every metre of cable."',
    'Starmer told reporters that the ships "will watch every metre of cable."',
    'Starmer arrived late. "We will watch every metre of cable," he said.',
])
def test_the_speaker_before_or_after_the_quotation(paragraph: str) -> None:
    [(speaker, text, _)] = quotes(paragraph)
    assert speaker == "Keir Starmer"
    assert "watch every metre of cable" in text
    assert not text.endswith(",")


def test_a_quotation_that_opens_a_paragraph_is_attributed_in_the_next_sentence() -> None:
    [(speaker, text, notes)] = quotes(
        '"This is the cheapest insurance we will ever buy." Latvian Defence Minister Andris '
        "Ozols said this at a news conference in Riga.")
    assert speaker == "Andris Ozols"
    assert text == "This is the cheapest insurance we will ever buy."
    assert notes == ["speaker inferred from the next sentence"]


def test_a_second_quotation_in_the_paragraph_keeps_the_speaker() -> None:
    found = quotes('"This is a good start," Starmer said. "We need the world to stay with us '
                   'for years, not weeks."')
    assert [(s, t) for s, t, _ in found] == [
        ("Keir Starmer", "This is a good start"),
        ("Keir Starmer", "We need the world to stay with us for years, not weeks.")]


def test_quoted_as_saying_and_a_participle() -> None:
    found = quotes("A daily quoted Ozols as saying that a ban \"would empty our harbours and "
                   "fill nobody's nets.\"\n\nThe Civic Renewal party voiced opposition to the "
                   'plan, calling it "a luxury our navy cannot afford."')
    assert [s for s, _, _ in found] == ["Andris Ozols", "Civic Renewal"]


def test_a_group_of_states_speaks_as_one() -> None:
    found = draft("A headline\n\nSOFIA - Serbia, Romania and Hungary agreed on Thursday to "
                  'build a network.\n\nThe three governments said they would "protect every '
                  'riverside town as if it were our own."\n')
    [quote] = facts(found, "quotations")
    assert field(quote, "speaker") == "Governments of Serbia, Romania and Hungary"


def test_scare_quotes_and_unattributed_quotations_are_left_out() -> None:
    assert quotes('Starmer called it a "historic step" on Monday.') == []
    assert quotes('"Nobody expected the storm to last this long."') == []
