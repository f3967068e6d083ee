"""Drop characters Word and PDF cannot carry from a document tree, saying where they were.

Readers already refuse them in files (FS107); this pass protects renders of briefings built
in code, so a stray control character costs a warning, never a crashed render.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from typing import Any

from factsheet.diagnostics import Diagnostic
from factsheet.readers.source import BAD_CHARS, describe_char


def clean_document(document: Any) -> tuple[Any, list[Diagnostic]]:
    """Return ``document`` without control characters, and one diagnostic per field fixed."""
    found: list[Diagnostic] = []
    return _clean(document, (), found), found


_BYTES = frozenset({"data", "logo", "fallback_fonts"})


@cache
def fields_except(kind: type, skip: frozenset[str]) -> tuple[str, ...]:
    """Return the names of dataclass ``kind``'s fields not in ``skip``, worked out once per
    class (walks of the document tree visit thousands of nodes)."""
    return tuple(f.name for f in dataclasses.fields(kind) if f.name not in skip)


def _clean(node: Any, where: tuple[str, ...], found: list[Diagnostic]) -> Any:
    """Return ``node`` cleaned; ``where`` is the path of field names that leads to it."""
    if isinstance(node, str):
        if BAD_CHARS.search(node) is None:
            return node
        bad = sorted({describe_char(m.group()) for m in BAD_CHARS.finditer(node)})
        found.append(Diagnostic("FS502", f"dropped {', '.join(bad)} from "
                                f"{'.'.join(where) or 'document'}",
                                hint="fix the source text; Word and PDF cannot carry it"))
        return BAD_CHARS.sub("", node)
    if isinstance(node, tuple):
        items = [_clean(item, where, found) for item in node]
        return node if all(a is b for a, b in zip(items, node, strict=True)) else tuple(items)
    if isinstance(node, dict):
        return {key: _clean(value, (*where, str(key)), found) for key, value in node.items()}
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        changes = {}
        for name in fields_except(type(node), _BYTES):
            value = getattr(node, name)
            if value is None or isinstance(value, int | float | bool):
                continue
            cleaned = _clean(value, (*where, name), found)
            if cleaned is not value:
                changes[name] = cleaned
        return dataclasses.replace(node, **changes) if changes else node
    return node
