"""The library's face: load, validate, render."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factsheet.diagnostics import Diagnostic
from factsheet.errors import InputError, UsageError

if TYPE_CHECKING:
    from factsheet.model.briefing import Briefing


def validate(path: str | os.PathLike[str], *, format: str | None = None,
             mapping: str | os.PathLike[str] | None = None) -> list[Diagnostic]:
    """Return every diagnostic for the annotation file (or tool export) at ``path``;
    ``mapping`` is a label mapping file for an export with its own labels."""
    from factsheet.pipeline import process

    return process(Path(path), format, mapping=_mapping(mapping)).diagnostics


def load(path: str | os.PathLike[str], *, format: str | None = None,
         mapping: str | os.PathLike[str] | None = None) -> Briefing:
    """Return the briefing built from the annotation file (or tool export) at ``path``.

    Raises ``InputError`` (with ``.diagnostics``) when the file has errors.
    """
    from factsheet.pipeline import process

    result = process(Path(path), format, mapping=_mapping(mapping))
    if result.briefing is None:
        errors = [d for d in result.diagnostics if d.is_error]
        first = errors[0] if errors else None
        message = f"{first.location()}: {first.message}" if first else "input has errors"
        raise InputError(message, result.diagnostics)
    return result.briefing  # type: ignore[return-value]


def _mapping(path: str | os.PathLike[str] | None) -> Any:
    if path is None:
        return None
    from factsheet.imports.labels import load_mapping

    return load_mapping(Path(path))


def render(briefing: Briefing, format: str = "json", *, template: str = "briefing",
           reference_doc: str | os.PathLike[str] | None = None) -> bytes:
    """Return ``briefing`` rendered as ``format`` (json, docx, txt) with ``template`` (a
    built-in name or a path), as bytes; nothing is written to disk. ``reference_doc`` is a
    .docx whose styles and page setup the DOCX uses.

    Raises ``UsageError`` for an unknown format or template name, ``InputError`` for a
    broken template or reference document.
    """
    from factsheet.writers import WRITERS

    writer = WRITERS.get(format)
    if writer is None:
        raise UsageError(f"unknown output format {format!r}; known: "
                         f"{', '.join(sorted(WRITERS))}")
    if not writer.takes_document:
        return writer.load()(briefing)
    document = layout(briefing, template)
    if format == "docx" and reference_doc is not None:
        from factsheet.writers.docx import render_docx
        from factsheet.writers.docx.reference import read_reference

        return render_docx(document, read_reference(Path(reference_doc)))
    return writer.load()(document)


def layout(briefing: Briefing, template: str = "briefing") -> Any:
    """Return the document tree of ``briefing`` drawn with ``template``."""
    from factsheet.layout.template import load_style

    return load_style(template).document(briefing)
