"""Output writers: one module per format. The registry is a plain table.

A writer of the briefing itself (JSON) takes the briefing; the document writers (DOCX,
text) take the layout tree, built once from the briefing and a template.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Writer:
    suffix: str
    takes_document: bool  # True: draws the layout tree; False: serialises the briefing
    module: str
    function: str

    def load(self) -> Callable[[Any], bytes]:
        import importlib

        return getattr(importlib.import_module(self.module), self.function)  # type: ignore[no-any-return]


WRITERS: dict[str, Writer] = {
    "json": Writer(".briefing.json", False, "factsheet.writers.json", "render_json"),
    "docx": Writer(".docx", True, "factsheet.writers.docx", "render_docx"),
    "pdf": Writer(".pdf", True, "factsheet.writers.pdf", "render_pdf"),
    "txt": Writer(".txt", True, "factsheet.writers.text", "render_text"),
}
#: What ``--format all`` means.
ALL = ("json", "docx", "pdf")
