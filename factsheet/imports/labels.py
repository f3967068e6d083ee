"""The label convention (DESIGN §3) and mapping files that rename a project's own labels.

Span labels: Party, Commitment, Position, Statistic, PhotoCredit, Quote. Relations: by
(fact → party that makes, holds or claims it), to (commitment → beneficiary), pictures
(photo credit → person shown). Attributes: value, unit, period, condition, stance (and
kind, modality, topic, measure, channel, credit...). Matching is case-insensitive.
A mapping file (YAML or JSON, schema in schemas/label-mapping.schema.json) maps other
names onto these: ``{labels: {PER: Party}, relations: {agent: by}, attributes: {amount:
value}}``; for a party label it can also fix the kind: ``{labels: {GPE: Party/state}}``.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from factsheet.diagnostics import Diagnostic
from factsheet.errors import InputError
from factsheet.model.common import Strict

SPANS = ("party", "commitment", "position", "statistic", "photocredit", "quote")
RELATIONS = ("by", "to", "pictures")
ATTRIBUTES = ("value", "unit", "period", "condition", "stance", "kind", "modality", "topic",
              "measure", "channel", "credit", "country", "role", "instrument", "summary",
              "action", "id")
#: Labels many projects use for parties, with the kind they imply.
PARTY_LABELS = {"person": "person", "per": "person", "org": "other", "organization": "other",
                "organisation": "other", "gpe": "state", "country": "state", "state": "state"}


class LabelMapping(Strict):
    """How a project's labels map onto the convention (keys are matched ignoring case)."""

    labels: dict[str, str] = Field(
        default_factory=dict,
        description="Span label → Party, Commitment, Position, Statistic, PhotoCredit, Quote; "
                    "Party/<kind> also sets the party kind (Party/person).")
    relations: dict[str, str] = Field(default_factory=dict,
                                      description="Relation label → by, to, pictures.")
    attributes: dict[str, str] = Field(default_factory=dict,
                                       description="Attribute name → value, unit, period...")

    def span(self, label: str) -> tuple[str, str | None] | None:
        """Return (our span kind, party kind or None) for a tool label, or None if unknown."""
        key = label.strip().lower()
        mapped = {k.lower(): v for k, v in self.labels.items()}.get(key)
        if mapped is not None:
            kind, _, party_kind = mapped.partition("/")
            kind = kind.strip().lower()
            return (kind, party_kind.strip() or None) if kind in SPANS else None
        if key in SPANS:
            return key, None
        if key in ("photo", "photo credit", "photo_credit", "credit"):
            return "photocredit", None
        if key in ("quotation",):
            return "quote", None
        if key in PARTY_LABELS:
            return "party", PARTY_LABELS[key]
        return None

    def relation(self, label: str) -> str | None:
        key = label.strip().lower()
        mapped = {k.lower(): v.lower() for k, v in self.relations.items()}.get(key, key)
        return mapped if mapped in RELATIONS else None

    def attribute(self, name: str) -> str:
        key = name.strip().lower()
        return {k.lower(): v.lower() for k, v in self.attributes.items()}.get(key, key)


def load_mapping(path: Path | None) -> LabelMapping:
    """Return the mapping in ``path`` (YAML or JSON), or the convention when None."""
    if path is None:
        return LabelMapping()
    from factsheet.readers.source import read_text
    from factsheet.readers.tree import load_tree
    from factsheet.validation import validate_model

    diagnostics: list[Diagnostic] = []
    source = read_text(path, str(path), 1024 * 1024, diagnostics)
    mapping = None
    if source is not None:
        kind = "json" if path.suffix.lower() == ".json" else "yaml"
        data, smap = load_tree(source, kind, diagnostics)
        if data is not None:
            mapping = validate_model(LabelMapping, data, smap, diagnostics)
    if mapping is None:
        raise InputError(f"cannot use label mapping {path}", diagnostics)
    return mapping
