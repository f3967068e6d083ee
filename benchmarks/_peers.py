"""The peers that ``render.py`` compares factsheet with, fed the same content.

A briefing's plain-text rendering (``factsheet.render(briefing, "txt")``: Markdown-flavoured
headings, lists, pipe tables, block quotes and notes after ``---``) is what every peer gets:

- pandoc (the binary inside ``pypandoc-binary``) converts it to DOCX, as it is, with the
  citations turned into Markdown footnotes, and as an empty document (the floor: starting
  pandoc and writing its reference DOCX);
- docxtpl fills its title, section headings and lines into a small DOCX template;
- WeasyPrint renders it, turned into simple HTML by ``text_to_html`` with a stylesheet close
  to the briefing template, to PDF; and an empty body with the same stylesheet (the floor).

Every peer is optional: a missing one gives no methods, and the report says so.
"""

from __future__ import annotations

import gc
import html
import io
import re
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

PANDOC = "pandoc: text -> docx"
PANDOC_FLOOR = "pandoc: empty document (floor)"
DOCXTPL = "docxtpl: template fill"
WEASYPRINT = "weasyprint: html -> pdf"
WEASYPRINT_FLOOR = "weasyprint: empty document (floor)"


@dataclass
class Method:
    label: str
    run: Callable[[], bytes]  # returns the document's bytes
    info: bool = False  # reported, not part of a goal
    times: list[float] = field(default_factory=list)
    size: int = 0


def measure(methods: list[Method], runs: int, check: Callable[[bytes], bool]) -> None:
    """Run each method once untimed (checking its output), then ``runs`` times round-robin,
    so that a burst of load on a shared machine lands on all of them rather than one."""
    for method in methods:  # warm-up: imports, caches, fonts, the binary in the page cache
        data = method.run()
        if not check(data):
            raise SystemExit(f"{method.label}: did not produce the expected document")
        method.size = len(data)
    for _ in range(runs):
        for method in methods:
            gc.collect()
            started = time.perf_counter()
            method.run()
            method.times.append(time.perf_counter() - started)


def is_pdf(data: bytes) -> bool:
    return data.startswith(b"%PDF-")


def pandoc_version() -> str | None:
    try:
        import pypandoc

        return str(pypandoc.get_pandoc_version())
    except (ImportError, OSError):
        return None


# -- DOCX: pandoc and docxtpl ----------------------------------------------------------------


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
            Method(PANDOC_FLOOR, convert(""), info=True)]


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

    return [Method(DOCXTPL, run, info=True)]


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



# -- PDF: WeasyPrint -------------------------------------------------------------------------


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

    return [Method(WEASYPRINT, convert(document)),
            Method(WEASYPRINT_FLOOR, convert(empty), info=True)]


def weasyprint_version() -> str | None:
    try:
        import weasyprint
    except (ImportError, OSError):
        return None
    return str(weasyprint.__version__)
