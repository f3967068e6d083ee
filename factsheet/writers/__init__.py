"""Output writers: one module per format. The registry is a table, name → render function."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factsheet.model.briefing import Briefing

Render = Callable[["Briefing"], bytes]

#: Output format → file suffix.
SUFFIXES = {"json": ".briefing.json"}


def get_writer(name: str) -> Render:
    """Return the render function for output format ``name``."""
    if name == "json":
        from factsheet.writers.json import render_json

        return render_json
    raise KeyError(name)
