"""How anchoring time grows with the article and the number of quotes.

    python benchmarks/anchoring.py           # 10 KiB, 100 KiB, 1 MiB x 100, 1,000, 10,000 quotes
    python benchmarks/anchoring.py --quick   # one repeat each, a smaller grid

Articles are synthetic wire stories made by ``_synthetic.py`` with a seeded
``random.Random`` (same seed, same bytes): header lines, a dateline, paragraphs of sentences
with names, figures, a few words with diacritics or in Cyrillic, separated by blank lines.
Quotes are spans of 4 to 12 words inside one paragraph whose first four words occur together
nowhere else, so every quote anchors to exactly one place; the benchmark checks that each
lands where it was taken from.

Two measurements, in this process, after a warm-up:

(a) anchoring alone: ``read_structure(text)``, ``ArticleText(id, text, paragraphs)`` and
    ``anchor(article, quote)`` for every quote (the word index is built on first use, so
    its cost is inside the anchoring figure);
(b) the whole pipeline, ``factsheet.pipeline.process(path)``, on a native YAML file with one
    article (``text_file``), one party and one commitment per quote.

Figures are medians over repeats. The scaling exponent is the least-squares slope of
log(time) against log(size): 1 is linear, 2 quadratic.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from _report import heading, median, ms, ok, save_summary, slope, summary_row, table
from _synthetic import (
    anchor_quotes,
    make_article,
    pick_quotes,
    profile,
    run_pipeline,
    write_annotations,
)

from factsheet.article import read_structure

KIB = 1024
SIZES = {"10 KiB": 10 * KIB, "100 KiB": 100 * KIB, "1 MiB": 1024 * KIB}
QUOTES = (100, 1_000, 10_000)
GOAL_LABEL, GOAL_QUOTES, GOAL_SECONDS = "1 MiB", 10_000, 1.0


# -- measurements ---------------------------------------------------------------------------


@dataclass
class Case:
    label: str
    size: int  # UTF-8 bytes
    text: str
    quotes: list[tuple[str, int]]


def anchor_all(case: Case) -> tuple[float, float]:
    """Time (structure, anchoring) for one pass; checks every span."""
    return anchor_quotes(case.text, case.quotes, case.label)


def repeat(fn: Callable[[], float], times: int) -> list[float]:
    results = []
    for _ in range(times):
        gc.collect()
        results.append(fn())
    return results


def repeats_for(size: int, quotes: int, quick: bool) -> int:
    if quick:
        return 1
    work = size / (100 * KIB) + quotes / 1000
    return 15 if work < 1 else 7 if work < 5 else 5


# -- the report -----------------------------------------------------------------------------


def exponent_rows(results: dict[tuple[str, int], dict[str, float]], cases: dict[str, Case],
                  key: str) -> list[list[str]]:
    rows = []
    quote_counts = sorted({q for _, q in results})
    for quotes in quote_counts:
        points = [(cases[label].size, results[(label, q)][key]) for label, q in results
                  if q == quotes]
        if len(points) >= 2:
            fitted = slope([p[0] for p in points], [p[1] for p in points])
            rows.append([f"article size, {quotes:,} quotes", f"{len(points)}",
                         f"{fitted:.2f}" if fitted is not None else "-"])
    for label in cases:
        points = [(q, results[(lab, q)][key]) for lab, q in results if lab == label]
        if len(points) >= 2:
            fitted = slope([p[0] for p in points], [p[1] for p in points])
            rows.append([f"quote count, {label} article", f"{len(points)}",
                         f"{fitted:.2f}" if fitted is not None else "-"])
    # Both together, one quote per ~100 bytes: what a linear design must keep at 1.
    diagonal = [(cases[label].size, results[(label, q)][key]) for label, q in results
                if 0.9 < q * 10 * KIB / (100 * SIZES[label]) < 1.1]
    if len(diagonal) >= 2:
        fitted = slope([p[0] for p in diagonal], [p[1] for p in diagonal])
        rows.append(["size and quotes together (100 per 10 KiB)", f"{len(diagonal)}",
                     f"{fitted:.2f}" if fitted is not None else "-"])
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="one repeat each; 1,000 quotes at most except the goal case")
    parser.add_argument("--seed", type=int, default=1, help="article and quote seed (1)")
    parser.add_argument("--no-pipeline", action="store_true", help="skip measurement (b)")
    parser.add_argument("--profile", action="store_true",
                        help="also cProfile the goal case once and print where the time goes")
    parser.add_argument("--top", type=int, default=15, help="rows per profile (15)")
    parser.add_argument("--summary", default=None, help=argparse.SUPPRESS)  # for run_all.py
    parser.add_argument("--repeats", type=int, default=None,
                        help="repeats per case (default: 15, 7 or 5 by case size; 1 in --quick)")
    args = parser.parse_args()

    t_start = time.perf_counter()
    cases = {label: Case(label, 0, make_article(size, args.seed), [])
             for label, size in SIZES.items()}
    for case in cases.values():
        case.size = len(case.text.encode("utf-8"))
    grid = [(label, q) for label in cases for q in QUOTES
            if q * 6 <= cases[label].size // 8]  # skip grids with quotes on every word
    if args.quick:
        grid = [(label, q) for label, q in grid
                if q <= 1000 or (label, q) == (GOAL_LABEL, GOAL_QUOTES)]
    quotes = {(label, q): pick_quotes(cases[label].text, q, args.seed) for label, q in grid}
    setup = time.perf_counter() - t_start

    print(heading("Anchoring: synthetic articles, unambiguous quotes"))
    print("Articles: " + ", ".join(
        f"{label} = {c.size:,} bytes / {len(c.text):,} chars / "
        f"{len(read_structure(c.text).paragraphs):,} paragraphs" for label, c in cases.items())
        + f"; seed {args.seed}; made in {setup:.1f} s.")

    with tempfile.TemporaryDirectory(prefix="factsheet-bench-") as tmp:
        measure(args, cases, grid, quotes, Path(tmp))
    print(f"\n(total benchmark time {time.perf_counter() - t_start:.0f} s)")
    return 0


def measure(args: argparse.Namespace, cases: dict[str, Case], grid: list[tuple[str, int]],
            quotes: dict[tuple[str, int], list[tuple[str, int]]], folder: Path) -> None:
    # Warm-up: first calls build regexes and pydantic validators; not measured.
    warm = Case("warm-up", cases["10 KiB"].size, cases["10 KiB"].text, quotes[grid[0]][:20])
    anchor_all(warm)
    if not args.no_pipeline:
        (folder / "warm").mkdir()
        run_pipeline(write_annotations(folder / "warm", warm.text, warm.quotes), len(warm.quotes))

    results: dict[tuple[str, int], dict[str, float]] = {}
    rows = []
    for label, q in grid:
        case = Case(label, cases[label].size, cases[label].text, quotes[(label, q)])
        times = args.repeats or repeats_for(case.size, q, args.quick)
        passes = []
        for _ in range(times):
            gc.collect()
            passes.append(anchor_all(case))
        structure = median([p[0] for p in passes])
        anchoring = median([p[1] for p in passes])
        total = median([p[0] + p[1] for p in passes])
        entry = {"anchor": total, "anchor_min": min(p[0] + p[1] for p in passes)}
        pipe_cell = pipe_min_cell = "-"
        if not args.no_pipeline:
            sub = folder / f"{label.replace(' ', '')}-{q}"
            sub.mkdir()
            path = write_annotations(sub, case.text, case.quotes)
            pipe_times = repeat(lambda path=path, q=q: run_pipeline(path, q),
                                max(1, min(times, 5 if label != GOAL_LABEL else 3)))
            entry["pipeline"] = median(pipe_times)
            entry["pipeline_min"] = min(pipe_times)
            pipe_cell, pipe_min_cell = ms(entry["pipeline"]), ms(entry["pipeline_min"])
        results[(label, q)] = entry
        rows.append([label, f"{q:,}", times, ms(structure), ms(anchoring), ms(total),
                     ms(entry["anchor_min"]), f"{1e6 * anchoring / q:.1f}", pipe_cell,
                     pipe_min_cell])

    print(table(["article", "quotes", "runs", "structure ms", "anchor ms", "(a) total ms",
                 "(a) min ms", "µs/quote", "(b) pipeline ms", "(b) min ms"], rows,
                right=[False] + [True] * 9))
    print("structure = read_structure + ArticleText; anchor = anchor() for every quote, "
          "word index included;\n(a) = structure + anchor (median of the sums); "
          "(b) = pipeline.process() on the YAML file, median of up to 5 (3 for 1 MiB) runs.")

    print(heading("Fitted scaling exponents (slope of log time vs log size; 1 = linear)"))
    exp_rows = []
    anchor_rows = exponent_rows(results, cases, "anchor")
    pipe_rows = (exponent_rows(results, cases, "pipeline") if not args.no_pipeline
                 else [[r[0], r[1], "-"] for r in anchor_rows])
    for a, b in zip(anchor_rows, pipe_rows, strict=True):
        exp_rows.append([a[0], a[1], a[2], b[2]])
    print(table(["varying", "points", "(a) anchoring", "(b) pipeline"], exp_rows,
                right=[False, True, True, True]))

    goal = (GOAL_LABEL, GOAL_QUOTES) if (GOAL_LABEL, GOAL_QUOTES) in results else None
    print(heading(f"Goal: a 1 MiB article with {GOAL_QUOTES:,} quotes anchors in under "
                  f"{GOAL_SECONDS:g} s"))
    if goal is None:
        print("not measured")
    else:
        entry = results[goal]
        goal_rows = [["(a) anchoring alone", ms(entry["anchor"]), ms(entry["anchor_min"]),
                      ms(GOAL_SECONDS), "PASS" if entry["anchor"] < GOAL_SECONDS else "FAIL"]]
        if "pipeline" in entry:
            goal_rows.append(["(b) full pipeline (reported; the goal is for anchoring)",
                              ms(entry["pipeline"]), ms(entry["pipeline_min"]), ms(GOAL_SECONDS),
                              "PASS" if entry["pipeline"] < GOAL_SECONDS else "over 1 s"])
        print(table(["measurement", "median ms", "min ms", "goal ms", "result"], goal_rows))
        save_summary(args.summary, [summary_row(
            f"anchoring, {GOAL_LABEL} article, {GOAL_QUOTES:,} quotes", f"{ms(entry['anchor'])} ms",
            f"< {ms(GOAL_SECONDS)} ms", verdict=ok(entry["anchor"] < GOAL_SECONDS))])
    if args.profile:
        label, q = goal or grid[-1]
        case = Case(label, cases[label].size, cases[label].text, quotes[(label, q)])
        print(heading(f"Profile of {label} x {q:,} quotes (cProfile, one run each; "
                      "profiling slows Python code about 2x)"))
        print("(a) anchoring alone:")
        print(profile(lambda: anchor_all(case), args.top))
        if not args.no_pipeline:
            path = folder / f"{label.replace(' ', '')}-{q}" / "bench.yaml"
            print("\n(b) full pipeline:")
            print(profile(lambda: run_pipeline(path, q), args.top))


if __name__ == "__main__":
    sys.exit(main())
