"""Find the numbers a passage states: digits with separators, number words, scale words,
and the markers that qualify them ("about 30", "nearly 1,000", "fifty-six", "412 million")."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_APPROXIMATE = ("about", "around", "roughly", "approximately", "nearly", "almost", "some",
                "close to", "an estimated", "estimated", "circa", "approx.", "~")
_BOUNDS = ("more than", "over", "at least", "less than", "fewer than", "under", "up to",
           "at most", "just over", "just under", "upwards of")
_QUALIFIERS = sorted(_APPROXIMATE + _BOUNDS, key=len, reverse=True)
_SCALES = {"thousand": 1e3, "million": 1e6, "mln": 1e6, "billion": 1e9, "bln": 1e9, "bn": 1e9,
           "trillion": 1e12, "k": 1e3, "m": 1e6, "lakh": 1e5, "lakhs": 1e5, "lac": 1e5,
           "crore": 1e7, "crores": 1e7}
#: Currency prefixes printed against the digits ("RM4.2 billion", "Rs500", "Rp3 trillion");
#: signs ("₹", "$") are no word characters and need none.
_GLUED = r"(?:(?<=RM)|(?<=Rs)|(?<=Rs\.)|(?<=Rp)|(?<=Tk)|(?<=KSh)|(?<=Ksh)|(?<![\w.,]))"
_NUMBER = re.compile(
    r"(?:(?P<qual>" + "|".join(re.escape(q) for q in _QUALIFIERS) + r")\s+)?"
    + _GLUED + r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|"
    r"\d+(?:\.\d+)?)"  # the middle form: South Asian grouping, "12,50,000"
    r"(?:\s*(?P<scale>thousand|million|mln|billion|bln|bn|trillion|lakhs?|lac|crores?|k|m)\b)?",
    re.IGNORECASE)
_HAS_WORD_NUMBER = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen)", re.IGNORECASE)
_WORD_LANGUAGES = {"en", "fr", "es", "de", "pt", "nl", "da", "it"}


@dataclass(frozen=True, slots=True)
class Stated:
    """A number as a passage states it."""

    number: float
    scale: float
    qualifier: str | None

    @property
    def values(self) -> tuple[float, ...]:
        """The values the statement can mean: as written, and multiplied by its scale."""
        return (self.number,) if self.scale == 1 else (self.number, self.number * self.scale)

    @property
    def approximate(self) -> bool:
        return self.qualifier is not None and self.qualifier.lower() in _APPROXIMATE

    def __str__(self) -> str:
        number = f"{self.number:g}" if self.number < 1e15 else str(self.number)
        scale = next((k for k, v in _SCALES.items() if v == self.scale), "")
        text = f"{number} {scale}".strip() if self.scale != 1 else number
        return f"{self.qualifier} {text}" if self.qualifier else text


def find_numbers(text: str, language: str = "en") -> list[Stated]:
    """Return every number stated in ``text``, number words included."""
    found = [_stated(m) for m in _NUMBER.finditer(text)]
    lang = language.split("-")[0].lower()
    if lang in _WORD_LANGUAGES and (lang != "en" or _HAS_WORD_NUMBER.search(text)):
        from text_to_num import alpha2digit  # deferred: only statistics checks need it

        # Digits are masked first: alpha2digit would turn "412 million" into "412 1000000".
        masked = _NUMBER.sub(lambda m: (m["qual"] + " " if m["qual"] else "") + "#", text)
        # threshold=0: isolated small numbers ("two ministers") are wanted too.
        digits = str(alpha2digit(masked, lang, threshold=0))
        if lang == "en":
            digits = _dozens(digits)
        found += [_stated(m) for m in _NUMBER.finditer(digits)]
    return found


_DOZEN = re.compile(r"\b(?:(?P<n>\d+(?:\.\d+)?)|(?P<half>half a)|an?) dozen\b", re.IGNORECASE)


def _dozens(text: str) -> str:
    """Turn "two dozen" (already "2 dozen"), "a dozen" and "half a dozen" into 24, 12, 6."""
    def count(match: re.Match[str]) -> str:
        if match["n"]:
            return f"{float(match['n']) * 12:g}"
        return "6" if match["half"] else "12"

    return _DOZEN.sub(count, text)


def _stated(match: re.Match[str]) -> Stated:
    number = float(match["num"].replace(",", ""))
    scale = _SCALES.get((match["scale"] or "").lower(), 1.0)
    if match["scale"] in ("m", "k") and match["scale"] != (match["scale"] or "").lower():
        scale = 1.0
    return Stated(number, scale, match["qual"].lower() if match["qual"] else None)


def same(a: float, b: float) -> bool:
    """Return True when two figures are equal up to float rounding."""
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def middle(value: float | None, value_range: tuple[float, float] | None) -> float | None:
    """Return a figure's value, or the middle of its range."""
    if value is not None:
        return value
    return None if value_range is None else (value_range[0] + value_range[1]) / 2


def stated_in(value: float, stated: list[Stated]) -> Stated | None:
    """Return the statement that says ``value``, if any does."""
    return next((s for s in stated if any(same(value, v) for v in s.values)), None)
