"""Tables: ruled, a tinted header row repeated on each page, rows split across pages.

A cell whose text is in one look and fits on one line is handed to the Table as a plain
string, with its face, size, leading and colour as cell style: Table draws it at the same
baseline and row height as the one-line paragraph it would otherwise be (both put the
first baseline one font size below the top padding, both make the row one leading
high), without a paragraph's wrap, its flowable machinery and its own saved graphics
state. Most cells of a briefing (names, kinds, countries, dates) are such. Any other
cell (several looks, a link or citation, more than one line) is a paragraph.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Table, TableStyle
from reportlab.platypus.paragraph import split, strip
from reportlab.platypus.tables import CellStyle

from factsheet.writers.pdf.frags import Spans, plain_text, to_frags
from factsheet.writers.pdf.para import Para

PADDING = (3.0, 4.0, 4.0, 4.0)  # top, right, bottom, left


@dataclass(frozen=True, slots=True)
class Rules:
    """The colours of a table: its rules and its header row's tint."""

    rule: Color
    header: Color


def make_table(header: Sequence[Spans], rows: Sequence[Sequence[Spans]], widths: list[float],
               styles: tuple[ParagraphStyle, ParagraphStyle], rules: Rules) -> Table:
    """A table of ``header`` and ``rows`` (spans per cell), columns ``widths`` points wide;
    ``styles`` are the header's and the body's paragraph styles."""
    data: list[list[str | Para]] = []
    cell_styles: list[list[CellStyle]] = []
    for row, style in [(header, styles[0]), *((row, styles[1]) for row in rows)]:
        cells = [_cell(spans, style, width) for spans, width in zip(row, widths, strict=True)]
        data.append([value for value, _ in cells])
        cell_styles.append([_cell_style(face, style) for _, face in cells])
    table = Table(data, colWidths=widths, repeatRows=1, splitByRow=1, splitInRow=1,
                  hAlign="LEFT", cellStyles=cell_styles)
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), rules.header),
        ("LINEABOVE", (0, 0), (-1, 0), 0.5, rules.rule),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, rules.rule),
    ]))
    return table


def _cell(spans: Spans, style: ParagraphStyle, width: float) -> tuple[str | Para, str]:
    """The cell's one line of text and its face; or a paragraph (and the style's face)."""
    frags = to_frags(spans, style)
    line = _one_line(frags, style, width - PADDING[1] - PADDING[3])
    if line is None:
        return Para(plain_text(spans), style, frags=frags), style.fontName
    return line, frags[0].fontName


def _cell_style(face: str, row: ParagraphStyle) -> CellStyle:
    """A cell's style: what TableStyle's FONT, TEXTCOLOR, VALIGN and padding commands
    would set, set at once (those commands cost one call per cell and command)."""
    style = CellStyle.__new__(CellStyle)
    top, right, bottom, left = PADDING
    style.__dict__.update(name="cell", fontname=face, fontsize=row.fontSize,
                          leading=row.leading, color=row.textColor, valign="TOP",
                          topPadding=top, rightPadding=right, bottomPadding=bottom,
                          leftPadding=left)
    return style


def _one_line(frags: list[Any], style: ParagraphStyle, room: float) -> str | None:
    """The line a paragraph of ``frags`` would draw, when it is one line in the style's own
    size and colour, without link, underline or anchor, narrower than ``room``."""
    if len(frags) != 1:
        return None
    f = frags[0]
    if (f.link or f.us_lines or f.rise or hasattr(f, "cbDefn") or f.fontSize != style.fontSize
            or (f.textColor is not style.textColor and f.textColor != style.textColor)):
        return None
    line = " ".join(split(strip(f.text)))
    if not line or stringWidth(line, f.fontName, f.fontSize) > room:
        return None
    return line
