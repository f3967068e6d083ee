"""Validate an annotation mapping against the model; map each error to file:line:col."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from factsheet.diagnostics import Diagnostic
from factsheet.readers.tree import SourceMap

_DATE_ERRORS = {"date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact",
                "date_type", "date_future", "date_past"}
_DATETIME_ERRORS = {"datetime_parsing", "datetime_from_date_parsing", "timezone_aware",
                    "datetime_type", "datetime_object_invalid"}


def validate_model(model: type[BaseModel], data: Any, smap: SourceMap,
                   diagnostics: list[Diagnostic]) -> Any:
    """Return ``model`` validated from ``data``, or None after appending diagnostics."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        diagnostics.extend(_diagnostic(model, error, smap, data) for error in exc.errors())
        return None


def _diagnostic(model: type[BaseModel], error: Any, smap: SourceMap, data: Any) -> Diagnostic:
    loc = tuple(error["loc"])
    kind = error["type"]
    where = display_path(loc)
    value = error.get("input")
    if kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        return smap.diagnostic("FS201", f"unknown key {loc[-1]!r} in {display_path(loc[:-1])}",
                               loc, key=True, hint=did_you_mean(str(loc[-1]), allowed))
    if kind == "missing":
        return smap.diagnostic("FS202", f"missing field {loc[-1]!r} in "
                               f"{display_path(loc[:-1])}", loc)
    if kind in ("enum", "literal_error"):
        expected = [e.strip(" '") for e in error["ctx"]["expected"].replace(" or ", ", ")
                    .split(",")]
        text = str(value)
        guess = did_you_mean(text.replace(" ", "_").replace("-", "_").lower(), expected)
        return smap.diagnostic("FS204", f"{where}: {text!r} is not one of "
                               f"{', '.join(expected)}", loc, hint=guess)
    if kind == "country_code":
        return smap.diagnostic("FS205", f"{where}: {error['msg']}", loc)
    if kind in _DATE_ERRORS:
        detail = str(error["msg"]).partition(", ")[2]
        return smap.diagnostic("FS206", f"{where}: expected a date, got {_shown(value)}"
                               + (f" ({detail})" if detail else ""), loc,
                               hint="write it like 2027-03-03")
    if kind in _DATETIME_ERRORS:
        problem = ("has no time zone" if kind == "timezone_aware" else
                   f"is not a date and time (got {_shown(value)})")
        return smap.diagnostic("FS206", f"{where}: {problem}", loc,
                               hint="write it like 2027-03-03T09:12:00+01:00 (or Z for UTC)")
    if kind == "too_short" and loc and loc[-1] == "evidence":
        return smap.diagnostic("FS309", f"{_describe(data, loc[:-1])} has no evidence", loc,
                               hint="quote the words of the article that state it")
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if kind == "model_type" and any(part in ("evidence", "mentions") for part in loc):
        message = (f"{where}: expected a quote or a mapping (quote, prefix, suffix, "
                   f"occurrence, start, end), got {_shown(value)}")
        hint = ("put the quote in quotes: inside [...] a comma splits it into two items"
                if number else None)
        return smap.diagnostic("FS203", message, loc, hint=hint)
    hint = f'put it in quotes: "{value}"' if kind == "string_type" and number else None
    return smap.diagnostic("FS203", f"{where}: {_message(error)}", loc, hint=hint)


_SINGULAR = {"parties": "party", "commitments": "commitment", "positions": "position",
             "quotations": "quotation", "statistics": "statistic", "photos": "photo"}


def _describe(data: Any, loc: tuple[Any, ...]) -> str:
    """Return "commitment 'c1'" for the fact at ``loc``, or its path when it has no id."""
    node = data
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return display_path(loc)
    if isinstance(node, dict) and isinstance(node.get("id"), str) and loc[0] in _SINGULAR:
        return f"{_SINGULAR[loc[0]]} {node['id']!r}"
    return display_path(loc)


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _message(error: Any) -> str:
    message = str(error["msg"]).removeprefix("Value error, ")
    value = error.get("input")
    if isinstance(value, str | int | float | bool) and error["type"] not in (
            "value_error", "number", "exclusive"):
        shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "...'"
        message += f" (got {shown})"
    return message


def display_path(loc: tuple[Any, ...]) -> str:
    """Return ``articles[0].published`` for a location tuple."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the file"


def did_you_mean(word: str, choices: Any) -> str | None:
    """Return a "did you mean" hint naming the closest choice, if one is close."""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else None


def _fields_at(model: Any, loc: tuple[Any, ...]) -> list[str]:
    """Return the field names of the model found at ``loc`` under ``model``."""
    current: Any = model
    for part in loc:
        current = _model_in(current)
        if current is None:
            return []
        if isinstance(part, str):
            field = current.model_fields.get(part)
            if field is None:
                return []
            current = field.annotation
        else:
            current = _item_type(current)
    found = _model_in(current)
    return list(found.model_fields) if found else []


def _model_in(tp: Any) -> Any:
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return tp
    for arg in _args(tp):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _item_type(tp: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin in (list, tuple):
        return typing.get_args(tp)[0]
    for arg in _args(tp):
        if typing.get_origin(arg) in (list, tuple):
            return typing.get_args(arg)[0]
    return tp


def _args(tp: Any) -> tuple[Any, ...]:
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return (typing.get_args(tp)[0],)
    if origin in (typing.Union, types.UnionType, list, tuple):
        return typing.get_args(tp)
    return ()
