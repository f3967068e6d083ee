"""The TrueType font the PDF embeds: ReportLab's TTFont, with two of its per-character
loops done by the string methods instead. The PDF is the same, byte for byte
(tests/writers/test_pdf_fonts.py compares the two).

- Drawing text encodes every character into its code in the font's subset, one at a time
  in Python (``TTFont.splitString``), some 6,000 characters in a briefing. Once a text's
  characters all have codes in the first subset, as most have after the first
  paragraphs, ``str.translate`` encodes it.
- Embedding a subset writes a /Widths array of 128 or more numbers per face, which
  PDFArray formats and encodes one number at a time through its generic formatter.
"""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from reportlab import rl_config
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfdoc import PDFArray
from reportlab.pdfbase.ttfonts import TTFont

_NBSP, _SPACE = 0xA0, 0x20


class Widths(PDFArray):
    """A /Widths array, written at once, as PDFArray writes it."""

    def format(self, document: Any, IND: bytes = b"\n ") -> bytes:
        if rl_config.pdfMultiLine or any(type(n) not in (int, float) for n in self.sequence):
            return super().format(document, IND)  # type: ignore[no-any-return]
        numbers = [fp_str(n).encode("ascii") for n in self.sequence]
        for i in reversed(range(10, len(numbers), 10)):  # PDFArray's ten a line
            numbers.insert(i, b"\n ")
        return b"[ " + b" ".join(numbers) + b" ]"


class _Codes:
    """The characters of one document that have a code in the font's first subset."""

    def __init__(self) -> None:
        self.known: set[str] = set()
        self.table: dict[int, str] = {}  # code point -> its one-byte code, as a character

    def learn(self, text: str, assignments: dict[int, int]) -> None:
        for char in set(text):
            code = assignments.get(_SPACE if ord(char) == _NBSP else ord(char))
            if code is not None and code < 256:
                self.known.add(char)
                self.table[ord(char)] = chr(code)


class EmbeddedFont(TTFont):  # type: ignore[misc]
    """A TrueType face for the PDF (see the module's docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._codes: WeakKeyDictionary[Any, _Codes] = WeakKeyDictionary()

    def splitString(self, text: Any, doc: Any, encoding: str = "utf-8") -> Any:
        """TTFont.splitString: the text as (subset, codes) runs, new characters given
        codes as they come."""
        codes = self._codes.get(doc)
        if codes is not None and isinstance(text, str) and text and codes.known.issuperset(text):
            return [(0, text.translate(codes.table).encode("latin-1"))]
        runs = super().splitString(text, doc, encoding)
        if isinstance(text, str):
            if codes is None:
                codes = self._codes[doc] = _Codes()
            codes.learn(text, self.state[doc].assignments)
        return runs

    def addObjects(self, doc: Any) -> None:
        state = self.state.get(doc)
        names = [self.getSubsetInternalName(number, doc)[1:]
                 for number in range(len(state.subsets))] if state else []
        super().addObjects(doc)
        fonts = doc.idToObject["BasicFonts"].dict
        for name in names:
            fonts[name].Widths = Widths(fonts[name].Widths.sequence)
