"""Where a batch build spends its time, stage by stage: a pyinstrument profile, attributed.

``profile_build(folder, count)`` copies ``count`` stories from ``folder``, builds them once
untimed (so that every module is imported and every cache warm, as in a long batch), then
builds them again with ``factsheet build --format all --jobs 1`` run in this process under
pyinstrument (a sampling profiler: every millisecond it records the Python stack). Each sample
is charged to the stage of the innermost factsheet module on its stack (a library called by
the DOCX writer counts as DOCX, pydantic called by validation as validation); modules that
serve every stage (numbers, diagnostics, paths, errors) leave the charge with their caller.
Time with no factsheet module on the stack (click, typer, the interpreter) is "other".
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from _report import heading, median, table

#: Path fragment -> stage; the first match wins.
STAGES = (
    ("<frozen importlib", "imports"),
    ("factsheet/readers/", "read + parse (YAML, text)"),
    ("factsheet/validation.py", "validate (schema, pydantic)"),
    ("factsheet/model/", "validate (schema, pydantic)"),
    ("factsheet/anchoring.py", "anchor + assemble"),
    ("factsheet/article.py", "anchor + assemble"),
    ("factsheet/assemble.py", "anchor + assemble"),
    ("factsheet/checks/", "checks"),
    ("factsheet/images.py", "checks"),
    ("factsheet/pipeline.py", "pipeline glue"),
    ("factsheet/layout/", "layout"),
    ("factsheet/writers/docx/", "DOCX writer"),
    ("factsheet/writers/pdf/", "PDF writer"),
    ("factsheet/writers/json.py", "JSON writer"),
    ("factsheet/writers/", "other writers"),
    ("factsheet/output.py", "write files"),
    ("factsheet/", "CLI + batch glue"),
)
#: Helpers every stage calls: they keep their caller's stage.
NEUTRAL = ("factsheet/numbers.py", "factsheet/diagnostics.py", "factsheet/paths.py",
           "factsheet/errors.py")
OTHER = "other (click, typer, interpreter)"


def stage_of(path: str) -> str | None:
    path = path.replace(os.sep, "/")
    if any(n in path for n in NEUTRAL):
        return None
    return next((stage for fragment, stage in STAGES if fragment in path), None)


def attribute(root: object) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    """Seconds per stage, and per (stage, function where the time was spent)."""
    stages: Counter[str] = Counter()
    functions: Counter[tuple[str, str]] = Counter()
    todo = [(root, OTHER, "")]
    while todo:
        frame, stage, where = todo.pop()
        if stage != "imports":
            stage = stage_of(frame.file_path or "") or stage  # type: ignore[attr-defined]
        if not frame.is_synthetic:  # type: ignore[attr-defined]
            where = f"{frame.function} ({_short(frame.file_path or '')}:{frame.line_no})"  # type: ignore[attr-defined]
        children = frame.children  # type: ignore[attr-defined]
        if not children:
            stages[stage] += frame.time  # type: ignore[attr-defined]
            functions[(stage, where)] += frame.time  # type: ignore[attr-defined]
        todo.extend((child, stage, where) for child in children)
    return stages, functions


def _short(path: str) -> str:
    for marker in ("site-packages/", "/lib/python3"):
        if marker in path:
            return path.split(marker, 1)[1]
    return path.split("/main/", 1)[-1]


def _build(folder: Path, out: Path, jobs: bool) -> None:
    from factsheet.cli import main

    argv = sys.argv
    sys.argv = ["factsheet", "build", str(folder), "-o", str(out), "--format", "all",
                *(["--jobs", "1", "--quiet"] if jobs else [])]
    stderr = sys.stderr
    try:
        with open(os.devnull, "w") as quiet:
            sys.stderr = quiet
            main()
    except SystemExit as done:
        if done.code:
            raise SystemExit(f"profiled build failed (exit {done.code})") from None
    finally:
        sys.argv, sys.stderr = argv, stderr


def time_stages(paths: list[Path], out: Path) -> dict[str, list[float]]:
    """Seconds per input for each step the batch takes, timed directly (no profiler)."""
    from factsheet.layout.template import load_style
    from factsheet.output import write_atomic
    from factsheet.pipeline import process
    from factsheet.writers import WRITERS
    from factsheet.writers.pdf import check_fonts

    style = load_style("briefing")
    steps: dict[str, list[float]] = {name: [] for name in (
        "read, validate, anchor, check (pipeline.process)", "layout", "JSON writer",
        "DOCX writer", "PDF font check + PDF writer", "write 3 files (temp, fsync, rename)")}
    names = list(steps)
    out.mkdir()
    for path in paths:
        marks = [time.perf_counter()]
        briefing = process(path).briefing
        marks.append(time.perf_counter())
        document = style.document(briefing)
        marks.append(time.perf_counter())
        outputs = {".briefing.json": WRITERS["json"].load()(briefing)}
        marks.append(time.perf_counter())
        outputs[".docx"] = WRITERS["docx"].load()(document)
        marks.append(time.perf_counter())
        check_fonts(document)
        outputs[".pdf"] = WRITERS["pdf"].load()(document)
        marks.append(time.perf_counter())
        for suffix, data in outputs.items():
            write_atomic(out / f"{path.stem}{suffix}", data)
        marks.append(time.perf_counter())
        for name, start, end in zip(names, marks, marks[1:], strict=False):
            steps[name].append(end - start)
    return steps


def profile_build(folder: Path, count: int, top: int = 20) -> str:
    """Return the stage table and the hottest functions of building ``count`` stories."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        return ("\n(profile skipped: pyinstrument is not installed; "
                "pip install -e '.[bench]')")
    from cold_start import console_script
    from throughput import has_jobs_option

    jobs = has_jobs_option(console_script())
    stories = sorted(folder.glob("*.yaml"))[:count]
    with tempfile.TemporaryDirectory(prefix="factsheet-profile-") as tmp:
        work = Path(tmp)
        (work / "in").mkdir()
        for path in stories:
            for sibling in (path, path.with_suffix(".txt")):
                shutil.copyfile(sibling, work / "in" / sibling.name)
        if (folder / "signing.jpg").exists():
            shutil.copyfile(folder / "signing.jpg", work / "in" / "signing.jpg")
        _build(work / "in", work / "warm", jobs)  # imports, caches, fonts
        started = time.perf_counter()
        _build(work / "in", work / "plain", jobs)
        plain = time.perf_counter() - started
        steps = time_stages(sorted((work / "in").glob("*.yaml")), work / "steps")
        profiler = Profiler(interval=0.001)
        profiler.start()
        _build(work / "in", work / "out", jobs)
        profiler.stop()
    root = profiler.last_session.root_frame()
    stages, functions = attribute(root)
    total = sum(stages.values())
    n = len(stories)
    rows = [[stage, f"{1000 * seconds / n:.2f}", f"{1000 * seconds / total * plain / n:.2f}",
             f"{100 * seconds / total:.0f}%"]
            for stage, seconds in stages.most_common()]
    rows.append(["total", f"{1000 * total / n:.2f}", f"{1000 * plain / n:.2f}", "100%"])
    hot = [[stage, where, f"{1000 * seconds / n:.2f}", f"{100 * seconds / total:.1f}%"]
           for (stage, where), seconds in functions.most_common(top)]
    step_rows = [[name, f"{1000 * median(times):.2f}", f"{1000 * sum(times) / n:.2f}"]
                 for name, times in steps.items()]
    step_total = sum(sum(times) for times in steps.values()) / n
    step_rows.append(["total", "-", f"{1000 * step_total:.2f}"])
    return "\n".join([
        heading(f"Where one briefing's time goes ({n} stories, warm process, one job)"),
        "Timed directly, step by step, with the library calls the batch makes (no profiler):",
        table(["step", "median ms", "mean ms"], step_rows),
        f"The plain build of the same {n} stories (factsheet build --jobs 1, in this process) "
        f"took {1000 * plain / n:.1f} ms per briefing.",
        "",
        "Split further by stage with pyinstrument (the profile's own cost divided out in the "
        "scaled column):",
        table(["stage", "ms per briefing (profiled)", "ms, scaled to the plain run", "share"],
              rows),
        f"plain run (no profiler): {plain:.2f} s, {n / plain:.1f} briefings/s in one process; "
        f"the profiler adds {100 * (total / plain - 1):.0f}%, so the scaled column divides it "
        "out (an estimate: it slows Python code more than C code).",
        "",
        f"Top {top} places by own time (the stage, the function the time was spent in):",
        table(["stage", "function", "ms per briefing", "share"], hot,
              right=[False, False, True, True]),
    ])
