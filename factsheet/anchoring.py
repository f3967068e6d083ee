"""Tie quotes and offsets to ``[start, end)`` code-point ranges of an article text.

Matching order for a quote: exact at word boundaries; exact inside words (info FS308);
after normalising whitespace runs, typographic quotes, apostrophes and dashes (info FS305).
Lookups go through an index of the text's words, and of its adjacent word pairs for quotes
made only of common words, so anchoring many quotes costs time linear in the text plus the
quotes, not their product.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise

_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")
_TYPOGRAPHIC = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"',
    "\u00bb": '"', "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2015": "-", "\u2212": "-",
})
#: A quote whose rarest word occurs more often is looked up by a pair of adjacent words.
_COMMON = 8
#: A text this long (in characters) also gets an index of its adjacent word pairs.
_LONG = 16 * 1024
#: Most places listed when a quote is ambiguous.
MAX_LISTED = 5


class AnchorError(Exception):
    """A quote or offsets could not be tied to the text; carries a diagnostic code."""

    def __init__(self, code: str, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.code, self.message, self.hint = code, message, hint


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    note: str | None = None  # FS305 or FS308 when the match needed leniency


def normalise(text: str) -> str:
    """Return ``text`` with typographic marks made plain and whitespace runs single spaces."""
    return _SPACE.sub(" ", text.translate(_TYPOGRAPHIC))


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


class _WordIndex:
    """Positions of every word of a text, for quick candidate lookup."""

    def __init__(self, text: str) -> None:
        self.text = text
        words: dict[str, list[int]] = {}
        # A long text also gets the positions of its pairs of adjacent words, for quotes
        # whose every word is common; in a short one, checking each place is cheaper.
        pairs: dict[tuple[str, str], list[int]] | None = {} if len(text) >= _LONG else None
        previous, before = "", -1
        for match in _WORD.finditer(text):
            word, start = match.group(), match.start()
            words.setdefault(word, []).append(start)
            if pairs is not None and before >= 0:
                pairs.setdefault((previous, word), []).append(before)
            previous, before = word, start
        self.words, self.pairs = words, pairs

    def find(self, quote: str, bounded: bool = True) -> list[int]:
        """Return the sorted start offsets where ``quote`` occurs (at word boundaries)."""
        text = self.text
        tokens = list(_WORD.finditer(quote))
        if not bounded or not tokens:
            return _find_all(text, quote, bounded)
        words = self.words
        names = [token.group() for token in tokens]
        counts = [len(words.get(name, ())) for name in names]
        rarest = counts.index(min(counts))
        offset = tokens[rarest].start()
        starts: Iterable[int] = words.get(names[rarest], ())
        pairs = self.pairs
        if pairs is not None and counts[rarest] > _COMMON and len(tokens) > 1:
            # Every word is common: look up the rarest pair of adjacent words instead. At
            # word boundaries, the quote's words are the text's words.
            found = [pairs.get(pair, ()) for pair in pairwise(names)]
            sizes = list(map(len, found))
            rarest = sizes.index(min(sizes))
            offset, starts = tokens[rarest].start(), found[rarest]
        return [s - offset for s in starts
                if s >= offset and text.startswith(quote, s - offset)
                and _bounded(text, s - offset, quote)]


def _find_all(text: str, quote: str, bounded: bool) -> list[int]:
    found, pos = [], text.find(quote)
    while pos >= 0:
        if not bounded or _bounded(text, pos, quote):
            found.append(pos)
        pos = text.find(quote, pos + 1)
    return found


def _bounded(text: str, start: int, quote: str) -> bool:
    end = start + len(quote)
    if start > 0 and _is_word_char(quote[0]) and _is_word_char(text[start - 1]):
        return False
    return not (end < len(text) and _is_word_char(quote[-1]) and _is_word_char(text[end]))


@dataclass
class ArticleText:
    """An article's text with the indexes anchoring needs, built on first use."""

    id: str
    text: str
    paragraphs: list[tuple[int, int]] = field(default_factory=list)

    @cached_property
    def paragraph_starts(self) -> list[int]:
        return [start for start, _ in self.paragraphs] or [0]

    @cached_property
    def index(self) -> _WordIndex:
        return _WordIndex(self.text)

    @cached_property
    def _normalised(self) -> tuple[_WordIndex, list[int]]:
        """The normalised text's index, and for each of its characters the original offset."""
        text = self.text.translate(_TYPOGRAPHIC)
        chars: list[str] = []
        origin: list[int] = []
        last = 0
        for match in _SPACE.finditer(text):
            chars.append(text[last:match.start()])
            origin.extend(range(last, match.start()))
            chars.append(" ")
            origin.append(match.start())
            last = match.end()
        chars.append(text[last:])
        origin.extend(range(last, len(text)))
        origin.append(len(text))
        return _WordIndex("".join(chars)), origin

    def paragraph_of(self, offset: int) -> int:
        """Return the 1-based number of the paragraph holding ``offset``."""
        return max(1, bisect.bisect_right(self.paragraph_starts, offset))

    def find(self, quote: str) -> tuple[list[Span], str | None]:
        """Return every span matching ``quote`` and the leniency note that was needed."""
        starts = self.index.find(quote)
        if starts:
            return [Span(s, s + len(quote)) for s in starts], None
        starts = self.index.find(quote, bounded=False)
        if starts:
            return [Span(s, s + len(quote), "FS308") for s in starts], "FS308"
        wanted = normalise(quote).strip()
        if not wanted:
            return [], None
        index, origin = self._normalised
        spans = [Span(origin[s], origin[s + len(wanted) - 1] + 1, "FS305")
                 for s in index.find(wanted)]
        return spans, ("FS305" if spans else None)

    def where(self, span: Span) -> str:
        """Describe a span's place for a message: paragraph, line:column and offset."""
        line = self.text.count("\n", 0, span.start) + 1
        column = span.start - (self.text.rfind("\n", 0, span.start) + 1) + 1
        return (f"paragraph {self.paragraph_of(span.start)} (line {line}:{column}, offset "
                f"{span.start})")


def anchor(article: ArticleText, quote: str | None, *, prefix: str | None = None,
           suffix: str | None = None, occurrence: int | None = None, start: int | None = None,
           end: int | None = None) -> Span:
    """Return the span that a quote and/or offsets select, or raise ``AnchorError``."""
    if start is not None and end is not None:
        return _anchor_offsets(article, quote, start, end)
    assert quote is not None
    spans, _ = article.find(quote)
    if not spans:
        raise AnchorError("FS301", "quote not found in article text", closest_hint(article, quote))
    context = ""
    if prefix is not None or suffix is not None:
        spans = [s for s in spans if _has_context(article.text, s, prefix, suffix)]
        if not spans:
            raise AnchorError("FS301", "quote found, but never with this prefix/suffix",
                              "check the prefix and suffix against the article text")
        context = " with this prefix/suffix"
    if occurrence is not None:
        if occurrence > len(spans):
            raise AnchorError("FS306", f"occurrence {occurrence} asked for, but the quote occurs "
                              f"{len(spans)} time{'s' if len(spans) > 1 else ''}{context}")
        return spans[occurrence - 1]
    if len(spans) > 1:
        places = ", ".join(article.where(s) for s in spans[:MAX_LISTED])
        more = f" and {len(spans) - MAX_LISTED} more" if len(spans) > MAX_LISTED else ""
        raise AnchorError("FS302", f"quote occurs {len(spans)} times: {places}{more}",
                          "add occurrence: N, or a prefix or suffix that tells them apart")
    return spans[0]


def _anchor_offsets(article: ArticleText, quote: str | None, start: int, end: int) -> Span:
    text = article.text
    if not 0 <= start <= end <= len(text):
        raise AnchorError("FS304", f"offsets [{start}, {end}) are outside the article text "
                          f"(length {len(text)})")
    if quote is None or text[start:end] == quote:
        return Span(start, end)
    if normalise(text[start:end]).strip() == normalise(quote).strip():
        return Span(start, end, "FS305")
    spans, _ = article.find(quote)
    hint = (f"the quote is at [{spans[0].start}, {spans[0].end})" if spans
            else "the quote itself is not in the text")
    raise AnchorError("FS303", f"offsets [{start}, {end}) select {clip(text[start:end])!r}, "
                      f"not the quote", hint)


def _has_context(text: str, span: Span, prefix: str | None, suffix: str | None) -> bool:
    if prefix is not None:
        before = normalise(text[max(0, span.start - len(prefix) - 40):span.start])
        if not before.endswith(normalise(prefix)) and not before.rstrip().endswith(
                normalise(prefix).rstrip()):
            return False
    if suffix is not None:
        after = normalise(text[span.end:span.end + len(suffix) + 40])
        if not after.startswith(normalise(suffix)) and not after.lstrip().startswith(
                normalise(suffix).lstrip()):
            return False
    return True


def closest_hint(article: ArticleText, quote: str) -> str | None:
    """Return a "closest match" hint naming the paragraph and the passage, if any is close."""
    from rapidfuzz import fuzz  # deferred: only failing quotes need it

    text, best = article.text, None
    for number, (p_start, p_end) in enumerate(article.paragraphs or [(0, len(text))], 1):
        found = fuzz.partial_ratio_alignment(quote, text[p_start:p_end], score_cutoff=60)
        if found and (best is None or found.score > best[0]):
            best = (found.score, number, p_start + found.dest_start, p_start + found.dest_end,
                    p_start, p_end)
    if best is None:
        return None
    start, end = _widen_to_words(text, best[2], best[3])
    start, end = max(start, best[4]), min(end, best[5])
    return f'closest match in paragraph {best[1]}: "{clip(text[start:end])}"'


def _widen_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and _is_word_char(text[start - 1]):
        start -= 1
    while end < len(text) and _is_word_char(text[end]):
        end += 1
    return start, end


def clip(text: str, width: int = 80) -> str:
    """Return ``text`` on one line (whitespace runs collapsed), cut to ``width``."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
