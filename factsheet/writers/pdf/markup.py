"""Turn layout inlines into ReportLab Paragraph markup, safely.

Paragraph text *is* markup: ``<img src=...>`` reads local files, ``<font color=...>`` has
had code-execution bugs, ``x<y`` silently loses text. So every string from the input is
escaped here, and the only tags in the result are the ones this module writes: b, i, a
(our own anchors, http(s) links and note links), super and font (our own face names).
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

from factsheet.layout import tree as t

_URL = re.compile(r"^https?://[^\s<>\"']+$")


def text(value: str) -> str:
    """Return ``value`` escaped for Paragraph markup (long words are split by the style's
    splitLongWords, never by changing the text)."""
    return escape(value)


def inlines(content: t.Inlines, cite_colour: str) -> str:
    """Return Paragraph markup for ``content``; citations link to their note."""
    parts = []
    for item in content:
        if isinstance(item, t.Run):
            body = text(item.text)
            if item.bold:
                body = f"<b>{body}</b>"
            if item.italic:
                body = f"<i>{body}</i>"
            parts.append(body)
        elif isinstance(item, t.Cite):
            parts.append(cite(item.number, cite_colour))
        else:
            parts.append(link(item.text, item.url))
    return "".join(parts)


def cite(number: int, colour: str) -> str:
    """Return a superscript citation marker linking to note ``number`` (and its anchor)."""
    return (f'<a name="cite-{number}"/><super><a href="#note-{number}" '
            f'color="#{colour}">{number}</a></super>')


def link(label: str, url: str) -> str:
    """Return a hyperlink for an http(s) URL, or the plain label for anything else."""
    if url.startswith("#") and re.fullmatch(r"#[A-Za-z0-9_-]+", url):
        return f'<a href="{url}">{text(label)}</a>'
    if not _URL.match(url):
        return text(label)  # javascript:, file:, data: ... never become links
    return f"<a href={quoteattr(url)}><u>{text(label)}</u></a>"
