"""What every reader returns."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from factsheet.readers.tree import SourceMap


@dataclass(slots=True)
class Loaded:
    """An annotation mapping (the ``AnnotationFile`` shape) and where its nodes were written.

    ``texts`` holds article texts the reader already has (inline XML), by article id.
    """

    data: dict[str, Any] | None
    smap: SourceMap
    texts: dict[str, str]
