"""Fields of each fact and party, shared by the annotation file and the briefing."""

from __future__ import annotations

import datetime as dt

from pydantic import Field, model_validator

from factsheet.model.common import (
    Country,
    Direction,
    Id,
    Modality,
    Number,
    NumberRange,
    PartyKind,
    Stance,
    Strict,
    Text,
    forbid_both,
)


class PartyFields(Strict):
    id: Id
    name: Text
    kind: PartyKind
    country: Country | None = Field(None, description="ISO 3166-1 alpha-2, where it applies.")
    role: str | None = Field(None, description='Role or title, e.g. "President of France".')
    affiliation: Id | None = Field(None, description="Id of the party this one belongs to.")
    aliases: list[Text] = Field(default_factory=list)


class CommitmentFields(Strict):
    id: Id
    by: list[Id] = Field(min_length=1, description="Parties that commit.")
    to: list[Id] = Field(default_factory=list, description="Parties committed to.")
    action: Text
    modality: Modality
    condition: str | None = Field(None, description='e.g. "once a ceasefire takes effect".')
    instrument: str | None = Field(None, description='e.g. "joint declaration".')
    date: dt.date | None = None


class PositionFields(Strict):
    id: Id
    holder: Id
    topic: Text
    stance: Stance
    summary: Text = Field(description="One line saying what the holder's position is.")


class QuotationFields(Strict):
    id: Id
    speaker: Id
    text: Text = Field(description="The exact words, as printed in the article.")


class AmountFields(Strict):
    value: Number | None = None
    value_range: NumberRange | None = None

    @model_validator(mode="before")
    @classmethod
    def _one_value(cls, data: object) -> object:
        forbid_both(data, "value", "value_range")
        return data

    @model_validator(mode="after")
    def _has_value(self) -> AmountFields:
        if self.value is None and self.value_range is None:
            raise ValueError("give value or value_range")
        if self.value_range is not None and self.value_range[0] >= self.value_range[1]:
            raise ValueError("value_range must be [low, high] with low < high")
        return self


class ComparisonFields(AmountFields):
    period: str | None = Field(None, description='Baseline period, e.g. "January".')
    direction: Direction | None = Field(None, description="The direction the text states.")


class StatisticFields(AmountFields):
    id: Id
    measure: Text = Field(description='What is counted, e.g. "Russian civilians killed".')
    unit: str | None = None
    period: str | None = None
    scope: str | None = Field(None, description="Place or scope the figure covers.")
    attributed_to: Id | None = Field(None, description="Party that claims the figure.")
    channel: str | None = Field(None, description='e.g. "on Telegram", "on its website".')
    reported_via: Id | None = Field(None, description="Outlet that carried the claim.")


class ImageFields(Strict):
    path: Text = Field(description="PNG or JPEG, relative to the annotation file's folder.")
    alt: Text = Field(description="Alternative text describing the image.")


class PhotoFields(Strict):
    id: Id
    caption: str | None = Field(None, description="Caption; defaults to the evidence text.")
    credit: Text = Field(description='Credit line as printed, e.g. "POOL PHOTO VIA AP".')
    agency: Id | None = Field(None, description="Party (agency or supplier) credited.")
    pictured: list[Id] = Field(default_factory=list)
    place: str | None = None
    date: dt.date | None = None
    image: ImageFields | None = None


class Summary(Strict):
    """The analyst's own summary of the story."""

    text: str | None = None
    key_points: list[Text] = Field(default_factory=list)
