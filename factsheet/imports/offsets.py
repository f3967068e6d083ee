"""Verify a tool's span against the text; repair it when the tool counted differently.

Tools count offsets in code points, UTF-16 units, bytes, or with CRLF as one character
(annotation-formats.md §0). A span whose text does not match is tried, in order, as UTF-16
units, as CRLF-collapsed, as UTF-8 bytes, and finally by searching its quote near the
offset; each repair is reported (info), an unrepairable span is an error.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property

#: How far (code points) from the stated offset a quote is searched for.
NEAR = 200


class SpanError(Exception):
    """The span cannot be placed in the text."""


@dataclass(frozen=True, slots=True)
class Fixed:
    start: int
    end: int
    how: str | None  # None: as written; else the repair ("UTF-16 units", ...)


class TextOffsets:
    """A document text with the maps needed to read other tools' offset units."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def _utf16(self) -> list[int]:
        """UTF-16 offset of each code point (and of the end)."""
        out, unit = [], 0
        for char in self.text:
            out.append(unit)
            unit += 2 if ord(char) > 0xFFFF else 1
        out.append(unit)
        return out

    @cached_property
    def _utf8(self) -> list[int]:
        out, byte = [], 0
        for char in self.text:
            out.append(byte)
            byte += len(char.encode("utf-8", "surrogatepass"))
        out.append(byte)
        return out

    @cached_property
    def _crlf(self) -> list[int]:
        """Offset of each code point when every CRLF counts as one character."""
        out, position, previous = [], 0, ""
        for char in self.text:
            if previous == "\r" and char == "\n":
                out.append(position - 1)  # the LF shares the CR's position
            else:
                out.append(position)
                position += 1
            previous = char
        out.append(position)
        return out

    def utf16_to_code_points(self, start: int, end: int) -> tuple[int, int] | None:
        return _back(self._utf16, start, end)

    def fix(self, start: int, end: int, expected: str | None) -> Fixed:
        """Return the span ``[start, end)`` checked against ``expected`` (the tool's text)."""
        text = self.text
        if expected is None:
            if 0 <= start <= end <= len(text):
                return Fixed(start, end, None)
            raise SpanError(f"offsets [{start}, {end}) are outside the text "
                            f"(length {len(text)})")
        if 0 <= start <= end <= len(text) and _same(text[start:end], expected):
            return Fixed(start, end, None)
        for how, table in (("UTF-16 units", self._utf16), ("CRLF counted as one", self._crlf),
                           ("UTF-8 bytes", self._utf8)):
            found = _back(table, start, end)
            if found is not None and _same(text[found[0]:found[1]], expected):
                return Fixed(found[0], found[1], how)
        near = self._search(start, expected)
        if near is not None:
            return Fixed(near, near + len(expected), "the quote found near the offset")
        shown = expected if len(expected) <= 60 else expected[:57] + "..."
        raise SpanError(f"offsets [{start}, {end}) do not select {shown!r}, in any unit, "
                        "and the words are not near that place")

    def _search(self, start: int, expected: str) -> int | None:
        if not expected:
            return None
        low = max(0, start - NEAR)
        window = self.text[low:start + len(expected) + NEAR]
        hits = []
        position = window.find(expected)
        while position >= 0:
            hits.append(low + position)
            position = window.find(expected, position + 1)
        return min(hits, key=lambda h: abs(h - start)) if hits else None


def _back(table: list[int], start: int, end: int) -> tuple[int, int] | None:
    """Map offsets in another unit back to code points, if both fall on code points."""
    i, j = bisect.bisect_left(table, start), bisect.bisect_left(table, end)
    if i < len(table) and j < len(table) and table[i] == start and table[j] == end:
        return i, j
    return None


def _same(found: str, expected: str) -> bool:
    # brat joins discontinuous fragments with a space; tools may trim: compare loosely on
    # whitespace only, never on letters.
    return found == expected or " ".join(found.split()) == " ".join(expected.split())
