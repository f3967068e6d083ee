"""``factsheet build`` on many inputs: parallel workers, names, order, and SIGKILL safety."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from factsheet import batch
from factsheet.cli import app
from factsheet.output import sweep

DANUBE = Path(__file__).parent.parent / "examples" / "danube"


def factsheet(*args: str) -> tuple[str, int]:
    """Run ``factsheet ARGS`` in-process; return (stderr, exit code)."""
    result = CliRunner().invoke(app, list(args), prog_name="factsheet",
                                env={"FACTSHEET_DEBUG": None})
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.stderr, result.exit_code


def inputs(folder: Path, count: int, title: str | None = None) -> Path:
    """``count`` copies of the Danube example, named a01.yaml…, sharing one article;
    ``title`` replaces the article's title."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("danube-pact.txt", "signing.jpg"):
        shutil.copyfile(DANUBE / name, folder / name)
    text = (DANUBE / "danube-pact.yaml").read_text(encoding="utf-8")
    if title is not None:
        text = text.replace("    title: Danube states agree", f"    title: {title}", 1)
    for n in range(1, count + 1):
        (folder / f"a{n:02}.yaml").write_text(text, encoding="utf-8")
    return folder


def contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_two_jobs_write_the_same_bytes_as_one(tmp_path: Path) -> None:
    source = inputs(tmp_path / "in", 5)
    (source / "bad.yaml").write_text("factsheet: 1\narticles: []\n", encoding="utf-8")
    serial_log, serial_code = factsheet("build", str(source), "-o", str(tmp_path / "one"),
                                        "-j", "1")
    parallel_log, parallel_code = factsheet("build", str(source), "-o", str(tmp_path / "two"),
                                            "-j", "2")
    assert serial_code == parallel_code == 1  # bad.yaml failed, the others were built
    assert contents(tmp_path / "one") == contents(tmp_path / "two")
    assert len(contents(tmp_path / "two")) == 15
    # The log is in input order whichever worker finished first: only the timing differs.
    assert serial_log.split("inputs")[0] == parallel_log.split("inputs")[0].replace(
        "/two/", "/one/")


def test_inputs_with_the_same_name_get_distinct_outputs(tmp_path: Path) -> None:
    for folder in ("x", "y"):
        inputs(tmp_path / folder, 1)
    log, code = factsheet("build", str(tmp_path / "x"), str(tmp_path / "y"), "-o",
                          str(tmp_path / "out"), "-f", "json", "-j", "2")
    assert code == 0, log
    assert sorted(contents(tmp_path / "out")) == ["a01-2.briefing.json", "a01.briefing.json"]
    assert f"wrote {tmp_path}/out/a01.briefing.json\n" in log


def test_a_glob_selects_inputs_and_quiet_prints_only_the_summary(tmp_path: Path) -> None:
    source = inputs(tmp_path / "in", 3)
    log, code = factsheet("build", f"{source}/a0[12].yaml", "-o", str(tmp_path / "out"),
                          "-f", "json", "-q")
    assert code == 0
    assert "wrote" not in log
    assert log.count("warning FS407") == 2  # diagnostics are still printed
    assert log.splitlines()[-1].split()[:4] == ["2", "2", "2", "0"]  # all with warnings
    assert sorted(contents(tmp_path / "out")) == ["a01.briefing.json", "a02.briefing.json"]


class _DyingStyle:
    """A style whose layout kills the worker process, as an out-of-memory kill would."""

    def document(self, briefing: object) -> object:
        os._exit(9)


def test_a_worker_that_dies_fails_its_inputs_not_the_batch(tmp_path: Path) -> None:
    source = inputs(tmp_path / "in", 3)
    settings = batch.Settings(output=tmp_path / "out", formats=("docx",), style=_DyingStyle())
    outcomes = list(batch.run([(p, p.stem) for p in sorted(source.glob("*.yaml"))],
                              settings, jobs=2))
    assert sorted(o.index for o in outcomes) == [0, 1, 2]
    assert all(not o.built and "worker process died" in (o.error or "") for o in outcomes)
    assert not (tmp_path / "out").exists()


def test_sweep_removes_only_leftovers_no_one_is_writing(tmp_path: Path) -> None:
    dead = tmp_path / ".a.docx.4242.k2j4.part"
    busy = tmp_path / ".b.docx.4243.k2j4.part"
    other = tmp_path / ".notes.part"
    for path in (dead, busy, other):
        path.write_bytes(b"partial")
    with busy.open("rb") as held:
        import fcntl

        fcntl.flock(held.fileno(), fcntl.LOCK_EX)  # as a live build holds its temporary file
        # flock locks belong to the open file, so a second open in this process conflicts
        assert sweep(tmp_path) == [dead]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([busy.name, other.name])


def opens(path: Path) -> None:
    """Fail unless ``path`` is a complete file of its kind."""
    name = path.name
    if name.endswith(".json"):
        json.loads(path.read_bytes())
    elif name.endswith(".docx"):
        with zipfile.ZipFile(path) as package:
            assert package.testzip() is None
            assert b"<w:body>" in package.read("word/document.xml")
    elif name.endswith(".pdf"):
        assert len(PdfReader(path).pages) >= 1
    else:
        raise AssertionError(f"unexpected file {name}")


@pytest.mark.skipif(sys.platform == "win32", reason="process groups and SIGKILL are POSIX")
def test_a_batch_killed_at_any_moment_leaves_only_complete_files(tmp_path: Path) -> None:
    source = inputs(tmp_path / "in", 12)
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    command = [sys.executable, "-m", "factsheet", "build", str(source), "-j", "2", "-q"]
    # Earlier good outputs, and what the killed run would write after the inputs changed:
    # every file left must be exactly one or the other.
    subprocess.run([*command, "-o", str(out)], check=True, capture_output=True)
    old = contents(out)
    inputs(source, 12, title="Revised text, Danube states agree")
    subprocess.run([*command, "-o", str(fresh)], check=True, capture_output=True)
    new = contents(fresh)
    assert len(old) == len(new) == 36 and all(old[name] != new[name] for name in old)

    for replaced_before_kill in (0, 1, 7, 20):
        shutil.rmtree(out)
        out.mkdir()
        for name, data in old.items():
            (out / name).write_bytes(data)
            os.utime(out / name, ns=(10**18, 10**18))
        run = subprocess.Popen([*command, "-o", str(out)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
        # Kill once that many outputs were replaced (a replaced file has a new time), so that
        # some files are new, some old, and a worker is likely halfway through a write.
        deadline = time.perf_counter() + 60
        while (sum(p.stat().st_mtime_ns != 10**18 for p in out.iterdir()
                   if not p.name.startswith(".")) < replaced_before_kill
               and run.poll() is None and time.perf_counter() < deadline):
            time.sleep(0.002)
        os.killpg(run.pid, signal.SIGKILL)  # the command and its workers, with no warning
        run.wait()
        left = contents(out)
        visible = {name: data for name, data in left.items() if not name.startswith(".")}
        assert sorted(visible) == sorted(old)  # nothing lost, nothing half-named
        for name, data in visible.items():
            assert data in (old[name], new[name]), f"{name} is neither version"
            opens(out / name)
        replaced = sum(data == new[name] for name, data in visible.items())
        assert replaced_before_kill <= replaced < len(visible), (replaced_before_kill, replaced)
        # Hidden temporary files may be left by the kill; the next build clears them.
        for name in set(left) - set(visible):
            assert name.endswith(".part"), name
        subprocess.run([*command, "-o", str(out), "-f", "json"], check=True,
                       capture_output=True)
        assert not [p for p in out.iterdir() if p.name.endswith(".part")]


def descendants(pid: int) -> set[int]:
    """Return the ids of every live process below ``pid``."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_bytes().rpartition(b") ")[2].split()
        except OSError:
            continue
        if fields[0] != b"Z":
            parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier}
        found |= frontier
    return found


def gone(pids: set[int], seconds: float) -> bool:
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        if not pids & set(descendants(1)):
            return True
        time.sleep(0.1)
    return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
@pytest.mark.parametrize(("sent", "group", "after"), [
    (signal.SIGTERM, False, "workers"), (signal.SIGKILL, False, "workers"),
    (signal.SIGINT, True, "workers"),  # Ctrl-C on a terminal reaches the whole group
    (signal.SIGTERM, False, "start"),
], ids=["TERM", "KILL", "ctrl-c", "TERM-while-starting"])
def test_workers_do_not_outlive_the_command(tmp_path: Path, sent: signal.Signals, group: bool,
                                            after: str) -> None:
    source = inputs(tmp_path / "in", 12)
    run = subprocess.Popen([sys.executable, "-m", "factsheet", "build", str(source), "-o",
                            str(tmp_path / "out"), "-j", "2", "-q"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           start_new_session=True)
    deadline = time.perf_counter() + 30
    wanted = 3 if after == "workers" else 1  # the fork server and two workers, or any
    while len(workers := descendants(run.pid)) < wanted and time.perf_counter() < deadline:
        time.sleep(0.01)
    assert len(workers) >= wanted
    if group:
        os.killpg(run.pid, sent)
    else:
        run.send_signal(sent)  # to the command only, as a job scheduler or OOM killer would
    try:
        _, stderr = run.communicate(timeout=30)
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
            run.communicate()
    if sent != signal.SIGKILL:
        assert run.returncode == 130
        assert stderr.endswith(b"factsheet: interrupted\n")
    assert gone(workers | descendants(run.pid), seconds=10), "processes were left running"
