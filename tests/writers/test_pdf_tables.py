"""PDF tables: a one-line cell in one look is drawn as a string cell (writers/pdf/table.py),
and must land exactly where the paragraph it replaces would: same rows, same text at the
same baseline in the same face and size, on the same pages."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, SimpleDocTemplate, Table

import factsheet
from factsheet.api import layout
from factsheet.layout import tree as t
from factsheet.writers.pdf import table as tables
from factsheet.writers.pdf.build import PdfBuilder
from factsheet.writers.pdf.fonts import bundled_family
from factsheet.writers.pdf.frags import SpanMaker, Spans
from factsheet.writers.pdf.para import Para

ROOT = Path(__file__).parent.parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*/*.yaml"))
RULES = tables.Rules(HexColor("#5F6B7A"), HexColor("#E8EEF5"))


def styles() -> tuple[ParagraphStyle, ParagraphStyle]:
    family, ink = bundled_family(), HexColor("#1A1A1A")
    common = {"fontSize": 9.5, "leading": 12.35, "textColor": ink, "spaceAfter": 0}
    return (ParagraphStyle("head", fontName=family.bold, **common),
            ParagraphStyle("cell", fontName=family.regular, **common))


def build(header: Sequence[Spans], rows: Sequence[Sequence[Spans]], widths: list[float],
          only_paragraphs: bool, monkeypatch: pytest.MonkeyPatch) -> Table:
    with monkeypatch.context() as patch:
        if only_paragraphs:
            patch.setattr(tables, "_one_line", lambda *args: None)
        return tables.make_table(header, rows, widths, styles(), RULES)


class Notes(Flowable):
    """The destinations citations link to (the notes of a briefing)."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        for number in range(1, 100):
            self.canv.bookmarkPage(f"note-{number}")


def placed(made: Table) -> list[tuple[Any, ...]]:
    """Every piece of text of a PDF holding ``made``: page, position, face, size."""
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, invariant=1).build([made, Notes()])
    found: list[tuple[Any, ...]] = []
    for number, page in enumerate(PdfReader(out).pages):
        def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float,
                  number: int = number) -> None:
            if text.strip():
                x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
                y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
                found.append((number, round(x, 3), round(y, 3), font["/BaseFont"],
                              round(size * tm[0], 3), text.strip()))
        page.extract_text(visitor_text=visit)
    return found


def same_placement(header: Sequence[Spans], rows: Sequence[Sequence[Spans]],
                   widths: list[float], monkeypatch: pytest.MonkeyPatch) -> Table:
    made = build(header, rows, widths, False, monkeypatch)
    reference = build(header, rows, widths, True, monkeypatch)
    assert placed(made) == placed(reference)
    return made


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_the_example_tables_are_placed_as_paragraph_tables(
        example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    document = layout(factsheet.load(example))
    builder = PdfBuilder(document)
    strings = 0
    for section in document.sections:
        for block in section.blocks:
            if isinstance(block, t.Table):
                made = same_placement([builder.m.text(h) for h in block.header],
                                      [[builder.m.inlines(c) for c in row] for row in block.rows],
                                      [builder.width * w for w in block.widths], monkeypatch)
                strings += sum(isinstance(c, str) for row in made._cellvalues for c in row)
    assert strings > 20  # the short cells did become strings


WORDS = st.sampled_from(["Serbia", "State", "—", "Đorđević", "Дневник", "x<y", "a&b",
                         "2027", "Interior Ministry of Hungary", "∃", "  ", "\xa0"])


@st.composite
def cells(draw: st.DrawFn) -> t.Inlines:
    runs = draw(st.lists(st.builds(t.Run, WORDS, st.booleans(), st.booleans()),
                         min_size=0, max_size=3))
    cite = draw(st.sampled_from([(), (), (t.Cite(3),)]))
    return (*runs, *cite)


@settings(max_examples=40, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(cells(), min_size=3, max_size=3), min_size=1, max_size=40),
       widths=st.lists(st.floats(min_value=30, max_value=200), min_size=3, max_size=3))
def test_any_table_is_placed_as_its_paragraph_table(
        rows: list[list[t.Inlines]], widths: list[float],
        monkeypatch: pytest.MonkeyPatch) -> None:
    family = bundled_family()
    m = SpanMaker(family.covered, (), "1F4E79")
    same_placement([m.text(h) for h in ("Party", "Kind", "Country")],
                   [[m.inlines(c) for c in row] for row in rows], widths, monkeypatch)


def test_only_one_line_cells_in_one_look_become_strings() -> None:
    m = SpanMaker(bundled_family().covered, (), "1F4E79")
    made = tables.make_table(
        [m.text("Party")],
        [[m.text("Serbia", bold=True)], [m.inlines((t.Run("56 towns"), t.Cite(1)))],
         [m.inlines((t.Run("Bulgaria", bold=True), t.Run(" (Sofia)")))],
         [m.text("Ministry of Agriculture of Serbia, on its website")], [m.text(" ")]],
        [120.0], styles(), RULES)
    kinds = [type(row[0]).__name__ for row in made._cellvalues]
    assert kinds == ["str", "str", "Para", "Para", "Para", "Para"]
    assert made._cellvalues[1][0] == "Serbia"
    assert all(isinstance(row[0], str | Para) for row in made._cellvalues)


def test_a_table_over_three_pages_repeats_its_header_as_its_paragraph_table(
        monkeypatch: pytest.MonkeyPatch) -> None:
    m = SpanMaker(bundled_family().covered, (), "1F4E79")
    rows = [[m.text(f"Party {n}", bold=True), m.text("Government body"),
             m.inlines((t.Run("A ministry that spans two lines in this column " * (n % 3)),
                        t.Cite(n % 9 + 1)))] for n in range(120)]
    made = same_placement([m.text(h) for h in ("Party", "Kind", "Role")], rows,
                          [120.0, 120.0, 200.0], monkeypatch)
    texts = [piece[-1] for piece in placed(made)]
    assert texts.count("Party") >= 3 and len({piece[0] for piece in placed(made)}) >= 3
