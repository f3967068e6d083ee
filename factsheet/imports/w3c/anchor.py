"""Place a target in the article text: its position first, checked and rescued by its quote.

A ``TextPositionSelector`` is read first; ``TextOffsets.fix`` checks it against the quote's
``exact`` and repairs other units (FS118). If it cannot, the quote is searched in the whole
text and its prefix and suffix pick among the places it occurs (FS118 when found, FS119
when not, FS302 when several places remain).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from factsheet.imports.offsets import SpanError, TextOffsets
from factsheet.imports.w3c.spec import (
    SpecificResource,
    TextPositionSelector,
    TextQuoteSelector,
    Where,
)

#: report(code, message, where, hint=None): how a problem is told.
Report = Callable[..., None]


def anchor(offsets: TextOffsets, target: SpecificResource, ident: str, utf16: bool,
           report: Report) -> tuple[int, int] | None:
    """Return where ``target`` is in the text, in code points, or None after reporting why.

    ``utf16``: the positions count UTF-16 units (Hypothesis); they are converted first.
    """
    quote = next((s for s in target.selectors if isinstance(s, TextQuoteSelector)), None)
    position = next((s for s in target.selectors if isinstance(s, TextPositionSelector)),
                    None)
    if quote is None and position is None:
        found = ", ".join(target.other) or "none"
        report("FS203", f"annotation {ident}: no TextPositionSelector or TextQuoteSelector "
               f"(selectors found: {found})", target.at)
        return None
    reason = "it has no TextPositionSelector"
    if position is not None:
        start, end = position.start, position.end
        if utf16:
            start, end = offsets.utf16_to_code_points(start, end) or (start, end)
        exact = quote.exact if quote else None
        try:
            fixed = offsets.fix(start, end, exact)
        except SpanError as error:
            if quote is None:
                report("FS119", f"annotation {ident}: {error}", target.at)
                return None
            reason = str(error)
        else:
            if fixed.how is not None:
                report("FS118", f"annotation {ident}: offsets [{position.start}, "
                       f"{position.end}) did not select {_short(exact)}; read as {fixed.how}, "
                       f"[{fixed.start}, {fixed.end}) does", target.at)
            return fixed.start, fixed.end
    assert quote is not None
    return find_quote(offsets.text, quote, position, ident, reason, target.at, report)


def find_quote(text: str, quote: TextQuoteSelector, position: TextPositionSelector | None,
               ident: str, reason: str, at: Where, report: Report) -> tuple[int, int] | None:
    """Return the one place of the quote, weighed by its prefix and suffix, or None."""
    hits = _occurrences(text, quote.exact)
    if hits and (quote.prefix or quote.suffix):
        scores = [_context_score(text, s, e, quote) for s, e in hits]
        hits = [h for h, score in zip(hits, scores, strict=True) if score == max(scores)]
    if len(hits) > 1 and position is not None:
        hits = [min(hits, key=lambda h: abs(h[0] - position.start))]
    if not hits:
        report("FS119", f"annotation {ident}: the quote {_short(quote.exact)} is not in the "
               f"article text ({reason})", at,
               hint="check that the article text is the one that was annotated")
        return None
    if len(hits) > 1:
        report("FS302", f"annotation {ident}: the quote {_short(quote.exact)} occurs "
               f"{len(hits)} times and its prefix and suffix do not tell which", at,
               hint="add a TextPositionSelector, or a longer prefix or suffix")
        return None
    if position is not None:
        report("FS118", f"annotation {ident}: offsets [{position.start}, {position.end}) did "
               f"not select {_short(quote.exact)}; found by its quote at [{hits[0][0]}, "
               f"{hits[0][1]})", at)
    return hits[0]


def _occurrences(text: str, exact: str) -> list[tuple[int, int]]:
    """Where ``exact`` occurs; if nowhere, where it occurs with any run of whitespace."""
    hits, found = [], text.find(exact) if exact else -1
    while found >= 0:
        hits.append((found, found + len(exact)))
        found = text.find(exact, found + 1)
    if hits or not exact.strip():
        return hits
    pattern = r"\s+".join(re.escape(w) for w in exact.split())
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def _context_score(text: str, start: int, end: int, quote: TextQuoteSelector) -> int:
    """How well the text around ``[start, end)`` matches the quote's prefix and suffix:
    2 each when exact, 1 when equal once whitespace runs are made one space."""
    # Context may be cut inside a surrogate pair (read as U+FFFD) or a CRLF.
    prefix, suffix = quote.prefix.lstrip("\ufffd"), quote.suffix.rstrip("\ufffd")
    score = 0
    if prefix:
        wide = text[max(0, start - 2 * len(prefix) - 8):start]
        score += 2 if wide.endswith(prefix) else _loosely(wide, prefix, str.endswith)
    if suffix:
        wide = text[end:end + 2 * len(suffix) + 8]
        score += 2 if wide.startswith(suffix) else _loosely(wide, suffix, str.startswith)
    return score


def _loosely(around: str, context: str, test: Callable[[str, str], bool]) -> int:
    wanted = " ".join(context.split())
    return int(bool(wanted) and test(" ".join(around.split()), wanted))


def _short(text: str | None) -> str:
    if text is None:
        return "its words"
    return repr(text if len(text) <= 60 else text[:57] + "...")
