"""The briefing: the validated, anchored result. Its JSON form is the public contract."""

from __future__ import annotations

from pathlib import Path

from pydantic import AwareDatetime, Field, PrivateAttr

from factsheet.model.common import (
    SCHEMA_VERSION,
    Direction,
    Id,
    Language,
    ParagraphKind,
    Strict,
    Url,
)
from factsheet.model.facts import (
    CommitmentFields,
    ComparisonFields,
    PartyFields,
    PhotoFields,
    PositionFields,
    QuotationFields,
    StatisticFields,
    Summary,
)


class Evidence(Strict):
    """A span of an article: ``[start, end)`` in code points, and the words there."""

    article: Id
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str = Field(description="The exact article text in [start, end).")
    paragraph: int = Field(ge=1, description="1-based paragraph number in the article.")


class Paragraph(Strict):
    number: int = Field(ge=1)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    kind: ParagraphKind


class RelatedLink(Strict):
    label: str = Field(description='As printed, e.g. "ALSO READ".')
    title: str
    url: Url | None = None
    start: int | None = None
    end: int | None = None


class SourceArticle(Strict):
    id: Id
    title: str
    publisher: str | None = None
    byline: str | None = None
    agency: str | None = None
    url: Url | None = None
    language: Language
    published: AwareDatetime | None = None
    updated: AwareDatetime | None = None
    datelines: list[str] = Field(default_factory=list)
    related: list[RelatedLink] = Field(default_factory=list)
    text: str
    paragraphs: list[Paragraph]
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the UTF-8 text.")


class Party(PartyFields):
    mentions: list[Evidence] = Field(default_factory=list)


class Commitment(CommitmentFields):
    evidence: list[Evidence] = Field(min_length=1)


class Position(PositionFields):
    evidence: list[Evidence] = Field(min_length=1)


class Quotation(QuotationFields):
    evidence: list[Evidence] = Field(min_length=1)


class Comparison(ComparisonFields):
    direction: Direction | None = Field(None, description="Stated, or derived from the values.")


class Statistic(StatisticFields):
    approximate: bool = False
    qualifier: str | None = Field(None, description='Marker as printed: "about", "nearly"...')
    comparison: Comparison | None = None
    evidence: list[Evidence] = Field(min_length=1)


class PhotoCredit(PhotoFields):
    evidence: list[Evidence] = Field(min_length=1)


class DiagnosticRecord(Strict):
    code: str = Field(pattern=r"^FS[1-5][0-9]{2}$")
    severity: str = Field(pattern=r"^(error|warning|info)$")
    message: str
    hint: str | None = None
    file: str | None = None
    line: int | None = None
    column: int | None = None
    article: str | None = None
    offset: int | None = None


class Briefing(Strict):
    """A validated briefing drawn from one or more articles."""

    schema_version: str = SCHEMA_VERSION
    articles: list[SourceArticle] = Field(min_length=1)
    parties: list[Party] = Field(default_factory=list)
    commitments: list[Commitment] = Field(default_factory=list)
    positions: list[Position] = Field(default_factory=list)
    quotations: list[Quotation] = Field(default_factory=list)
    statistics: list[Statistic] = Field(default_factory=list)
    photos: list[PhotoCredit] = Field(default_factory=list)
    summary: Summary | None = None
    diagnostics: list[DiagnosticRecord] = Field(
        default_factory=list, description="Warnings and notes found while building.")

    #: Folder the annotation file was read from: images are resolved inside it. Not part of
    #: the JSON contract (a briefing built in memory has none, and draws no images).
    _source_folder: Path | None = PrivateAttr(default=None)

    @property
    def source_folder(self) -> Path | None:
        return self._source_folder

    def with_source_folder(self, folder: Path | None) -> Briefing:
        """Record where the annotation file was (private attributes may be set when frozen)."""
        self._source_folder = folder
        return self

    def party(self, party_id: str) -> Party | None:
        """Return the party with ``party_id``, if any."""
        return next((p for p in self.parties if p.id == party_id), None)
