"""Numbers stated in evidence: digits, separators, words, scales, qualifiers."""

from __future__ import annotations

import pytest

from factsheet.numbers import find_numbers, stated_in


@pytest.mark.parametrize(("text", "value", "qualifier"), [
    ("killed 1,000 people", 1000, None),
    ("generated 1.8 terawatt-hours", 1.8, None),
    ("two ministers resigned", 2, None),
    ("fifty-six towns", 56, None),
    ("about 30 districts", 30, "about"),
    ("360 drones", 360, None),
    ("nearly 2,000 volunteers", 2000, "nearly"),
    ("more than thirty boats", 30, "more than"),
    ("fell to 412 million cubic metres", 412, None),
    ("fell to 412 million cubic metres", 412_000_000, None),
    ("a group of about 12 states", 12, "about"),
    ("nearly two dozen treatment centres", 24, "nearly"),
    ("a dozen ships", 12, None),
    ("half a dozen ministers", 6, None),
    # currency prefixes printed against the digits, South Asian scales and grouping
    ("reserves of RM4.2 billion", 4_200_000_000, None),
    ("a fine of Rs.40 lakh", 4_000_000, None),
    ("₹1,200 crore was spent", 12_000_000_000, None),
    ("about 2.5 lakh farmers", 250_000, "about"),
    ("12,50,000 farmers", 1_250_000, None),
    ("US$121.3 billion", 121.3, None),
])
def test_stated_values_are_found(text: str, value: float, qualifier: str | None) -> None:
    said = stated_in(value, find_numbers(text))
    assert said is not None
    assert said.qualifier == qualifier


@pytest.mark.parametrize(("text", "value"), [
    ("killed 1,000 people", 100),
    ("generated 1.8 terawatt-hours", 18),
    ("fifty-six towns", 65),
    ("412 million", 413),
    ("version 2.0.1 was released", 2.01),
    ("nearly two dozen treatment centres", 2),
    ("dozens of ships", 12),
    ("the M23 rebels", 23),  # a name, not a figure
    ("12,50,000 farmers", 12),
])
def test_other_values_are_not_found(text: str, value: float) -> None:
    assert stated_in(value, find_numbers(text)) is None


def test_digits_inside_words_and_dates_do_not_swallow_scales() -> None:
    found = [str(s) for s in find_numbers("fell to 412 million from 455 million in 2026")]
    assert found == ["412 million", "455 million", "2026"]
