"""The JSON writer: orjson's bytes are the canonical form the standard library would write."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import factsheet
from factsheet.writers.json import render_json

EXAMPLES = Path(__file__).parent.parent.parent / "examples"


def _canonical(data: object) -> bytes:
    return (json.dumps(data, sort_keys=True, ensure_ascii=False, indent=2,
                       separators=(",", ": "), allow_nan=False) + "\n").encode("utf-8")


@pytest.mark.parametrize("name", ["danube/danube-pact.yaml", "adriatic/adriatic-sardines.yaml"])
def test_bytes_are_the_standard_canonical_form(name: str) -> None:
    briefing = factsheet.load(EXAMPLES / name)
    assert render_json(briefing) == _canonical(briefing.model_dump(mode="json"))


def test_a_value_past_64_bits_falls_back_to_the_standard_encoder() -> None:
    briefing = factsheet.load(EXAMPLES / "danube" / "danube-pact.yaml")
    stat = briefing.statistics[0].model_copy(update={"value": 10**30})
    big = briefing.model_copy(update={"statistics": [stat, *briefing.statistics[1:]]})
    out = render_json(big)
    assert json.loads(out)["statistics"][0]["value"] == 10**30
    assert out == _canonical(big.model_dump(mode="json"))
