"""DOCX rendering time: factsheet's writer against pandoc on the same content.

    python benchmarks/docx.py              # 30 timed runs of each method
    python benchmarks/docx.py --runs 100
    python benchmarks/docx.py --quick      # 5 runs, for a smoke test

For each bundled example the briefing is loaded once (not timed), then, in this process,
after one untimed warm-up, each method runs ``--runs`` times, round-robin, so that a burst
of load on a shared machine lands on all of them rather than one:

- factsheet, layout + render: ``factsheet.render(briefing, "docx")``, the whole public call
  (the template is read, the layout tree built, the DOCX written);
- factsheet, render alone: the DOCX writer on a layout tree built beforehand;
- pandoc: the briefing's plain-text rendering (``factsheet.render(briefing, "txt")``,
  Markdown-flavoured: headings, lists, pipe tables, quotes) converted to DOCX by the pandoc
  binary that the ``pypandoc-binary`` package ships, through ``pypandoc.convert_text`` with
  ``verify_format=False`` (otherwise every call also starts pandoc twice to list its formats).
  Only the conversion call is timed. pandoc runs as a subprocess, so its time includes
  starting a process: the floor row converts an empty document the same way;
- pandoc, citations as footnotes (for information): the same text with ``[n]`` turned into
  Markdown footnotes, so that pandoc also writes real footnotes as factsheet does;
- docxtpl (for information, when installed): the same text filled into a DOCX template made
  with python-docx (title, a heading per section, a paragraph per line), in this process.

Install the comparison tools with ``pip install -e '.[bench]'``; without them only the
factsheet rows are printed. The goal (factsheet, layout + render, on the goal's example):
median under 25 ms, and pandoc's median at least 5 times factsheet's.
"""

from __future__ import annotations

import argparse
import gc
import io
import re
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from _report import goal_table, heading, median, ms, table

# This script is named docx.py and Python puts its folder first on sys.path, where
# ``import docx`` would find it instead of python-docx: take the folder off the path.
HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]

import factsheet  # noqa: E402
from factsheet.api import layout  # noqa: E402
from factsheet.writers.docx import render_docx  # noqa: E402

ROOT = HERE.parent
GOAL_EXAMPLE = Path("examples/danube/danube-pact.yaml")
GOAL_SECONDS = 0.025
GOAL_RATIO = 5.0
OURS = "factsheet: layout + render"
PANDOC = "pandoc: text -> docx"
FLOOR = "pandoc: empty document (floor)"


@dataclass
class Method:
    label: str
    run: Callable[[], bytes]  # returns the DOCX bytes
    info: bool = False  # reported, not part of the goal
    times: list[float] = field(default_factory=list)
    size: int = 0


def examples() -> list[Path]:
    found = sorted((ROOT / "examples").glob("*/*.yaml"))
    return sorted(found, key=lambda p: p != ROOT / GOAL_EXAMPLE)


def with_footnotes(text: str) -> str:
    """Turn the text rendering's ``[n]`` citations and its notes into Markdown footnotes."""
    body, _, notes = text.rpartition("\n---\n")
    if not body:
        return text
    body = re.sub(r"\[(\d+)\]", r"[^\1]", body)
    notes = re.sub(r"^\[(\d+)\] ", r"[^\1]: ", notes, flags=re.MULTILINE)
    return f"{body}\n{notes}"


def pandoc_methods(text: str, folder: Path) -> list[Method]:
    try:
        import pypandoc
    except ImportError:
        return []
    out = folder / "pandoc.docx"

    def convert(source: str) -> Callable[[], bytes]:
        def run() -> bytes:
            pypandoc.convert_text(source, "docx", format="markdown", outputfile=str(out),
                                  verify_format=False)
            return out.read_bytes()
        return run

    return [Method(PANDOC, convert(text)),
            Method("pandoc: citations as footnotes", convert(with_footnotes(text)), info=True),
            Method(FLOOR, convert(""), info=True)]


def docxtpl_method(text: str, folder: Path) -> list[Method]:
    try:
        from docxtpl import DocxTemplate
    except ImportError:
        return []
    from docx import Document

    template = folder / "template.docx"
    doc = Document()
    doc.add_paragraph("{{ title }}", style="Title")
    doc.add_paragraph("{%p for s in sections %}")
    doc.add_paragraph("{{ s.heading }}", style="Heading 1")
    doc.add_paragraph("{%p for line in s.lines %}")
    doc.add_paragraph("{{ line }}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p endfor %}")
    doc.save(template)
    context = text_context(text)

    def run() -> bytes:
        tpl = DocxTemplate(template)
        tpl.render(context)
        buffer = io.BytesIO()
        tpl.save(buffer)
        return buffer.getvalue()

    return [Method("docxtpl: template fill", run, info=True)]


def text_context(text: str) -> dict[str, object]:
    """Title and sections (heading, non-empty lines) of the text rendering."""
    title = ""
    sections: list[dict[str, object]] = [{"heading": "", "lines": []}]
    for line in text.splitlines():
        if line.startswith("# ") and not title:
            title = line[2:]
        elif line.startswith("## ") or line == "---":
            sections.append({"heading": line[3:] if line != "---" else "Notes", "lines": []})
        elif line.strip() and not line.startswith("| ---"):
            lines = sections[-1]["lines"]
            assert isinstance(lines, list)
            lines.append(line)
    return {"title": title, "sections": sections}


def is_docx(data: bytes) -> bool:
    try:
        return "word/document.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    except zipfile.BadZipFile:
        return False


def measure(methods: list[Method], runs: int) -> None:
    for method in methods:  # warm-up: imports, caches, the pandoc binary in the page cache
        data = method.run()
        if not is_docx(data):
            raise SystemExit(f"{method.label}: did not produce a DOCX")
        method.size = len(data)
    for _ in range(runs):
        for method in methods:
            gc.collect()
            started = time.perf_counter()
            method.run()
            method.times.append(time.perf_counter() - started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=None, help="timed runs per method")
    parser.add_argument("--quick", action="store_true", help="5 runs, for a smoke test")
    args = parser.parse_args()
    runs = args.runs or (5 if args.quick else 30)

    pandoc_version = None
    try:
        import pypandoc

        pandoc_version = pypandoc.get_pandoc_version()
    except (ImportError, OSError):
        pass
    print(heading(f"DOCX rendering: factsheet against pandoc ({runs} runs, medians)"))
    print(f"pandoc {pandoc_version}" if pandoc_version else
          "pandoc: not installed (pip install -e '.[bench]'); factsheet rows only")

    goal_rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for example in examples():
            briefing = factsheet.load(example)
            document = layout(briefing)
            text = factsheet.render(briefing, "txt").decode("utf-8")
            methods = [Method(OURS, lambda b=briefing: factsheet.render(b, "docx")),
                       Method("factsheet: render alone", lambda d=document: render_docx(d)),
                       *pandoc_methods(text, folder), *docxtpl_method(text, folder)]
            measure(methods, runs)
            by_label = {m.label: m for m in methods}
            ours = median(by_label[OURS].times)
            rows = []
            for m in methods:
                ratio = median(m.times) / ours
                rows.append((m.label + (" *" if m.info else ""), ms(median(m.times)),
                             ms(min(m.times)), f"{m.size / 1024:.1f}", f"{ratio:.2f}x"))
            rel = example.relative_to(ROOT)
            print(f"\n{rel} ({len(text.encode('utf-8')) / 1024:.1f} KiB of text, "
                  f"{len(document.notes)} footnotes)\n")
            print(table(["method", "median ms", "min ms", "KiB", "vs factsheet"], rows))
            pandoc = median(by_label[PANDOC].times) if PANDOC in by_label else None
            floor = median(by_label[FLOOR].times) if FLOOR in by_label else None
            goal_rows.append((str(rel), ours, pandoc, floor, example == ROOT / GOAL_EXAMPLE))
    print("\n* for information, not part of the goal. vs factsheet: median over the median "
          f"of '{OURS}'.")

    print(heading("Goal: factsheet under 25 ms median, at least 5x faster than pandoc"))
    print(goal_table("pandoc", GOAL_SECONDS, GOAL_RATIO, goal_rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
