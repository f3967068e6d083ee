"""Attributed statistics: value, marker, unit, period, source, channel, comparison."""

from __future__ import annotations

import pytest
from _draft import draft, facts, field

INTRO = "LONDON - Estonia's navy and Ukraine's energy ministry reported on Monday."


def stats(paragraphs: str) -> list[dict[str, object]]:
    found = draft(f"A headline\n\n{INTRO}\n\n{paragraphs}\n")
    return [{k: field(s, k) for k in s.fields} for s in facts(found, "statistics")]


def test_value_unit_period_source_and_channel() -> None:
    [stat] = stats("Over the past 24 hours, Russian shelling killed five civilians in the "
                   "Kherson region, regional governor Oleh Savchuk said on Telegram.")
    assert stat["value"] == 5
    assert stat["unit"] == "civilians"
    assert stat["period"] == "Over the past 24 hours"
    assert stat["attributed_to"] == "Oleh Savchuk"
    assert stat["channel"] == "on Telegram"


@pytest.mark.parametrize(("words", "value"), [
    ("fifty-six", 56), ("Fifteen", 15), ("1,400", 1400), ("1.8", 1.8), ("412", 412),
    ("twenty-seven thousand", 27000)])
def test_numbers_in_digits_and_words(words: str, value: float) -> None:
    [stat] = stats(f"{words} juvenile sardines were counted, the ministry said.")
    assert stat["value"] == value


@pytest.mark.parametrize("marker", ["about", "nearly", "more than", "some", "almost"])
def test_approximate_markers_are_noted(marker: str) -> None:
    found = draft(f"A headline\n\n{INTRO}\n\nThe ministry said {marker} 2,000 volunteers had "
                  "registered.\n")
    [stat] = facts(found, "statistics")
    assert stat.fields["value"] == 2000
    if marker in ("about", "nearly", "some", "almost"):
        assert any("approximate" in note for note in stat.notes)


@pytest.mark.parametrize(("sentence", "value", "baseline", "period", "base_period"), [
    ("Estonia's navy recorded 14 suspicious incidents in September, up from seven in August, "
     "the navy said on X.", 14, 7, "September", "August"),
    ("Flood damage fell to about 120 million euros in 2026 from 310 million euros in 2025, "
     "the ministry said on its website.", 120, 310, "2026", "2025"),
    ("The ministry said power cuts affected nearly 1.2 million households in December, up "
     "from 640,000 in November.", 1200000, 640000, "December", "November"),
    ("The ministry said its survey found fifty-six sardines per haul, compared with 81 a year "
     "earlier.", 56, 81, None, "a year earlier"),
])
def test_comparisons_with_their_baseline(sentence: str, value: float, baseline: float,
                                         period: str | None, base_period: str) -> None:
    [stat] = stats(sentence)
    assert stat["value"] == value
    assert stat.get("period") == period
    assert stat["comparison"] == {"value": baseline, "period": base_period}


def test_according_to_and_citing() -> None:
    found = stats("According to the UN refugee agency, about 6.8 million Ukrainians were "
                  "registered as refugees.\n\nThe daily Dnevnik (Дневник) reported that "
                  "dredging would cost about 45 million leva a year, citing the ministry.")
    assert [(s["value"], s["attributed_to"], s.get("reported_via")) for s in found] == [
        (6.8, "UN refugee agency", None),
        (45, "Ukraine's energy ministry", "Dnevnik (Дневник)")]
    assert found[1]["period"] == "a year"


def test_a_source_in_the_next_sentence() -> None:
    [stat] = stats("Russian troops carried out 112 attacks on the region.\n\nGovernor Oleh "
                   "Savchuk reported this on Telegram.")
    assert (stat["value"], stat["attributed_to"], stat["channel"]) == (
        112, "Oleh Savchuk", "on Telegram")


@pytest.mark.parametrize("sentence", [
    "The talks, which lasted four hours, ended in 2026, the ministry said.",
    "Serbia will provide 40 mobile pumps to a common reserve, the ministry said.",
    "The pact was signed on April 8, the ministry said.",
    "The navy said the two states would sign the pact on Monday.",
    'The ministry said "we lost 40 boats this year."',
    "Russia launched 94 drones at Ukraine overnight.",
])
def test_numbers_that_are_no_attributed_statistics(sentence: str) -> None:
    assert stats(sentence) == []
