"""The annotation file: what an analyst writes (native YAML/JSON; inline XML compiles to it)."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AwareDatetime, BeforeValidator, Field, model_validator

from factsheet.model.common import Confidence, Id, Language, Strict, Text, Url, forbid_both
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


class EvidenceRef(Strict):
    """Where a fact is in the article: a quote (optionally disambiguated) or offsets."""

    quote: str | None = Field(None, description="The exact words of the article.")
    prefix: str | None = Field(None, description="Text just before the quote.")
    suffix: str | None = Field(None, description="Text just after the quote.")
    occurrence: int | None = Field(None, ge=1, description="Which occurrence (1 = first).")
    start: int | None = Field(None, ge=0, description="Start offset, code points.")
    end: int | None = Field(None, ge=0, description="End offset (exclusive), code points.")
    article: Id | None = Field(None, description="Article id; defaults to the first article.")

    @model_validator(mode="after")
    def _quote_or_offsets(self) -> EvidenceRef:
        if self.quote is None and (self.start is None or self.end is None):
            raise ValueError("evidence needs a quote, or start and end offsets")
        if (self.start is None) != (self.end is None):
            raise ValueError("give both start and end, or neither")
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError("end is before start")
        if self.quote is not None and not self.quote.strip():
            raise ValueError("quote is empty")
        if self.quote is None and self.start == self.end:
            raise ValueError("evidence is empty: start equals end")
        return self


def _evidence_list(value: Any) -> Any:
    """Accept a bare quote or a single mapping where a list of evidence is expected."""
    if isinstance(value, str | dict):
        value = [value]
    if isinstance(value, list):
        return [{"quote": item} if isinstance(item, str) else item for item in value]
    return value


Evidence = Annotated[
    list[EvidenceRef],
    BeforeValidator(_evidence_list, json_schema_input_type=str | EvidenceRef
                    | list[str | EvidenceRef]),
    Field(description="A quote, an evidence mapping, or a list of either."),
]
RequiredEvidence = Annotated[Evidence, Field(min_length=1)]


#: The review marker of a party or fact. Only input files carry it: a person settles each
#: suggestion by deleting the key, so a briefing never needs to know it was suggested (until
#: then FS411 reports it, and ``--strict`` refuses to build).
Suggested = Annotated[Confidence | None, Field(
    None, description="Left by `factsheet suggest`: found by rules, not yet checked by a "
    "person (high or low confidence). Delete it once the item is reviewed.")]


class ArticleSuggested(Strict):
    """Which article header fields were suggested, each with the suggester's confidence."""

    title: Confidence | None = None
    publisher: Confidence | None = None
    byline: Confidence | None = None
    agency: Confidence | None = None
    url: Confidence | None = None
    language: Confidence | None = None
    published: Confidence | None = None
    updated: Confidence | None = None
    datelines: Confidence | None = None
    related: Confidence | None = None


class RelatedLinkIn(Strict):
    title: Text = Field(description='Headline of the linked story, as in "ALSO READ: <title>".')
    url: Url | None = None


class ArticleIn(Strict):
    id: Id
    text: str | None = Field(None, description="The article text, inline.")
    text_file: str | None = Field(None, description="UTF-8 file beside the annotation file.")
    title: Text
    publisher: str | None = None
    byline: str | None = None
    agency: str | None = None
    url: Url | None = None
    language: Language = "en"
    published: AwareDatetime | None = None
    updated: AwareDatetime | None = None
    datelines: list[Text] | None = Field(
        None, description="Dateline cities in order; detected from the text when omitted.")
    related: list[RelatedLinkIn] = Field(
        default_factory=list, description="URLs for interstitial links, matched by title.")
    suggested: ArticleSuggested | None = Field(
        None, description="Header fields left by `factsheet suggest` and not yet checked by a "
        "person; delete each key once the field is reviewed.")

    @model_validator(mode="before")
    @classmethod
    def _one_text(cls, data: Any) -> Any:
        forbid_both(data, "text", "text_file")
        if isinstance(data, dict) and data.get("text") is None and data.get("text_file") is None:
            raise ValueError("give the article text inline (text) or a file (text_file)")
        return data


class PartyIn(PartyFields):
    mentions: Evidence = Field(default_factory=list)
    suggested: Suggested


class CommitmentIn(CommitmentFields):
    evidence: RequiredEvidence
    suggested: Suggested


class PositionIn(PositionFields):
    evidence: RequiredEvidence
    suggested: Suggested


class QuotationIn(QuotationFields):
    evidence: Evidence = Field(default_factory=list,
                               description="Defaults to the quotation's text itself.")
    suggested: Suggested


class ComparisonIn(ComparisonFields):
    pass


class StatisticIn(StatisticFields):
    approximate: bool | None = Field(None, description="Inferred from the evidence if omitted.")
    comparison: ComparisonIn | None = None
    evidence: RequiredEvidence
    suggested: Suggested


class PhotoIn(PhotoFields):
    evidence: RequiredEvidence
    suggested: Suggested


class AnnotationFile(Strict):
    """One annotation file: articles, parties and the facts drawn from them."""

    factsheet: int = Field(1, ge=1, le=1, description="Format version of this file.")
    articles: list[ArticleIn] = Field(min_length=1)
    parties: list[PartyIn] = Field(default_factory=list)
    commitments: list[CommitmentIn] = Field(default_factory=list)
    positions: list[PositionIn] = Field(default_factory=list)
    quotations: list[QuotationIn] = Field(default_factory=list)
    statistics: list[StatisticIn] = Field(default_factory=list)
    photos: list[PhotoIn] = Field(default_factory=list)
    summary: Summary | None = None
