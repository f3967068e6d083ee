"""Turn command-line arguments (files, folders, globs) into a list of input files."""

from __future__ import annotations

import glob
from pathlib import Path

from factsheet.errors import UsageError
from factsheet.readers import EXTENSIONS

# Files in a folder that are outputs or schemas, not annotation files.
_NOT_INPUTS = (".briefing.json", ".schema.json")


def expand(arguments: list[str]) -> list[Path]:
    """Return the input files named by ``arguments``, in order, without repeats."""
    found: list[Path] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if _is_input(p)))
        elif not path.exists() and glob.has_magic(argument):
            matches = sorted(Path(m) for m in glob.glob(argument, recursive=True))
            files = [m for m in matches if m.is_file() and _is_input(m)]
            if not files:
                raise UsageError(f"no annotation files match {argument!r}")
            found.extend(files)
        else:
            found.append(path)  # a missing file is reported as a diagnostic, not here
    return list(dict.fromkeys(found))


def _is_input(path: Path) -> bool:
    name = path.name.lower()
    return (path.is_file() and path.suffix.lower() in EXTENSIONS
            and not name.endswith(_NOT_INPUTS) and not name.startswith("."))
