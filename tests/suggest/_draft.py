"""Helpers shared by the suggest tests: run the rules on a text and pick what they found."""

from __future__ import annotations

import datetime as dt
from typing import Any

from factsheet.suggest import suggest_text
from factsheet.suggest.draft import Draft, FactDraft, PartyDraft


def draft(text: str, zone: dt.tzinfo = dt.UTC) -> Draft:
    """Return the draft of ``text`` (a trailing newline added, as files have)."""
    return suggest_text(text.strip("\n") + "\n", "story", zone=zone)


def facts(found: Draft, kind: str) -> list[FactDraft]:
    return found.of_kind(kind)


def party(found: Draft, name: str) -> PartyDraft:
    """Return the party called ``name`` (or whose mention is exactly ``name``)."""
    for item in found.parties:
        if item.name == name or name in item.aliases:
            return item
    for item in found.parties:
        if any(found.text[s:e] == name for s, e in item.mentions):
            return item
    raise AssertionError(f"no party {name!r} in {[p.name for p in found.parties]}")


def words(found: Draft, fact: FactDraft) -> str:
    """Return the evidence words of a fact."""
    return " ".join(found.text[s:e] for s, e in fact.evidence)


def field(fact: FactDraft, name: str) -> Any:
    value = fact.fields.get(name)
    if isinstance(value, PartyDraft):
        return value.name
    if isinstance(value, list):
        return [v.name if isinstance(v, PartyDraft) else v for v in value]
    return value
