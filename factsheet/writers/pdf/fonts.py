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
    from reportlab.pdfbase.ttfonts import TTFont

    folder = _font_folder()
    names = {}
    covered: frozenset[int] = frozenset()
    for face in FACES:
        name = f"Factsheet-Roboto-{face}"
        font = TTFont(name, str(folder / _ROBOTO[face]))
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
