"""Run the command line in-process for the importer tests, never hiding a traceback."""

from __future__ import annotations

from typer.testing import CliRunner

from factsheet.cli import app


def run(*args: str) -> tuple[str, str, int]:
    """Run ``factsheet ARGS``; return (stdout, stderr, exit code)."""
    result = CliRunner().invoke(app, list(args), prog_name="factsheet",
                                env={"FACTSHEET_DEBUG": None, "NO_COLOR": "1"})
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert "Traceback" not in result.stdout + result.stderr
    return result.stdout, result.stderr, result.exit_code
