"""Print diagnostics: text (compiler style), JSON, or GitHub workflow commands."""

from __future__ import annotations

import json
from collections.abc import Iterable

from factsheet.diagnostics import Diagnostic, Severity

PRINTERS = ("text", "json", "github")


def format_text(diagnostics: Iterable[Diagnostic], verbose: bool = False) -> str:
    """Return ``path:line:col: severity CODE message`` lines, each hint indented below."""
    lines = []
    for d in diagnostics:
        if d.severity is Severity.INFO and not verbose:
            continue
        lines.append(f"{d.location()}: {d.severity.value} {d.code} {one_line(d.message)}")
        if d.hint:
            lines.append(f"  hint: {one_line(d.hint)}")
    return "".join(line + "\n" for line in lines)


def one_line(text: str) -> str:
    """Return ``text`` with line breaks shown as ⏎, so each problem stays on one line."""
    if "\n" not in text and "\r" not in text:
        return text
    return " ⏎ ".join(part.strip() for part in text.replace("\r\n", "\n").replace("\r", "\n")
                      .split("\n") if part.strip())


def format_json(diagnostics: Iterable[Diagnostic]) -> str:
    """Return the diagnostics as a JSON array (stable key order)."""
    return json.dumps([d.as_dict() for d in diagnostics], ensure_ascii=False, indent=2,
                      sort_keys=True) + "\n"


def format_github(diagnostics: Iterable[Diagnostic]) -> str:
    """Return GitHub Actions workflow commands (``::error file=...``), one per diagnostic."""
    kinds = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    lines = []
    for d in diagnostics:
        props = [f"file={_prop(d.file or '')}"]
        if d.line is not None:
            props.append(f"line={d.line}")
        if d.column is not None:
            props.append(f"col={d.column}")
        props.append(f"title={_prop(d.code)}")
        message = d.message + (f"\n{d.hint}" if d.hint else "")
        lines.append(f"::{kinds[d.severity]} {','.join(props)}::{_data(message)}")
    return "".join(line + "\n" for line in lines)


def summary(diagnostics: Iterable[Diagnostic], files: int, verbose: bool = False) -> str:
    """Return "2 errors, 1 warning in 3 files" (and how many notes -v would show)."""
    counts = dict.fromkeys(Severity, 0)
    for d in diagnostics:
        counts[d.severity] += 1
    errors, warnings, notes = (counts[Severity.ERROR], counts[Severity.WARNING],
                               counts[Severity.INFO])
    text = (f"{errors} error{'s' if errors != 1 else ''}, {warnings} "
            f"warning{'s' if warnings != 1 else ''} in {files} file{'s' if files != 1 else ''}")
    if notes and not verbose:
        text += f" ({notes} note{'s' if notes != 1 else ''} hidden; -v shows them)"
    return text


def codes_markdown() -> str:
    """Return docs/diagnostics.md: every code with its severity, title and explanation."""
    from factsheet.diagnostics import CODES

    groups = {"1": "Reading files", "2": "Schema", "3": "Anchoring", "4": "Consistency",
              "5": "Rendering and writing"}
    out = ["# Diagnostic codes", "",
           "Every problem factsheet reports has a stable code. Codes are never renumbered;",
           "new ones are added. Severity `error` fails `factsheet validate` (exit 1);",
           "`warning` fails it only under `--strict`; `info` is a note shown with `-v`.", "",
           "This page is generated: `factsheet codes --markdown > docs/diagnostics.md`.", ""]
    for digit, title in groups.items():
        out += [f"## FS{digit}xx — {title}", "", "| code | severity | problem | explanation |",
                "|---|---|---|---|"]
        out += [f"| {c.code} | {c.severity.value} | {c.title} | {c.explanation} |"
                for c in CODES.values() if c.code[2] == digit]
        out.append("")
    return "\n".join(out)


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
