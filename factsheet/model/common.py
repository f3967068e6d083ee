"""Types shared by the annotation (input) and briefing (output) models."""

from __future__ import annotations

import math
import re
from enum import StrEnum
from functools import cache
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

#: Version of the briefing JSON contract. Bump it whenever a field changes.
SCHEMA_VERSION = "1.0"


class Strict(BaseModel):
    """Base of every model: unknown keys are errors, models are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class PartyKind(StrEnum):
    STATE = "state"
    COALITION = "coalition"
    INTERNATIONAL_ORGANISATION = "international_organisation"
    GOVERNMENT_BODY = "government_body"
    ARMED_FORCES = "armed_forces"
    POLITICAL_PARTY = "political_party"
    PERSON = "person"
    MEDIA_OUTLET = "media_outlet"
    NEWS_AGENCY = "news_agency"
    COMPANY = "company"
    OTHER = "other"


class Modality(StrEnum):
    BINDING = "binding"
    PLEDGE = "pledge"
    INTENT = "intent"
    READINESS = "readiness"
    REFUSAL = "refusal"


class Stance(StrEnum):
    SUPPORT = "support"
    OPPOSE = "oppose"
    NEUTRAL = "neutral"
    CONDITIONAL = "conditional"


class Direction(StrEnum):
    ROSE = "rose"
    FELL = "fell"
    UNCHANGED = "unchanged"


class Confidence(StrEnum):
    """How sure ``factsheet suggest`` was of a suggestion: the value of a ``suggested`` marker."""

    HIGH = "high"
    LOW = "low"


class ParagraphKind(StrEnum):
    HEADER = "header"
    CAPTION = "caption"
    BODY = "body"
    SUBHEAD = "subhead"
    INTERSTITIAL = "interstitial"


_USER_ASSIGNED = re.compile(r"^(?:AA|Q[M-Z]|X[A-Z]|ZZ)$")


@cache
def _alpha2_codes() -> frozenset[str]:
    """Return the ISO 3166-1 alpha-2 codes from pycountry's database.

    The JSON file is read directly: importing pycountry costs more than a cold
    ``factsheet validate`` can spare, and is only needed for suggestions.
    """
    import json
    from importlib.resources import files

    data = files("pycountry").joinpath("databases", "iso3166-1.json").read_bytes()
    return frozenset(entry["alpha_2"] for entry in json.loads(data)["3166-1"])


# Codes people write that ISO 3166-1 does not have, and the code they mean (the first two
# are the European Union's own country codes).
_NOT_ISO = {"UK": "GB", "EL": "GR"}


def check_country(code: str) -> str:
    """Return ``code`` if it is ISO 3166-1 alpha-2 (or user-assigned); raise otherwise."""
    if _USER_ASSIGNED.match(code) or code in _alpha2_codes():
        return code
    hint = suggest_country(code)
    raise PydanticCustomError(
        "country_code", "{code} is not an ISO 3166-1 alpha-2 country code{hint}",
        {"code": repr(code), "hint": f" (did you mean {hint!r}?)" if hint else ""})


def suggest_country(text: str) -> str | None:
    """Return the alpha-2 code of the country ``text`` most likely means, if any."""
    import pycountry

    upper = text.strip().upper()
    if upper in _alpha2_codes():
        return upper
    if upper in _NOT_ISO:
        return _NOT_ISO[upper]
    if len(upper) <= 2:
        return None  # a fuzzy match on two letters is noise
    try:
        return str(pycountry.countries.lookup(text.strip()).alpha_2)
    except LookupError:
        pass
    try:
        found = pycountry.countries.search_fuzzy(text.strip())
    except LookupError:
        return None
    return str(found[0].alpha_2) if found else None


Id = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$", max_length=100,
                          description="Identifier: letters, digits, _ . : - ; unique in the file.")]
Country = Annotated[str, Field(description="ISO 3166-1 alpha-2 code, e.g. FR, RS, XK.",
                               json_schema_extra={"pattern": "^[A-Z]{2}$"}),
                    AfterValidator(check_country)]
Language = Annotated[str, Field(pattern=r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$",
                                description="BCP 47 language tag, e.g. en, fr, sr-Cyrl.")]
Text = Annotated[str, Field(min_length=1)]
def to_number(value: Any) -> Any:
    """Accept ints, finite floats and numeric strings (from XML attributes); nothing else."""
    if isinstance(value, bool):
        raise PydanticCustomError("number", "expected a number, got {got}",
                                  {"got": str(value).lower()})
    if isinstance(value, str):
        text = value.strip()
        try:
            value = int(text) if re.fullmatch(r"[-+]?\d+", text) else float(text)
        except ValueError:
            hint = "; write digits without separators, e.g. 1000" if "," in text else ""
            raise PydanticCustomError("number", "expected a number, got {got}{hint}",
                                      {"got": repr(value), "hint": hint}) from None
    if isinstance(value, float) and not math.isfinite(value):
        raise PydanticCustomError("number", "expected a finite number, got {got}",
                                  {"got": repr(value)})
    if not isinstance(value, int | float):
        raise PydanticCustomError("number", "expected a number, got {got}",
                                  {"got": type(value).__name__})
    return value


Number = Annotated[int | float, BeforeValidator(to_number, json_schema_input_type=int | float)]
NumberRange = Annotated[tuple[Number, Number], Field(description="[low, high], low < high.")]
Url = Annotated[str, Field(pattern=r"^https?://\S+$", max_length=2000)]


def forbid_both(data: Any, first: str, second: str) -> None:
    """Raise when a mapping gives both of two mutually exclusive keys."""
    if isinstance(data, dict) and data.get(first) is not None and data.get(second) is not None:
        raise PydanticCustomError("exclusive", "give {a} or {b}, not both",
                                  {"a": first, "b": second})
