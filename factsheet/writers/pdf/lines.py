"""Line breaking for this writer's paragraphs: ReportLab's own algorithm, minus what they
never use.

``Paragraph.breakLines`` also handles hyphenation, soft hyphens, right-to-left text,
shaping, inline images and ``<br/>``, and asks the font registry again for every word's
space, ascent and descent; it was one of the largest parts of a render. ``break_lines``
takes the same decisions and returns the same structures (lines, words, fragment words,
widths) for the paragraphs ``frags.to_frags`` makes, and returns None for anything else: a
word wider than its line (ReportLab splits it), a soft hyphen, a bullet, a style that
hyphenates, a ReportLab release it was not compared with. ReportLab breaks those lines
itself. tests/writers/test_pdf_paragraphs.py compares the two on generated paragraphs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from string import whitespace
from typing import Any

import reportlab
from reportlab.pdfbase.pdfmetrics import getAscentDescent, getFont
from reportlab.platypus.paragraph import (
    _FK_APPEND,
    _FK_TEXT,
    FragLine,
    ParaLines,
    _HSFrag,
    lstrip,
    split,
    strip,
)

#: ReportLab releases whose breakLines this module was compared with (major.minor).
VERIFIED = ("5.1",)
#: What ReportLab's sameFrag compares.
_SAME = ("fontName", "fontSize", "textColor", "rise", "us_lines", "link", "backColor", "nobr")
_SOFT_HYPHEN = "\xad"


@cache
def is_verified() -> bool:
    """True when the installed ReportLab is one this module reproduces."""
    return ".".join(reportlab.Version.split(".")[:2]) in VERIFIED


def break_lines(para: Any, widths: list[float]) -> Any | None:
    """Return ``para``'s broken lines as ``Paragraph.breakLines(widths)`` would, or None
    where that takes a path not reproduced here."""
    frags = para.frags
    if not (frags and is_verified() and _plain_style(para) and _fresh(frags)):
        return None
    para._width_max = 0
    para.height = 0
    para._splitLongWordCount = para._hyphenations = 0
    if len(frags) == 1 and not hasattr(frags[0], "cbDefn"):
        return _one_look(para, frags[0], widths)
    return _many_looks(para, frags, widths)


def _plain_style(para: Any) -> bool:
    style = para.style
    return not (para.bulletText or style.wordWrap or style.shaping or style.endDots
                or getattr(style, "hyphenationLang", "") or style.uriWasteReduce
                or style.embeddedHyphenation)


def _fresh(frags: list[Any]) -> bool:
    """True for fragments not broken before, of text or anchors, without soft hyphens."""
    for f in frags:
        fields = getattr(f, "__dict__", None)  # broken ones are lists of (fragment, text)
        if fields is None or "backColor" in fields or "lineBreak" in fields:
            return False
        if "cbDefn" in fields:
            if f.cbDefn.kind != "anchor" or getattr(f.cbDefn, "width", 0):
                return False
        elif not isinstance(fields.get("text"), str) or _SOFT_HYPHEN in f.text:
            return False
    return True


@cache
def _space(font: Any, size: float) -> float:
    return font.stringWidth(" ", size)  # type: ignore[no-any-return]


@cache
def _ascent_descent(name: str, size: float, font: Any) -> tuple[float, float]:
    # font is part of the key so that a font registered again under the same name is new
    return getAscentDescent(name, size)  # type: ignore[no-any-return]


def _one_look(para: Any, f: Any, widths: list[float]) -> Any | None:
    """ReportLab's breakLines for a single fragment (its kind 0 lines)."""
    size, font = f.fontSize, getFont(f.fontName)
    ascent, descent = _ascent_descent(f.fontName, size, font)
    text = strip(f.text)
    if not text:
        return f.clone(kind=0, lines=[], ascent=ascent, descent=descent, fontSize=size)
    space = _space(font, size)
    shrink = para.style.spaceShrinkage * space
    width_of = font.stringWidth
    last = len(widths) - 1
    lines: list[tuple[float, list[str]]] = []
    line: list[str] = []
    current, lineno, room = -space, 0, widths[0]
    for word in split(text):
        word_width = width_of(word, size)
        new = current + space + word_width
        if new > room + shrink * len(line):
            if para.style.splitLongWords and word_width > widths[min(lineno, last)]:
                return None  # ReportLab splits the word
            if line:
                para._width_max = max(para._width_max, current)
                lines.append((room - current, line))
                line, current = [word], word_width
                lineno += 1
                room = widths[min(last, lineno)]
                continue
        if word:
            line.append(word)
        current = new
    if line:
        para._width_max = max(para._width_max, current)
        lines.append((room - current, line))
    return f.clone(kind=0, lines=lines, ascent=ascent, descent=descent, fontSize=size)


@dataclass(frozen=True, slots=True)
class _Look:
    """What line breaking needs of one fragment, looked up once per paragraph."""

    key: tuple[Any, ...] | None  # what sameFrag compares; None: never the same as another
    font: Any
    size: float
    ascent: float
    descent: float
    space: float  # the width of a space
    text: bool  # a text fragment (its spaces may shrink), not an anchor


def _looks(frags: list[Any]) -> dict[int, _Look]:
    """The look of each fragment, by identity (fragment words hold the fragments)."""
    looks = {}
    for f in frags:
        fields = f.__dict__
        font = getFont(f.fontName)
        ascent, descent = _ascent_descent(f.fontName, f.fontSize, font)
        looks[id(f)] = _Look(None if "cbDefn" in fields else tuple(fields.get(k) for k in _SAME),
                             font, f.fontSize, ascent, descent, _space(font, f.fontSize),
                             fields.get("_fkind") == _FK_TEXT)
    return looks


def _frag_words(frags: list[Any]) -> list[Any]:
    """ReportLab's _getFragWords for text and anchor fragments: each word as
    ``[width, (fragment, text), ...]``, an _HSFrag when a space follows it; an anchor
    rides on the word after it, or on the one before when a space comes first."""
    words: list[Any] = []
    word: list[Any] = []
    width: float = 0
    strip_start = True
    for f in frags:
        text = f.text
        if not text:
            if hasattr(f, "cbDefn"):  # an anchor
                f._fkind = _FK_APPEND
                if not word and words and isinstance(words[-1], _HSFrag):
                    words[-1].append((f, ""))
                else:
                    word.append((f, ""))
            continue
        f._fkind = _FK_TEXT
        if strip_start:
            text = lstrip(text)
            if not text:
                continue
            strip_start = False
        pieces = split(text)
        if text[0] in whitespace or not pieces:
            if word:
                words.append([width, *word])
                word, width = [], 0
                pieces.insert(0, "")
            elif not (words and isinstance(words[-1], _HSFrag)):
                pieces.insert(0, "")
            elif not pieces:
                continue
        measure = getFont(f.fontName).stringWidth
        for piece in pieces[:-1]:
            word.append((f, piece))
            words.append(_HSFrag([width + measure(piece, f.fontSize), *word]))
            word, width = [], 0
        word.append((f, pieces[-1]))
        width += measure(pieces[-1], f.fontSize)
        if text[-1] in whitespace:
            words.append(_HSFrag([width, *word]))
            word, width = [], 0
    if word:
        words.append([width, *word])
    if not words:
        frags[0]._fkind = _FK_TEXT
        words = [[0, (frags[0], "")]]
    return words


class _Line:
    """The line being filled, as ReportLab's breakLines keeps it."""

    def __init__(self, look: _Look) -> None:
        self.words: list[Any] = []  # fragments with the line's text, merged where alike
        self.looks: list[_Look] = []  # the look of each
        self.count = 0
        self.width: float = 0
        self.space: float = 0  # the space after the last word, if one follows it
        self.size, self.ascent, self.descent = look.size, look.ascent, look.descent

    def measure(self, look: _Look) -> None:
        if look.size > self.size:
            self.size = look.size
        if look.ascent > self.ascent:
            self.ascent = look.ascent
        if look.descent < self.descent:
            self.descent = look.descent

    def shrink(self, factor: float) -> float:
        """How much the spaces already on the line may shrink (spaceShrinkage)."""
        total = self.space
        for g, look in zip(self.words, self.looks, strict=True):
            if look.text:
                spaces = g.text.count(" ")
                if spaces:
                    total += spaces * look.space
        return total * factor

    def append(self, f: Any, text: str, look: _Look) -> None:
        g = f.clone()
        g.text = text
        self.words.append(g)
        self.looks.append(look)

    def end_with_space(self) -> None:
        """Give the last text fragment a trailing space, before a new look starts."""
        for g, look in zip(reversed(self.words), reversed(self.looks), strict=True):
            if look.text:
                if not g.text.endswith(" "):
                    g.text += " "
                return


def _many_looks(para: Any, frags: list[Any], widths: list[float]) -> Any | None:
    """ReportLab's breakLines for several fragments (its kind 1 lines)."""
    style = para.style
    shrinkage, split_long = style.spaceShrinkage, style.splitLongWords
    last = len(widths) - 1
    room = widths[0]
    words = _frag_words(frags)
    looks = _looks(frags)
    lines: list[Any] = []
    line = _Line(looks[id(words[0][-1][0])])
    first_word = 0  # index of the line's first word (sFW)
    for index, w in enumerate(words):
        width = w[0]
        new = line.width + line.space + width if width > 0 else line.width
        limit = room + line.shrink(shrinkage) if shrinkage else room
        if new > limit:
            f = w[1][0]
            if split_long and width > widths[min(len(lines), last)] and not hasattr(f, "cbDefn"):
                return None  # ReportLab splits the word
            if line.count > 0:
                para._width_max = max(para._width_max, line.width)
                lines.append(_frag_line(line, room, first_word))
                first_word = index
                room = widths[min(last, len(lines))]
                line = _Line(looks[id(f)])
                line.count = 1
                _add_word(line, w, looks, first=True)
                line.width = width
                continue
        _add_word(line, w, looks, first=False)
        line.width = new
    para._width_max = max(para._width_max, line.width)
    lines.append(_frag_line(line, room, first_word))
    para.frags = words
    return ParaLines(kind=1, lines=lines)


def _add_word(line: _Line, w: list[Any], looks: dict[int, _Look], first: bool) -> None:
    """Put fragment word ``w`` on the line: its first piece joins the line's last fragment
    when they look alike (with the space between), the other pieces follow as they are."""
    f, text = w[1]
    look = looks[id(f)]
    if not first:
        if text:
            line.count += 1
        line.measure(look)
    if first or not line.words:
        line.append(f, text, look)
    elif look.key is None or look.key != line.looks[-1].key:
        if line.space:
            line.end_with_space()
        line.append(f, text, look)
    elif line.space:
        g = line.words[-1]
        g.text = g.text + (text if g.text.endswith(" ") else " " + text)
    else:
        line.words[-1].text += text
    if not isinstance(w, _HSFrag):
        line.space = 0
    elif len(w) == 2:
        line.space = look.space
    else:  # ReportLab takes the font of the word's last piece and, unless the word
        end = looks[id(w[-1][0])]  # starts a line, the size of its first
        line.space = _space(end.font, end.size if first else look.size)
    if len(w) > 2:
        _add_pieces(line, w, looks, first)


def _add_pieces(line: _Line, w: list[Any], looks: dict[int, _Look], first: bool) -> None:
    """The pieces of a word after its first, each a fragment of its own."""
    real = False
    for piece, piece_text in w[2:]:
        piece_look = looks[id(piece)]
        line.append(piece, piece_text, piece_look)
        real = real or bool(piece_text)
        line.measure(piece_look)
    if not first and not w[1][1] and real:
        line.count += 1


def _frag_line(line: _Line, room: float, first_word: int) -> Any:
    return FragLine(extraSpace=room - line.width, wordCount=line.count, lineBreak=False,
                    words=line.words, fontSize=line.size, ascent=line.ascent,
                    descent=line.descent, maxWidth=room, sFW=first_word)
