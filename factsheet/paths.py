"""Resolve paths named in input files, never leaving the folder they are relative to."""

from __future__ import annotations

from pathlib import Path


def resolve_inside(folder: Path, relative: str) -> Path | None:
    """Return ``folder / relative`` if it stays inside ``folder`` (symlinks followed)."""
    candidate = Path(relative)
    if candidate.is_absolute() or not relative:
        return None
    root = folder.resolve()
    target = (root / candidate).resolve()
    return target if target.is_relative_to(root) and target != root else None
