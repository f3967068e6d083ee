"""Numbers in a sentence, with where they are: digits, number words, scale words, currency
signs and the markers before them ("about", "nearly", "more than").

Values are read by ``factsheet.numbers`` — the same code that checks a statistic's value
against its evidence (FS404) — so a suggested value always passes that check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factsheet.numbers import find_numbers

_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
          "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
          "ninety", "hundred", "thousand", "million", "billion", "dozen"]
_WORD = r"(?:" + "|".join(_WORDS) + r")"
_SCALE = r"(?:\s*(?:thousand|million|mln|billion|bln|bn|trillion|lakhs?|lac|crores?)\b)"
#: Units printed against the digits: "85km/h", "42.6°C", "300MW".
GLUED_UNITS = (r"(?:km/h|kph|mph|km²|km2|km|kg|mm|cm|ml|kWh|MWh|GWh|TWh|kW|MW|GW|ha|°C|°F|"
               r"m)(?![\w/])")
_NUMBER = re.compile(
    r"(?P<currency>[$€£¥₹₱₩₦₺₴₽]\s?|\b(?:RM|Rs\.?|Rp|Tk|KSh|Ksh|S\$|A\$|NZ\$|HK\$|C\$|R\$|"
    r"US\$)\s?|\b(?:USD|EUR|GBP|UAH|RUB|PLN|HUF|RON|BGN|CZK|CHF|JPY|CNY|INR|MYR|IDR|PHP|KRW|"
    r"SGD|THB|VND|PKR|BDT|NGN|KES|ZAR|BRL|MXN|TRY|SEK|NOK|DKK|CAD|AUD)\s)?"
    r"(?:(?<=RM)|(?<=Rs)|(?<=Rs\.)|(?<=Rp)|(?<=Tk)|(?<=KSh)|(?<=Ksh)|(?<![\w.,/:-]))"
    r"(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<scale>" + _SCALE + r"|(?:bn|m|k)\b)?(?:(?=" + GLUED_UNITS + r")|(?![\w:/]|\.\d))"
    r"(?P<percent>\s?%|\s+percent\b|\s+per\s+cent\b)?"
    r"|\b(?P<words>" + _WORD + r"(?:[\s-]+(?:and\s+)?" + _WORD + r")*)\b"
    r"(?P<wpercent>\s+percent\b|\s+per\s+cent\b)?", re.IGNORECASE)
_QUALIFIER = re.compile(
    r"(?P<q>about|around|roughly|approximately|nearly|almost|some|close to|an estimated|"
    r"estimated|circa|approx\.|more than|over|at least|less than|fewer than|under|up to|"
    r"at most|just over|just under|upwards of)\s+$", re.IGNORECASE)
_SCALE_NAMES = {"bn": "billion", "bln": "billion", "mln": "million", "m": "million",
                "k": "thousand", "lakhs": "lakh", "lac": "lakh", "crores": "crore"}
_CURRENCIES = {"$": "dollars", "€": "euros", "£": "pounds", "¥": "yen", "₹": "rupees",
               "Rs": "rupees", "Rs.": "rupees", "₱": "pesos", "₩": "won", "₦": "naira",
               "₺": "lira", "₴": "hryvnias", "₽": "roubles", "RM": "ringgit", "Rp": "rupiah",
               "Tk": "taka", "KSh": "shillings", "Ksh": "shillings", "S$": "Singapore dollars",
               "A$": "Australian dollars", "NZ$": "New Zealand dollars",
               "HK$": "Hong Kong dollars", "C$": "Canadian dollars", "R$": "reais",
               "US$": "US dollars"}


@dataclass(frozen=True, slots=True)
class Figure:
    """A number as printed: where it is, its value, and how it is qualified."""

    start: int  # the qualifier's start when there is one
    end: int
    number_start: int
    value: float
    scale: str | None  # "million" as printed
    qualifier: str | None
    currency: str | None  # "euros" for €
    percent: bool
    in_words: bool

    @property
    def shown(self) -> int | float:
        """The value as written, as an int when it is whole."""
        return int(self.value) if float(self.value).is_integer() else self.value


def iter_figures(text: str, start: int, end: int, language: str = "en") -> list[Figure]:
    """Return every number stated in ``text[start:end]``."""
    found = []
    for match in _NUMBER.finditer(text, start, end):
        figure = _figure(text, match, start, language)
        if figure is not None:
            found.append(figure)
    return found


def _figure(text: str, match: re.Match[str], floor: int, language: str) -> Figure | None:
    number_start = match.start()
    if match["currency"]:
        number_start = match.start("digits")
    printed = text[number_start:match.end("scale") if match["scale"] else
                   (match.end("digits") if match["digits"] else match.end("words"))]
    if match["words"] and match["words"].lower() in ("hundred", "thousand", "million",
                                                     "billion", "dozen"):
        return None
    stated = find_numbers(printed, language)
    if not stated:
        return None
    value = stated[-1].number
    qualifier = _QUALIFIER.search(text, max(floor, number_start - 20), number_start)
    begin = qualifier.start() if qualifier else number_start
    if match["currency"]:
        begin = min(begin, match.start())
    scale = _SCALE_NAMES.get(match["scale"].strip().lower(), match["scale"].strip().lower()) \
        if match["scale"] else None
    if match["words"] and stated[-1].scale != 1:
        words = match["words"].lower().split()
        scale = words[-1] if words[-1] in ("thousand", "million", "billion") else None
    return Figure(begin, match.end(), number_start, value, scale,
                  qualifier["q"].lower() if qualifier else None,
                  _CURRENCIES.get((match["currency"] or "").strip(),
                                  (match["currency"] or "").strip() or None),
                  bool(match["percent"] or match["wpercent"]), bool(match["words"]))
