"""factsheet: annotated news articles in, validated and source-anchored briefings out.

    >>> import factsheet
    >>> briefing = factsheet.load("examples/danube/danube-pact.yaml")
    >>> data = factsheet.render(briefing, "json")

Names are imported on first use, so ``import factsheet`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "AnnotationFile",
    "Briefing",
    "Commitment",
    "Diagnostic",
    "Evidence",
    "FactsheetError",
    "InputError",
    "OutputError",
    "Party",
    "PhotoCredit",
    "Position",
    "Quotation",
    "Severity",
    "SourceArticle",
    "Statistic",
    "UsageError",
    "__version__",
    "load",
    "loads",
    "render",
    "validate",
]

_HOMES = {
    "AnnotationFile": "factsheet.model",
    "Briefing": "factsheet.model",
    "Commitment": "factsheet.model",
    "Evidence": "factsheet.model",
    "Party": "factsheet.model",
    "PhotoCredit": "factsheet.model",
    "Position": "factsheet.model",
    "Quotation": "factsheet.model",
    "SourceArticle": "factsheet.model",
    "Statistic": "factsheet.model",
    "Diagnostic": "factsheet.diagnostics",
    "Severity": "factsheet.diagnostics",
    "FactsheetError": "factsheet.errors",
    "InputError": "factsheet.errors",
    "OutputError": "factsheet.errors",
    "UsageError": "factsheet.errors",
    "load": "factsheet.api",
    "loads": "factsheet.api",
    "render": "factsheet.api",
    "validate": "factsheet.api",
}

if TYPE_CHECKING:
    from factsheet.api import load, loads, render, validate
    from factsheet.diagnostics import Diagnostic, Severity
    from factsheet.errors import FactsheetError, InputError, OutputError, UsageError
    from factsheet.model import (
        AnnotationFile,
        Briefing,
        Commitment,
        Evidence,
        Party,
        PhotoCredit,
        Position,
        Quotation,
        SourceArticle,
        Statistic,
    )


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'factsheet' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
