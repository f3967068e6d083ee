"""Cold-start time of the ``factsheet`` command: every run is a fresh interpreter.

    python benchmarks/cold_start.py            # 20 runs of each command
    python benchmarks/cold_start.py --runs 50
    python benchmarks/cold_start.py --quick    # 5 runs, for a smoke test

Prints median / min / max wall time per command against the goals (``--help`` under
0.15 s, ``validate`` on an example under 0.3 s), then the modules that cost most to import
for ``factsheet validate`` (from ``python -X importtime``). Commands are run round-robin so
that a burst of load on a shared machine spreads over all of them instead of one.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from _report import heading, median, ms, ok, save_summary, summary_row, table

ROOT = Path(__file__).resolve().parent.parent
HELP_GOAL = 0.15
VALIDATE_GOAL = 0.30
ANNOTATION_SUFFIXES = (".yaml", ".yml", ".json", ".xml", ".html", ".htm")
MAIN_EXAMPLE = Path("examples/danube/danube-pact.yaml")  # the one the goal names


@dataclass
class Command:
    label: str
    argv: list[str]
    goal: float | None
    times: list[float] = field(default_factory=list)
    codes: set[int] = field(default_factory=set)


def console_script() -> list[str]:
    """The ``factsheet`` script installed next to this interpreter, else ``python -m``."""
    folder = Path(sys.executable).parent
    found = shutil.which("factsheet", path=str(folder))
    return [found] if found else [sys.executable, "-m", "factsheet"]


def examples() -> list[Path]:
    """Annotation files under examples/*/: the goal's example, other YAML, other formats."""
    found = [p for p in sorted((ROOT / "examples").glob("*/*"))
             if p.suffix.lower() in ANNOTATION_SUFFIXES]
    return sorted(found, key=lambda p: (p != ROOT / MAIN_EXAMPLE,
                                        p.suffix.lower() not in (".yaml", ".yml"), str(p)))


def commands() -> list[Command]:
    script = console_script()
    shown = "factsheet" if len(script) == 1 else "python -m factsheet (no script found)"
    result = [
        Command("python -c pass (interpreter floor)", [sys.executable, "-c", "pass"], None),
        Command("python -m factsheet --help", [sys.executable, "-m", "factsheet", "--help"],
                HELP_GOAL),
        Command(f"{shown} --help", [*script, "--help"], HELP_GOAL),
    ]
    for path in examples():
        relative = path.relative_to(ROOT)
        result.append(Command(f"{shown} validate {relative}",
                              [*script, "validate", str(relative)], VALIDATE_GOAL))
    return result


_STALE_CHECK = """
import importlib.util, os, runpy, sys
sys.argv = ["factsheet", *sys.argv[1:]]
try:
    runpy.run_module("factsheet", run_name="__main__")
except SystemExit:
    pass
stale = []
for name, module in list(sys.modules.items()):
    path = getattr(module, "__file__", None)
    spec = getattr(module, "__spec__", None)
    if not path or not path.endswith(".py") or spec is None or not spec.has_location:
        continue  # frozen and built-in modules are never compiled
    cached = importlib.util.cache_from_source(path)
    if not os.path.exists(cached) or os.path.getmtime(cached) < os.path.getmtime(path):
        stale.append(name)
sys.stderr.write("\\nSTALE " + " ".join(sorted(stale)) + "\\n")
"""


def stale_modules(argv: list[str], env: dict[str, str]) -> list[str]:
    """Modules the command imports that have no up-to-date .pyc (compiled on every run)."""
    done = subprocess.run([sys.executable, "-c", _STALE_CHECK, *argv], cwd=ROOT, env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          check=False)
    for line in done.stderr.splitlines():
        if line.startswith("STALE"):
            return line.split()[1:]
    return []


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start, done.returncode


def measure(cmds: list[Command], runs: int, warmup: int, env: dict[str, str]) -> None:
    for _ in range(warmup):  # fills the OS file cache and the .pyc cache; not counted
        for cmd in cmds:
            run_once(cmd.argv, env)
    for _ in range(runs):
        for cmd in cmds:
            elapsed, code = run_once(cmd.argv, env)
            cmd.times.append(elapsed)
            cmd.codes.add(code)


def verdict(cmd: Command) -> str:
    if cmd.goal is None:
        return "-"
    if sorted(cmd.codes - {0, 1}):  # 1 = the input has errors: still a complete run
        return f"BROKEN (exit {sorted(cmd.codes)})"
    return "PASS" if median(cmd.times) < cmd.goal else "FAIL"


def timing_table(cmds: list[Command]) -> str:
    rows = [[c.label, ms(median(c.times)), ms(min(c.times)), ms(max(c.times)),
             ms(c.goal) if c.goal is not None else "-", verdict(c)] for c in cmds]
    return table(["command", "median ms", "min ms", "max ms", "goal ms", "result"], rows)


def summary(cmds: list[Command]) -> list[list[str]]:
    """The goals' rows for run_all.py: the console script's --help and validate on the
    goal's example."""
    rows = []
    for cmd in cmds[2:]:
        if cmd.label.endswith("--help") or cmd.label.endswith(str(MAIN_EXAMPLE)):
            state = verdict(cmd)
            rows.append(summary_row(f"cold start: {cmd.label.split(' (')[0]}",
                                    f"{ms(median(cmd.times))} ms", f"< {ms(cmd.goal or 0)} ms",
                                    verdict=ok(state == "PASS") if not state.startswith(
                                        "BROKEN") else state))
    return rows


_IMPORT_LINE = re.compile(r"^import time:\s+(\d+)\s+\|\s+(\d+)\s+\|( *)(\S+)\s*$")


def import_times(argv: list[str], runs: int, env: dict[str, str]
                 ) -> dict[str, tuple[float, float, int]]:
    """Median self and cumulative import time (seconds) and depth of each module."""
    samples: dict[str, list[tuple[int, int]]] = defaultdict(list)
    depth: dict[str, int] = {}
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-X", "importtime", *argv], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                              check=False)
        for line in done.stderr.splitlines():
            found = _IMPORT_LINE.match(line)
            if found:
                name = found[4]
                samples[name].append((int(found[1]), int(found[2])))
                depth[name] = len(found[3]) // 2
    return {name: (median([s for s, _ in values]) / 1e6, median([c for _, c in values]) / 1e6,
                   depth[name]) for name, values in samples.items()}


def import_report(argv: list[str], runs: int, top: int, env: dict[str, str]) -> str:
    found = import_times(argv, runs, env)
    if not found:
        return "(no -X importtime output)"
    total = sum(self_ for self_, _, _ in found.values())
    by_cumulative = sorted(found.items(), key=lambda item: item[1][1], reverse=True)[:top]
    rows = [[("  " * d) + name, ms(cum), ms(self_)] for name, (self_, cum, d) in by_cumulative]
    packages: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    for name, (self_, _, _) in found.items():
        root = name.split(".")[0]
        packages[root] += self_
        counts[root] += 1
    by_package = sorted(packages.items(), key=lambda item: item[1], reverse=True)[:top]
    package_rows = [[name, counts[name], ms(t), f"{100 * t / total:.0f}%"]
                    for name, t in by_package]
    return "\n".join([
        f"Top {top} modules by cumulative import time (median of {runs} runs; "
        "indent = nesting):",
        table(["module", "cumulative ms", "self ms"], rows),
        "",
        f"Top {top} top-level packages by summed self time (all imports: "
        f"{len(found)} modules, {ms(total)} ms):",
        table(["package", "modules", "self ms", "share"], package_rows),
    ])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20, help="timed runs per command (20)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs first (1)")
    parser.add_argument("--import-runs", type=int, default=5,
                        help="-X importtime runs to take medians over (5)")
    parser.add_argument("--top", type=int, default=10, help="rows in the import tables (10)")
    parser.add_argument("--pycache", choices=("auto", "private", "as-is"), default="auto",
                        help="auto (default): if some imported module has no up-to-date .pyc, "
                        "measure with a private .pyc cache (PYTHONPYCACHEPREFIX) filled by the "
                        "warm-up run; private: always; as-is: never")
    parser.add_argument("--quick", action="store_true", help="5 runs, 3 importtime runs")
    parser.add_argument("--summary", default=None, help=argparse.SUPPRESS)  # for run_all.py
    args = parser.parse_args()
    if args.quick:
        args.runs, args.import_runs = min(args.runs, 5), min(args.import_runs, 3)
    with tempfile.TemporaryDirectory(prefix="factsheet-pyc-") as private:
        return run(args, private)


def run(args: argparse.Namespace, private: str) -> int:

    cmds = commands()
    print(heading("Cold start: fresh process per run"))
    print(f"python {sys.version.split()[0]} at {sys.executable}; {os.cpu_count()} CPUs; "
          f"{args.runs} timed runs per command after {args.warmup} warm-up, round-robin; "
          "wall time of the whole subprocess")
    first = examples()
    probe = ["validate", str(first[0].relative_to(ROOT))] if first else ["--help"]
    env = dict(os.environ)
    stale = stale_modules(probe, env)
    if stale:
        print(f"{len(stale)} imported modules have no up-to-date .pyc"
              f"{' (PYTHONDONTWRITEBYTECODE is set)' if env.get('PYTHONDONTWRITEBYTECODE') else ''}"
              f": {' '.join(stale[:6])}{' ...' if len(stale) > 6 else ''}")
    if args.pycache == "private" or (stale and args.pycache == "auto"):
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = private
        print("Measuring with a private .pyc cache that the warm-up run fills, as an installed "
              "copy would have (--pycache as-is to measure without).")
        args.warmup = max(args.warmup, 1)
    measure(cmds, args.runs, args.warmup, env)
    stale = stale_modules(probe, env)
    if stale:
        print(f"WARNING: {len(stale)} modules were compiled on every run, so the figures are "
              f"too high: {' '.join(stale[:6])}{' ...' if len(stale) > 6 else ''}")
    print(timing_table(cmds))
    save_summary(args.summary, summary(cmds))
    missing = [c for c in cmds if c.goal is not None and verdict(c) == "FAIL"]
    print(f"\n{len(missing)} of {sum(c.goal is not None for c in cmds)} goals missed "
          "(judged on the median)." if missing else "\nAll goals met (judged on the median).")

    if first:
        target = ["-m", "factsheet", "validate", str(first[0].relative_to(ROOT))]
        print(heading(f"Import cost of python -m factsheet validate "
                      f"{first[0].relative_to(ROOT)}"))
        print(import_report(target, args.import_runs, args.top, env))
    return 0


if __name__ == "__main__":
    sys.exit(main())
