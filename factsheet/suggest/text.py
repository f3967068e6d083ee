"""The article as the rules see it: paragraphs with their kinds, sentences, words, quotes.

Paragraph kinds come from ``factsheet.article.read_structure``, so the rules and the briefing
agree on what is header, caption, subhead, interstitial and body. Sentences are split here,
with the abbreviations news copy uses ("Jan.", "U.S.", "Lt. Gen.") kept whole.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from factsheet.article import Structure, read_structure
from factsheet.model.common import ParagraphKind

if TYPE_CHECKING:
    from factsheet.suggest.credits import Caption

#: Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    ["mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm", "maj",
     "brig", "rep", "sen", "gov", "prof", "rev", "jr", "sr", "fr", "jan", "feb", "mar", "apr",
     "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "vs", "etc", "approx",
     "inc", "co", "corp", "ltd", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "d.c", "mt", "ft",
     "pres", "amb", "dept", "est"])
_SENTENCE_END = re.compile(r"[.!?]+[\"”’)\]]*(?=\s+[\"“‘(\[]?[^\W_a-z])|[.!?]+[\"”’)\]]*$")
_WORD = re.compile(r"[^\W_](?:[\w'’.-]*[^\W_])?\.?")
_QUOTE_PAIRS = (("“", "”"), ("«", "»"), ("„", "“"))


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a paragraph: ``[start, end)`` in the article text."""

    start: int
    end: int
    paragraph: int  # index into Article.paragraphs


@dataclass(frozen=True, slots=True)
class Quoted:
    """Words between quotation marks: the marks at ``start`` and ``end - 1``."""

    start: int
    end: int
    paragraph: int
    closed: bool = True  # False when the quotation runs on into the next paragraph

    @property
    def inner(self) -> tuple[int, int]:
        return (self.start + 1, self.end - 1 if self.closed else self.end)


@dataclass
class Article:
    """An article text with its structure read once."""

    text: str
    structure: Structure = field(init=False)
    #: Where the header lines end: nothing before it is a fact (set by the header rules).
    header_end: int = 0
    #: How many rules that read other sentences' sources are running, one inside another.
    lookup_depth: int = field(default=0, init=False, repr=False)
    _paragraph_sentences: dict[int, list[tuple[int, int]]] = field(
        default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        self.structure = read_structure(self.text)

    @property
    def paragraphs(self) -> list[tuple[int, int, ParagraphKind]]:
        return [(p.start, p.end, p.kind) for p in self.structure.paragraphs]

    def is_fact_paragraph(self, index: int) -> bool:
        """Return True for paragraphs facts may come from: body text, not links, subheads or
        header lines."""
        paragraph = self.structure.paragraphs[index]
        return paragraph.kind is ParagraphKind.BODY and paragraph.end > self.header_end

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Every sentence of the body paragraphs, in text order."""
        found = []
        for index, (start, end, _) in enumerate(self.paragraphs):
            if self.is_fact_paragraph(index):
                if start == self.structure.dateline_offset:
                    from factsheet.suggest.parties import dateline_end

                    start = dateline_end(self.text, start, end)
                found += [Sentence(s, e, index) for s, e in
                          split_sentences(self.text, max(start, self.header_end), end)]
        return found

    @cached_property
    def quotes(self) -> list[Quoted]:
        """Every quotation in the body paragraphs, in text order."""
        found = []
        for index, (start, end, _) in enumerate(self.paragraphs):
            if self.is_fact_paragraph(index):
                found += find_quotes(self.text, start, end, index)
        return found

    @cached_property
    def captions(self) -> list[Caption]:
        """Every photo caption, in the header or the body."""
        from factsheet.suggest.credits import find_captions

        return find_captions(self.text, [(s, e) for s, e, kind in self.paragraphs
                                         if kind is not ParagraphKind.INTERSTITIAL])

    def paragraph_sentences(self, index: int) -> list[tuple[int, int]]:
        """Return the sentences of paragraph ``index`` (all of it, header or body), split
        once however many quotations ask."""
        cache = self._paragraph_sentences
        if index not in cache:
            block = self.structure.paragraphs[index]
            cache[index] = split_sentences(self.text, block.start, block.end)
        return cache[index]

    def sentence_at(self, offset: int) -> Sentence | None:
        return next((s for s in self.sentences if s.start <= offset < s.end), None)

    def in_quote(self, start: int, end: int) -> bool:
        """Return True when ``[start, end)`` lies inside quotation marks."""
        return any(q.start < start and end <= q.end for q in self.quotes)


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the ``[start, end)`` of each sentence of ``text[start:end]``."""
    found, last = [], start
    for match in _SENTENCE_END.finditer(text, start, end):
        stop = match.end()
        if match.group().startswith(".") and _is_abbreviation(text, last, match.start()) and \
                not _CLOCK_THEN_SENTENCE.match(text, max(last, match.start() - 4)):
            continue  # "Gen. Smith"; but "... after 2:30 p.m. The venue holds" ends there
        if stop - last <= LONGEST_SENTENCE and _inside_open_quote(text, last, stop):
            continue
        found += _bounded(text, last, stop)
        last = _skip_space(text, stop, end)
    if last < end and text[last:end].strip():
        found += _bounded(text, last, end)
    return found


#: No sentence of a story runs longer than this; a longer run (a list with no full stop, or
#: hostile input) is cut at a comma or a space, so that every rule's work per sentence stays
#: bounded.
LONGEST_SENTENCE = 1500


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return ``[start, end)`` as one sentence, or cut into pieces of at most
    ``LONGEST_SENTENCE`` characters."""
    pieces = []
    while end - start > LONGEST_SENTENCE:
        limit = start + LONGEST_SENTENCE
        cut = max(text.rfind(", ", start + LONGEST_SENTENCE // 2, limit),
                  text.rfind(" ", start + LONGEST_SENTENCE // 2, limit))
        stop = cut + 1 if cut > start else limit
        pieces.append((start, stop))
        start = _skip_space(text, stop, end)
    if start < end:
        pieces.append((start, end))
    return pieces


_CLOCK_THEN_SENTENCE = re.compile(r"\s?[ap]\.m\.\s+(?:The|A|An|He|She|It|They|We|I|In|On|At|"
                                  r"But|And|This|That|There|Police|Officials)\b")


def _is_abbreviation(text: str, start: int, dot: int) -> bool:
    word = re.search(r"([\w.]+)$", text[max(start, dot - 40):dot])
    if not word:
        return False
    token = word.group(1).lower()
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()) or \
        re.fullmatch(r"(?:[a-z]\.)+[a-z]", token) is not None  # initials: "B.R. Gavai"


def _inside_open_quote(text: str, start: int, stop: int) -> bool:
    """Return True when a straight or curly quotation opened in the span is still open."""
    chunk = text[start:stop]
    return chunk.count('"') % 2 == 1 or chunk.count("“") > chunk.count("”")


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def find_quotes(text: str, start: int, end: int, paragraph: int) -> list[Quoted]:
    """Return the quotations of one paragraph: curly pairs, guillemets and straight pairs."""
    found = []
    for opening, closing in _QUOTE_PAIRS:
        pos = text.find(opening, start, end)
        while pos >= 0:
            close = text.find(closing, pos + 1, end)
            if close < 0:
                found.append(Quoted(pos, end, paragraph, closed=False))
                break
            found.append(Quoted(pos, close + 1, paragraph))
            pos = text.find(opening, close + 1, end)
    marks = [m.start() for m in re.finditer('"', text[start:end])]
    for i in range(0, len(marks) - 1, 2):
        found.append(Quoted(start + marks[i], start + marks[i + 1] + 1, paragraph))
    if len(marks) % 2:
        found.append(Quoted(start + marks[-1], end, paragraph, closed=False))
    return sorted(found, key=lambda q: q.start)


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    start: int
    end: int
    space_after: bool = False  # one space, not a line break, follows the word

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_capitalised(self) -> bool:
        return self.text[0].isupper()


def words(text: str, start: int, end: int) -> list[Word]:
    """Return the words of ``text[start:end]`` (hyphens, apostrophes, inner dots kept)."""
    result = []
    for match in _WORD.finditer(text, start, end):
        token = match.group()
        # A trailing dot belongs to the word only for abbreviations ("U.S.", "Gen.").
        if token.endswith(".") and not _keeps_dot(token):
            token = token[:-1]
        stop = match.start() + len(token)
        if token.endswith("s") and text[stop:stop + 1] in "'’" and text[stop + 1:stop + 2] == " ":
            token, stop = token + text[stop], stop + 1  # "Workers'": a plural possessive
        result.append(Word(token, match.start(), stop, text[stop:stop + 1] == " "))
    return result


def adjacent(a: Word, b: Word) -> bool:
    """Return True when ``b`` follows ``a`` after a single space on the same line."""
    return a.space_after and b.start - a.end == 1


def _keeps_dot(token: str) -> bool:
    core = token[:-1].lower()
    return "." in core or core in _ABBREVIATIONS


#: Month and weekday names: capitalised words that are no names.
CALENDAR_WORDS = frozenset(["January", "February", "March", "April", "May", "June", "July",
                            "August", "September", "October", "November", "December",
                            "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                            "Sunday"])

_ASCII = str.maketrans({"đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ı": "i",
                       "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "þ": "th", "ð": "d"})


def slug(name: str, limit: int = 40) -> str:
    """Return a readable id made of ``name``'s ASCII letters and digits: "Đorđević" → "dordevic"."""
    folded = unicodedata.normalize("NFKD", name.translate(_ASCII))
    ascii_only = folded.encode("ascii", "ignore").decode().lower()
    parts = re.findall(r"[a-z0-9]+", ascii_only.replace("'s ", " "))
    text = "-".join(parts)
    while len(text) > limit and "-" in text:
        text = text.rsplit("-", 1)[0]
    return text[:limit] or "item"


def clean(text: str) -> str:
    """Return ``text`` with whitespace runs made single spaces."""
    return " ".join(text.split())
