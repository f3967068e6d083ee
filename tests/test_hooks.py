"""The pre-commit hook definitions run factsheet as documented."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).parent.parent
HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
CLEAN = ROOT / "examples" / "adriatic" / "adriatic-sardines.yaml"
WARNS = ROOT / "examples" / "danube" / "danube-pact.yaml"  # FS407: a repeated dateline
BROKEN = ROOT / "tests" / "cases" / "fs402-unknown-party-did-you-mean" / "input.yaml"


def run(hook: dict[str, object], *files: Path) -> int:
    """Run the hook's entry as pre-commit would: the entry, then the file names."""
    program, *arguments = shlex.split(str(hook["entry"]))
    assert program == "factsheet"
    return subprocess.run([sys.executable, "-m", "factsheet", *arguments, *map(str, files)],
                          capture_output=True, check=False).returncode


@pytest.mark.parametrize("hook", HOOKS, ids=[h["id"] for h in HOOKS])
def test_hook_passes_clean_files_and_fails_broken_ones(hook: dict[str, object]) -> None:
    assert {"id", "name", "entry", "language"} <= set(hook)
    assert hook["language"] == "python"  # installs this package into the hook's environment
    assert run(hook, CLEAN) == 0
    assert run(hook, CLEAN, BROKEN) == 1
    assert run(hook, WARNS) == (1 if "--strict" in str(hook["entry"]) else 0)


@pytest.mark.parametrize("hook", HOOKS, ids=[h["id"] for h in HOOKS])
def test_hook_skips_our_own_outputs_and_schemas(hook: dict[str, object]) -> None:
    exclude = re.compile(str(hook["exclude"]))
    assert exclude.search("out/danube-pact.briefing.json")
    assert exclude.search("schemas/annotations.schema.json")
    assert not exclude.search("annotations/danube-pact.json")
    assert set(hook["types_or"]) == {"yaml", "json", "xml", "html"}  # type: ignore[arg-type]
