"""Turn layout inlines into ReportLab Paragraph markup, safely.

Paragraph text *is* markup: ``<img src=...>`` reads local files, ``<font color=...>`` has
had code-execution bugs, ``x<y`` silently loses text. So every string from the input is
escaped here, and the only tags in the result are the ones this module writes: b, i, u,
a (our own anchors, http(s) links and note links), super, and font (our own face names).
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

from factsheet.layout import tree as t

_URL = re.compile(r"^https?://[^\s<>\"']+$")


class Markup:
    """Markup writer for one document: knows which font draws which character."""

    def __init__(self, main: frozenset[int], fallbacks: tuple[tuple[str, frozenset[int]], ...],
                 cite_colour: str) -> None:
        self.main, self.fallbacks, self.cite_colour = main, fallbacks, cite_colour

    def text(self, value: str) -> str:
        """Return ``value`` escaped (long words are split by the style's splitLongWords,
        never by changing the text); characters the main font lacks go to a fallback."""
        if not self.fallbacks or all(ord(c) in self.main for c in value):
            return escape(value)
        out, run, run_font = [], [], None
        for char in value:
            font = None if ord(char) in self.main else next(
                (name for name, covered in self.fallbacks if ord(char) in covered), None)
            if font != run_font and run:
                out.append(_in_font("".join(run), run_font))
                run = []
            run_font = font
            run.append(char)
        if run:
            out.append(_in_font("".join(run), run_font))
        return "".join(out)

    def inlines(self, content: t.Inlines) -> str:
        """Return Paragraph markup for ``content``; citations link to their note."""
        parts = []
        previous: t.Inline | None = None
        for item in content:
            if isinstance(item, t.Cite) and isinstance(previous, t.Cite):
                parts.append("<super>,</super>")  # 7,8 and not 78
            previous = item
            if isinstance(item, t.Run):
                body = self.text(item.text)
                if item.bold:
                    body = f"<b>{body}</b>"
                if item.italic:
                    body = f"<i>{body}</i>"
                parts.append(body)
            elif isinstance(item, t.Cite):
                parts.append(self.cite(item.number))
            else:
                parts.append(self.link(item.text, item.url))
        return "".join(parts)

    def cite(self, number: int) -> str:
        """Return a superscript marker linking to note ``number``, with an anchor to return to."""
        return (f'<a name="cite-{number}"/><super><a href="#note-{number}" '
                f'color="#{self.cite_colour}">{number}</a></super>')

    def link(self, label: str, url: str) -> str:
        """Return a hyperlink for an http(s) URL or one of our anchors; else plain text."""
        if url.startswith("#") and re.fullmatch(r"#[A-Za-z0-9_-]+", url):
            return f'<a href="{url}">{self.text(label)}</a>'
        if not _URL.match(url):
            return self.text(label)  # javascript:, file:, data: ... never become links
        return f"<a href={quoteattr(url)}><u>{self.text(label)}</u></a>"


def _in_font(value: str, font: str | None) -> str:
    return escape(value) if font is None else f'<font name="{font}">{escape(value)}</font>'
