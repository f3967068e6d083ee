"""Review: FS411 for every party, fact and article header field still marked ``suggested``.

``factsheet suggest`` marks what its rules found; a person settles each item by checking it
against the article and deleting the marker. Until then every marker is a warning, so a draft
validates and builds (the analyst can read it as a briefing) while ``--strict`` — what CI
runs — refuses it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from factsheet.diagnostics import Diagnostic

if TYPE_CHECKING:
    from factsheet.checks import Context

#: The lists of the annotation file that hold parties and facts, and what one item is called.
_KINDS = (("parties", "party"), ("commitments", "commitment"), ("positions", "position"),
          ("quotations", "quotation"), ("statistics", "statistic"), ("photos", "photo"))
_HINT = "check it against the article and correct it, then delete the 'suggested' line"


def check(ctx: Context) -> Iterator[Diagnostic]:
    """Yield FS411 at each ``suggested`` key: the article's header fields, then each party
    and fact."""
    for index, article in enumerate(ctx.doc.articles):
        marks = article.suggested
        if marks is None:
            continue
        for name, confidence in marks.model_dump(exclude_none=True).items():
            yield ctx.smap.diagnostic(
                "FS411", f"article {article.id!r}: {name} is suggested ({confidence} "
                "confidence) and not yet reviewed", ("articles", index, "suggested", name),
                key=True, hint="check it against the article, then delete this line (and "
                "'suggested:' once it is empty)")
    for key, noun in _KINDS:
        for index, item in enumerate(getattr(ctx.doc, key)):
            if item.suggested is not None:
                yield ctx.smap.diagnostic(
                    "FS411", f"{noun} {item.id!r} is suggested ({item.suggested.value} "
                    "confidence) and not yet reviewed", (key, index, "suggested"), key=True,
                    hint=_HINT)
