"""Turn layout inlines into ReportLab paragraph fragments, with no markup in between.

ReportLab's Paragraph reads a string as markup: ``<img src=...>`` reads local files,
``<font color=...>`` has had code-execution bugs, ``x<y`` silently loses text. A Paragraph
given fragments instead never parses anything, so every input string reaches the PDF as
the same characters by construction, and the only links, colours and faces in it are the
ones made here: b, i and u looks, links to http(s) URLs and to our own anchors, superscript
citation markers and fallback faces. Parsing was also a fifth of a render.

The fragments are the ones ReportLab's parser makes of the equivalent markup, down to its
whitespace cleaning (tests/writers/test_pdf_paragraphs.py compares the two), so that line
breaking, links and drawing stay ReportLab's own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, NamedTuple

from reportlab.lib.abag import ABag
from reportlab.lib.colors import HexColor
from reportlab.lib.fonts import ps2tt, tt2ps
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.paraparser import ParaFrag, sizeDelta, supFraction

from factsheet.layout import tree as t

_URL = re.compile(r"^https?://[^\s<>\"']+$")
_ANCHOR = re.compile(r"#[A-Za-z0-9_-]+")


class Look(NamedTuple):
    """How a span is drawn: everything about it but its text.

    ``font`` is a fallback face for characters the family lacks; ``link`` is an http(s) URL
    or one of our ``#anchors``; ``colour`` (hex, no ``#``) recolours the text; ``anchor``
    makes the span an empty named destination that links can point at.
    """

    bold: bool = False
    italic: bool = False
    font: str | None = None
    link: str | None = None
    colour: str | None = None
    underline: bool = False
    superscript: bool = False
    anchor: str | None = None


PLAIN = Look()
BOLD, ITALIC, BOLD_ITALIC = Look(bold=True), Look(italic=True), Look(bold=True, italic=True)


class Span(NamedTuple):
    """A piece of a paragraph drawn in one look."""

    text: str
    look: Look = PLAIN


Spans = list[Span]


def _look(bold: bool, italic: bool, font: str | None = None) -> Look:
    """The look of a run of text; the four without a fallback face are made once."""
    if font is None:
        return (BOLD_ITALIC if italic else BOLD) if bold else (ITALIC if italic else PLAIN)
    return Look(bold, italic, font)


class SpanMaker:
    """Span maker for one document: knows which font draws which character."""

    def __init__(self, main: frozenset[int], fallbacks: tuple[tuple[str, frozenset[int]], ...],
                 cite_colour: str) -> None:
        self.main, self.fallbacks, self.cite_colour = main, fallbacks, cite_colour

    def text(self, value: str, bold: bool = False, italic: bool = False) -> Spans:
        """Return ``value`` as spans; characters the main font lacks go to a fallback face.

        (Long words are split by the style's splitLongWords, never by changing the text.)
        """
        if not self.fallbacks or all(ord(c) in self.main for c in value):
            return [Span(value, _look(bold, italic))]
        spans: Spans = []
        run: list[str] = []
        run_font: str | None = None
        for char in value:
            font = None if ord(char) in self.main else next(
                (name for name, covered in self.fallbacks if ord(char) in covered), None)
            if font != run_font and run:
                spans.append(Span("".join(run), _look(bold, italic, run_font)))
                run = []
            run_font = font
            run.append(char)
        if run:
            spans.append(Span("".join(run), _look(bold, italic, run_font)))
        return spans

    def inlines(self, content: t.Inlines) -> Spans:
        """Return the spans of ``content``; citations link to their note."""
        spans: Spans = []
        previous: t.Inline | None = None
        for item in content:
            if isinstance(item, t.Cite) and isinstance(previous, t.Cite):
                spans.append(Span(",", Look(superscript=True)))  # 7,8 and not 78
            previous = item
            if isinstance(item, t.Run):
                spans += self.text(item.text, item.bold, item.italic)
            elif isinstance(item, t.Cite):
                spans += self.cite(item.number)
            else:
                spans += self.link(item.text, item.url)
        return spans

    def cite(self, number: int) -> Spans:
        """Return a superscript marker linking to note ``number``, with an anchor to return to."""
        return [Span("", Look(anchor=f"cite-{number}")),
                Span(str(number), Look(link=f"#note-{number}", colour=self.cite_colour,
                                       superscript=True))]

    def note_number(self, number: int) -> Spans:
        """Return a note's number, linking back to its citation, and the note's anchor."""
        return [Span("", Look(anchor=f"note-{number}")),
                Span(f"{number}.", Look(link=f"#cite-{number}", colour=self.cite_colour))]

    def link(self, label: str, url: str) -> Spans:
        """Return a hyperlink for an http(s) URL or one of our anchors; else plain text."""
        if url.startswith("#") and _ANCHOR.fullmatch(url):
            return [Span(span.text, span.look._replace(link=url)) for span in self.text(label)]
        if not _URL.match(url):
            return self.text(label)  # javascript:, file:, data: ... never become links
        return [Span(span.text, span.look._replace(link=url, underline=True))
                for span in self.text(label)]


def plain_text(spans: Sequence[Span]) -> str:
    """Return the characters of ``spans``, for ReportLab's ``Paragraph.text``."""
    return "".join(span.text for span in spans)


def to_frags(spans: Sequence[Span], style: ParagraphStyle) -> list[Any]:
    """Return the ParaFrags ReportLab's parser would make of these spans written as markup.

    Neighbouring spans in the same look are one fragment, and whitespace is cleaned as if
    a tag stood between fragments; a link (and its underline) runs over neighbouring
    fragments with the same target, as one ``<a>`` around a label in several faces, and
    links are numbered in order, as the parser numbers its tags.
    """
    spans = _merged(spans)
    frags: list[Any] = []
    links = lines = 0
    link: list[tuple[int, str]] = []
    underline: list[tuple[Any, ...]] = []
    previous = PLAIN
    for (_, look), text in zip(spans, _cleaned(spans), strict=True):
        if look.link != previous.link:
            link = [(links, look.link)] if look.link else []
            links += bool(look.link)
        if look.underline and not (previous.underline and previous.link == look.link):
            underline = [_underline(lines, style)]
            lines += 1
        elif not look.underline:
            underline = []
        previous = look
        if not text and look.anchor is None:
            continue  # no fragment, as the parser makes none of an empty tag (but counts it)
        drawn = (look.bold, look.italic, look.font, look.colour, look.superscript)
        frag = ParaFrag(**_fields(style, drawn), link=link, us_lines=underline)
        if look.anchor is not None:
            frag.cbDefn = ABag(label="anchor", kind="anchor", name=look.anchor)
        frag.text = text
        frags.append(frag)
    return frags


def _merged(spans: Sequence[Span]) -> list[Span]:
    """Join neighbouring spans in the same look (anchors stay apart)."""
    merged: list[Span] = []
    for span in spans:
        if merged and span.look.anchor is None and merged[-1].look == span.look:
            merged[-1] = Span(merged[-1].text + span.text, span.look)
        else:
            merged.append(span)
    return merged


def _cleaned(spans: Sequence[Span]) -> list[str]:
    """Return each span's text with its whitespace as ReportLab's parser leaves it.

    Paragraph collapses every whitespace run of its markup to one space and trims the
    ends (cleanBlockQuotedText); a tag stops a run. Here every span boundary stands for a
    tag, and so do the ends of a span that is not in the paragraph's own look.
    """
    texts = [span.text for span in spans]
    if not texts:
        return texts
    start, end = spans[0].look != PLAIN, spans[-1].look != PLAIN
    if all(text.isprintable() and "  " not in text for text in texts):
        # no whitespace but single spaces: every other whitespace character (and the
        # zero-width space the cleaning strips from the ends) is unprintable
        if not start:
            texts[0] = texts[0].lstrip(" ")
        if not end:
            texts[-1] = texts[-1].rstrip(" ")
        return texts
    marker = _marker("".join(texts))
    cleaned = cleanBlockQuotedText((marker if start else "") + marker.join(texts)
                                   + (marker if end else "")).split(marker)
    return cleaned[int(start):len(cleaned) - int(end)]


def _marker(text: str) -> str:
    """Return a character that is not whitespace and not in ``text`` (a private-use one)."""
    for block in (range(0xE000, 0xF900), range(0xF0000, 0xFFFFE), range(0x100000, 0x10FFFE)):
        for code in block:
            if chr(code) not in text:
                return chr(code)
    raise ValueError("paragraph uses every private-use character")  # pragma: no cover


def _underline(number: int, style: ParagraphStyle) -> tuple[Any, ...]:
    """The parser's record of underline ``number`` (no rise: links are not superscript)."""
    return (number, "underline", getattr(style, "underlineColor", ""),
            getattr(style, "underlineWidth", ""), getattr(style, "underlineOffset", ""),
            0, 1, getattr(style, "underlineGap", ""))


@lru_cache(maxsize=1024)
def _fields(style: ParagraphStyle, drawn: tuple[Any, ...]) -> dict[str, Any]:
    """The attributes (and values) the parser gives a fragment drawn as ``drawn`` (bold,
    italic, font, colour, superscript) in ``style``.

    The same few looks recur in every paragraph of a style, so they are worked out once
    (a style is hashed by identity, and not changed once its paragraphs are made).
    """
    name, size, colour = style.fontName, style.fontSize, style.textColor
    bold, italic, font, recolour, superscript = drawn
    if font is not None:  # a fallback face has no bold or italic of its own
        family, bold, italic = ps2tt(font)
    else:
        family, base_bold, base_italic = ps2tt(name)
        bold, italic = base_bold | bold, base_italic | italic
    rise = 0
    if superscript:
        rise = size * supFraction
        size = size - min(sizeDelta, 0.2 * size)
    return {"rise": rise, "greek": 0, "fontName": tt2ps(family, bold, italic), "bold": bold,
            "italic": italic, "fontSize": size,
            "textColor": HexColor(f"#{recolour}") if recolour else colour}
