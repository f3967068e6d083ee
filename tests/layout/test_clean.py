"""Characters Word rejects never crash a render: they are dropped and reported (FS502)."""

from __future__ import annotations

import io
from pathlib import Path

import docx

import factsheet
from factsheet.api import layout

EXAMPLE = Path(__file__).parent.parent.parent / "examples" / "danube" / "danube-pact.yaml"


def test_control_characters_in_a_briefing_built_in_code_are_dropped_and_reported() -> None:
    briefing = factsheet.load(EXAMPLE)
    first = briefing.commitments[0].model_copy(update={"action": "build\x07 a\x00 network"})
    bad = briefing.model_copy(update={"commitments": [first, *briefing.commitments[1:]]})
    document = layout(bad)
    assert [(d.code, d.severity.value) for d in document.diagnostics] == [("FS502", "warning")]
    assert "U+0000, U+0007" in document.diagnostics[0].message
    opened = docx.Document(io.BytesIO(factsheet.render(bad, "docx")))
    cells = [c.text for t in opened.tables for row in t.rows for c in row.cells]
    assert any(c.startswith("Build a network.") for c in cells)


def test_a_clean_briefing_reports_nothing() -> None:
    assert layout(factsheet.load(EXAMPLE)).diagnostics == ()
