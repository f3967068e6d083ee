"""A user's reference .docx (like pandoc's --reference-doc): its styles and page setup are
used, its body is not. A .docx is a zip, so it is checked before python-docx opens it."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from factsheet.diagnostics import Diagnostic
from factsheet.errors import InputError

MAX_BYTES = 20 * 1024 * 1024
MAX_ENTRIES = 2_000
MAX_UNCOMPRESSED = 100 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, per entry
REQUIRED = ("[Content_Types].xml", "word/document.xml", "word/styles.xml")


def read_reference(path: Path) -> bytes:
    """Return the bytes of a reference .docx that passed every check, or raise InputError."""
    name = str(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise _refuse(name, "FS100", "cannot read reference document: not a regular file")
        if size > MAX_BYTES:
            raise _refuse(name, "FS103", f"reference document is {size:,} bytes; the limit is "
                          f"{MAX_BYTES:,}")
        data = path.read_bytes()
    except OSError as exc:
        raise _refuse(name, "FS100", f"cannot read reference document: "
                      f"{exc.strerror or exc}") from None
    check_reference(data, name)
    return data


def check_reference(data: bytes, name: str) -> None:
    """Raise InputError unless ``data`` is a sane .docx zip (size, entries, names, ratio)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise _refuse(name, "FS116", "reference document is not a .docx (not a zip archive)"
                      ) from None
    if len(entries) > MAX_ENTRIES:
        raise _refuse(name, "FS116", f"reference document has {len(entries):,} entries; "
                      f"the limit is {MAX_ENTRIES:,}")
    total = 0
    for entry in entries:
        member = entry.filename
        if member.startswith(("/", "\\")) or ".." in member.replace("\\", "/").split("/") \
                or ":" in member.split("/")[0]:
            raise _refuse(name, "FS116", f"reference document has an unsafe entry name "
                          f"{member!r}")
        total += entry.file_size
        if entry.file_size > MAX_RATIO * max(entry.compress_size, 1) and entry.file_size > 1e6:
            raise _refuse(name, "FS116", f"reference document entry {member!r} expands "
                          f"{entry.file_size // max(entry.compress_size, 1):,} times "
                          "(a zip bomb?)")
    if total > MAX_UNCOMPRESSED:
        raise _refuse(name, "FS116", f"reference document expands to {total:,} bytes; the "
                      f"limit is {MAX_UNCOMPRESSED:,}")
    present = {e.filename for e in entries}
    missing = [r for r in REQUIRED if r not in present]
    if missing:
        raise _refuse(name, "FS116", f"reference document lacks {missing[0]}: not a Word file")
    _check_renders(data, name)


def _check_renders(data: bytes, name: str) -> None:
    """Render an empty document with the reference, so that a damaged one (XML that is not
    well-formed, data that does not inflate, no page setup) is refused now, by name, rather
    than failing the render of every input later."""
    from factsheet.layout import tree as t
    from factsheet.writers.docx import render_docx

    when = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    trial = t.Document(t.Meta("", "", "", (), "en", when, when), t.Page(), (), (), ())
    try:
        render_docx(trial, data)
    except Exception as exc:  # python-docx, lxml and zlib raise many kinds for damage
        raise _refuse(name, "FS116", "reference document cannot be used: "
                      f"{exc.__class__.__name__}: {exc}") from None


def _refuse(name: str, code: str, message: str) -> InputError:
    return InputError(message, [Diagnostic(code, message, file=name)])
