"""``factsheet build``: writes briefings only for clean inputs and never harms existing files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factsheet.cli import app

CASES = Path(__file__).parent / "cases"
CLEAN = CASES / "fs302-resolved-by-prefix-suffix-occurrence" / "input.yaml"
ERRORS = CASES / "fs402-unknown-party-did-you-mean" / "input.yaml"
WARNING = CASES / "fs408-party-never-referenced" / "input.yaml"
ERRORS_STDERR = """\
bad.yaml:13:5: warning FS408 party 'latvia' is not referenced by any fact
  hint: remove it, or name it in a fact (by, holder, speaker, attributed_to...)
bad.yaml:19:19: error FS402 by refers to party 'latvija', which is not defined
  hint: did you mean 'latvia'?
"""


def factsheet(*args: str) -> tuple[str, str, int]:
    """Run ``factsheet ARGS`` in the current folder; return (stdout, stderr, exit code)."""
    result = CliRunner().invoke(app, list(args), prog_name="factsheet",
                                env={"FACTSHEET_DEBUG": None})
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.stdout, result.stderr, result.exit_code


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with the article, a clean input and one with errors."""
    (tmp_path / "article.txt").write_bytes((CLEAN.parent / "article.txt").read_bytes())
    (tmp_path / "good.yaml").write_bytes(CLEAN.read_bytes())
    (tmp_path / "bad.yaml").write_bytes(ERRORS.read_bytes())
    (tmp_path / "warn.yaml").write_bytes(WARNING.read_bytes())
    monkeypatch.chdir(tmp_path)
    return tmp_path


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_build_writes_the_briefing_of_a_clean_input(folder: Path) -> None:
    assert factsheet("build", "good.yaml", "-o", "out") == (
        "", "wrote out/good.briefing.json\nwrote out/good.docx\nwrote out/good.pdf\n", 0)
    briefing = json.loads((folder / "out" / "good.briefing.json").read_text(encoding="utf-8"))
    assert [a["id"] for a in briefing["articles"]] == ["corridor"]
    evidence = briefing["commitments"][0]["evidence"]
    assert [(e["start"], e["end"], e["text"]) for e in evidence] == [
        (207, 221, "grain corridor"),
        (814, 834, "The corridor will be"),
        (818, 826, "corridor"),
    ]
    assert listing(folder / "out") == ["good.briefing.json", "good.docx", "good.pdf"]


def test_build_writes_nothing_when_the_input_has_errors(folder: Path) -> None:
    before = listing(folder)
    assert factsheet("build", "bad.yaml", "-o", "out") == (
        "", ERRORS_STDERR + "1 of 1 input failed; nothing was written for them\n", 1)
    assert not (folder / "out").exists()
    assert listing(folder) == before


def test_build_leaves_an_earlier_output_untouched_byte_for_byte(folder: Path) -> None:
    out = folder / "out"
    out.mkdir()
    earlier = b'{"from": "an earlier, good run"}\r\n\x00\xff'
    target = out / "bad.briefing.json"
    target.write_bytes(earlier)
    os.utime(target, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    assert factsheet("build", "bad.yaml", "-o", "out")[2] == 1
    assert target.read_bytes() == earlier
    assert target.stat().st_mtime_ns == 1_000_000_000_000_000_000
    assert listing(out) == ["bad.briefing.json"]  # no temporary files left behind


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_build_writes_the_clean_inputs_and_fails_for_the_others(folder: Path, jobs: str
                                                                 ) -> None:
    stdout, stderr, code = factsheet("build", "good.yaml", "bad.yaml", "-o", "out", "-j", jobs)
    assert (stdout, code) == ("", 1)
    # Each input's lines together and in input order, whichever worker finished first.
    written = "wrote out/good.briefing.json\nwrote out/good.docx\nwrote out/good.pdf\n"
    assert stderr.startswith(written + ERRORS_STDERR)
    assert stderr.endswith("1 of 2 inputs failed; nothing was written for them\n")
    header, _, row = stderr[len(written + ERRORS_STDERR):].splitlines()[:3]
    assert header.split() == ["inputs", "built", "with", "warnings", "failed", "seconds", "per",
                              "second"]
    assert row.split()[:4] == ["2", "1", "0", "1"]
    assert "\x1b" not in stderr  # no colour or cursor codes when not on a terminal
    assert listing(folder / "out") == ["good.briefing.json", "good.docx", "good.pdf"]


def test_build_strict_refuses_warnings(folder: Path) -> None:
    warning = ("warn.yaml:17:5: warning FS408 party 'tamm' is not referenced by any fact\n"
               "  hint: remove it, or name it in a fact (by, holder, speaker, "
               "attributed_to...)\n")
    assert factsheet("build", "--strict", "warn.yaml", "-o", "strict") == (
        "", warning + "1 of 1 input failed; nothing was written for them\n", 1)
    assert not (folder / "strict").exists()
    assert factsheet("build", "warn.yaml", "-o", "lenient") == (
        "", warning + "wrote lenient/warn.briefing.json\nwrote lenient/warn.docx\nwrote lenient/warn.pdf\n", 0)


def test_build_into_a_path_that_is_a_file_exits_3(folder: Path) -> None:
    # A write failure is FS501, exit 3, and leaves what was there untouched.
    (folder / "out").write_bytes(b"not a folder")
    assert factsheet("build", "good.yaml", "-o", "out") == (
        "", "factsheet: error FS501 output path 'out' is a file, not a folder\n", 3)
    assert (folder / "out").read_bytes() == b"not a folder"
