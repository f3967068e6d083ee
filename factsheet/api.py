"""The library's face: load, validate, render."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from factsheet.diagnostics import Diagnostic
from factsheet.errors import InputError, UsageError

if TYPE_CHECKING:
    from factsheet.model.briefing import Briefing


def validate(path: str | os.PathLike[str], *, format: str | None = None) -> list[Diagnostic]:
    """Return every diagnostic for the annotation file at ``path`` (empty when clean)."""
    from factsheet.pipeline import process

    return process(Path(path), format).diagnostics


def load(path: str | os.PathLike[str], *, format: str | None = None) -> Briefing:
    """Return the briefing built from the annotation file at ``path``.

    Raises ``InputError`` (with ``.diagnostics``) when the file has errors.
    """
    from factsheet.pipeline import process

    result = process(Path(path), format)
    if result.briefing is None:
        errors = [d for d in result.diagnostics if d.is_error]
        first = errors[0] if errors else None
        message = f"{first.location()}: {first.message}" if first else "input has errors"
        raise InputError(message, result.diagnostics)
    return result.briefing  # type: ignore[return-value]


def render(briefing: Briefing, format: str = "json") -> bytes:
    """Return ``briefing`` rendered as ``format`` (bytes; nothing is written to disk)."""
    from factsheet.writers import SUFFIXES, get_writer

    try:
        writer = get_writer(format)
    except KeyError:
        raise UsageError(f"unknown output format {format!r}; known: "
                         f"{', '.join(sorted(SUFFIXES))}") from None
    return writer(briefing)
