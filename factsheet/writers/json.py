"""Canonical briefing JSON: sorted keys, UTF-8, two-space indent, no clock values.

orjson writes it: the standard library's encoder falls back to pure Python as soon as an
indent is asked for, and took three quarters of this writer's time. The standard library
still writes what orjson refuses (integers past 64 bits).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import orjson

if TYPE_CHECKING:
    from factsheet.model.briefing import Briefing

_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS


def render_json(briefing: Briefing) -> bytes:
    """Return the canonical JSON bytes of ``briefing`` (same briefing, same bytes)."""
    data = briefing.model_dump(mode="json")
    try:
        return orjson.dumps(data, option=_OPTIONS) + b"\n"
    except orjson.JSONEncodeError:
        text = json.dumps(data, sort_keys=True, ensure_ascii=False, indent=2,
                          separators=(",", ": "), allow_nan=False)
        return (text + "\n").encode("utf-8")
