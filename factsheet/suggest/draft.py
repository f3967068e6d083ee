"""What the rules found, before it is written: parties, facts and header fields with spans.

Spans are ``[start, end)`` code-point offsets of the article text, as everywhere in
factsheet; the writer turns them into quotes. Each item carries the rule's confidence and
the notes an analyst needs to check it ("speaker inferred from the next sentence").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from factsheet.model.common import Confidence

HIGH, LOW = Confidence.HIGH, Confidence.LOW
Span = tuple[int, int]


@dataclass
class PartyDraft:
    """A party and every place the article names it."""

    key: str  # what merges two finds into one party: "country:RS", "person:dordevic"...
    name: str
    kind: str
    country: str | None = None
    role: str | None = None
    affiliation: PartyDraft | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    confidence: Confidence = HIGH
    notes: list[str] = field(default_factory=list)
    id: str = ""
    surname: str | None = None  # persons: the word later mentions use
    heads: tuple[str, ...] = ()  # role words later mentions use: "minister", "ministry"
    members: list[PartyDraft] = field(default_factory=list)  # a group's states

    def add_mention(self, span: Span) -> None:
        if span not in self.mentions:
            self.mentions.append(span)
            self.mentions.sort()


@dataclass
class FactDraft:
    """A commitment, position, quotation, statistic or photo credit."""

    kind: str  # the annotation file's list: "commitments", "statistics"...
    fields: dict[str, Any]  # party references hold PartyDraft objects until written
    evidence: list[Span]
    confidence: Confidence = HIGH
    notes: list[str] = field(default_factory=list)
    id: str = ""
    stem: str = ""  # what the id is made from


@dataclass
class HeaderDraft:
    """The article's header fields, each with its confidence and an optional note."""

    values: dict[str, Any] = field(default_factory=dict)
    confidence: dict[str, Confidence] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)

    def set(self, name: str, value: Any, confidence: Confidence = HIGH,
            note: str | None = None) -> None:
        """Record a field unless a surer rule already set it."""
        if value in (None, "", []) or (name in self.values and self.confidence[name] is HIGH):
            return
        self.values[name] = value
        self.confidence[name] = confidence
        if note:
            self.notes[name] = note


@dataclass
class Draft:
    """Everything suggested for one article."""

    article_id: str
    text: str
    header: HeaderDraft = field(default_factory=HeaderDraft)
    parties: list[PartyDraft] = field(default_factory=list)
    facts: list[FactDraft] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[FactDraft]:
        return [f for f in self.facts if f.kind == kind]
