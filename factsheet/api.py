"""The library's face: load, validate, render."""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

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

    return _briefing(process(Path(path), format, mapping=_mapping(mapping)))


def loads(data: str | bytes, *, format: str = "yaml", name: str = "annotations",
          folder: str | os.PathLike[str] | None = None) -> Briefing:
    """Return the briefing built from annotations held in memory (YAML, JSON, XML or HTML).

    Nothing is read from disk unless ``folder`` is given: then the article texts and images
    the annotations name (``text_file``, ``image.path``) are read from inside it. ``name``
    appears in diagnostics. Raises ``InputError`` (with ``.diagnostics``) on errors.
    """
    from factsheet.pipeline import process
    from factsheet.readers import FORMATS, NATIVE_FORMATS

    if format not in NATIVE_FORMATS:
        raise UsageError(f"loads reads {', '.join(NATIVE_FORMATS)}; for {format!r} "
                         "(one of " + ", ".join(FORMATS) + ") pass a path to load()")
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else bytes(data)
    return _briefing(process(Path(name), format, data=raw,
                             folder=Path(folder) if folder is not None else None))


def _briefing(result: Any) -> Briefing:
    if result.briefing is None:
        errors = [d for d in result.diagnostics if d.is_error]
        first = errors[0] if errors else None
        message = f"{first.location()}: {first.message}" if first else "input has errors"
        raise InputError(message, result.diagnostics)
    return result.briefing  # type: ignore[no-any-return]


def _mapping(path: str | os.PathLike[str] | None) -> Any:
    if path is None:
        return None
    from factsheet.imports.labels import load_mapping

    return load_mapping(Path(path))


def render(briefing: Briefing, format: str = "json", *, template: str = "briefing",
           reference_doc: str | os.PathLike[str] | bytes | None = None,
           to: IO[bytes] | None = None) -> bytes:
    """Return ``briefing`` rendered as ``format`` (json, docx, pdf, txt) with ``template`` (a
    built-in name or a path), as bytes, and also write them to the binary file object
    ``to`` when one is given (an ``io.BytesIO``, an HTTP response, an open file). Nothing is
    written to disk. ``reference_doc`` is a .docx (a path, or its bytes) whose styles and
    page setup the DOCX uses.

    Raises ``UsageError`` for an unknown format or template name, ``InputError`` for a
    broken template or reference document.
    """
    data = _render(briefing, format, template, reference_doc)
    if to is not None:
        to.write(data)
    return data


def _render(briefing: Briefing, format: str, template: str,
            reference_doc: str | os.PathLike[str] | bytes | None) -> bytes:
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
        from factsheet.writers.docx.reference import check_reference, read_reference

        if isinstance(reference_doc, bytes):
            check_reference(reference_doc, "reference document")
            return render_docx(document, reference_doc)
        return render_docx(document, read_reference(Path(reference_doc)))
    return writer.load()(document)


def layout(briefing: Briefing, template: str = "briefing") -> Any:
    """Return the document tree of ``briefing`` drawn with ``template``."""
    from factsheet.layout.template import load_style

    return load_style(template).document(briefing)
