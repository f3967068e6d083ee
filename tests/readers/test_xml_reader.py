"""Inline XML: text and offsets, nesting, overlaps, extra spans, refusals."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factsheet.diagnostics import Diagnostic
from factsheet.readers.source import TextFile
from factsheet.readers.xml import read_xml

DOC = """<?xml version="1.0" encoding="UTF-8"?>
<factsheet version="1">
  <article id="a" title="T" language="en">
    <text>
LINDAU - <party id="ost" name="Ostmark" kind="state" country="XO">Ostmark</party> will <commitment id="c1" by="ost" action="not send inspectors" modality="refusal">not send <begin ref="p1"/>inspectors</commitment>, Eklund said</end> &amp; more.
<span ref="c1">Again</span>.
</text>
  </article>
  <position id="p1" holder="ost" topic="panel" stance="oppose" summary="No inspectors."/>
</factsheet>
"""


def read(text: str) -> tuple[Any, list[Diagnostic]]:
    diagnostics: list[Diagnostic] = []
    loaded = read_xml(TextFile("a.xml", text), diagnostics)
    return loaded, diagnostics


def spans(loaded: Any, name: str, index: int, key: str = "evidence") -> list[str]:
    text = loaded.data["articles"][0]["text"]
    return [text[e["start"]:e["end"]] for e in loaded.data[name][index][key]]


def test_text_offsets_nesting_overlap_and_extra_spans() -> None:
    loaded, diags = read(DOC.replace("</end>", '<end ref="p1"/>'))
    assert diags == []
    text = loaded.data["articles"][0]["text"]
    assert text == ("LINDAU - Ostmark will not send inspectors, Eklund said & more.\n"
                    "Again.\n")
    assert spans(loaded, "parties", 0, "mentions") == ["Ostmark"]
    assert spans(loaded, "commitments", 0) == ["not send inspectors", "Again"]
    assert spans(loaded, "positions", 0) == ["inspectors, Eklund said"]
    assert loaded.data["commitments"][0]["by"] == ["ost"]
    assert loaded.smap.values[("commitments", 0)] == (5, 88)


@pytest.mark.parametrize(("text", "code", "line"), [
    ('<!DOCTYPE x [<!ENTITY a "aaaa">]><factsheet/>', "FS106", 1),
    ('<?xml version="1.0"?>\n<!DOCTYPE x SYSTEM "file:///etc/passwd"><factsheet/>', "FS106", 2),
    ('<?xml version="1.0" encoding="ISO-8859-1"?><factsheet/>', "FS102", 1),
    ("<factsheet><article>", "FS101", 1),
    ("<factsheet>&ent;</factsheet>", "FS101", 1),
    ("<notes/>", "FS113", 1),
    ('<factsheet>\n  <partyy id="x"/></factsheet>', "FS113", 2),
    ('<factsheet>\n  <party id="x" colour="red"/></factsheet>', "FS113", 2),
])
def test_refusals_are_located(text: str, code: str, line: int) -> None:
    loaded, diags = read(text)
    assert loaded.data is None
    assert [(d.code, d.line) for d in diags] == [(code, line)]


def test_unknown_element_suggests_the_closest() -> None:
    _, diags = read('<factsheet>\n  <partyy id="x"/></factsheet>')
    assert diags[0].hint == "did you mean 'party'?"


def test_unclosed_begin_is_reported() -> None:
    _, diags = read(DOC.replace("</end>", ""))
    assert diags[0].code == "FS113"
    assert "has no matching <end/>" in diags[0].message


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_any_text_gives_data_or_diagnostics(text: str) -> None:
    loaded, diags = read(text)
    assert loaded.data is not None or diags
