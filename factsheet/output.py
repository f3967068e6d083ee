"""Write output files atomically: a temporary file in the same folder, then a rename.

A failed or killed run leaves the previous output as it was; inputs are never overwritten.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from factsheet.errors import OutputError


def write_atomic(target: Path, data: bytes, protected: Iterable[Path] = ()) -> None:
    """Write ``data`` to ``target`` atomically; refuse to replace any ``protected`` file."""
    resolved = target.resolve()
    if any(resolved == p.resolve() for p in protected):
        raise OutputError(f"{target}: refusing to overwrite an input file")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                                    dir=target.parent)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644)
        os.replace(temp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from None
