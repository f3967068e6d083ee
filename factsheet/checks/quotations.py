"""Quotations: FS409 the quoted words are not verbatim in the article."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from factsheet.anchoring import clip, normalise
from factsheet.diagnostics import Diagnostic

if TYPE_CHECKING:
    from factsheet.checks import Context


def check(ctx: Context) -> Iterator[Diagnostic]:
    for index, quote in enumerate(ctx.briefing.quotations):
        if not quote.evidence:
            continue
        if any(quote.text in e.text for e in quote.evidence):
            continue
        printed = quote.evidence[0].text
        close = normalise(quote.text).strip() in normalise(printed)
        yield ctx.smap.diagnostic(
            "FS409", f"quotation {quote.id!r} is not verbatim"
            + (" (quotes, dashes or spacing differ)" if close else ""),
            ("quotations", index, "text"),
            hint=f'the article prints: "{clip(printed, 160)}"')
