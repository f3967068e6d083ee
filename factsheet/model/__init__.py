"""The annotation (input) and briefing (output) models."""

from factsheet.model.annotations import AnnotationFile, EvidenceRef
from factsheet.model.briefing import (
    Briefing,
    Commitment,
    Comparison,
    DiagnosticRecord,
    Evidence,
    Paragraph,
    Party,
    PhotoCredit,
    Position,
    Quotation,
    RelatedLink,
    SourceArticle,
    Statistic,
)
from factsheet.model.common import (
    SCHEMA_VERSION,
    Confidence,
    Direction,
    Modality,
    ParagraphKind,
    PartyKind,
    Stance,
)
from factsheet.model.facts import Summary

__all__ = [
    "SCHEMA_VERSION",
    "AnnotationFile",
    "Briefing",
    "Commitment",
    "Comparison",
    "Confidence",
    "DiagnosticRecord",
    "Direction",
    "Evidence",
    "EvidenceRef",
    "Modality",
    "Paragraph",
    "ParagraphKind",
    "Party",
    "PartyKind",
    "PhotoCredit",
    "Position",
    "Quotation",
    "RelatedLink",
    "SourceArticle",
    "Stance",
    "Statistic",
    "Summary",
]
