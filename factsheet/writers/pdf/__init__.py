"""PDF writer (ReportLab platypus): draws the same layout tree as the DOCX writer.

Supports: the bundled Unicode family with real bold and italic faces, embedded and subset;
an outline entry per section; citation markers that link to their note and notes that link
back; running header with the banner, footer with "page X of Y"; tables split across pages
with the header row repeated; photos with caption and credit; comparison charts drawn as
vector graphics with values and source; title, author, subject, keywords, creator and
language metadata; byte-identical output (ReportLab's invariant mode).
Safety: no input string is ever read as ReportLab markup: paragraphs are built from
fragments (frags.py), so every string is drawn as the characters it holds; links and
images are made by this package only; ReportLab's colour parsing must be literal-only and
no remote host trusted, checked before each render.
Speed: fragments instead of markup (frags.py), ReportLab's line breaking without its
general cases (lines.py), one-line table cells as strings (table.py), photos and page
streams embedded without re-encoding (photo.py, canvas.py), per-character work on the
string methods (embed.py); each is compared with ReportLab's own path by the tests.
"""

from __future__ import annotations

import io
from typing import Any

from factsheet.layout import tree as t

__all__ = ["render_pdf"]


def render_pdf(document: t.Document) -> bytes:
    """Return the PDF bytes of ``document``."""
    _check_reportlab_is_safe()
    from factsheet.writers.pdf.build import PdfBuilder

    buffer = io.BytesIO()
    PdfBuilder(document).build(buffer)
    return buffer.getvalue()


def check_fonts(document: t.Document) -> list[Any]:
    """Return a warning (FS503) for each character no PDF font can draw, saying where."""
    import unicodedata

    from factsheet.diagnostics import Diagnostic
    from factsheet.writers.pdf.fonts import bundled_family, missing_characters, register_fallback

    fallbacks = tuple(register_fallback(data, i)
                      for i, data in enumerate(document.page.fallback_fonts))
    found = []
    for char, where in sorted(missing_characters(document, bundled_family(),
                                                 fallbacks).items()):
        name = unicodedata.name(char, "unnamed")
        found.append(Diagnostic(
            "FS503", f"no font has {char!r} (U+{ord(char):04X} {name}), in {where}",
            hint="add a font that has it to the template's fonts.fallback"))
    return found


def _check_reportlab_is_safe() -> None:
    """Refuse to render with a ReportLab configured to evaluate colours or fetch URLs."""
    from reportlab import rl_config

    if rl_config.toColorCanUse != "rl_extended_literal_eval" or rl_config.trustedHosts:
        from factsheet.errors import OutputError

        raise OutputError("ReportLab is configured unsafely (toColorCanUse="
                          f"{rl_config.toColorCanUse!r}, trustedHosts={rl_config.trustedHosts!r})"
                          "; refusing to render")


def _unused(_: Any) -> None:  # pragma: no cover - keeps typing imports honest
    return None
