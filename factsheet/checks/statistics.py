"""Statistics: FS403 no attribution, FS404 value not in evidence, FS405 comparison
contradicts its values, FS410 approximate value noted."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from factsheet import numbers
from factsheet.assemble import stated_cue, values_direction
from factsheet.diagnostics import Diagnostic
from factsheet.model.briefing import Statistic

if TYPE_CHECKING:
    from factsheet.checks import Context


def check(ctx: Context) -> Iterator[Diagnostic]:
    languages = {a.id: a.language for a in ctx.briefing.articles}
    for index, (stat, given) in enumerate(zip(ctx.briefing.statistics, ctx.doc.statistics,
                                              strict=True)):
        path = ("statistics", index)
        if stat.attributed_to is None:
            yield ctx.smap.diagnostic(
                "FS403", f"statistic {stat.id!r} does not say who claims it", path,
                hint="add attributed_to: <party id> (the ministry, agency or person cited)")
        if not stat.evidence:
            continue
        stated = [s for e in stat.evidence for s in numbers.find_numbers(
            e.text, languages.get(e.article, "en"))]
        yield from _value_in_evidence(ctx, stat, stated, path)
        if stat.approximate and stat.qualifier and given.approximate is None:
            yield ctx.smap.diagnostic(
                "FS410", f"statistic {stat.id!r} is marked approximate: the text says "
                f"{stat.qualifier!r}", (*path, "value"))
        yield from _comparison(ctx, stat, path)


def _value_in_evidence(ctx: Context, stat: Statistic, stated: list[numbers.Stated],
                       path: tuple[object, ...]) -> Iterator[Diagnostic]:
    figures = [("value", stat.value)] if stat.value is not None else [
        ("value_range", v) for v in (stat.value_range or ())]
    if stat.comparison is not None:
        c = stat.comparison
        figures += [("comparison", c.value)] if c.value is not None else [
            ("comparison", v) for v in (c.value_range or ())]
    for field, value in figures:
        if value is not None and numbers.stated_in(value, stated) is None:
            said = ", ".join(dict.fromkeys(str(s) for s in stated)) or "no number"
            what = "baseline" if field == "comparison" else "value"
            yield ctx.smap.diagnostic(
                "FS404", f"{what} {value:g} of statistic {stat.id!r} does not appear in its "
                "evidence", (*path, field),
                hint=f"the evidence states: {said}")


def _comparison(ctx: Context, stat: Statistic, path: tuple[object, ...]
                ) -> Iterator[Diagnostic]:
    comparison = stat.comparison
    if comparison is None:
        return
    value = numbers.middle(stat.value, stat.value_range)
    baseline = numbers.middle(comparison.value, comparison.value_range)
    if value is None or baseline is None:
        return
    actual = values_direction(value, baseline)
    given = ctx.doc.statistics[path[1]].comparison  # type: ignore[index]
    stated = given.direction if given is not None else None
    cue = stated_cue(stat.evidence)
    checks = [(stated, f"the annotation says {stated.value!r}" if stated else "",
               (*path, "comparison", "direction"))]
    if cue is not None:
        checks.append((cue[0], f"the article says {cue[1]!r}", (*path, "evidence")))
    for claimed, source, where in checks:
        if claimed is not None and claimed is not actual:
            yield ctx.smap.diagnostic(
                "FS405", f"{source}, but {baseline:g} → {value:g} {_verb(actual)}", where,
                hint="check the value, the baseline and which period each belongs to")
            return


def _verb(direction: object) -> str:
    return {"rose": "is a rise", "fell": "is a fall"}.get(str(direction), "is no change")
