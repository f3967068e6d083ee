"""The WordprocessingML python-docx has no API for: footnote references, hyperlinks,
bookmarks, fields, table header rows, shading. Small builders over lxml."""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn
from docx.oxml.parser import oxml_parser

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def el(tag: str, **attrs: str) -> Any:
    """Return a new element ``tag`` (``w:p``) with ``w:`` attributes.

    Made with the parser's makeelement (python-docx's element classes still apply):
    python-docx's OxmlElement parses a small XML string per element, ten times slower.
    """
    name = _CLARK.get(tag)
    if name is None:
        name = _CLARK[tag] = qn(tag)
    node = oxml_parser.makeelement(name, nsmap=_NSMAP)
    for key, value in attrs.items():
        node.set(_W_ATTR + key, value)
    return node


# A document makes ~1,700 elements: their tag names and the namespace map are made once.
_CLARK: dict[str, str] = {}
_NSMAP = {"w": _W}
_W_ATTR = f"{{{_W}}}"


def text_run(text: str, *, bold: bool = False, italic: bool = False, style: str | None = None
             ) -> Any:
    """Return ``<w:r>`` holding ``text`` (tabs and line breaks become w:tab / w:br)."""
    run = el("w:r")
    props = _run_props(bold=bold, italic=italic, style=style)
    if props is not None:
        run.append(props)
    for i, line in enumerate(text.split("\n")):
        if i:
            run.append(el("w:br"))
        for j, part in enumerate(line.split("\t")):
            if j:
                run.append(el("w:tab"))
            if part:
                t = el("w:t")
                t.text = part
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                run.append(t)
    return run


def _run_props(*, bold: bool = False, italic: bool = False, style: str | None = None) -> Any:
    if not (bold or italic or style):
        return None
    props = el("w:rPr")
    if style:
        props.append(el("w:rStyle", val=style))
    if bold:
        props.append(el("w:b"))
    if italic:
        props.append(el("w:i"))
    return props


def footnote_reference(number: int) -> Any:
    """Return the run that places footnote ``number`` in the text."""
    run = el("w:r")
    run.append(_run_props(style="FootnoteReference"))
    run.append(el("w:footnoteReference", id=str(number)))
    return run


def hyperlink(r_id: str | None, text: str, anchor: str | None = None) -> Any:
    """Return ``<w:hyperlink>`` to an external relationship or an internal bookmark."""
    link = el("w:hyperlink")
    if r_id is not None:
        link.set(qn("r:id"), r_id)
    if anchor is not None:
        link.set(qn("w:anchor"), anchor)
    link.append(text_run(text, style="Hyperlink"))
    return link


def bookmark(paragraph: Any, number: int, name: str) -> None:
    """Wrap the content of ``paragraph`` (a ``w:p``) in bookmark ``name``."""
    start = el("w:bookmarkStart", id=str(number), name=name)
    ppr = paragraph.find(qn("w:pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        paragraph.insert(0, start)
    paragraph.append(el("w:bookmarkEnd", id=str(number)))


def field(paragraph: Any, instruction: str, cached: str) -> None:
    """Append a complex field (PAGE, NUMPAGES...) with a cached result to ``paragraph``."""
    for kind, extra in (("begin", None), ("instr", instruction), ("separate", None),
                        ("text", cached), ("end", None)):
        run = el("w:r")
        if kind == "instr":
            node = el("w:instrText")
            node.text = f" {extra} "
            node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            run.append(node)
        elif kind == "text":
            node = el("w:t")
            node.text = extra or ""
            run.append(node)
        else:
            run.append(el("w:fldChar", fldCharType=kind))
        paragraph.append(run)


def repeat_header(row: Any) -> None:
    """Mark a table row (``docx`` row object) as a header repeated on every page."""
    trpr = row._tr.get_or_add_trPr()
    trpr.append(el("w:cantSplit"))
    trpr.append(el("w:tblHeader"))


def keep_together(row: Any) -> None:
    """Keep a table row on one page."""
    row._tr.get_or_add_trPr().append(el("w:cantSplit"))


def shade(cell: Any, fill: str) -> None:
    """Fill a table cell with colour ``fill`` (RRGGBB)."""
    tcpr = cell._tc.get_or_add_tcPr()
    tcpr.append(el("w:shd", val="clear", color="auto", fill=fill))


def set_language(rpr_default: Any, language: str) -> None:
    """Set the proofing language of the document defaults."""
    lang = rpr_default.find(qn("w:lang"))
    if lang is None:
        lang = el("w:lang")
        rpr_default.append(lang)
    lang.set(qn("w:val"), language)
    lang.set(qn("w:eastAsia"), language)
    lang.set(qn("w:bidi"), language)


def fixed_layout(table: Any) -> None:
    """Lay ``table`` out with its own column widths, not by content."""
    tblpr = table._tbl.tblPr
    layout = el("w:tblLayout", type="fixed")
    tblpr.append(layout)


def keep_with_next(paragraph: Any) -> None:
    """Keep ``paragraph`` (a ``w:p``) on the page of the one after it."""
    props = paragraph.find(qn("w:pPr"))
    if props is None:
        props = el("w:pPr")
        paragraph.insert(0, props)
    props.append(el("w:keepNext"))
