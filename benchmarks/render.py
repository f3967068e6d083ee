"""Per-briefing render time, in process: JSON, DOCX and PDF, with peers on the same content.

    python benchmarks/render.py                 # 30 timed runs of each method, every example
    python benchmarks/render.py --only docx     # one format (json, docx or pdf; repeatable)
    python benchmarks/render.py --quick         # 5 runs, for a smoke test
    python benchmarks/render.py --profile       # and where factsheet's time goes (cProfile)

For each example under ``examples/*/`` (the goal's, Danube, first) the briefing is loaded
once, untimed. Then, per format, every method runs once untimed (a warm-up that also checks
its output) and ``--runs`` times timed, round-robin, in this process, with a garbage
collection before each timed call:

- factsheet, layout + render: ``factsheet.render(briefing, FORMAT)``, the public call (for
  DOCX and PDF the template is read and the layout tree built too). The goal's figure;
- factsheet, render alone (DOCX, PDF): the writer on a layout tree built beforehand;
- the peers (``_peers.py``), on the briefing's plain-text rendering: pandoc and docxtpl to
  DOCX, WeasyPrint to PDF, each with its empty-document floor where it has one.

Goals (median, on the Danube example): JSON under 2 ms; DOCX under 25 ms and at least 5
times faster than pandoc; PDF under 25 ms and at least 10 times faster than WeasyPrint.
Ratios are printed as our time / their time.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from _peers import (
    DOCXTPL,
    PANDOC,
    PANDOC_FLOOR,
    WEASYPRINT,
    WEASYPRINT_FLOOR,
    Method,
    docxtpl_method,
    is_docx,
    is_pdf,
    measure,
    pandoc_methods,
    pandoc_version,
    weasyprint_methods,
    weasyprint_version,
)
from _report import goal_table, heading, median, ms, ok, save_summary, summary_row, table

import factsheet
from factsheet.api import layout

ROOT = Path(__file__).resolve().parent.parent
GOAL_EXAMPLE = Path("examples/danube/danube-pact.yaml")
OURS = "factsheet: layout + render"
ALONE = "factsheet: render alone"


@dataclass(frozen=True)
class Format:
    name: str
    goal: float  # seconds, median
    peer: str | None = None  # the method the ratio goal is against
    floor: str | None = None
    ratio: float = 1.0  # at least this many times faster than the peer
    check: Callable[[bytes], bool] = bool


FORMATS = {
    "json": Format("json", 0.002, check=lambda data: isinstance(json.loads(data), dict)),
    "docx": Format("docx", 0.025, PANDOC, PANDOC_FLOOR, 5.0, is_docx),
    "pdf": Format("pdf", 0.025, WEASYPRINT, WEASYPRINT_FLOOR, 10.0, is_pdf),
}


def examples() -> list[Path]:
    found = sorted((ROOT / "examples").glob("*/*.yaml"))
    return sorted(found, key=lambda p: p != ROOT / GOAL_EXAMPLE)


def methods_for(fmt: str, briefing: object, text: str, folder: Path) -> list[Method]:
    ours = Method(OURS, lambda: factsheet.render(briefing, fmt))  # type: ignore[arg-type]
    if fmt == "json":
        return [ours]
    document = layout(briefing)  # type: ignore[arg-type]
    if fmt == "docx":
        from factsheet.writers.docx import render_docx

        return [ours, Method(ALONE, lambda: render_docx(document)),
                *pandoc_methods(text, folder), *docxtpl_method(text, folder)]
    from factsheet.writers.pdf import render_pdf

    return [ours, Method(ALONE, lambda: render_pdf(document)), *weasyprint_methods(text)]


def method_table(methods: list[Method]) -> str:
    ours = median(methods[0].times)
    rows = [(m.label + (" *" if m.info else ""), ms(median(m.times)), ms(min(m.times)),
             f"{m.size / 1024:.1f}", f"{ours / median(m.times):.3f}") for m in methods]
    return table(["method", "median ms", "min ms", "KiB", "ours / this"], rows)


def profile(briefing: object, fmt: str, top: int = 25) -> str:
    """Where ``factsheet.render(briefing, fmt)`` spends its time, 20 renders."""
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(20):
        factsheet.render(briefing, fmt)  # type: ignore[arg-type]
    profiler.disable()
    parts = []
    for key, title in (("tottime", "own time"), ("cumulative", "cumulative time")):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(key).print_stats(top)
        body = out.getvalue()
        parts.append(heading(f"Profile of {OURS} ({fmt}), 20 renders of the goal example, "
                             f"by {title}"))
        parts.append(body[body.find("   ncalls"):].rstrip())
    return "\n".join(parts)


def summary(results: dict[str, dict[str, Method]]) -> list[list[str]]:
    """The goal example's rows for run_all.py's summary."""
    rows = []
    for fmt, by_label in results.items():
        spec = FORMATS[fmt]
        ours = median(by_label[OURS].times)
        measure_name = f"{fmt.upper()} per briefing, Danube (median, in process)"
        goal = f"< {spec.goal * 1000:g} ms"
        peer = by_label.get(spec.peer) if spec.peer else None
        if peer is None:
            rows.append(summary_row(measure_name, f"{ms(ours)} ms", goal,
                                    verdict=ok(ours < spec.goal)))
        else:
            theirs = median(peer.times)
            met = ours < spec.goal and ours / theirs <= 1 / spec.ratio
            rows.append(summary_row(
                measure_name, f"{ms(ours)} ms", f"{goal}, <= {1 / spec.ratio:.2f}x",
                f"{peer.label.split(':')[0]} {ms(theirs)} ms", f"{ours / theirs:.3f}",
                ok(met)))
        if DOCXTPL in by_label:
            theirs = median(by_label[DOCXTPL].times)
            rows.append(summary_row(f"{fmt.upper()}, Danube, against docxtpl (less content)",
                                    f"{ms(ours)} ms", "-", f"docxtpl {ms(theirs)} ms",
                                    f"{ours / theirs:.3f}"))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", action="append", choices=sorted(FORMATS),
                        help="formats to measure (default: all three)")
    parser.add_argument("--runs", type=int, default=None, help="timed runs per method (30)")
    parser.add_argument("--quick", action="store_true", help="5 runs, for a smoke test")
    parser.add_argument("--profile", action="store_true",
                        help="also print where factsheet's time goes for DOCX and PDF")
    parser.add_argument("--summary", default=None, help=argparse.SUPPRESS)  # for run_all.py
    args = parser.parse_args(argv)
    runs = args.runs or (5 if args.quick else 30)
    formats = [f for f in FORMATS if f in (args.only or FORMATS)]

    print(heading(f"Rendering one briefing in process: {', '.join(f.upper() for f in formats)} "
                  f"({runs} runs, medians)"))
    peers = []
    if "docx" in formats:
        version = pandoc_version()
        peers.append(f"pandoc {version}" if version else "pandoc: not installed")
    if "pdf" in formats:
        version = weasyprint_version()
        peers.append(f"WeasyPrint {version}" if version else "WeasyPrint: not installed")
    if peers:
        print("; ".join(peers) + " (peers come with pip install -e '.[bench]')")

    goal_rows: dict[str, list[tuple[str, float, float | None, float | None, bool]]] = {
        f: [] for f in formats}
    results: dict[str, dict[str, Method]] = {}
    goal_briefing = None
    with tempfile.TemporaryDirectory(prefix="factsheet-render-") as tmp:
        for example in examples():
            briefing = factsheet.load(example)
            is_goal = example == ROOT / GOAL_EXAMPLE
            goal_briefing = briefing if is_goal else goal_briefing
            text = factsheet.render(briefing, "txt").decode("utf-8")
            rel = example.relative_to(ROOT)
            print(f"\n{rel} ({len(text.encode('utf-8')) / 1024:.1f} KiB of text)")
            for fmt in formats:
                spec = FORMATS[fmt]
                methods = methods_for(fmt, briefing, text, Path(tmp))
                measure(methods, runs, spec.check)
                by_label = {m.label: m for m in methods}
                print(f"\n{fmt.upper()}\n" + method_table(methods))
                theirs = median(by_label[spec.peer].times) if spec.peer in by_label else None
                floor = median(by_label[spec.floor].times) if spec.floor in by_label else None
                goal_rows[fmt].append((str(rel), median(by_label[OURS].times), theirs, floor,
                                       is_goal))
                if is_goal:
                    results[fmt] = by_label
    print("\n* for information, not part of a goal. ours / this: the median of "
          f"'{OURS}' over this method's median.")

    for fmt in formats:
        spec = FORMATS[fmt]
        if spec.peer:
            print(heading(f"Goal, {fmt.upper()}: under {spec.goal * 1000:g} ms median, at "
                          f"least {spec.ratio:g}x faster than {spec.peer.split(':')[0]}"))
            print(goal_table(spec.peer.split(":")[0], spec.goal, spec.ratio, goal_rows[fmt]))
        else:
            print(heading(f"Goal, {fmt.upper()}: under {spec.goal * 1000:g} ms median"))
            print(table(["example", "factsheet ms", f"< {spec.goal * 1000:g} ms"],
                        [[label + (" (goal)" if g else ""), ms(ours), ok(ours < spec.goal)]
                         for label, ours, _, _, g in goal_rows[fmt]]))
    save_summary(args.summary, summary(results))
    if args.profile and goal_briefing is not None:
        for fmt in formats:
            if fmt != "json":
                print(profile(goal_briefing, fmt))
    return 0


if __name__ == "__main__":
    sys.exit(main())
