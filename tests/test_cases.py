"""Command cases: each folder in tests/cases/ runs one ``factsheet`` command and records its output.

A case folder holds its input files and two more:

- ``cmd``: one line, the arguments after ``factsheet`` (``validate -v input.yaml``);
- ``expected.txt``: the exact stdout, then a line ``--- exit N``. When it goes on with a line
  ``--- stderr``, the exact stderr follows and is compared too (used where the message that
  matters goes to stderr: usage errors, the summary line).

The command runs in-process with the case folder as the working directory, so paths in the
output are relative to the case folder. An optional file ``xfail`` holds the reason a case
does not pass yet (a known bug); the case is marked ``xfail(strict=True)``, so it turns into a
failure the day the bug is fixed, and ``--update-goldens`` leaves its expected.txt alone
(it records the behaviour wanted, not the behaviour seen).

Regenerate the goldens, then read the diff before committing::

    pytest tests/test_cases.py --update-goldens
"""

from __future__ import annotations

import re
import shlex
import traceback
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factsheet.cli import app
from factsheet.diagnostics import CODES

CASES = Path(__file__).parent / "cases"
EXIT_LINE = re.compile(r"^--- exit -?\d+\n--- stderr\n", re.MULTILINE)
NO_NEWLINE = "\\ no newline at end\n"
# Unset the debug switch so internal errors look as users see them; fix the terminal width
# so usage messages wrap the same everywhere.
ENV = {"FACTSHEET_DEBUG": None, "COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb"}


def _case_params() -> list[object]:
    params = []
    for case in sorted(p for p in CASES.iterdir() if p.is_dir()):
        marks = []
        reason_file = case / "xfail"
        if reason_file.is_file():
            reason = reason_file.read_text(encoding="utf-8").strip()
            marks.append(pytest.mark.xfail(strict=True, reason=reason))
        params.append(pytest.param(case, id=case.name, marks=marks))
    return params


def _block(text: str) -> str:
    return text + "\n" + NO_NEWLINE if text and not text.endswith("\n") else text


def render(stdout: str, exit_code: int, stderr: str | None = None) -> str:
    """Return the golden form of a run: stdout, ``--- exit N``, optionally stderr."""
    golden = _block(stdout) + f"--- exit {exit_code}\n"
    if stderr is not None:
        golden += "--- stderr\n" + _block(stderr)
    return golden


def run_case(case: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str, int]:
    """Run the case's command in its folder; return (stdout, stderr, exit code)."""
    lines = (case / "cmd").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1, f"{case.name}/cmd must hold exactly one line"
    monkeypatch.chdir(case)
    result = CliRunner().invoke(app, shlex.split(lines[0]), prog_name="factsheet", env=ENV)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        pytest.fail("the command raised:\n" + "".join(traceback.format_exception(
            result.exception)))
    assert "Traceback" not in result.stderr
    assert "internal error" not in result.stderr
    return result.stdout, result.stderr, result.exit_code


def test_every_case_folder_is_complete() -> None:
    folders = [p for p in CASES.iterdir() if p.is_dir()]
    assert folders
    incomplete = [p.name for p in folders
                  if not (p / "cmd").is_file() or not (p / "expected.txt").is_file()]
    assert incomplete == []


# Codes without a case folder, and where they are tested instead.
NOT_IN_CASES = {
    "FS103": "tests/test_bad_input.py: a file past the size limit is generated at run time",
    "FS501": "write failures exit 3 (tests/test_cli_build.py covers it)",
    "FS502": "files cannot carry these characters (FS107); tests/layout/test_clean.py covers it",
    "FS503": "a PDF build writes files: tests/writers/test_pdf_fonts.py covers it",
}


def test_every_code_has_a_case_that_shows_it() -> None:
    shown = set()
    for case in CASES.iterdir():
        code = case.name[:5].upper()
        expected = case / "expected.txt"
        if code in CODES and expected.is_file() and code in expected.read_text("utf-8"):
            shown.add(code)
    assert sorted(set(CODES) - shown) == sorted(NOT_IN_CASES)


@pytest.mark.parametrize("case", _case_params())
def test_case(case: Path, monkeypatch: pytest.MonkeyPatch, update_goldens: bool) -> None:
    golden = case / "expected.txt"
    expected = golden.read_text(encoding="utf-8") if golden.is_file() else ""
    stdout, stderr, exit_code = run_case(case, monkeypatch)
    actual = render(stdout, exit_code, stderr if EXIT_LINE.search(expected) else None)
    if update_goldens and not (case / "xfail").is_file():
        golden.write_text(actual, encoding="utf-8", newline="\n")
        expected = actual
    assert actual == expected
