"""Native annotation files, YAML or JSON (same structure; see docs/formats/native.md).

Supports: inline article text or a text file beside the annotation file; every node's line
and column. Does not support: YAML anchors, aliases, tags or several documents (refused).
"""

from __future__ import annotations

from factsheet.diagnostics import Diagnostic
from factsheet.readers.base import Loaded
from factsheet.readers.source import TextFile
from factsheet.readers.tree import load_tree


def read_yaml(source: TextFile, diagnostics: list[Diagnostic]) -> Loaded:
    """Return the annotation mapping of a native YAML file."""
    return _read(source, "yaml", diagnostics)


def read_json(source: TextFile, diagnostics: list[Diagnostic]) -> Loaded:
    """Return the annotation mapping of a native JSON file."""
    return _read(source, "json", diagnostics)


def _read(source: TextFile, kind: str, diagnostics: list[Diagnostic]) -> Loaded:
    before = len(diagnostics)
    data, smap = load_tree(source, kind, diagnostics)
    if len(diagnostics) == before and not isinstance(data, dict):
        what = ("the file is empty" if data is None else "the file holds a list" if
                isinstance(data, list) else "the file holds a single value")
        diagnostics.append(smap.diagnostic(
            "FS203", f"{what}: an annotation file is a mapping with articles, parties and "
            "facts", (), hint="see docs/formats/native.md or run `factsheet schema annotations`"))
        data = None
    return Loaded(data, smap, {})
