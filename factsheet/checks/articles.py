"""Articles: FS406 updated before published, FS407 a dateline listed twice."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from factsheet.diagnostics import Diagnostic
from factsheet.readers.source import line_col

if TYPE_CHECKING:
    from factsheet.checks import Context


def check(ctx: Context) -> Iterator[Diagnostic]:
    for index, (article, given) in enumerate(zip(ctx.briefing.articles, ctx.doc.articles,
                                                 strict=True)):
        path = ("articles", index)
        if article.published and article.updated and article.updated < article.published:
            yield ctx.smap.diagnostic(
                "FS406", f"article {article.id!r} was updated ({article.updated.isoformat()}) "
                f"before it was published ({article.published.isoformat()})", (*path, "updated"),
                hint="check the dates and the time zones")
        seen: set[str] = set()
        for position, city in enumerate(article.datelines):
            key = city.casefold()
            if key in seen:
                yield _repeated(ctx, index, position, city, given.datelines is not None)
            seen.add(key)


def _repeated(ctx: Context, index: int, position: int, city: str, explicit: bool) -> Diagnostic:
    message = f"dateline {city!r} is listed twice"
    hint = "wire copy sometimes repeats a city by mistake; keep one"
    article = ctx.briefing.articles[index]
    if explicit or article.id not in ctx.text_files:
        return ctx.smap.diagnostic("FS407", message, ("articles", index, "datelines", position),
                                   hint=hint)
    # Detected from the text: point at the repeated city in the article file itself.
    text = article.text
    start = next((p.start for p in article.paragraphs if p.kind == "body"), 0)
    offset = start
    for _ in range(position + 1):
        found = text.find(city, offset)
        offset = found + len(city) if found >= 0 else offset
    found = offset - len(city)
    line, col = line_col(text, found)
    return Diagnostic("FS407", message, file=ctx.text_files[article.id], line=line, column=col,
                      hint=hint, article=article.id, offset=found)
