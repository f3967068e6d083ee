"""Input readers: one module per format, all returning the same annotation mapping.

The registry is a plain table, name → reader. Detection goes by file extension.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from pathlib import Path

from factsheet.diagnostics import Diagnostic
from factsheet.readers.base import Loaded
from factsheet.readers.source import TextFile

Reader = Callable[[TextFile, list[Diagnostic]], Loaded]

EXTENSIONS = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".xml": "xml",
              ".html": "html", ".htm": "html", ".xhtml": "html", ".ann": "brat",
              ".jsonl": "doccano"}
#: Our own formats, then the annotation tools' exports (factsheet.imports).
FORMATS = ("html", "json", "xml", "yaml", "brat", "doccano", "hypothesis", "labelstudio",
           "w3c")
TOOL_FORMATS = ("brat", "doccano", "hypothesis", "labelstudio", "w3c")
NATIVE_FORMATS = tuple(f for f in FORMATS if f not in TOOL_FORMATS)
#: Other names people use for a format.
ALIASES = {"yml": "yaml", "htm": "html", "label-studio": "labelstudio", "ls": "labelstudio",
           "webannotation": "w3c", "hypothes.is": "hypothesis"}


def get_reader(name: str) -> Reader:
    """Return the reader for format ``name``."""
    if name == "yaml":
        from factsheet.readers.native import read_yaml

        return read_yaml
    if name == "json":
        from factsheet.readers.native import read_json

        return read_json
    if name == "xml":
        from factsheet.readers.xml import read_xml

        return read_xml
    if name == "html":
        from factsheet.readers.html import read_html

        return read_html
    raise KeyError(name)


def detect_format(path: Path) -> str | None:
    """Return the format name for ``path`` from its extension (and, for .json, its content:
    Label Studio, W3C and Hypothesis exports are JSON too), or None."""
    found = EXTENSIONS.get(path.suffix.lower())
    if found == "json":
        from factsheet.imports.read import sniff_json

        return sniff_json(path) or "json"
    return found


def suggest_format(name: str) -> str | None:
    """Return the known format closest to ``name``."""
    close = difflib.get_close_matches(name.lower(), FORMATS, n=1, cutoff=0.5)
    return close[0] if close else None
