"""Ids and references: FS401 duplicate id, FS402 unknown party, FS408 party never referenced."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from factsheet.diagnostics import Diagnostic
from factsheet.validation import did_you_mean

if TYPE_CHECKING:
    from factsheet.checks import Context

FACT_LISTS = ("parties", "commitments", "positions", "quotations", "statistics", "photos")
# fields that hold party ids, per list
PARTY_FIELDS: dict[str, tuple[str, ...]] = {
    "parties": ("affiliation",),
    "commitments": ("by", "to"),
    "positions": ("holder",),
    "quotations": ("speaker",),
    "statistics": ("attributed_to", "reported_via"),
    "photos": ("agency", "pictured"),
}


def check(ctx: Context) -> Iterator[Diagnostic]:
    yield from _duplicates(ctx)
    parties = {p.id for p in ctx.doc.parties}
    used: set[str] = set()
    for name, index, field, position, party_id in _references(ctx):
        used.add(party_id)
        if party_id not in parties:
            path: tuple[Any, ...] = (name, index, field) if position is None else (
                name, index, field, position)
            yield ctx.smap.diagnostic(
                "FS402", f"{field} refers to party {party_id!r}, which is not defined", path,
                hint=did_you_mean(party_id, parties) or "define it under parties:")
    for index, party in enumerate(ctx.doc.parties):
        if party.id not in used:
            yield ctx.smap.diagnostic(
                "FS408", f"party {party.id!r} is not referenced by any fact", ("parties", index),
                hint="remove it, or name it in a fact (by, holder, speaker, attributed_to...)")


def _duplicates(ctx: Context) -> Iterator[Diagnostic]:
    seen: dict[str, tuple[Any, ...]] = {}
    for index, article in enumerate(ctx.doc.articles):
        if article.id in {a.id for a in ctx.doc.articles[:index]}:
            yield ctx.smap.diagnostic("FS401", f"article id {article.id!r} is used twice",
                                      ("articles", index, "id"))
    for name in FACT_LISTS:
        for index, item in enumerate(getattr(ctx.doc, name)):
            path = (name, index, "id")
            if item.id in seen:
                first = seen[item.id]
                line, _ = ctx.smap.find(first)
                yield ctx.smap.diagnostic(
                    "FS401", f"id {item.id!r} is already used by {first[0]}[{first[1]}]"
                    + (f" (line {line})" if line else ""), path,
                    hint="ids are shared by parties and all facts: make this one unique")
            else:
                seen[item.id] = path


def _references(ctx: Context) -> Iterator[tuple[str, int, str, int | None, str]]:
    for name, fields in PARTY_FIELDS.items():
        for index, item in enumerate(getattr(ctx.doc, name)):
            for field in fields:
                value = getattr(item, field)
                if isinstance(value, list):
                    for position, party_id in enumerate(value):
                        yield name, index, field, position, party_id
                elif value is not None:
                    yield name, index, field, None, value
