"""What annotation tools say, in neutral terms: text, labelled spans, relations."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class ToolSpan:
    """One labelled span (or a fact made of several fragments) as a tool exported it.

    ``fragments`` are verified ``[start, end)`` code-point offsets into the document text.
    """

    id: str
    label: str
    fragments: list[tuple[int, int]]
    attributes: dict[str, str] = field(default_factory=dict)
    note: str | None = None
    entity: str | None = None  # a normalisation or explicit entity id: wins over the name
    line: int | None = None  # where in the export file (1-based), for messages
    column: int | None = None


@dataclass(slots=True)
class ToolRelation:
    id: str
    label: str
    source: str  # span id
    target: str  # span id
    line: int | None = None
    column: int | None = None


@dataclass(slots=True)
class ToolDocument:
    """One annotated document of an export: its text, spans, relations, what is known."""

    id: str
    text: str
    spans: list[ToolSpan] = field(default_factory=list)
    relations: list[ToolRelation] = field(default_factory=list)
    title: str | None = None
    url: str | None = None
    language: str = "en"
    line: int | None = None  # where the document starts in the export
