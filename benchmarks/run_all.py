"""Run every benchmark, print all their tables, then one summary table of the goals.

    python benchmarks/run_all.py             # full run (about ten minutes on 2 cores)
    python benchmarks/run_all.py --quick     # smoke run (about two minutes)
    python benchmarks/run_all.py --profile   # and where the time goes
    python benchmarks/run_all.py --skip throughput anchoring

Each benchmark runs as its own process with this interpreter, one after the other, so that
they do not compete for the CPU: cold start, rendering against the peers, scaling,
anchoring, batch throughput. Each one appends its goal rows to a temporary file; the summary
at the end gathers them: measure, our figure, the goal, the peer's figure, our time / the
peer's, and the verdict (ok, MISSED, or info where there is no goal). Missed goals are
printed, not turned into an exit code; the exit code is non-zero only when a benchmark
itself breaks.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _report import heading, load_summary, summary_table

HERE = Path(__file__).resolve().parent
BENCHMARKS = ("cold_start", "render", "scaling", "anchoring", "throughput")


def machine() -> str:
    """CPU model, cores and Python version, for the record."""
    model = platform.processor() or "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            model = next(line.split(":", 1)[1].strip() for line in info
                         if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return (f"{model}, {os.cpu_count()} CPUs; Python {platform.python_version()}; "
            f"{platform.system()} {platform.release()}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, cases and briefings")
    parser.add_argument("--runs", type=int, default=None,
                        help="timed runs per command or method (cold start, render)")
    parser.add_argument("--seed", type=int, default=None, help="seed of the synthetic content")
    parser.add_argument("--count", type=int, default=None,
                        help="briefings in the throughput benchmark (1000; 100 with --quick)")
    parser.add_argument("--profile", action="store_true",
                        help="also print where the time goes (anchoring, rendering, batch)")
    parser.add_argument("--skip", nargs="+", choices=BENCHMARKS, default=[],
                        help="benchmarks to leave out")
    args = parser.parse_args()

    quick = ["--quick"] if args.quick else []
    runs = ["--runs", str(args.runs)] if args.runs else []
    seed = ["--seed", str(args.seed)] if args.seed is not None else []
    profile = ["--profile"] if args.profile else []
    extra = {
        "cold_start": [*quick, *runs],
        "render": [*quick, *runs, *profile],
        "scaling": [*quick, *seed],
        "anchoring": [*quick, *seed, *profile],
        "throughput": [*quick, *seed, *profile,
                       *(["--count", str(args.count)] if args.count else [])],
    }
    print(heading("factsheet benchmarks"))
    print(machine())
    failed = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="factsheet-bench-") as tmp:
        summary = Path(tmp) / "summary.jsonl"
        summary.touch()
        for name in BENCHMARKS:
            if name in args.skip:
                continue
            sys.stdout.flush()
            done = subprocess.run([sys.executable, str(HERE / f"{name}.py"), *extra[name],
                                   "--summary", str(summary)], check=False)
            if done.returncode:
                failed.append(f"{name}.py (exit {done.returncode})")
        rows = load_summary(str(summary))
    print(heading("Summary (ratio: our time / the peer's time)"))
    print(machine())
    print(summary_table(rows) if rows else "(no figures)")
    missed = sum(row[-1].startswith("MISSED") for row in rows)
    print(f"\n{missed} goal{'s' if missed != 1 else ''} missed; all benchmarks: "
          f"{time.perf_counter() - started:.0f} s"
          + (f"; BROKEN: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
