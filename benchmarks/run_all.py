"""Run every benchmark and print all their tables.

    python benchmarks/run_all.py            # full run (about four minutes on 2 cores)
    python benchmarks/run_all.py --quick    # smoke run (about 50 s)

Each benchmark runs as its own process with this interpreter, one after the other, so that
they do not compete for the CPU. Missed goals are printed, not turned into an exit code; the
exit code is non-zero only when a benchmark itself breaks.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs and cases")
    parser.add_argument("--runs", type=int, default=None, help="cold-start runs per command")
    parser.add_argument("--seed", type=int, default=None, help="seed of the synthetic articles")
    parser.add_argument("--profile", action="store_true",
                        help="also print where the time goes in the largest anchoring case "
                        "and in the PDF render")
    args = parser.parse_args()

    quick = ["--quick"] if args.quick else []
    cold = [*quick, *(["--runs", str(args.runs)] if args.runs else [])]
    anchoring = [*quick, *(["--seed", str(args.seed)] if args.seed is not None else []),
                 *(["--profile"] if args.profile else [])]
    failed = []
    started = time.perf_counter()
    for script, extra in (("cold_start.py", cold), ("anchoring.py", anchoring),
                          ("docx.py", quick),
                          ("pdf.py", [*quick, *(["--profile"] if args.profile else [])])):
        sys.stdout.flush()
        done = subprocess.run([sys.executable, str(HERE / script), *extra], check=False)
        if done.returncode:
            failed.append(f"{script} (exit {done.returncode})")
    print(f"\nall benchmarks: {time.perf_counter() - started:.0f} s"
          + (f"; BROKEN: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
