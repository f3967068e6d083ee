"""Write output files atomically: a temporary file in the same folder, then a rename.

A failed or killed run leaves the previous output as it was and never a partial file under an
output's name; inputs are never overwritten. A run killed outright (SIGKILL) can leave a hidden
``.NAME.PID.RANDOM.part`` file, which the next build into that folder removes.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path

from factsheet.errors import OutputError


def unique(base: str, taken: set[str]) -> str:
    """Return ``base``, or ``base-2``, ``base-3``… the first not in ``taken``; take it."""
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}-{n}"
    taken.add(name)
    return name


def write_atomic(target: Path, data: bytes, protected: Iterable[Path] = ()) -> None:
    """Write ``data`` to ``target`` atomically; refuse to replace any ``protected`` file.

    ``protected`` given as a set is taken as already resolved (a batch resolves its inputs
    once, not once per file written).
    """
    resolved = target.resolve()
    guard = protected if isinstance(protected, set | frozenset) else {
        p.resolve() for p in protected}
    if resolved in guard:
        raise OutputError(f"{target}: refusing to overwrite an input file")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _write_then_rename(target, data)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from None


def _write_then_rename(target: Path, data: bytes) -> None:
    """Write a hidden temporary file beside ``target``, sync it, then rename it over.

    The file is locked while it is written, so that ``sweep`` can tell the leftovers of a
    run that was killed (SIGKILL leaves no chance to clean up; the kernel drops the lock)
    from the work of a live one.
    """
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=_PART,
                                dir=target.parent)
    try:
        _lock(fd, wait=True)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fchmod(handle.fileno(), 0o644)
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def sweep(folder: Path) -> list[Path]:
    """Remove the temporary files that killed runs left in ``folder``; return them.

    Only files named like ours (``.NAME.PID.RANDOM.part``) that no live process holds
    locked are touched.
    """
    removed: list[Path] = []
    try:
        candidates = sorted(p for p in folder.iterdir() if _LEFTOVER.fullmatch(p.name))
    except OSError:  # no folder yet: nothing to sweep
        return removed
    for path in candidates:
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            continue
        try:
            if _lock(fd, wait=False):
                path.unlink()
                removed.append(path)
        except OSError:
            pass
        finally:
            os.close(fd)
    return removed


def _lock(fd: int, wait: bool) -> bool:
    """Lock ``fd`` exclusively; return False if another process holds it (and not ``wait``)."""
    try:
        import fcntl
    except ImportError:  # Windows: open files cannot be removed there anyway
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    return True


_PART = ".part"
_LEFTOVER = re.compile(r"\..+\.[0-9]{1,10}\.[A-Za-z0-9_]+\.part")
