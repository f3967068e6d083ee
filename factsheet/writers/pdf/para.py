"""The paragraph flowable: ReportLab's Paragraph, made from spans and kept from repeating
work.

A briefing is some 150 short paragraphs, so what ReportLab does per paragraph beyond the
text itself adds up: parsing markup (frags.py builds the fragments instead), breaking
lines through its general algorithm (lines.py) and, when drawing a paragraph in one look,
moving the origin and saving the graphics state twice where once is enough.
"""

from __future__ import annotations

from typing import Any

from reportlab import rl_config
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import _leftDrawParaLine

from factsheet.writers.pdf.frags import Spans, plain_text, to_frags
from factsheet.writers.pdf.lines import break_lines


class Para(Paragraph):
    """A paragraph that breaks its lines once per width, and draws simply when it can."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Tables, keep-together and frames ask a paragraph for its size several times at
        the same width; its lines depend on the width alone, so the first answer is kept."""
        # split() drops the broken lines (blPara): then the paragraph must wrap again.
        if getattr(self, "_wrapped_for", None) == availWidth and hasattr(self, "blPara"):
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped_for = availWidth
        return size

    def breakLines(self, width: float | list[float]) -> Any:
        """ReportLab's lines, worked out by lines.py where it reproduces them."""
        widths = list(width) if isinstance(width, list | tuple) else [width]
        lines = break_lines(self, widths)
        return lines if lines is not None else super().breakLines(width)

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        """Flowable.drawOn; a paragraph that draws simply puts its text at the absolute
        position instead of moving the origin there first (one operator less for each of
        a briefing's hundred or so paragraphs)."""
        if not self._draws_simply() or getattr(self, "_showBoundary", False):
            super().drawOn(canvas, x, y, _sW)
            return
        canvas.saveState()
        self._draw_simply(canvas, self._hAlignAdjust(x, _sW), y)
        canvas.restoreState()

    def draw(self) -> None:
        """Draw the paragraph, simply when it can (see _draw_simply)."""
        if self._draws_simply():
            self._draw_simply(self.canv, 0, 0)
        else:
            super().draw()

    def _draw_simply(self, canvas: Any, x: float, y: float) -> None:
        """Draw a left-aligned paragraph in one look (kind 0 lines, no link, underline,
        bullet, border or background) with its origin at (x, y), as drawPara does, but
        without a saved state of its own: the caller saves and restores one around it."""
        lines, style = self.blPara, self.style
        canvas.setFillColor(lines.textColor)
        text = canvas.beginText(x + style.leftIndent, y + self.height - lines.fontSize)
        text.setFont(lines.fontName, lines.fontSize, style.leading)
        offset = style.firstLineIndent
        for extra, words in lines.lines:
            _leftDrawParaLine(text, offset, extra, words)
            offset = 0
        canvas.drawText(text)

    def _draws_simply(self) -> bool:
        """True when drawPara would take its plainest path: see _draw_simply."""
        lines, style = self.blPara, self.style
        return bool(lines.kind == 0 and lines.lines and not (lines.us_lines or lines.link)
                    and style.alignment == TA_LEFT and not style.wordWrap
                    and not (style.backColor or (style.borderColor and style.borderWidth))
                    and not self.bulletText and not hasattr(self, "_offsets")
                    and getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
                    not in ("max", "min")
                    and rl_config.paraFontSizeHeightOffset)


class Heading(Para):
    """A heading that becomes an outline entry (bookmark) where it is drawn."""

    outline: tuple[str, str, int]


def para(spans: Spans, style: ParagraphStyle) -> Para:
    """A paragraph made from spans: its fragments are built, never parsed from markup."""
    return Para(plain_text(spans), style, frags=to_frags(spans, style))


def heading_para(spans: Spans, style: ParagraphStyle, title: str, key: str, level: int
                 ) -> Heading:
    """A heading paragraph with its outline entry: ``title`` at ``level``, bookmark ``key``."""
    made = Heading(plain_text(spans), style, frags=to_frags(spans, style))
    made.outline = (title, key, level)
    return made
