"""Canonical briefing JSON: sorted keys, UTF-8, two-space indent, no clock values."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factsheet.model.briefing import Briefing


def render_json(briefing: Briefing) -> bytes:
    """Return the canonical JSON bytes of ``briefing`` (same briefing, same bytes)."""
    data = briefing.model_dump(mode="json")
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, indent=2,
                      separators=(",", ": "), allow_nan=False)
    return (text + "\n").encode("utf-8")
