"""What ``factsheet build`` shows while it works, and the summary it ends with.

On a terminal: a progress bar with counts and the file being built, diagnostics scrolling
above it. Anywhere else (CI logs, pipes): plain lines only, no cursor movement, no colour.
Either way each input's diagnostics and files are printed together and in input order, so a
log reads the same whatever order the workers finished in.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import Any

from factsheet.batch import Outcome
from factsheet.report import format_text


def on_terminal() -> bool:
    """Return whether stderr is an interactive terminal that can redraw a progress bar."""
    return sys.stderr.isatty() and os.environ.get("TERM", "") != "dumb"


class BuildReport:
    """Collect outcomes, print them in input order, and summarise."""

    def __init__(self, total: int, quiet: bool = False) -> None:
        self.total = total
        self.quiet = quiet
        self.built = self.warned = self.failed = 0
        self.exit_codes: list[int] = []
        self._waiting: dict[int, Outcome] = {}
        self._next = 0
        self._clock = time.perf_counter()
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> BuildReport:
        if on_terminal() and self.total > 1:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )

            self._progress = Progress(
                TextColumn("building"), BarColumn(), MofNCompleteColumn(),
                TimeElapsedColumn(), TextColumn("{task.fields[current]}"),
                console=Console(stderr=True, highlight=False), transient=True)
            self._task = self._progress.add_task("build", total=self.total, current="")
            self._progress.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._progress is not None:
            self._progress.stop()
        if kind is None:
            self._summarise()

    def started(self, path: Path) -> None:
        if self._progress is not None:
            self._progress.update(self._task, current=str(path))

    def finished(self, outcome: Outcome) -> None:
        self._waiting[outcome.index] = outcome
        while self._next in self._waiting:
            self._show(self._waiting.pop(self._next))
            self._next += 1

    def _show(self, outcome: Outcome) -> None:
        lines = format_text(outcome.diagnostics)
        if outcome.error:
            lines += f"{outcome.path}: {outcome.error}\n"
        if not self.quiet:
            lines += "".join(f"wrote {target}\n" for target in outcome.written)
        if outcome.built:
            self.built += 1
            self.warned += outcome.warnings > 0
        else:
            self.failed += 1
            self.exit_codes.append(outcome.exit_code)
        self._write(lines)
        if self._progress is not None:
            self._progress.advance(self._task)

    def _write(self, text: str) -> None:
        if not text:
            return
        if self._progress is not None:
            self._progress.console.print(text.rstrip("\n"), markup=False, highlight=False,
                                         soft_wrap=True)
        else:
            sys.stdout.flush()
            sys.stderr.write(text)

    def _summarise(self) -> None:
        if self.total > 1:
            self._table()
        if self.failed:
            self._write(f"{self.failed} of {self.total} input{'s' if self.total != 1 else ''} "
                        "failed; nothing was written for them\n")

    def _table(self) -> None:
        from rich import box
        from rich.console import Console
        from rich.table import Table

        seconds = time.perf_counter() - self._clock
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        for name in ("inputs", "built", "with warnings", "failed", "seconds", "per second"):
            table.add_column(name, justify="right")
        table.add_row(str(self.total), str(self.built), str(self.warned), str(self.failed),
                      f"{seconds:.1f}", f"{self.total / seconds:.1f}" if seconds else "-")
        sys.stdout.flush()
        Console(stderr=True, highlight=False, width=100).print(table)
