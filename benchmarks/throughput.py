"""Batch throughput and memory: generated briefings built as JSON, DOCX and PDF in one command.

    python benchmarks/throughput.py               # 1,000 briefings, --jobs 1 and --jobs 2
    python benchmarks/throughput.py --quick       # 100 briefings
    python benchmarks/throughput.py --count 400 --jobs 2
    python benchmarks/throughput.py --quick --profile   # and where a briefing's time goes

``generate.py`` writes ``--count`` realistic stories (600-1,200 words, 8-20 parties, 3-8
statistics, half with a photo) into a temporary folder. Then, for each ``--jobs`` value,
``factsheet build FOLDER -o OUT --format all --jobs N`` runs as a subprocess, as a user
would run it, and this script:

- times it from start to exit (interpreter start, imports, worker start-up included):
  briefings per second = count / wall time;
- estimates the rate without start-up: the same command on N inputs (one per job; the
  median of 3 runs) costs start-up plus one briefing per job, so the rest of the batch,
  count - N briefings, took (wall - that) seconds;
- reads the CPU time the build and its workers used (user + system, from ``/proc`` at
  each sample, so up to one interval per process is missed), per briefing;
- every ``--interval`` seconds (0.1) reads VmRSS and VmHWM from ``/proc`` for the build
  process and every process under it (the fork server, the workers that build the
  briefings, the resource tracker). Per process it reports the RSS once the first 10% of
  its life has passed, the peak (the larger of the sampled maximum and VmHWM) and the RSS
  at its last sample, and the growth from the first to the last. A process "stays flat"
  when it ends at most 15% above where it was after its first 10%.
- checks the output: one ``.briefing.json``, ``.docx`` and ``.pdf`` per input, exit code 0.

The builds use a private ``.pyc`` cache (``PYTHONPYCACHEPREFIX``), filled by the start-up
runs, so that no figure includes compiling modules that are being edited.

Goals: at least 40 briefings per second with 2 jobs; for every process that builds
briefings (the workers; the build process itself with one job) memory under 200 MB
(10^6 bytes) and flat. ``--profile`` builds ``--profile-count`` stories (100) in this
process under pyinstrument and splits the time by stage (see ``_stages.py``).
The temporary folders are removed at the end, also after an error or Ctrl-C.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from _report import heading, median, ok, save_summary, summary_row, summary_table, table
from cold_start import console_script
from generate import describe, generate

GOAL_RATE = 40.0  # briefings per second, with 2 jobs
GOAL_JOBS = 2
GOAL_MB = 200.0  # per process, 10^6 bytes
FLAT = 0.15  # the most a process may grow from its first 10% to its end
MB = 1e6


@dataclass
class Proc:
    """One process of the build, sampled over time."""

    pid: int
    parent: int
    cmdline: str
    samples: list[tuple[float, float]] = field(default_factory=list)  # (seconds, RSS bytes)
    hwm: float = 0.0  # VmHWM at the last sample, bytes
    cpu: float = 0.0  # user + system seconds at the last sample
    role: str = ""

    @property
    def lifetime(self) -> float:
        return self.samples[-1][0] - self.samples[0][0] if self.samples else 0.0

    def at_tenth(self) -> float:
        """RSS once the first 10% of the process's sampled life has passed."""
        first = self.samples[0][0] + 0.1 * self.lifetime
        return next(rss for t, rss in self.samples if t >= first)

    @property
    def peak(self) -> float:
        return max(self.hwm, max(rss for _, rss in self.samples))

    @property
    def end(self) -> float:
        return self.samples[-1][1]

    @property
    def growth(self) -> float:
        return self.end / self.at_tenth() - 1


@dataclass
class Run:
    jobs: int | None  # None: the build has no --jobs option
    count: int
    wall: float = 0.0
    cpu: float = 0.0
    startup: float | None = None  # the same command on one input per job
    code: int = 0
    root: int = 0  # the build process
    procs: dict[int, Proc] = field(default_factory=dict)
    outputs: dict[str, int] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return f"--jobs {self.jobs}" if self.jobs else "serial (no --jobs)"

    @property
    def rate(self) -> float:
        return self.count / self.wall

    @property
    def marginal(self) -> float | None:
        if self.startup is None:
            return None
        done = self.count - (self.jobs or 1)
        return done / (self.wall - self.startup) if self.wall > self.startup else None

    def builders(self) -> list[Proc]:
        """The processes that build briefings: workers, or the build process itself."""
        workers = [p for p in self.procs.values() if p.role == "worker"]
        return workers or [p for p in self.procs.values() if p.role == "build"]


# -- /proc ------------------------------------------------------------------------------------


TICK = os.sysconf("SC_CLK_TCK")


def _stats() -> dict[int, tuple[int, float]]:
    """Every process's parent and CPU time so far (user + system seconds), from /proc."""
    found = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        # After the name: state, ppid, ..., utime (12th), stime (13th), in clock ticks.
        found[int(entry.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK)
    return found


def descendants(root: int) -> dict[int, tuple[int, float]]:
    """``root`` and every process under it, each with its parent and CPU seconds."""
    stats = _stats()
    children: dict[int, list[int]] = {}
    for pid, (parent, _) in stats.items():
        children.setdefault(parent, []).append(pid)
    found, todo = {}, [root]
    if root in stats:
        found[root] = stats[root]
    while todo:
        for child in children.get(todo.pop(), ()):
            found[child] = stats[child]
            todo.append(child)
    return found


def memory(pid: int) -> tuple[float, float] | None:
    """(VmRSS, VmHWM) of ``pid`` in bytes, or None when it has gone."""
    try:
        with open(f"/proc/{pid}/status", "rb") as status:
            text = status.read()
    except OSError:
        return None
    values = {}
    for line in text.splitlines():
        if line.startswith((b"VmRSS:", b"VmHWM:")):
            values[line[:5]] = float(line.split()[1]) * 1024
    if b"VmRSS" not in values:  # a zombie has no memory lines
        return None
    return values[b"VmRSS"], values.get(b"VmHWM", 0.0)


def cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as source:
            return source.read().replace(b"\0", b" ").decode(errors="replace").strip()
    except OSError:
        return ""


def name_roles(procs: dict[int, Proc], root: int) -> None:
    """build, fork server, worker, resource tracker, or child."""
    servers = set()
    for proc in procs.values():
        if proc.pid == root:
            proc.role = "build"
        elif "resource_tracker" in proc.cmdline:
            proc.role = "resource tracker"
        elif "forkserver" in proc.cmdline and proc.parent == root:
            proc.role = "fork server"
            servers.add(proc.pid)
    for proc in procs.values():
        if not proc.role:
            builds_for = proc.parent in servers or (proc.parent == root and not servers)
            proc.role = "worker" if builds_for else "child"


# -- running a build ----------------------------------------------------------------------------


def build_argv(cli: list[str], folder: Path, out: Path, jobs: int | None) -> list[str]:
    return [*cli, "build", str(folder), "-o", str(out), "--format", "all",
            *(["--jobs", str(jobs)] if jobs else [])]


def build_env(work: Path) -> dict[str, str]:
    """The environment for the builds: a private .pyc cache that the start-up runs fill, so
    that no run compiles modules (as cold_start.py does when sources are being edited)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    return env


def run_build(argv: list[str], log: Path, interval: float, run: Run | None = None) -> float:
    """Run ``argv``; return its wall time. With ``run``, sample memory into it as well."""
    with open(log, "wb") as errors:
        started = time.perf_counter()
        process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=errors,
                                   env=build_env(log.parent))
        if run is not None:
            run.root = process.pid
        finished: list[float] = []
        waiter = threading.Thread(target=lambda: (process.wait(),
                                                  finished.append(time.perf_counter())))
        waiter.start()
        try:
            while run is not None and waiter.is_alive():
                tick = time.perf_counter()
                sample(process.pid, run, tick - started)
                time.sleep(max(0.0, interval - (time.perf_counter() - tick)))
            waiter.join()
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    wall = finished[0] - started
    if run is not None:
        # Seen in /proc: each process's last sample misses at most one interval of its work.
        run.cpu = sum(proc.cpu for proc in run.procs.values())
        run.code = process.returncode
        run.wall = wall
    elif process.returncode:
        raise SystemExit(f"{' '.join(argv)} failed (exit {process.returncode}); see {log}")
    return wall


def sample(root: int, run: Run, now: float) -> None:
    for pid, (parent, cpu) in descendants(root).items():
        found = memory(pid)
        if found is None:
            continue
        proc = run.procs.get(pid)
        if proc is None:
            proc = run.procs[pid] = Proc(pid, parent, cmdline(pid))
        proc.samples.append((now, found[0]))
        proc.hwm = max(proc.hwm, found[1])
        proc.cpu = cpu


def count_outputs(out: Path) -> dict[str, int]:
    counts = {".briefing.json": 0, ".docx": 0, ".pdf": 0}
    for entry in os.scandir(out):
        for suffix in counts:
            if entry.name.endswith(suffix):
                counts[suffix] += 1
    return counts


def has_jobs_option(cli: list[str]) -> bool:
    done = subprocess.run([*cli, "build", "--help"], capture_output=True, text=True,
                          check=False, env={**os.environ, "COLUMNS": "200"})
    return "--jobs" in done.stdout


def measure(cli: list[str], folder: Path, work: Path, count: int, jobs: int | None,
            interval: float) -> Run:
    run = Run(jobs, count)
    # Start-up plus one briefing per job: the same command on one input per job.
    few = work / f"few-{jobs}"
    few.mkdir()
    for path in sorted(folder.glob("*.yaml"))[:jobs or 1]:
        for sibling in (path, path.with_suffix(".txt")):
            shutil.copyfile(sibling, few / sibling.name)
    if (folder / "signing.jpg").exists():
        shutil.copyfile(folder / "signing.jpg", few / "signing.jpg")
    out = work / "out"
    run.startup = median([run_build(build_argv(cli, few, out / "few", jobs),
                                    work / "startup.log", interval) for _ in range(3)])
    # The batch itself.
    run_build(build_argv(cli, folder, out / "all", jobs), work / "build.log", interval, run)
    run.outputs = count_outputs(out / "all")
    name_roles(run.procs, run.root)
    shutil.rmtree(out)
    return run


# -- the report -------------------------------------------------------------------------------


def speed_table(runs: list[Run]) -> str:
    rows = []
    for r in runs:
        marginal = r.marginal
        rows.append([r.label, f"{r.count:,}", f"{r.wall:.1f}", f"{r.rate:.1f}",
                     f"{r.startup:.2f}" if r.startup is not None else "-",
                     f"{marginal:.1f}" if marginal else "-",
                     f"{1000 * r.cpu / r.count:.0f}", f"{r.cpu / r.wall:.2f}",
                     "/".join(str(r.outputs.get(s, 0)) for s in (".briefing.json", ".docx",
                                                                  ".pdf")),
                     str(r.code)])
    return table(["build", "briefings", "wall s", "per s", "start-up s", "per s w/o start-up",
                  "CPU ms each", "cores busy", "json/docx/pdf", "exit"], rows)


def memory_table(runs: list[Run]) -> str:
    rows = []
    for r in runs:
        builders = {p.pid for p in r.builders()}
        for proc in sorted(r.procs.values(), key=lambda p: p.samples[0][0]):
            if not proc.samples:
                continue
            judged = proc.pid in builders
            rows.append([r.label, proc.role + (" *" if judged else ""), str(proc.pid),
                         f"{proc.lifetime:.1f}", str(len(proc.samples)),
                         f"{proc.at_tenth() / MB:.0f}", f"{proc.peak / MB:.0f}",
                         f"{proc.end / MB:.0f}", f"{100 * proc.growth:+.0f}%",
                         ok(proc.growth <= FLAT) if judged else "-",
                         ok(proc.peak < GOAL_MB * MB) if judged else "-"])
    return table(["build", "process", "pid", "alive s", "samples", "MB at 10%", "peak MB",
                  "end MB", "growth", "flat", f"< {GOAL_MB:g} MB"], rows)


def summary(runs: list[Run], jobs_missing: bool) -> list[list[str]]:
    rows = []
    for r in runs:
        goal = r.jobs == GOAL_JOBS
        rows.append(summary_row(
            f"batch {r.label}, {r.count:,} briefings (incl. start-up)", f"{r.rate:.1f} /s",
            f">= {GOAL_RATE:g} /s" if goal else "-", verdict=ok(r.rate >= GOAL_RATE)
            if goal else "info"))
        if r.marginal:
            rows.append(summary_row(f"batch {r.label}, without start-up",
                                    f"{r.marginal:.1f} /s"))
        builders = r.builders()
        if builders:
            peak = max(p.peak for p in builders)
            growth = max(p.growth for p in builders)
            who = "per worker" if builders[0].role == "worker" else "build process"
            rows.append(summary_row(f"memory {who}, {r.label}: peak RSS", f"{peak / MB:.0f} MB",
                                    f"< {GOAL_MB:g} MB", verdict=ok(peak < GOAL_MB * MB)))
            rows.append(summary_row(f"memory {who}, {r.label}: growth 10% -> end",
                                    f"{100 * growth:+.0f}%", f"<= +{100 * FLAT:.0f}%",
                                    verdict=ok(growth <= FLAT)))
    if jobs_missing:
        rows.append(summary_row(f"batch --jobs {GOAL_JOBS}", "not measured",
                                f">= {GOAL_RATE:g} /s", verdict="MISSED (no --jobs)"))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=None, help="briefings (1000)")
    parser.add_argument("--quick", action="store_true", help="100 briefings")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2],
                        help="--jobs values to run (1 2)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the stories (1)")
    parser.add_argument("--interval", type=float, default=0.1,
                        help="seconds between memory samples (0.1)")
    parser.add_argument("--profile", action="store_true",
                        help="also profile a serial build in this process (pyinstrument)")
    parser.add_argument("--profile-count", type=int, default=100,
                        help="stories in the profiled build (100)")
    parser.add_argument("--summary", default=None, help=argparse.SUPPRESS)  # for run_all.py
    args = parser.parse_args()
    count = args.count or (100 if args.quick else 1000)

    cli = console_script()
    jobs_missing = not has_jobs_option(cli)
    print(heading(f"Batch build: {count:,} generated briefings, JSON + DOCX + PDF"))
    if jobs_missing:
        print("WARNING: 'factsheet build' has no --jobs option here: measuring the plain "
              "build once, and the --jobs goal cannot be judged.")
    with tempfile.TemporaryDirectory(prefix="factsheet-throughput-") as tmp:
        work = Path(tmp)
        started = time.perf_counter()
        paths = generate(work / "in", count, args.seed)
        print(f"{count:,} stories generated in {time.perf_counter() - started:.1f} s (seed "
              f"{args.seed}): {describe(paths)}")
        print(f"{' '.join(build_argv(cli, Path('IN'), Path('OUT'), None))} [--jobs N]; "
              f"python {sys.version.split()[0]}; {os.cpu_count()} CPUs; memory sampled every "
              f"{args.interval:g} s")
        runs = []
        for jobs in ([None] if jobs_missing else args.jobs):
            sys.stdout.flush()
            runs.append(measure(cli, work / "in", work, count, jobs, args.interval))
        print()
        print(speed_table(runs))
        print("per s w/o start-up: (briefings - jobs) / (wall - start-up), where start-up is "
              "the median wall time of\nthe same command on one input per job. cores busy: "
              "CPU time / wall time.")
        print(heading("Memory per process (RSS, MB = 10^6 bytes)"))
        print(memory_table(runs))
        print("* builds briefings: judged against the goals. MB at 10%: RSS once 10% of the "
              "process's life had passed;\npeak: the larger of the sampled maximum and VmHWM; "
              f"flat: end <= MB at 10% + {100 * FLAT:.0f}%.")
        broken = [r for r in runs if r.code or set(r.outputs.values()) != {count}]
        rows = summary(runs, jobs_missing)
        print(heading("Goals"))
        print(summary_table(rows))
        save_summary(args.summary, rows)
        if args.profile:
            from _stages import profile_build

            print(profile_build(work / "in", args.profile_count))
    for r in broken:
        print(f"BROKEN: {r.label} exited {r.code} with outputs {r.outputs}", file=sys.stderr)
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
