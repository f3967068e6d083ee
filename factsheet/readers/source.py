"""Read input files as text, safely: size limits, strict UTF-8, no newline translation.

Every problem becomes a diagnostic with a line and column; nothing here raises on bad input.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from factsheet.diagnostics import Diagnostic

#: Largest annotation file accepted (YAML, JSON, XML), in bytes.
MAX_ANNOTATION_BYTES = 16 * 1024 * 1024
#: Largest article text accepted, in bytes.
MAX_ARTICLE_BYTES = 16 * 1024 * 1024

# C0 controls other than tab/LF/CR, DEL, and the two XML non-characters; Word rejects these.
BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class TextFile:
    """A decoded text file: its display name and its exact text (BOM removed)."""

    name: str
    text: str


def line_col(text: str, offset: int) -> tuple[int, int]:
    """Return the 1-based (line, column) of a code-point offset in ``text``."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def read_text(path: Path, name: str, limit: int, diagnostics: list[Diagnostic],
              keep_bom: bool = False) -> TextFile | None:
    """Read ``path`` as strict UTF-8, or append a diagnostic and return None.

    ``keep_bom`` keeps a leading U+FEFF as a character: annotation tools count it in their
    offsets, so an export's text must keep it.
    """
    try:
        info = os.stat(path)
    except OSError as exc:
        diagnostics.append(Diagnostic("FS100", f"cannot read file: {_reason(exc)}", file=name))
        return None
    if not stat.S_ISREG(info.st_mode):  # folders, devices and pipes would hang or mislead
        what = "it is a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        diagnostics.append(Diagnostic("FS100", f"cannot read file: {what}", file=name))
        return None
    size = info.st_size
    if size > limit:
        diagnostics.append(Diagnostic(
            "FS103", f"file is {size:,} bytes; the limit is {limit:,}", file=name,
            hint="split the article or annotations into smaller files"))
        return None
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        diagnostics.append(Diagnostic("FS100", f"cannot read file: {_reason(exc)}", file=name))
        return None
    return decode_text(data, name, diagnostics, keep_bom)


def decode_text(data: bytes, name: str, diagnostics: list[Diagnostic], keep_bom: bool = False
                ) -> TextFile | None:
    """Decode UTF-8 bytes (one leading BOM allowed) or report the first bad byte."""
    if data.startswith(b"\xef\xbb\xbf") and not keep_bom:
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = data[: exc.start].decode("utf-8", errors="replace")
        line, col = line_col(good, len(good))
        diagnostics.append(Diagnostic(
            "FS102", f"byte 0x{data[exc.start]:02x} at byte offset {exc.start} is not valid UTF-8",
            file=name, line=line, column=col, hint="save the file as UTF-8"))
        return None
    return TextFile(name, text)


def find_bad_chars(text: str) -> list[int]:
    """Return the offsets of characters that documents cannot carry (at most 20)."""
    return [m.start() for _, m in zip(range(20), BAD_CHARS.finditer(text), strict=False)]


def describe_char(char: str) -> str:
    """Return ``U+0007`` style name for a character."""
    return f"U+{ord(char):04X}"


def _reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror or exc.__class__.__name__
