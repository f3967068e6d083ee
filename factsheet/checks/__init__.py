"""Consistency rules over a briefing. Each rule family is a module; the registry is a table.

A rule takes a ``Context`` and yields diagnostics; it never raises on bad data.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from factsheet.checks import articles, quotations, references, review, statistics
from factsheet.diagnostics import Diagnostic
from factsheet.model.annotations import AnnotationFile
from factsheet.model.briefing import Briefing
from factsheet.readers.tree import SourceMap


@dataclass(frozen=True, slots=True)
class Context:
    briefing: Briefing
    doc: AnnotationFile
    smap: SourceMap
    text_files: dict[str, str]  # article id → display name of its text file, if any


Rule = Callable[[Context], Iterator[Diagnostic]]

RULES: dict[str, Rule] = {
    "references": references.check,
    "statistics": statistics.check,
    "articles": articles.check,
    "quotations": quotations.check,
    "review": review.check,
}


def run_checks(context: Context) -> list[Diagnostic]:
    """Return the diagnostics of every rule, in rule order."""
    return [d for rule in RULES.values() for d in rule(context)]
