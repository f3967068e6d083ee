"""Exceptions: problems the pipeline cannot continue past.

Problems it *can* continue past are diagnostics (see ``factsheet.diagnostics``).
Every exception knows the exit code the command line uses for it::

    FactsheetError                 root of everything raised on purpose (exit 101)
    ├── UsageError                 bad command-line use: unknown format, no inputs (exit 2)
    ├── InputError                 the input has errors; carries the diagnostics (exit 1)
    └── OutputError                an output could not be rendered or written (exit 3)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factsheet.diagnostics import Diagnostic

__all__ = ["FactsheetError", "InputError", "OutputError", "UsageError"]


class FactsheetError(Exception):
    """Root of every exception factsheet raises on purpose."""

    exit_code = 101


class UsageError(FactsheetError):
    """The command or API was used wrongly (unknown format, nothing to do)."""

    exit_code = 2


class InputError(FactsheetError):
    """The input has errors; ``diagnostics`` says which and where."""

    exit_code = 1

    def __init__(self, message: str, diagnostics: list[Diagnostic]) -> None:
        super().__init__(message)
        self.diagnostics = diagnostics


class OutputError(FactsheetError):
    """An output could not be rendered or written."""

    exit_code = 3
