"""Read the story to draft from: a UTF-8 text file, or an HTML page reduced to its text.

HTML supports: the ``<article>`` element (else ``<main>``, else the body); paragraphs from
block elements (p, h1–h6, li, figcaption, blockquote...), one paragraph each, separated by
blank lines; ``<br>`` as a line break; the page's metadata (``article:published_time``,
``article:modified_time``, ``og:title``, ``author``) for header fields the text does not
print. Does not support: scripts (never run), remote resources (never fetched), text laid out
by CSS. Parsed with lxml without network access, as the inline HTML reader does.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from factsheet.diagnostics import Diagnostic
from factsheet.errors import InputError
from factsheet.readers.source import (
    BAD_CHARS,
    MAX_ARTICLE_BYTES,
    describe_char,
    find_bad_chars,
    line_col,
    read_text,
)

_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption",
                     "pre", "dt", "dd", "td", "th", "address", "div", "section", "header",
                     "figure", "time", "caption"})
_SKIPPED = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg",
            "nav", "form", "button", "select", "textarea", "aside", "footer")
_META = {"article:published_time": "published", "datePublished": "published",
         "article:modified_time": "updated", "dateModified": "updated",
         "og:title": "title", "author": "byline"}


def read_article(path: Path) -> tuple[str, dict[str, str]]:
    """Return (the article text, header fields from HTML metadata) of the file at ``path``.

    Raises ``InputError`` with a located diagnostic for a missing, unreadable, binary or
    empty file.
    """
    diagnostics: list[Diagnostic] = []
    source = read_text(path, str(path), MAX_ARTICLE_BYTES, diagnostics)
    if source is None:
        raise InputError(f"cannot read {path}", diagnostics)
    text, meta = source.text, dict[str, str]()
    if is_html(path, text):
        text, meta = html_text(text)
    else:
        bad = find_bad_chars(text)
        if bad:
            for offset in bad:
                line, col = line_col(text, offset)
                diagnostics.append(Diagnostic(
                    "FS107", f"control character {describe_char(text[offset])} in article text",
                    file=str(path), line=line, column=col,
                    hint="is this a text file? give a UTF-8 text or HTML article"))
            raise InputError(f"{path} holds control characters", diagnostics)
    if not text.strip():
        diagnostics.append(Diagnostic("FS122", "the article has no text to suggest from",
                                      file=str(path), line=1, column=1,
                                      hint="give the story as UTF-8 text or as an HTML page"))
        raise InputError(f"{path} is empty", diagnostics)
    return text, meta


def is_html(path: Path, text: str) -> bool:
    """Return True for an HTML page: by extension, or by how the text begins."""
    if path.suffix.lower() in (".html", ".htm", ".xhtml"):
        return True
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html"))


def html_text(markup: str) -> tuple[str, dict[str, str]]:
    """Return (the text of the page's article, header fields from its metadata)."""
    from lxml import etree, html

    parser = html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True,
                             recover=True, default_doctype=False)
    try:
        document = html.document_fromstring(markup, parser=parser)
    except (etree.ParserError, ValueError):
        return "", {}
    meta = _metadata(document)
    for element in document.xpath("|".join(f"//{tag}" for tag in _SKIPPED)):
        element.drop_tree()
    root = _article_root(document)
    paragraphs = [p for p in (_block_text(el) for el in _leaf_blocks(root)) if p]
    heading = document.xpath("//h1")
    if heading and not root.xpath(".//h1"):
        title = _collapse(heading[0].text_content())
        if title:
            paragraphs.insert(0, title)
    text = "\n\n".join(paragraphs)
    return BAD_CHARS.sub(" ", text) + ("\n" if text else ""), meta


def _article_root(document: Any) -> Any:
    for path in ("//article", "//main", "//body"):
        found = document.xpath(path)
        if found:
            return max(found, key=lambda el: len(el.text_content()))
    return document


def _leaf_blocks(root: Any) -> list[Any]:
    """Return the block elements that hold no other block element, in document order."""
    result = []
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag not in _BLOCKS:
            continue
        if any(isinstance(d.tag, str) and d.tag in _BLOCKS for d in element.iterdescendants()):
            continue
        result.append(element)
    return result


_BREAK = "\ue000"  # stands for <br> while whitespace is collapsed as a browser does


def _block_text(element: Any) -> str:
    for br in element.iter("br"):
        br.tail = _BREAK + (br.tail or "")
    text = re.sub(r"\s+", " ", element.text_content().replace("\u00a0", " "))
    lines = [line.strip() for line in text.split(_BREAK)]
    return "\n".join(line for line in lines if line)


def _collapse(text: str) -> str:
    return re.sub(r"[ \t\r\f\v\u00a0]+", " ", text).strip()


def _metadata(document: Any) -> dict[str, str]:
    from factsheet.suggest.timestamps import format_stamp

    found: dict[str, str] = {}
    for element in document.xpath("//meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop")
        field = _META.get(key or "")
        value = _collapse(element.get("content") or "")
        if field and value and field not in found:
            found[field] = value
    if "published" not in found:
        stamp = document.xpath("//time[@datetime]")
        if stamp:
            found["published"] = stamp[0].get("datetime")
    for field in ("published", "updated"):
        if field in found:
            try:
                when = dt.datetime.fromisoformat(found[field].replace("Z", "+00:00"))
            except ValueError:
                del found[field]
                continue
            if when.tzinfo is None:
                del found[field]
            else:
                found[field] = format_stamp(when)
    return found
