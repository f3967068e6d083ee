"""The PDF writer's paragraphs against ReportLab's own code paths.

The writer builds Paragraph fragments itself instead of writing markup (writers/pdf/
frags.py), breaks their lines itself (lines.py) and draws one-look paragraphs itself
(para.py). Each is compared with what ReportLab does: the fragments with what its parser
makes of the same spans written as escaped markup, the lines with ``Paragraph.breakLines``
(every field of every line, word and fragment word), the drawing with ``drawPara``'s
operators. Paragraphs come from generated inline content (bold and italic runs with odd
whitespace, markup characters and characters only a fallback font has, citations, links
good and bad) and from every paragraph of the examples.
"""

from __future__ import annotations

import copy
import io
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pytest
import reportlab
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.paraparser import ParaParser

import factsheet
from factsheet.api import layout
from factsheet.layout import tree as t
from factsheet.writers.pdf import lines
from factsheet.writers.pdf.build import PdfBuilder
from factsheet.writers.pdf.fonts import bundled_family, register_fallback
from factsheet.writers.pdf.frags import PLAIN, Span, SpanMaker, to_frags
from factsheet.writers.pdf.para import Para, para

ROOT = Path(__file__).parent.parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*/*.yaml"))
VERA = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"  # has ∃ and ∅; Roboto has not
ACCENT = "1F4E79"
SETTINGS = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow])


@cache
def maker() -> SpanMaker:
    family = bundled_family()
    fallback = register_fallback(VERA.read_bytes(), 0)
    return SpanMaker(family.covered, ((fallback.name, fallback.covered),), ACCENT)


@cache
def styles() -> dict[str, ParagraphStyle]:
    family = bundled_family()
    ink = HexColor("#1A1A1A")
    return {
        "body": ParagraphStyle("body", fontName=family.regular, fontSize=10.5, leading=13.86,
                               textColor=ink),
        "caption": ParagraphStyle("caption", fontName=family.italic, fontSize=9.5,
                                  leading=12.35, textColor=HexColor("#5F6B7A")),
        "notes": ParagraphStyle("notes", fontName=family.regular, fontSize=8.5,
                                leading=11.475, textColor=ink, leftIndent=14,
                                firstLineIndent=-14),
    }


# -- generated content ---------------------------------------------------------------------

WORDS = st.sampled_from([
    "Danube", "pact", "x<y", "a&b", "<b>bold", "</i>", '<img src="/etc/hostname"/>',
    '"quoted"', "Đorđević", "Știrbu", "Дневник", "∃", "a∅b", "—", "2,000", "€120",
    "flood-warning", "Bérczi's", "", "supercalifragilisticexpialidocious"])
SPACES = st.sampled_from([" ", " ", " ", "  ", "\n", "\t", "\xa0", "\u200b", " \u200b ", "\u2003",
                         "\x1c", ""])
URLS = st.sampled_from(["https://wire.example.org/2027/04/09/danube?a=1&b=2", "#sec-notes",
                        "javascript:alert(1)", "file:///etc/passwd", "http://bad url",
                        "#cite-3\"onclick"])


@st.composite
def texts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(SPACES, WORDS), max_size=12))
    return "".join(space + word for space, word in parts) + draw(SPACES)


INLINE = st.one_of(
    st.builds(t.Run, texts(), st.booleans(), st.booleans()),
    st.builds(t.Cite, st.integers(min_value=1, max_value=40)),
    st.builds(t.Link, texts(), URLS))
CONTENT = st.lists(INLINE, min_size=1, max_size=8).map(tuple)


@st.composite
def note_spans(draw: st.DrawFn) -> list[Span]:
    """A note as the writer makes it: its number, linking back, then text and a link."""
    m = maker()
    return [*m.note_number(draw(st.integers(min_value=1, max_value=40))),
            *m.text(f" “{draw(texts())}” — "), *m.link(draw(texts()), draw(URLS)),
            *m.text(".")]


SPANS = st.one_of(CONTENT.map(lambda content: maker().inlines(content)), note_spans())


# -- the same spans as markup, the way the writer used to write them -----------------------

def markup(spans: list[Span]) -> str:
    """Escaped Paragraph markup for ``spans``: neighbours in the same look share their
    tags, and one ``<a>`` (and ``<u>``) goes around each run of neighbours with the same
    link, as the writer wrote a link's label."""
    out: list[str] = []
    group: list[Span] = []
    for span in _joined(spans):
        if group and (span.look.anchor is not None or _outer(span) != _outer(group[-1])):
            out.append(_group(group))
            group = []
        if span.look.anchor is not None:
            out.append(f'<a name="{span.look.anchor}"/>')
        else:
            group.append(span)
    if group:
        out.append(_group(group))
    return "".join(out)


def _joined(spans: list[Span]) -> list[Span]:
    joined: list[Span] = []
    for span in spans:
        if joined and span.look.anchor is None and joined[-1].look == span.look:
            joined[-1] = Span(joined[-1].text + span.text, span.look)
        else:
            joined.append(span)
    return joined


def _outer(span: Span) -> tuple[Any, ...]:
    look = span.look
    return look.link, look.colour, look.underline, look.superscript


def _group(group: list[Span]) -> str:
    body = "".join(_inner(span) for span in group)
    link, colour, underline, superscript = _outer(group[0])
    if underline:
        body = f"<u>{body}</u>"
    if link is not None:
        colour_attr = f' color="#{colour}"' if colour else ""
        body = f"<a href={quoteattr(link)}{colour_attr}>{body}</a>"
    if superscript:
        body = f"<super>{body}</super>"
    return body


def _inner(span: Span) -> str:
    body = escape(span.text)
    if span.look.font:
        body = f'<font name="{span.look.font}">{body}</font>'
    if span.look.bold:
        body = f"<b>{body}</b>"
    if span.look.italic:
        body = f"<i>{body}</i>"
    return body


def parsed(text: str, style: ParagraphStyle) -> list[Any]:
    """ReportLab's fragments for markup ``text``, as Paragraph makes them."""
    _, frags, _ = ParaParser().parse(cleanBlockQuotedText(text), style)
    return frags  # type: ignore[no-any-return]


def fields(frags: list[Any]) -> list[dict[str, Any]]:
    """The fragments' attributes, neighbours that differ only in text joined (the parser
    makes one fragment per entity, ``&amp;``), the parser's tag name left out."""
    out: list[dict[str, Any]] = []
    for frag in frags:
        found = {k: v for k, v in frag.__dict__.items() if k != "__tag__"}
        if "cbDefn" in found:
            found["cbDefn"] = dict(found["cbDefn"].__dict__)
        elif out and "cbDefn" not in out[-1] and _but_text(out[-1]) == _but_text(found):
            out[-1]["text"] += found["text"]
            continue
        out.append(found)
    return out


def _but_text(found: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in found.items() if k != "text"}


# -- fragments -----------------------------------------------------------------------------

@SETTINGS
@given(SPANS, st.sampled_from(["body", "caption", "notes"]))
def test_fragments_are_what_the_parser_makes_of_the_escaped_markup(
        spans: list[Span], style: str) -> None:
    made = to_frags(spans, styles()[style])
    assert fields(made) == fields(parsed(markup(spans), styles()[style]))


def test_markup_characters_stay_text() -> None:
    spans = maker().inlines((t.Run('<font color="red">x</font> & <img src="/etc/x"/>'),))
    (frag,) = to_frags(spans, styles()["body"])
    assert frag.text == '<font color="red">x</font> & <img src="/etc/x"/>'
    assert frag.textColor == styles()["body"].textColor and frag.link == []


def test_only_http_and_our_anchors_become_links() -> None:
    m = maker()
    linked = [m.link("x", url)[0].look.link
              for url in ("https://a.example/p", "#note-1", "javascript:alert(1)",
                          "file:///etc/passwd", "#x y", "data:text/html,hi")]
    assert linked == ["https://a.example/p", "#note-1", None, None, None, None]


def test_a_character_roboto_lacks_goes_to_the_fallback_face() -> None:
    spans = maker().text("prove ∃ it", bold=True)
    assert [(s.text, s.look.font is not None, s.look.bold) for s in spans] == [
        ("prove ", False, True), ("∃", True, True), (" it", False, True)]


def test_a_paragraph_of_nothing_has_no_fragments() -> None:
    assert to_frags([Span("  \n ", PLAIN)], styles()["body"]) == []


# -- line breaking -------------------------------------------------------------------------

def broken(found: Any, paragraph: Any) -> dict[str, Any]:
    """Everything breakLines decides: the lines, each line's fields and fragments, the
    fragment words left in ``paragraph.frags``, widths and counters."""
    out: dict[str, Any] = {"kind": found.kind, "width_max": paragraph._width_max,
                           "height": paragraph.height,
                           "split_words": paragraph._splitLongWordCount,
                           "hyphenations": paragraph._hyphenations}
    if found.kind == 0:
        out["lines"] = found.lines
        out["fields"] = _but_lines(found.__dict__)
        return out
    out["lines"] = [(_but_lines(line.__dict__, "words"), fields_of(line.words))
                    for line in found.lines]
    out["words"] = [(type(w).__name__, w[0], [(fields_of([f])[0], s) for f, s in w[1:]])
                    for w in paragraph.frags]
    return out


def fields_of(frags: list[Any]) -> list[dict[str, Any]]:
    return [{k: (dict(v.__dict__) if k == "cbDefn" else v) for k, v in f.__dict__.items()}
            for f in frags]


def _but_lines(found: dict[str, Any], key: str = "lines") -> dict[str, Any]:
    return {k: v for k, v in found.items() if k != key}


def same_lines(paragraph: Para, widths: list[float]) -> bool:
    """Compare lines.break_lines with Paragraph.breakLines on copies of ``paragraph``;
    return whether the fast path took it (False: it left it to ReportLab)."""
    theirs, ours = copy.deepcopy(paragraph), copy.deepcopy(paragraph)
    expected = Paragraph.breakLines(theirs, list(widths))
    found = lines.break_lines(ours, list(widths))
    if found is None:
        return False
    assert broken(found, ours) == broken(expected, theirs)
    return True


@SETTINGS
@given(SPANS, st.sampled_from(["body", "caption", "notes"]),
       st.floats(min_value=1, max_value=500), st.floats(min_value=1, max_value=500))
def test_lines_are_what_reportlab_breaks(spans: list[Span], style: str, first: float,
                                         later: float) -> None:
    same_lines(para(spans, styles()[style]), [first, later])


def test_every_paragraph_of_the_examples_is_broken_as_reportlab_does() -> None:
    for example in EXAMPLES:
        paragraphs = story_paragraphs(example)
        for paragraph in paragraphs:
            for widths in ([451.3, 451.3], [437.3, 451.3], [110.0, 110.0], [60.0, 75.0]):
                same_lines(paragraph, widths)
        # at the widths of the page every one takes the fast path
        assert all(same_lines(p, [451.3, 451.3]) for p in paragraphs), example


def test_a_word_wider_than_the_line_is_left_to_reportlab() -> None:
    paragraph = para(maker().text("a " + "x" * 300 + " b"), styles()["body"])
    assert lines.break_lines(copy.deepcopy(paragraph), [100.0, 100.0]) is None
    paragraph.wrap(100, 1000)  # and ReportLab splits it
    assert paragraph._splitLongWordCount == 1


def test_lines_are_broken_here_for_this_reportlab() -> None:
    assert lines.is_verified(), (
        f"ReportLab {reportlab.Version}: compare lines.py with Paragraph.breakLines "
        "(this file's tests) and add the release to lines.VERIFIED")


# -- drawing -------------------------------------------------------------------------------

def operators(paragraph: Paragraph, simple: bool) -> list[str]:
    """The operators drawing ``paragraph`` writes: ReportLab's drawPara, or Para.draw."""
    canvas = Canvas(io.BytesIO(), initialFontName=bundled_family().regular)
    paragraph.canv = canvas
    if simple:
        paragraph.draw()
    else:
        paragraph.drawPara()
    del paragraph.canv
    return [line for line in canvas._code if line not in ("q", "Q")]


@SETTINGS
@given(CONTENT, st.sampled_from(["body", "caption", "notes"]),
       st.floats(min_value=20, max_value=500))
def test_a_paragraph_draws_what_drawpara_draws(content: t.Inlines, style: str,
                                               width: float) -> None:
    paragraph = para(maker().inlines(content), styles()[style])
    paragraph.wrap(width, 10_000)
    assert operators(copy.deepcopy(paragraph), True) == operators(paragraph, False)


def test_only_one_look_left_aligned_paragraphs_draw_simply() -> None:
    plain = para(maker().text("Serbia"), styles()["body"])
    cited = para(maker().inlines((t.Run("56 towns"), t.Cite(11))), styles()["body"])
    centred = para(maker().text("Serbia"), ParagraphStyle("c", parent=styles()["body"],
                                                          alignment=1))
    for paragraph in (plain, cited, centred):
        paragraph.wrap(200, 100)
    assert plain.style.alignment == TA_LEFT
    assert [p._draws_simply() for p in (plain, cited, centred)] == [True, False, False]


# -- the examples --------------------------------------------------------------------------

def story_paragraphs(example: Path) -> list[Para]:
    """Every paragraph the writer makes for ``example``, table cells included."""
    found: list[Para] = []
    stack: list[Any] = list(PdfBuilder(layout(factsheet.load(example)))._story())
    while stack:
        item = stack.pop()
        if isinstance(item, Para):
            found.append(item)
        elif isinstance(item, Table):
            stack.extend(cell for row in item._cellvalues for cell in row)
        else:
            stack.extend(getattr(item, "_content", None) or
                         getattr(item, "_flowables", None) or [])
    return found


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_the_examples_parse_no_markup(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a paragraph was parsed from markup")

    monkeypatch.setattr(ParaParser, "parse", refuse)
    assert len(story_paragraphs(example)) > 30
