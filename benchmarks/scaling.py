"""How anchoring and validation grow: articles of 10 KiB to 1 MiB, 100 to 10,000 facts.

    python benchmarks/scaling.py            # three sweeps of five points each
    python benchmarks/scaling.py --quick    # three points per sweep, one repeat

Articles and quotes come from ``_synthetic.py`` (the same generator as ``anchoring.py``):
seeded wire stories of sentences with names, figures, diacritics and Cyrillic, and quotes of
4-12 words that occur exactly once. Three sweeps, each of five points a factor of about 3.2
apart:

- article size: 10 KiB to 1 MiB, 100 facts;
- facts: 100 to 10,000, a 1 MiB article;
- both together: 10 KiB with 100 facts to 1 MiB with 10,000 (a fact per 100 bytes), which
  is how real batches grow and where anything quadratic shows first.

Two measurements per point, in this process, after a warm-up, medians over repeats:

(a) anchoring alone: ``read_structure``, ``ArticleText`` and ``anchor()`` for every quote;
(b) validation: ``factsheet.pipeline.process(path)`` on a native YAML file whose facts cite
    the quotes, shared in turn among commitments, positions, quotations and statistics
    (a quote with a figure becomes a statistic of that value), with a party per 10 facts
    carrying a country code: reading, YAML, schema, anchoring, every check, the briefing.

The fitted exponent is the least-squares slope of log(time) against log(size) over a sweep,
fitted on the medians (the fit on each point's fastest run is printed beside it): 1 is
linear, 2 quadratic. The goal is at most 1.1 for every sweep.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from pathlib import Path

from _report import heading, median, ms, ok, save_summary, slope, summary_row, table
from _synthetic import anchor_quotes, make_article, pick_quotes, run_pipeline, write_annotations

KIB = 1024
SIZES = (10, 32, 100, 320, 1024)  # KiB
FACTS = (100, 316, 1_000, 3_162, 10_000)
GOAL_EXPONENT = 1.1
SWEEPS = {
    "article size (100 facts)": [(s, 100) for s in SIZES],
    "facts (1 MiB article)": [(1024, f) for f in FACTS],
    "both (a fact per 100 bytes)": list(zip(SIZES, FACTS, strict=True)),
}


def label(size: int) -> str:
    return f"{size} KiB" if size < 1024 else f"{size // 1024} MiB"


def repeats(size: int, facts: int, quick: bool) -> int:
    if quick:
        return 1
    work = size / 100 + facts / 1000
    return 9 if work < 1 else 5 if work < 5 else 3


def measure_point(size: int, facts: int, seed: int, folder: Path, quick: bool,
                  articles: dict[int, str]) -> dict[str, float]:
    text = articles.setdefault(size, make_article(size * KIB, seed))
    quotes = pick_quotes(text, facts, seed)
    sub = folder / f"{size}-{facts}"
    sub.mkdir()
    path = write_annotations(sub, text, quotes, mixed=True)
    times = repeats(size, facts, quick)
    anchoring, validation = [], []
    for _ in range(times):
        gc.collect()
        structure, anchored = anchor_quotes(text, quotes)
        anchoring.append(structure + anchored)
        gc.collect()
        validation.append(run_pipeline(path, facts))
    return {"anchoring": median(anchoring), "validation": median(validation),
            "anchoring min": min(anchoring), "validation min": min(validation), "runs": times,
            "bytes": len(text.encode("utf-8"))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="three points per sweep (10 KiB, 100 KiB, 1 MiB), one repeat")
    parser.add_argument("--seed", type=int, default=1, help="article and quote seed (1)")
    parser.add_argument("--summary", default=None, help=argparse.SUPPRESS)  # for run_all.py
    args = parser.parse_args()
    sweeps = {name: [p for p in points
                     if not args.quick or (p[0] in (10, 100, 1024) and p[1] in (100, 1000, 10000))]
              for name, points in SWEEPS.items()}

    started = time.perf_counter()
    print(heading("Scaling: anchoring and validation, 10 KiB - 1 MiB, 100 - 10,000 facts"))
    results: dict[tuple[int, int], dict[str, float]] = {}
    articles: dict[int, str] = {}
    with tempfile.TemporaryDirectory(prefix="factsheet-scaling-") as tmp:
        folder = Path(tmp)
        measure_point(10, 20, args.seed, folder, True, {})  # warm-up: imports, validators
        for points in sweeps.values():
            for size, facts in points:
                if (size, facts) not in results:
                    results[(size, facts)] = measure_point(size, facts, args.seed, folder,
                                                           args.quick, articles)
    rows = []
    for (size, facts), r in sorted(results.items()):
        rows.append([label(size), f"{r['bytes']:,}", f"{facts:,}", str(int(r["runs"])),
                     ms(r["anchoring"]), ms(r["validation"]),
                     f"{1e6 * r['validation'] / facts:.0f}",
                     f"{1e9 * r['validation'] / r['bytes']:.0f}"])
    print(table(["article", "bytes", "facts", "runs", "(a) anchoring ms", "(b) validation ms",
                 "(b) µs/fact", "(b) ns/byte"], rows))
    print("(a) read_structure + ArticleText + anchor() per quote; (b) pipeline.process() on "
          "the YAML file; medians.")

    print(heading("Fitted exponents (slope of log time against log size; 1 = linear)"))
    exp_rows, exponents = [], {"anchoring": [], "validation": []}
    for name, points in sweeps.items():
        xs = [float(f if name.startswith("facts") else s) for s, f in points]
        cells = []
        for key in ("anchoring", "validation"):
            fitted = slope(xs, [results[p][key] for p in points])
            on_min = slope(xs, [results[p][f"{key} min"] for p in points])
            exponents[key].append(fitted if fitted is not None else float("nan"))
            cells += [f"{fitted:.2f}" if fitted is not None else "-",
                      f"{on_min:.2f}" if on_min is not None else "-"]
        met = all(round(e, 2) <= GOAL_EXPONENT for e in (exponents["anchoring"][-1],
                                                           exponents["validation"][-1]))
        exp_rows.append([name, str(len(points)), *cells, f"<= {GOAL_EXPONENT:g}", ok(met)])
    print(table(["sweep", "points", "(a) anchoring", "(a) on mins", "(b) validation",
                 "(b) on mins", "goal", "result"], exp_rows))
    print("Fitted on each point's median and judged on it; 'on mins' fits each point's "
          "fastest run instead.\nThe two disagree when other work on the machine slowed "
          "some points more than others. For 'both',\nthe x axis is the article size: bytes "
          "and facts grow together, so linear work in either gives 1.")
    summary = []
    for key, values in exponents.items():
        summary.append(summary_row(
            f"scaling exponent, {key} (size / facts / both)",
            " / ".join(f"{v:.2f}" for v in values), f"<= {GOAL_EXPONENT:g}",
            verdict=ok(all(round(v, 2) <= GOAL_EXPONENT for v in values))))
    save_summary(args.summary, summary)
    print(f"\n(total {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
