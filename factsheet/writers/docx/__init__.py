"""DOCX writer: draws the layout tree with python-docx, and lxml where python-docx stops.

Supports: Word styles (Title, Subtitle, Heading 1-3, Normal, Caption, Quote, List Bullet,
a "Fact Table" style with a repeated header row), citations as real footnotes, hyperlinks,
section bookmarks, page size and margins, banner header, "page X of Y" footer, document
properties and language, byte-identical output for the same input.
Photos are embedded with their alt text and an internal name ("Photo 1"), never the file
name; comparisons become native bar charts (writers/docx/chart.py).
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from factsheet.layout import tree as t

__all__ = ["render_docx"]


@dataclass
class _State:
    """What accumulates while writing one document."""

    doc: Any
    footnotes: Any
    page: t.Page
    language: str
    paragraph_label: str = "paragraph"
    body: Any = None
    usable: int = 0  # text width in EMU
    bookmarks: int = 0
    charts: int = 0
    pictures: int = 0
    written_notes: set[int] = field(default_factory=set)


def render_docx(document: t.Document, reference: bytes | None = None) -> bytes:
    """Return the DOCX bytes of ``document``; with ``reference`` (a checked .docx, see
    ``writers/docx/reference.py``), its styles and page setup are used instead of ours."""
    from docx import Document

    from factsheet.writers.docx.footnotes import Footnotes
    from factsheet.writers.docx.package import write_package
    from factsheet.writers.docx.styles import apply_styles

    if reference is not None:
        doc = Document(io.BytesIO(reference))
        _clear_body(doc)
        _drop_parts_we_write(doc)
        apply_styles(doc, document.page, document.meta.language, keep_existing=True)
    else:
        doc = Document(io.BytesIO(_styled_base(document.page, document.meta.language)))
    _page_setup(doc, document, keep_page=reference is not None)
    section = doc.sections[0]
    state = _State(doc, Footnotes(doc), document.page, document.meta.language,
                   str(document.labels.get("note_paragraph", "paragraph")), doc.element.body,
                   section.page_width - section.left_margin - section.right_margin)
    notes = {n.number: n for n in document.notes}
    for block in document.title_block:
        _block(state, block, notes)
    for section in document.sections:
        _heading(state, section.heading)
        for block in section.blocks:
            _block(state, block, notes)
    _properties(doc, document.meta)
    return write_package(doc, document.meta)


@cache
def _styled_base(page: t.Page, language: str) -> bytes:
    """Return an empty document with our styles applied (made once per template)."""
    from docx import Document

    from factsheet.writers.docx.styles import apply_styles, prune_styles

    doc = Document()
    _clear_body(doc)
    apply_styles(doc, page, language)
    prune_styles(doc)
    _drop_unused_parts(doc)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


_UNUSED = ("stylesWithEffects", "customXml")


def _drop_unused_parts(doc: Any) -> None:
    """Drop parts of python-docx's default template a briefing never uses (Word 2010's
    stylesWithEffects copy of the styles, sample custom XML): 0.8 MB of XML to parse,
    serialise and compress on every render."""
    for owner in (doc.part, doc.part.package):
        for r_id, rel in list(owner.rels.items()):
            if any(name in rel.reltype for name in _UNUSED):
                del owner.rels[r_id]


def _clear_body(doc: Any) -> None:
    body = doc.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)


def _drop_parts_we_write(doc: Any) -> None:
    """Forget a reference document's own footnotes, header/footer content, and the charts,
    images and links of the body that was cleared: left in, its charts would collide with
    ours (two ``word/charts/chart1.xml`` in one package) and its images would be dead weight."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml.ns import qn

    for r_id, rel in list(doc.part.rels.items()):
        if rel.reltype in (RT.FOOTNOTES, RT.ENDNOTES, RT.CHART, RT.IMAGE, RT.HYPERLINK):
            del doc.part.rels[r_id]
    settings = doc.settings.element
    for tag in ("w:footnotePr", "w:endnotePr"):
        for node in settings.findall(qn(tag)):
            settings.remove(node)
    for section in doc.sections:
        for part in (section.header, section.footer):
            part.is_linked_to_previous = True


def _page_setup(doc: Any, document: t.Document, keep_page: bool = False) -> None:
    from docx.shared import Mm

    from factsheet.writers.docx.oxml import field as add_field
    from factsheet.writers.docx.styles import BANNER_STYLE, META_STYLE

    section = doc.sections[0]
    if not keep_page:
        width, height = (210, 297) if document.page.size == "A4" else (215.9, 279.4)
        section.page_width, section.page_height = Mm(width), Mm(height)
        top, right, bottom, left = document.page.margins_mm
        section.top_margin, section.right_margin = Mm(top), Mm(right)
        section.bottom_margin, section.left_margin = Mm(bottom), Mm(left)
        section.header_distance = section.footer_distance = Mm(max(6.0, min(top, bottom) / 2))
    header = section.header.paragraphs[0]
    if document.page.logo is not None:
        _picture(header, document.page.logo, int(Mm(30)), "Logo", "Logo")
        header = section.header.add_paragraph()
    if document.page.banner:
        header.style = doc.styles[BANNER_STYLE]
        header.add_run(document.page.banner)
    footer = section.footer.paragraphs[0]
    footer.style = doc.styles[META_STYLE]
    footer.alignment = 2  # right
    footer.add_run(f"{document.meta.title} · ")
    page_word = document.labels.get("page", "Page")
    of_word = document.labels.get("of", "of")
    footer.add_run(f"{page_word} ")
    add_field(footer._p, "PAGE", "1")
    footer.add_run(f" {of_word} ")
    add_field(footer._p, "NUMPAGES", "1")


def _heading(state: _State, heading: t.Heading) -> None:
    from factsheet.writers.docx.oxml import bookmark, text_run

    paragraph = _paragraph(state, f"Heading{heading.level}")
    paragraph.append(text_run(heading.text))
    state.bookmarks += 1
    bookmark(paragraph, state.bookmarks, heading.anchor)


def _paragraph(state: _State, style_id: str) -> Any:
    """Append an empty ``w:p`` with paragraph style ``style_id`` to the body and return it.

    Style ids are set directly: python-docx resolves a style *name* by scanning every
    style of the document, which made paragraphs ten times slower to add.
    """
    from factsheet.writers.docx.oxml import el

    paragraph = el("w:p")
    if style_id != "Normal":
        props = el("w:pPr")
        props.append(el("w:pStyle", val=style_id))
        paragraph.append(props)
    state.body.insert(len(state.body) - 1, paragraph)  # the section properties stay last
    return paragraph


_PARAGRAPH_STYLES = {"body": "Normal", "title": "Title", "subtitle": "Subtitle",
                     "caption": "Caption", "quote": "Quote", "banner": "BriefingBanner",
                     "meta": "BriefingMeta", "note": "BriefingMeta"}


def _block(state: _State, block: t.Block, notes: dict[int, t.Note]) -> None:
    if isinstance(block, t.Paragraph):
        paragraph = _paragraph(state, _PARAGRAPH_STYLES[block.style])
        _inlines(state, paragraph, block.content, notes)
    elif isinstance(block, t.Heading):
        _heading(state, block)
    elif isinstance(block, t.BulletList):
        for item in block.items:
            _inlines(state, _paragraph(state, "ListBullet"), item, notes)
    elif isinstance(block, t.Table):
        _table(state, block, notes)
    elif isinstance(block, t.Chart):
        _chart(state, block)
    elif isinstance(block, t.Figure):
        _figure(state, block, notes)


def _inlines(state: _State, paragraph: Any, content: t.Inlines, notes: dict[int, t.Note]
             ) -> None:
    from factsheet.writers.docx.oxml import footnote_reference, hyperlink, text_run

    previous: t.Inline | None = None
    for item in content:
        if isinstance(item, t.Cite) and isinstance(previous, t.Cite):
            paragraph.append(text_run(",", style="FootnoteReference"))  # 7,8 and not 78
        previous = item
        if isinstance(item, t.Run):
            if item.text:
                paragraph.append(text_run(item.text, bold=item.bold, italic=item.italic))
        elif isinstance(item, t.Cite):
            paragraph.append(footnote_reference(item.number))
            _footnote(state, notes[item.number])
        else:
            if item.url.startswith("#"):
                paragraph.append(hyperlink(None, item.text, anchor=item.url[1:]))
            else:
                from docx.opc.constants import RELATIONSHIP_TYPE

                r_id = state.doc.part.relate_to(item.url, RELATIONSHIP_TYPE.HYPERLINK,
                                                is_external=True)
                paragraph.append(hyperlink(r_id, item.text))


def _footnote(state: _State, note: t.Note) -> None:
    if note.number in state.written_notes:
        return
    state.written_notes.add(note.number)
    quote = " ".join(note.quote.split())
    where = ", ".join(x for x in (note.publisher, f"{state.paragraph_label} {note.paragraph}")
                      if x)
    state.footnotes.add(note.number, [(f"“{quote}” — ", None), (note.article, note.url),
                                      (f", {where}.", None)])


def _table(state: _State, block: t.Table, notes: dict[int, t.Note]) -> None:
    """Write a "Fact Table": fixed column widths, a header row repeated on every page, rows
    kept whole. Built as WordprocessingML directly: python-docx's row and cell-width API
    rebuilt the same XML several times over and dominated the render."""
    from factsheet.writers.docx.oxml import el, text_run
    from factsheet.writers.docx.styles import TABLE_STYLE

    twips = [str(int(state.usable * w / 635)) for w in block.widths]  # 635 EMU per twip
    table = el("w:tbl")
    props = el("w:tblPr")
    props.append(el("w:tblStyle", val=TABLE_STYLE.replace(" ", "")))
    props.append(el("w:tblW", w=str(sum(int(x) for x in twips)), type="dxa"))
    props.append(el("w:tblLayout", type="fixed"))
    props.append(el("w:tblLook", val="0420", firstRow="1", lastRow="0", firstColumn="0",
                    lastColumn="0", noHBand="0", noVBand="1"))
    table.append(props)
    grid = el("w:tblGrid")
    for width in twips:
        grid.append(el("w:gridCol", w=width))
    table.append(grid)
    header = [(t.Run(text),) for text in block.header]
    for number, row in enumerate([header, *block.rows]):
        tr = el("w:tr")
        trpr = el("w:trPr")
        trpr.append(el("w:cantSplit"))
        if number == 0:
            trpr.append(el("w:tblHeader"))
        tr.append(trpr)
        for content, width in zip(row, twips, strict=True):
            tc = el("w:tc")
            tcpr = el("w:tcPr")
            tcpr.append(el("w:tcW", w=width, type="dxa"))
            tc.append(tcpr)
            paragraph = el("w:p")
            if number == 0:
                paragraph.append(text_run(content[0].text))  # bold from the table style
            else:
                _inlines(state, paragraph, content, notes)
            tc.append(paragraph)
            tr.append(tc)
        table.append(tr)
    state.body.insert(len(state.body) - 1, table)
    _paragraph(state, "Normal")


def _chart(state: _State, block: t.Chart) -> None:
    """Draw a comparison as a native bar chart, its values and source in the caption."""
    from factsheet.writers.docx.chart import add_chart
    from factsheet.writers.docx.oxml import keep_with_next, text_run

    state.charts += 1
    width = int(state.usable * 0.8)
    figures = "; ".join(f"{bar.label}: {bar.display}" for bar in block.bars)
    holder = _paragraph(state, "Normal")
    keep_with_next(holder)
    add_chart(state.doc, holder, block, state.charts, state.page, state.language, width,
              alt=f"{block.title}. {figures}. {block.source}.")
    # The figures are cited in the statistics table; a Word footnote has one reference.
    _paragraph(state, "Caption").append(text_run(f"{figures}. {block.source}."))


def _figure(state: _State, block: t.Figure, notes: dict[int, t.Note]) -> None:
    """Embed a photo with its alt text; the caption follows it."""
    from docx.text.paragraph import Paragraph

    from factsheet.writers.docx.oxml import keep_with_next

    holder = _paragraph(state, "Normal")
    keep_with_next(holder)
    state.pictures += 1
    _picture(Paragraph(holder, state.doc._body), block.data, int(state.usable * 0.75),
             f"Photo {state.pictures}", block.alt)
    _inlines(state, _paragraph(state, "Caption"), block.caption, notes)
    # The credit line follows in the layout's details paragraph.


def _picture(paragraph: Any, data: bytes, width: int, name: str, alt: str) -> None:
    """Add an inline picture whose name and description are ours, not the file's.

    The height comes from the pixel size, so python-docx never divides by the resolution a
    file declares (0 dpi is legal in a PNG or JPEG header). An image python-docx cannot
    identify (a JPEG with neither JFIF nor Exif segment) goes in re-encoded as PNG.
    """
    from docx.image.exceptions import UnrecognizedImageError
    from docx.oxml.ns import qn

    from factsheet.images import declared_size

    pixels_wide, pixels_high = declared_size(data)
    height = round(width * pixels_high / pixels_wide) if pixels_wide and pixels_high else None
    run = paragraph.add_run()
    try:
        inline = run.add_picture(io.BytesIO(data), width=width, height=height)._inline
    except UnrecognizedImageError:
        inline = run.add_picture(io.BytesIO(_as_png(data)), width=width,
                                 height=height)._inline
    inline.docPr.set("name", name)
    inline.docPr.set("descr", alt)
    for cnvpr in inline.iter(qn("pic:cNvPr")):
        cnvpr.set("name", name)
        cnvpr.set("descr", alt)


def _as_png(data: bytes) -> bytes:
    """Return the image re-encoded as a PNG with no metadata (the same bytes every time)."""
    from PIL import Image

    out = io.BytesIO()
    with Image.open(io.BytesIO(data)) as image:
        image.save(out, format="PNG", optimize=False)
    return out.getvalue()


def _properties(doc: Any, meta: t.Meta) -> None:
    props = doc.core_properties
    # Word limits each property to 255 characters (python-docx raises past that).
    props.title = _clip(meta.title)
    props.subject = _clip(meta.subject)
    props.author = _clip(meta.author)
    props.keywords = _clip(", ".join(meta.keywords))
    props.language = meta.language
    props.category = "Briefing"
    props.comments = ""
    props.last_modified_by = "factsheet"
    props.revision = 1
    props.created = _naive_utc(meta.created)
    props.modified = _naive_utc(meta.modified)
    props.last_printed = props.created


def _clip(text: str, limit: int = 255) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _naive_utc(when: dt.datetime) -> dt.datetime:
    """Return ``when`` in UTC without a zone: python-docx writes naive times as UTC."""
    return when.astimezone(dt.UTC).replace(tzinfo=None) if when.tzinfo else when
