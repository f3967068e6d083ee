"""Read an annotation tool's export into our annotation mapping: the importer registry."""

from __future__ import annotations

import importlib
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path

from factsheet.diagnostics import Diagnostic, has_errors
from factsheet.imports.labels import LabelMapping
from factsheet.imports.model import ToolDocument
from factsheet.readers.base import Loaded
from factsheet.readers.tree import SourceMap

Importer = Callable[[Path, str, list[Diagnostic]], list[ToolDocument] | None]

#: Format name → "module:function". Each reads an export (and any file beside it it needs)
#: and returns its documents, or None after adding diagnostics.
IMPORTERS = {
    "brat": "factsheet.imports.brat:read_brat",
    "labelstudio": "factsheet.imports.labelstudio:read_labelstudio",
    "w3c": "factsheet.imports.w3c:read_w3c",
    "hypothesis": "factsheet.imports.w3c:read_hypothesis",
    "doccano": "factsheet.imports.doccano:read_doccano",
}


def get_importer(name: str) -> Importer:
    module, function = IMPORTERS[name].split(":")
    return getattr(importlib.import_module(module), function)  # type: ignore[no-any-return]


def read_tool(name: str, path: Path, display: str, diagnostics: list[Diagnostic],
              mapping: LabelMapping | None = None) -> Loaded:
    """Return the annotation mapping built from a ``name`` export at ``path``."""
    from factsheet.imports.convert import Converter

    documents = get_importer(name)(path, display, diagnostics)
    if documents is None or has_errors(diagnostics):
        return Loaded(None, SourceMap(display), {})
    if not documents:
        diagnostics.append(Diagnostic("FS203", "the export holds no document", file=display,
                                      line=1, column=1))
        return Loaded(None, SourceMap(display), {})
    if _control_characters(documents, display, diagnostics):
        return Loaded(None, SourceMap(display), {})
    converter = Converter(mapping or LabelMapping(), display)
    data, smap, texts = converter.convert(documents)
    diagnostics.extend(converter.diagnostics)
    return Loaded(data, smap, texts)


def _control_characters(documents: list[ToolDocument], display: str,
                        diagnostics: list[Diagnostic]) -> bool:
    """Report characters documents cannot carry in any article text (FS107); readers that
    locate them in their own files have already stopped before this."""
    from factsheet.readers.source import describe_char, find_bad_chars

    found = False
    for document in documents:
        for offset in find_bad_chars(document.text)[:1]:
            found = True
            diagnostics.append(Diagnostic(
                "FS107", f"control character {describe_char(document.text[offset])} in the "
                f"text of document {document.id} (offset {offset})", file=display,
                line=document.line, column=1 if document.line else None))
    return found


def sniff_json(path: Path) -> str | None:
    """Return the tool a .json file comes from, by its content, or None for native JSON."""
    try:
        # Only a regular file is opened: a named pipe would block forever and a device
        # would be read; the reader then reports either as FS100.
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        with open(path, "rb") as handle:
            head = handle.read(1 << 16).decode("utf-8", "replace")
    except OSError:
        return None
    stripped = head.lstrip("\ufeff \t\r\n")
    if stripped.startswith("["):
        if '"annotations"' in head or '"predictions"' in head:
            return "labelstudio"
        if '"@context"' in head or '"Annotation"' in head:
            return "w3c"
        return None
    if '"rows"' in head and ('"target"' in head or '"total"' in head):
        return "hypothesis"
    if '"export_date"' in head and '"annotations"' in head:  # the Hypothesis client's export
        return "hypothesis"
    if '"@context"' in head or re.search(r'"type"\s*:\s*"(?:Annotation|AnnotationCollection)"',
                                         head):
        return "w3c"
    return None
