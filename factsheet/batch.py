"""Build many inputs: each one processed, rendered in memory, then written atomically.

The work for one input is a plain function of picklable values, so the same code runs
in-process (one job) or in worker processes (``--jobs N``). Workers come from a fork
server that has already imported the pipeline and the writers: starting one costs a fork,
not a fresh interpreter, and no worker inherits the parent's threads (the progress display
runs one). Workers are replaced after ``TASKS_PER_WORKER`` inputs so that memory held by a
library cache can never grow with the length of a batch.

Nothing here prints: results come back as ``Outcome`` values for the command to report.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factsheet.diagnostics import Diagnostic, Severity, has_errors

#: Inputs a worker process builds before it is replaced by a fresh one.
TASKS_PER_WORKER = 200

#: What the fork server imports once, so that every worker starts warm: ``factsheet.warm``
#: builds a small briefing into every format, then freezes the heap.
_PRELOAD = ["factsheet.warm"]


@dataclass(frozen=True)
class Settings:
    """What every input of a batch shares; loaded and checked once, before any work."""

    output: Path
    formats: tuple[str, ...]
    style: Any = None  # factsheet.layout.template.Style, when a format needs the layout
    reference: bytes | None = None
    strict: bool = False
    source_format: str | None = None
    mapping: Any = None  # factsheet.imports.labels.LabelMapping
    protected: frozenset[Path] = frozenset()  # resolved input paths, never overwritten


@dataclass
class Outcome:
    """What building one input gave."""

    index: int
    path: Path
    diagnostics: list[Diagnostic] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    error: str | None = None  # a render or write failure, already worded for the user
    exit_code: int = 1  # of the failure, when there is one (3: could not write)

    @property
    def built(self) -> bool:
        return bool(self.written) and self.error is None

    @property
    def warnings(self) -> int:
        return sum(d.severity is Severity.WARNING for d in self.diagnostics)


def cores() -> int:
    """Return the number of CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not Linux
        return max(1, os.cpu_count() or 1)


def build_one(index: int, path: Path, stem: str, settings: Settings) -> Outcome:
    """Process ``path`` and write its outputs as ``stem`` plus each format's suffix.

    Every format is rendered in memory before the first file is written, so an input whose
    render fails leaves nothing behind, and a file that is written replaces its earlier
    version in one rename.
    """
    from factsheet.errors import OutputError
    from factsheet.output import write_atomic
    from factsheet.pipeline import process
    from factsheet.writers import WRITERS

    outcome = Outcome(index, path)
    result = process(path, settings.source_format, mapping=settings.mapping)
    outcome.diagnostics = result.diagnostics
    if result.briefing is None or has_errors(result.diagnostics, settings.strict):
        return outcome
    try:
        outputs = render_all(result.briefing, settings, outcome.diagnostics)
    except Exception as exc:  # one input's failure must not stop the batch
        if os.environ.get("FACTSHEET_DEBUG"):
            raise
        outcome.error = f"error FS501 could not render: {exc.__class__.__name__}: {exc}"
        return outcome
    for name, data in outputs.items():
        target = settings.output / f"{stem}{WRITERS[name].suffix}"
        try:
            write_atomic(target, data, protected=settings.protected)
        except OutputError as exc:
            outcome.error, outcome.exit_code = f"error FS501 {exc}", exc.exit_code
            return outcome
        outcome.written.append(target)
    return outcome


def render_all(briefing: Any, settings: Settings, diagnostics: list[Diagnostic]
               ) -> dict[str, bytes]:
    """Return every format of ``briefing`` as bytes; layout diagnostics join ``diagnostics``."""
    from factsheet.writers import WRITERS

    document = None
    outputs = {}
    for name in settings.formats:
        writer = WRITERS[name]
        if not writer.takes_document:
            outputs[name] = writer.load()(briefing)
            continue
        if document is None:
            document = settings.style.document(briefing)
            diagnostics.extend(document.diagnostics)
            if "pdf" in settings.formats:
                from factsheet.writers.pdf import check_fonts

                diagnostics.extend(check_fonts(document))
        if name == "docx" and settings.reference is not None:
            from factsheet.writers.docx import render_docx

            outputs[name] = render_docx(document, settings.reference)
        else:
            outputs[name] = writer.load()(document)
    return outputs


def run(inputs: Sequence[tuple[Path, str]], settings: Settings, jobs: int,
        started: Callable[[Path], None] = lambda path: None,
        stopped: Callable[[], bool] = lambda: False) -> Iterator[Outcome]:
    """Build every ``(path, stem)`` of ``inputs``; yield outcomes as they finish.

    With one job (or one input) the work runs in this process. ``started`` is called with
    each input's path when its work is handed out, for a progress display. Once ``stopped``
    returns True no more work is handed out, work not started is dropped, and the run ends
    without waiting for the inputs being built (their files are written whole or not at
    all); a signal handler sets it, so that the pool is never interrupted halfway through
    one of its own operations.
    """
    if jobs <= 1 or len(inputs) <= 1:
        for index, (path, stem) in enumerate(inputs):
            if stopped():
                return
            started(path)
            yield build_one(index, path, stem, settings)
        return
    yield from _in_workers(inputs, settings, min(jobs, len(inputs)), started, stopped)


def _in_workers(inputs: Sequence[tuple[Path, str]], settings: Settings, jobs: int,
                started: Callable[[Path], None], stopped: Callable[[], bool]
                ) -> Iterator[Outcome]:
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context,
                               initializer=_remember, initargs=(settings, os.getpid()),
                               max_tasks_per_child=TASKS_PER_WORKER)
    # Hand out a few inputs per worker at a time, so that "current file" means something
    # and an interrupted batch has not queued work it will never collect.
    queue = iter(enumerate(inputs))
    running: dict[Future[Outcome], tuple[int, Path]] = {}

    broken: list[tuple[int, Path]] = []

    def submit() -> None:
        for index, (path, stem) in queue:
            if broken:
                broken.append((index, path))
                continue
            try:
                running[pool.submit(_build_remembered, index, path, stem)] = (index, path)
            except BrokenProcessPool:
                broken.append((index, path))
                continue
            started(path)
            if len(running) >= 2 * jobs:
                return

    def died(index: int, path: Path) -> Outcome:
        return Outcome(index, path, error="error FS501 a worker process died before this "
                       "input was built (out of memory, or killed); nothing was written for it")

    finished = False
    try:
        submit()
        while running and not stopped():
            done, _ = wait(running, timeout=0.2, return_when=FIRST_COMPLETED)
            for future in done:
                index, path = running.pop(future)
                try:
                    yield future.result()
                except BrokenProcessPool:
                    broken.append((index, path))
            if not stopped():
                submit()
        if not stopped():  # once stopped, inputs not built were interrupted, not failed
            for index, path in broken:
                yield died(index, path)
        finished = not stopped()
    finally:
        # Stopped: drop what has not started and do not wait; the workers finish or are
        # killed with their inputs half done, which leaves no file half written.
        pool.shutdown(wait=finished, cancel_futures=True)


_settings: Settings | None = None


def _remember(settings: Settings, parent: int) -> None:
    """Worker initializer: keep the batch settings (style, fonts, mapping) for every task,
    and leave as soon as the command that started this worker is gone."""
    global _settings
    _settings = settings
    import signal
    import threading

    # Ctrl-C reaches every process of the terminal's group: the command decides what stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    threading.Thread(target=_exit_without, args=(parent,), daemon=True,
                     name="factsheet-parent-watch").start()


def _exit_without(parent: int) -> None:
    """Exit when ``parent`` dies: a killed command must not leave workers behind."""
    import time

    while True:
        time.sleep(0.5)
        if not _running(parent):
            os._exit(1)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, PermissionError):  # gone, or the pid was reused by another
        return False
    try:  # a killed process nobody has reaped yet is a zombie: gone as far as we care
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rpartition(b") ")[2][:1] != b"Z"
    except OSError:  # no /proc (not Linux): the signal test is all there is
        return True


def _build_remembered(index: int, path: Path, stem: str) -> Outcome:
    assert _settings is not None, "worker started without settings"
    return build_one(index, path, stem, _settings)
