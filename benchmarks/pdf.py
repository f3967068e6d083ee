"""PDF rendering time: factsheet's writer against WeasyPrint on the same content.

    python benchmarks/pdf.py              # 30 timed runs of each method
    python benchmarks/pdf.py --runs 100
    python benchmarks/pdf.py --quick      # 5 runs, for a smoke test
    python benchmarks/pdf.py --profile    # and where factsheet's time goes (cProfile)

For each bundled example the briefing is loaded once (not timed), then, in this process,
after one untimed warm-up, each method runs ``--runs`` times, round-robin, so that a burst
of load on a shared machine lands on all of them rather than one:

- factsheet, layout + render: ``factsheet.render(briefing, "pdf")``, the whole public call
  (the template is read, the layout tree built, the PDF written);
- factsheet, render alone: the PDF writer on a layout tree built beforehand;
- WeasyPrint: the briefing's plain-text rendering (``factsheet.render(briefing, "txt")``,
  Markdown-flavoured: headings, lists, pipe tables, quotes), escaped and turned into simple
  HTML by ``text_to_html`` below (before timing), with a stylesheet that gives a similar
  look: the same Roboto files as @font-face, A4 with the same margins, coloured headings,
  ruled tables with a tinted header row, and "Page X of Y" in the footer. Only
  ``HTML(string=...).write_pdf()`` is timed: parsing, styling, layout and the PDF;
- WeasyPrint, empty document (for information): the same call on an empty body with the
  same stylesheet, which is what loading the fonts and writing an empty page cost.

Install WeasyPrint with ``pip install -e '.[bench]'``; without it only the factsheet rows
are printed. The goal (factsheet, layout + render): median under 25 ms, and WeasyPrint's
median at least 10 times factsheet's.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import html
import io
import pstats
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from _report import goal_table, heading, median, ms, table

import factsheet
from factsheet.api import layout
from factsheet.writers.pdf import render_pdf

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GOAL_EXAMPLE = Path("examples/danube/danube-pact.yaml")
GOAL_SECONDS = 0.025
GOAL_RATIO = 10.0
OURS = "factsheet: layout + render"
THEIRS = "weasyprint: html -> pdf"
FLOOR = "weasyprint: empty document (floor)"


@dataclass
class Method:
    label: str
    run: Callable[[], bytes]  # returns the PDF bytes
    info: bool = False  # reported, not part of the goal
    times: list[float] = field(default_factory=list)
    size: int = 0


def examples() -> list[Path]:
    found = sorted((ROOT / "examples").glob("*/*.yaml"))
    return sorted(found, key=lambda p: p != ROOT / GOAL_EXAMPLE)


# -- the same content as HTML --------------------------------------------------------------


def stylesheet() -> str:
    """CSS close to the briefing template: Roboto (the same files), A4, 20 mm margins."""
    import font_roboto

    folder = Path(font_roboto.__file__).parent / "files"
    faces = "".join(
        f"@font-face {{ font-family: Roboto; src: url({(folder / f'Roboto-{name}.ttf').as_uri()});"
        f" font-weight: {weight}; font-style: {style}; }}\n"
        for name, weight, style in (("Regular", 400, "normal"), ("Bold", 700, "normal"),
                                    ("Italic", 400, "italic"), ("BoldItalic", 700, "italic")))
    return faces + """
@page { size: A4; margin: 20mm 20mm 22mm 20mm;
        @bottom-right { content: "Page " counter(page) " of " counter(pages);
                        font: 8.5pt Roboto; color: #5F6B7A; } }
body { font-family: Roboto; font-size: 10.5pt; line-height: 1.32; color: #1A1A1A; }
h1 { font-size: 21.5pt; line-height: 1.18; color: #1F4E79; margin: 0 0 4pt; }
h2 { font-size: 14pt; color: #1F4E79; margin: 12pt 0 5pt; break-after: avoid; }
p, li { margin: 0 0 5pt; }
blockquote { font-style: italic; margin: 0 0 6pt 14pt; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin-bottom: 8pt; }
thead { display: table-header-group; }
th { background: #E8EEF5; font-weight: bold; text-align: left; }
th, td { padding: 3pt 4pt 4pt; vertical-align: top; border-bottom: 0.5pt solid #5F6B7A; }
tr { break-inside: avoid; }
.notes p { font-size: 8.5pt; margin: 0 0 2.5pt; }
"""


def _inline(text: str) -> str:
    """Escape ``text`` and turn **bold** and [n] citations into HTML."""
    out = html.escape(text)
    out = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", out)
    return re.sub(r"\[(\d+)\]", r"<sup>\1</sup>", out)


def text_to_html(text: str) -> str:
    """Turn the Markdown-flavoured text rendering into simple HTML: # and ## headings, pipe
    tables (the first row a header), - lists, > quotes, --- before the notes, paragraphs."""
    parts: list[str] = []
    paragraph: list[str] = []
    rows: list[list[str]] = []
    items: list[str] = []

    def flush() -> None:
        if paragraph:
            parts.append(f"<p>{_inline(' '.join(paragraph))}</p>")
            paragraph.clear()
        if rows:
            head, *body = rows
            parts.append("<table><thead><tr>" + "".join(f"<th>{_inline(c)}</th>" for c in head)
                         + "</tr></thead><tbody>"
                         + "".join("<tr>" + "".join(f"<td>{_inline(c)}</td>" for c in row)
                                   + "</tr>" for row in body) + "</tbody></table>")
            rows.clear()
        if items:
            parts.append("<ul>" + "".join(f"<li>{_inline(i)}</li>" for i in items) + "</ul>")
            items.clear()

    for line in text.splitlines():
        stripped = line.strip()
        if line.startswith("|"):
            if not re.fullmatch(r"\|(\s*---\s*\|)+", stripped):
                rows.append([c.strip() for c in stripped.strip("|").split("|")])
            continue
        if line.startswith("- "):
            if paragraph or rows:
                flush()
            items.append(line[2:])
            continue
        flush()
        if not stripped:
            continue
        if line.startswith("## "):
            parts.append(f"<h2>{_inline(line[3:])}</h2>")
        elif line.startswith("# "):
            parts.append(f"<h1>{_inline(line[2:])}</h1>")
        elif line.startswith("> "):
            parts.append(f"<blockquote>{_inline(line[2:])}</blockquote>")
        elif stripped == "---":
            parts.append('<hr><div class="notes">')
            parts.append("<h2>Notes</h2>")
        elif re.match(r"\[\d+\] ", line):
            parts.append(f"<p>{_inline(line)}</p>")
        else:
            paragraph.append(stripped)
    flush()
    if any(p.startswith('<hr><div class="notes">') for p in parts):
        parts.append("</div>")
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><style>"
            f"{stylesheet()}</style></head><body>{''.join(parts)}</body></html>")


def weasyprint_methods(text: str) -> list[Method]:
    try:
        from weasyprint import HTML
    except (ImportError, OSError):  # OSError: the package is there but not its libraries
        return []
    document = text_to_html(text)
    empty = text_to_html("")

    def convert(source: str) -> Callable[[], bytes]:
        def run() -> bytes:
            return HTML(string=source).write_pdf()
        return run

    return [Method(THEIRS, convert(document)), Method(FLOOR, convert(empty), info=True)]


def weasyprint_version() -> str | None:
    try:
        import weasyprint
    except (ImportError, OSError):
        return None
    return str(weasyprint.__version__)


# -- measuring ------------------------------------------------------------------------------


def measure(methods: list[Method], runs: int) -> None:
    for method in methods:  # warm-up: imports, fonts, caches
        data = method.run()
        if not data.startswith(b"%PDF-"):
            raise SystemExit(f"{method.label}: did not produce a PDF")
        method.size = len(data)
    for _ in range(runs):
        for method in methods:
            gc.collect()
            started = time.perf_counter()
            method.run()
            method.times.append(time.perf_counter() - started)


def profile(briefing: object, top: int = 25) -> None:
    """Print where ``factsheet.render(briefing, "pdf")`` spends its time."""
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(20):
        factsheet.render(briefing, "pdf")  # type: ignore[arg-type]
    profiler.disable()
    for key, title in (("tottime", "own time"), ("cumulative", "cumulative time")):
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.strip_dirs().sort_stats(key).print_stats(top)
        body = out.getvalue()
        print(heading(f"Profile of {OURS}, 20 renders of the goal example, by {title}"))
        print(body[body.find("   ncalls"):].rstrip())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=None, help="timed runs per method")
    parser.add_argument("--quick", action="store_true", help="5 runs, for a smoke test")
    parser.add_argument("--profile", action="store_true",
                        help="also print where factsheet's time goes (cProfile)")
    args = parser.parse_args()
    runs = args.runs or (5 if args.quick else 30)

    version = weasyprint_version()
    print(heading(f"PDF rendering: factsheet against WeasyPrint ({runs} runs, medians)"))
    print(f"WeasyPrint {version}" if version else
          "WeasyPrint: not installed (pip install -e '.[bench]'); factsheet rows only")

    goal_rows = []
    goal_briefing = None
    for example in examples():
        briefing = factsheet.load(example)
        if example == ROOT / GOAL_EXAMPLE:
            goal_briefing = briefing
        document = layout(briefing)
        text = factsheet.render(briefing, "txt").decode("utf-8")
        methods = [Method(OURS, lambda b=briefing: factsheet.render(b, "pdf")),
                   Method("factsheet: render alone", lambda d=document: render_pdf(d)),
                   *weasyprint_methods(text)]
        measure(methods, runs)
        by_label = {m.label: m for m in methods}
        ours = median(by_label[OURS].times)
        rows = []
        for m in methods:
            rows.append((m.label + (" *" if m.info else ""), ms(median(m.times)),
                         ms(min(m.times)), f"{m.size / 1024:.1f}",
                         f"{median(m.times) / ours:.2f}x"))
        rel = example.relative_to(ROOT)
        print(f"\n{rel} ({len(text.encode('utf-8')) / 1024:.1f} KiB of text, "
              f"{len(document.notes)} notes)\n")
        print(table(["method", "median ms", "min ms", "KiB", "vs factsheet"], rows))
        theirs = median(by_label[THEIRS].times) if THEIRS in by_label else None
        floor = median(by_label[FLOOR].times) if FLOOR in by_label else None
        goal_rows.append((str(rel), ours, theirs, floor, example == ROOT / GOAL_EXAMPLE))
    print("\n* for information, not part of the goal. vs factsheet: median over the median "
          f"of '{OURS}'.")

    print(heading("Goal: factsheet under 25 ms median, at least 10x faster than WeasyPrint"))
    print(goal_table("weasyprint", GOAL_SECONDS, GOAL_RATIO, goal_rows))
    if args.profile and goal_briefing is not None:
        profile(goal_briefing)
    return 0


if __name__ == "__main__":
    sys.exit(main())
