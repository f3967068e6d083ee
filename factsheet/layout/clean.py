"""Drop characters Word and PDF cannot carry from a document tree, saying where they were.

Readers already refuse them in files (FS107); this pass protects renders of briefings built
in code, so a stray control character costs a warning, never a crashed render.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from factsheet.diagnostics import Diagnostic
from factsheet.readers.source import BAD_CHARS, describe_char


def clean_document(document: Any) -> tuple[Any, list[Diagnostic]]:
    """Return ``document`` without control characters, and one diagnostic per field fixed."""
    found: list[Diagnostic] = []
    return _clean(document, "document", found), found


def _clean(node: Any, where: str, found: list[Diagnostic]) -> Any:
    if isinstance(node, str):
        if BAD_CHARS.search(node) is None:
            return node
        bad = sorted({describe_char(m.group()) for m in BAD_CHARS.finditer(node)})
        found.append(Diagnostic("FS502", f"dropped {', '.join(bad)} from {where}",
                                hint="fix the source text; Word and PDF cannot carry it"))
        return BAD_CHARS.sub("", node)
    if isinstance(node, tuple):
        return tuple(_clean(item, where, found) for item in node)
    if isinstance(node, dict):
        return {key: _clean(value, f"{where}.{key}", found) for key, value in node.items()}
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        changes = {}
        for field in dataclasses.fields(node):
            if field.name in ("data", "logo", "fallback_fonts"):
                continue  # bytes, not text
            value = getattr(node, field.name)
            cleaned = _clean(value, f"{where}.{field.name}" if where != "document" else
                             field.name, found)
            if cleaned is not value:
                changes[field.name] = cleaned
        return dataclasses.replace(node, **changes) if changes else node
    return node
