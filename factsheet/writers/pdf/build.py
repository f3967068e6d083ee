"""Lay the document tree out with ReportLab platypus."""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from factsheet.layout import tree as t
from factsheet.writers.pdf.canvas import TOTAL_FORM, canvas_class, time_stamp
from factsheet.writers.pdf.fonts import Family, bundled_family, register_fallback
from factsheet.writers.pdf.frags import SpanMaker, Spans
from factsheet.writers.pdf.para import heading_para, para
from factsheet.writers.pdf.photo import Photo
from factsheet.writers.pdf.table import Rules, make_table


class _Doc(BaseDocTemplate):
    def afterFlowable(self, flowable: Flowable) -> None:
        outline = getattr(flowable, "outline", None)
        if outline is not None:
            title, key, level = outline
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=level - 1, closed=False)


class PdfBuilder:
    def __init__(self, document: t.Document) -> None:
        self.d = document
        self.family: Family = bundled_family()
        page = document.page
        self.pagesize = A4 if page.size == "A4" else LETTER
        top, right, bottom, left = page.margins_mm
        self.margins = (top * mm, right * mm, bottom * mm, left * mm)
        self.width = self.pagesize[0] - (left + right) * mm
        self.colours = page.colours
        self.styles = self._styles()
        fallbacks = tuple(register_fallback(data, i) for i, data in
                          enumerate(page.fallback_fonts))
        self.m = SpanMaker(self.family.covered, tuple((f.name, f.covered) for f in fallbacks),
                           page.colours.accent)

    # -- styles ---------------------------------------------------------------------------
    def _styles(self) -> dict[str, ParagraphStyle]:
        f, page, c = self.family, self.d.page, self.colours
        size = page.body_size_pt
        text, accent, muted = (colors.HexColor(f"#{x}") for x in (c.text, c.accent, c.muted))

        def style(name: str, **kw: Any) -> ParagraphStyle:
            base = {"fontName": f.regular, "fontSize": size, "leading": size * 1.32,
                    "textColor": text, "spaceAfter": 5, "alignment": TA_LEFT}
            base.update(kw)
            return ParagraphStyle(name, **base)

        return {
            "body": style("body"),
            "title": style("title", fontName=f.bold, fontSize=size + 11,
                           leading=(size + 11) * 1.18, textColor=accent, spaceAfter=4),
            "subtitle": style("subtitle", textColor=muted, fontSize=size + 0.5, spaceAfter=6),
            "meta": style("meta", textColor=muted, fontSize=size - 1.5,
                          leading=(size - 1.5) * 1.35),
            "note": style("note", textColor=muted, fontSize=size - 1.5, fontName=f.italic),
            "caption": style("caption", fontName=f.italic, textColor=muted, fontSize=size - 1,
                             leading=(size - 1) * 1.3, spaceAfter=3),
            "quote": style("quote", fontName=f.italic, leftIndent=14, spaceAfter=6),
            "banner": style("banner", fontName=f.bold, fontSize=size - 1.5,
                            textColor=colors.HexColor(f"#{c.banner}"), alignment=TA_CENTER),
            "h1": style("h1", fontName=f.bold, fontSize=size + 3.5, leading=(size + 3.5) * 1.25,
                        textColor=accent, spaceBefore=12, spaceAfter=5),
            "h2": style("h2", fontName=f.bold, fontSize=size + 1.5, textColor=accent,
                        spaceBefore=8),
            "h3": style("h3", fontName=f.bold, fontSize=size + 0.5, textColor=accent,
                        spaceBefore=6),
            "cell": style("cell", fontSize=size - 1, leading=(size - 1) * 1.3, spaceAfter=0),
            "head": style("head", fontName=f.bold, fontSize=size - 1,
                          leading=(size - 1) * 1.3, spaceAfter=0),
            "notes": style("notes", fontSize=size - 2, leading=(size - 2) * 1.35,
                           spaceAfter=2.5, leftIndent=14, firstLineIndent=-14),
        }

    # -- the document ---------------------------------------------------------------------
    def build(self, out: io.BytesIO) -> None:
        meta = self.d.meta
        top, right, bottom, left = self.margins
        doc = _Doc(out, pagesize=self.pagesize, leftMargin=left, rightMargin=right,
                   topMargin=top, bottomMargin=bottom, title=meta.title, author=meta.author,
                   subject=meta.subject, keywords=", ".join(meta.keywords),
                   creator="factsheet", producer="factsheet (ReportLab)", lang=meta.language,
                   invariant=1)
        frame = Frame(left, bottom, self.width, self.pagesize[1] - top - bottom, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        doc.addPageTemplates([PageTemplate("page", [frame], onPage=self._decorate)])
        muted = colors.HexColor(f"#{self.colours.muted}")
        total = (self.family.regular, self.d.page.body_size_pt - 2, muted)
        canvas = canvas_class(self.family.regular, total, time_stamp(meta.created))
        doc.build(self._story(), canvasmaker=canvas)

    def _story(self) -> list[Flowable]:
        story: list[Flowable] = []
        for block in self.d.title_block:
            story += self._block(block)
        story.append(Spacer(1, 4))
        for section in self.d.sections:
            story += self._heading(section.heading)
            for block in section.blocks:
                story += self._block(block)
        if self.d.notes:
            label = str(self.d.labels.get("notes", "Notes"))
            story += self._heading(t.Heading(label, 1, "sec-notes"))
            sources = {(n.article, n.url, n.publisher) for n in self.d.notes}
            single = len(sources) == 1
            if single:  # name the article once, not in every note
                article, url, publisher = next(iter(sources))
                source = self.m.link(article, url) if url else self.m.text(article)
                by = self.m.text(f", {publisher}") if publisher else []
                label = str(self.d.labels.get("source", "Source"))
                story.append(para([*self.m.text(f"{label}: "), *source, *by,
                                   *self.m.text(".")], self.styles["meta"]))
            story += [self._note(n, single) for n in self.d.notes]
        return story

    def _decorate(self, canvas: Canvas, doc: Any) -> None:
        if canvas.getPageNumber() == 1:
            canvas.showOutline()  # open the bookmarks panel
        self._footer(canvas)
        banner = self.d.page.banner
        if not banner:
            return
        canvas.saveState()
        canvas.setFont(self.family.bold, self.d.page.body_size_pt - 1.5)
        canvas.setFillColor(colors.HexColor(f"#{self.colours.banner}"))
        top = self.pagesize[1] - self.margins[0] / 2
        canvas.drawCentredString(self.pagesize[0] / 2, top, banner)
        canvas.restoreState()

    def _footer(self, canvas: Canvas) -> None:
        """"Page X of Y" on the left (Y is a form filled in at save), the title on the right,
        shortened to the room left."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        labels = self.d.labels
        size = self.d.page.body_size_pt - 2
        font = self.family.regular
        left, y = self.margins[3], self.margins[2] / 2
        page = f"{labels.get('page', 'Page')} {canvas.getPageNumber()} {labels.get('of', 'of')} "
        canvas.saveState()
        canvas.setFont(font, size)
        canvas.setFillColor(colors.HexColor(f"#{self.colours.muted}"))
        canvas.drawString(left, y, page)
        canvas.saveState()
        canvas.translate(left + stringWidth(page, font, size), y)
        canvas.doForm(TOTAL_FORM)
        canvas.restoreState()
        room = self.width - stringWidth(page + "9999", font, size) - 12
        title = _fit(self.d.meta.title, font, size, room)
        canvas.drawRightString(self.pagesize[0] - self.margins[1], y, title)
        canvas.restoreState()

    # -- blocks ---------------------------------------------------------------------------
    def _p(self, content: t.Inlines, style: str) -> Paragraph:
        return para(self.m.inlines(content), self.styles[style])

    def _heading(self, heading: t.Heading) -> list[Flowable]:
        """A heading, after a page break if fewer than ~5 lines would follow it on this page.

        (keepWithNext would do it too, but lays the next table out twice to find out.)
        """
        return [CondPageBreak(80), heading_para(self.m.text(heading.text),
                                                self.styles[f"h{heading.level}"], heading.text,
                                                heading.anchor, heading.level)]

    def _block(self, block: t.Block) -> list[Flowable]:
        if isinstance(block, t.Paragraph):
            return [self._p(block.content, block.style)]
        if isinstance(block, t.Heading):
            return self._heading(block)
        if isinstance(block, t.BulletList):
            items = [ListItem(self._p(item, "body"), leftIndent=12,
                              bulletFontName=self.family.regular) for item in block.items]
            return [ListFlowable(items, bulletType="bullet", start="•", leftIndent=12,
                                 bulletFontName=self.family.regular)]
        if isinstance(block, t.Table):
            return [self._table(block), Spacer(1, 8)]
        if isinstance(block, t.Chart):
            return [self._chart(block)]
        if isinstance(block, t.Figure):
            return [self._figure(block)]
        raise TypeError(f"unknown block {block!r}")

    def _table(self, block: t.Table) -> Table:
        rules = Rules(colors.HexColor(f"#{self.colours.muted}"),
                      colors.HexColor(f"#{self.colours.table_header}"))
        return make_table([self.m.text(h) for h in block.header],
                          [[self.m.inlines(cell) for cell in row] for row in block.rows],
                          [self.width * w for w in block.widths],
                          (self.styles["head"], self.styles["cell"]), rules)

    def _chart(self, block: t.Chart) -> Flowable:
        title = block.title + (f" ({block.unit})" if block.unit else "")
        heading = para(self.m.text(title, bold=True), self.styles["cell"])
        bars = _Bars(block.bars, self.width * 0.8, self.family.regular,
                     self.d.page.body_size_pt - 1.5, colors.HexColor(f"#{self.colours.accent}"),
                     colors.HexColor(f"#{self.colours.text}"))
        figures = "; ".join(f"{bar.label}: {bar.display}" for bar in block.bars)
        caption = para(self.m.text(f"{figures}. {block.source}."), self.styles["caption"])
        return KeepTogether([heading, bars, caption, Spacer(1, 6)])

    def _figure(self, block: t.Figure) -> Flowable:
        width = self.width * 0.75
        height = width * block.height_px / max(block.width_px, 1)
        image = Photo(block.data, block.kind, width, height)
        return KeepTogether([image, Spacer(1, 3), self._p(block.caption, "caption")])

    def _note(self, note: t.Note, short: bool = False) -> Paragraph:
        quote = " ".join(note.quote.split())
        label = str(self.d.labels.get("note_paragraph", "paragraph"))
        where: Spans
        if short:
            where = self.m.text(f"{label} {note.paragraph}")
        else:
            article = (self.m.link(note.article, note.url) if note.url
                       else self.m.text(note.article))
            rest = ", ".join(x for x in (note.publisher, f"{label} {note.paragraph}") if x)
            where = [*article, *self.m.text(f", {rest}")]
        return para([*self.m.note_number(note.number), *self.m.text(f" “{quote}” — "),
                     *where, *self.m.text(".")], self.styles["notes"])


class _Bars(Flowable):
    """A horizontal bar chart drawn as vector rectangles and text: one bar per period, its
    label on the left, its value at its end. (ReportLab's chart classes cost a fifth of a
    briefing's render for two small charts.)"""

    BAR, GAP = 14.0, 7.0

    def __init__(self, bars: tuple[t.Bar, ...], width: float, font: str, size: float,
                 fill: Any, ink: Any) -> None:
        super().__init__()
        self.bars, self.font, self.size, self.fill, self.ink = bars, font, size, fill, ink
        self.width = width
        self.height = len(bars) * (self.BAR + self.GAP) + self.GAP

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        canvas = self.canv
        labels = max(stringWidth(b.label, self.font, self.size) for b in self.bars) + 8
        numbers = [markup_number(b.value) for b in self.bars]
        room = self.width - labels - max(stringWidth(n, self.font, self.size)
                                          for n in numbers) - 8
        top = max((b.value for b in self.bars), default=0) or 1
        canvas.setFont(self.font, self.size)
        for i, (bar, number) in enumerate(zip(self.bars, numbers, strict=True)):
            y = self.height - (i + 1) * (self.BAR + self.GAP)
            length = max(0.5, room * max(bar.value, 0) / top)
            canvas.setFillColor(self.ink)
            canvas.drawRightString(labels - 6, y + self.BAR / 2 - self.size / 3, bar.label)
            canvas.setFillColor(self.fill)
            canvas.rect(labels, y, length, self.BAR, stroke=0, fill=1)
            canvas.setFillColor(self.ink)
            canvas.drawString(labels + length + 4, y + self.BAR / 2 - self.size / 3, number)


def _fit(text: str, font: str, size: float, room: float) -> str:
    """Return ``text``, cut with an ellipsis to fit ``room`` points."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(text, font, size) <= room:
        return text
    # The longest prefix that fits with its ellipsis, by bisection: widths only grow with
    # length, and cutting a character at a time was quadratic (13 s for a 10,000-letter word).
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle] + "…", font, size) <= room:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


def markup_number(value: float) -> str:
    """Return a bar label: an integer without decimals, otherwise up to two."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")
