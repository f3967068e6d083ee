"""Fonts for the PDF: an embedded Unicode family with real regular, bold, italic and bold
italic faces (Roboto, installed by pip with the font-roboto package: Latin Extended, Greek,
Cyrillic). Each face is registered under its own name so ReportLab cannot alias them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

FACES = ("regular", "bold", "italic", "bolditalic")
_ROBOTO = {"regular": "Roboto-Regular.ttf", "bold": "Roboto-Bold.ttf",
           "italic": "Roboto-Italic.ttf", "bolditalic": "Roboto-BoldItalic.ttf"}


@dataclass(frozen=True, slots=True)
class Family:
    """Registered face names, and the characters the family can draw."""

    regular: str
    bold: str
    italic: str
    bolditalic: str
    covered: frozenset[int]

    def covers(self, char: str) -> bool:
        return ord(char) in self.covered


@cache
def bundled_family() -> Family:
    """Register the bundled family once per process and return it."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics

    from factsheet.writers.pdf.embed import EmbeddedFont

    folder = _font_folder()
    names = {}
    covered: frozenset[int] = frozenset()
    for face in FACES:
        name = f"Factsheet-Roboto-{face}"
        font = EmbeddedFont(name, str(folder / _ROBOTO[face]))
        pdfmetrics.registerFont(font)
        names[face] = name
        if face == "regular":
            covered = frozenset(font.face.charToGlyph)
    family = "Factsheet-Roboto"
    for bold, italic, face in ((0, 0, "regular"), (1, 0, "bold"), (0, 1, "italic"),
                               (1, 1, "bolditalic")):
        addMapping(family, bold, italic, names[face])
    return Family(covered=covered, **names)


def _font_folder() -> Path:
    import font_roboto

    return Path(font_roboto.__file__).parent / "files"


@dataclass(frozen=True, slots=True)
class Fallback:
    """An extra TrueType font, used for the characters the main family lacks."""

    name: str
    covered: frozenset[int]


@cache
def register_fallback(data: bytes, index: int) -> Fallback:
    """Register fallback font ``index`` (its bytes were checked by the template loader)."""
    import hashlib
    import io

    from reportlab.pdfbase import pdfmetrics

    from factsheet.writers.pdf.embed import EmbeddedFont

    digest = hashlib.sha256(data).hexdigest()[:12]
    name = f"Factsheet-Fallback-{index}-{digest}"
    font = EmbeddedFont(name, io.BytesIO(data))
    pdfmetrics.registerFont(font)
    return Fallback(name, frozenset(font.face.charToGlyph))


@cache
def _as_chars(covered: frozenset[int]) -> frozenset[str]:
    return frozenset(map(chr, covered))


@cache
def _draws_ascii(covered: frozenset[int]) -> bool:
    """Whether the family draws every printable ASCII character."""
    return all(code in covered for code in range(0x21, 0x7F))


#: Layout fields that hold no text the PDF draws.
_NOT_TEXT = frozenset({"data", "logo", "labels", "diagnostics"})


def missing_characters(document: object, family: Family,
                       fallbacks: tuple[Fallback, ...] = ()) -> dict[str, str]:
    """Return each character no font can draw, with the first place it occurs."""
    import dataclasses
    import unicodedata

    from factsheet.layout.clean import fields_except

    missing: dict[str, str] = {}
    drawable = _as_chars(family.covered)
    ascii_drawn = _draws_ascii(family.covered)
    stack: list[tuple[object, str]] = [(document, "document")]
    while stack:
        node, where = stack.pop()
        if isinstance(node, str):
            if ascii_drawn and node.isascii():
                continue  # most strings: nothing to look at (spaces and controls don't count)
            # Set difference in C first: almost every string has nothing left to look at.
            for char in set(node).difference(drawable):
                code = ord(char)
                if (char not in missing and code not in family.covered and not char.isspace()
                        and unicodedata.category(char) not in ("Cc", "Cf")
                        and not any(code in f.covered for f in fallbacks)):
                    missing[char] = where
        elif isinstance(node, tuple | list):
            stack.extend((item, where) for item in reversed(node))
        elif dataclasses.is_dataclass(node) and not isinstance(node, type):
            label = where
            if hasattr(node, "heading"):
                label = f"section {node.heading.text!r}"  # type: ignore[attr-defined]
            for name in reversed(fields_except(type(node), _NOT_TEXT)):  # a stack
                stack.append((getattr(node, name), label))
    return missing
