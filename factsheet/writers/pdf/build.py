"""Lay the document tree out with ReportLab platypus."""

from __future__ import annotations

import io
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from factsheet.layout import tree as t
from factsheet.writers.pdf.fonts import Family, bundled_family, register_fallback
from factsheet.writers.pdf.markup import Markup


class _Heading(Paragraph):
    """A heading that becomes an outline entry (bookmark) where it is drawn."""

    def __init__(self, text: str, style: ParagraphStyle, title: str, key: str, level: int
                 ) -> None:
        super().__init__(text, style)
        self.outline = (title, key, level)


class _Doc(BaseDocTemplate):
    def afterFlowable(self, flowable: Flowable) -> None:
        outline = getattr(flowable, "outline", None)
        if outline is not None:
            title, key, level = outline
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=level - 1, closed=False)


_TOTAL_FORM = "factsheet-page-total"


def _canvas_class(font: str, total_style: tuple[str, float, Any], stamp: Any) -> type[Canvas]:
    """Return the canvas class for one document.

    Pages are written as they are made (bookmarks and links must know their real page), and
    the page total is a form drawn on every page but filled in only at save. The canvas
    starts in our font (ReportLab's Helvetica would be listed on every page) and stamps the
    article's date, as SOURCE_DATE_EPOCH would, instead of the current time.
    """

    class BriefingCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["initialFontName"] = font  # the doc template passes None explicitly
            super().__init__(*args, **kwargs)
            if stamp is not None:
                self._doc._timeStamp = stamp

        def save(self) -> None:
            name, size, colour = total_style
            self.beginForm(_TOTAL_FORM)
            self.setFont(name, size)
            self.setFillColor(colour)
            self.drawString(0, 0, str(self.getPageNumber() - 1 or 1))
            self.endForm()
            super().save()

    return BriefingCanvas


def _time_stamp(when: Any) -> Any:
    """Return a ReportLab time stamp for ``when`` (UTC), or None under SOURCE_DATE_EPOCH."""
    import os

    from reportlab.lib.utils import TimeStamp

    if os.environ.get("SOURCE_DATE_EPOCH", "").strip():
        return None
    stamp = TimeStamp(invariant=1)
    utc = when.astimezone(__import__("datetime").UTC)
    stamp.t = utc.timestamp()
    stamp.lt = utc.timetuple()
    stamp.YMDhms = tuple(stamp.lt)[:6]
    stamp.dhh = stamp.dmm = 0
    stamp.tzname = "UTC"
    return stamp


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
        self.m = Markup(self.family.covered, tuple((f.name, f.covered) for f in fallbacks),
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
                        textColor=accent, spaceBefore=12, spaceAfter=5, keepWithNext=1),
            "h2": style("h2", fontName=f.bold, fontSize=size + 1.5, textColor=accent,
                        spaceBefore=8, keepWithNext=1),
            "h3": style("h3", fontName=f.bold, fontSize=size + 0.5, textColor=accent,
                        spaceBefore=6, keepWithNext=1),
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
        canvas = _canvas_class(self.family.regular, total, _time_stamp(meta.created))
        doc.build(self._story(), canvasmaker=canvas)

    def _story(self) -> list[Flowable]:
        story: list[Flowable] = []
        for block in self.d.title_block:
            story += self._block(block)
        story.append(Spacer(1, 4))
        for section in self.d.sections:
            story.append(self._heading(section.heading))
            for block in section.blocks:
                story += self._block(block)
        if self.d.notes:
            label = str(self.d.labels.get("notes", "Notes"))
            story.append(self._heading(t.Heading(label, 1, "sec-notes")))
            sources = {(n.article, n.url, n.publisher) for n in self.d.notes}
            single = len(sources) == 1
            if single:  # name the article once, not in every note
                article, url, publisher = next(iter(sources))
                source = self.m.link(article, url) if url else self.m.text(article)
                by = f", {self.m.text(publisher)}" if publisher else ""
                story.append(Paragraph(f"{self.m.text(str(self.d.labels.get('source', 'Source')))}"
                                       f": {source}{by}.", self.styles["meta"]))
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
        canvas.doForm(_TOTAL_FORM)
        canvas.restoreState()
        room = self.width - stringWidth(page + "9999", font, size) - 12
        title = _fit(self.d.meta.title, font, size, room)
        canvas.drawRightString(self.pagesize[0] - self.margins[1], y, title)
        canvas.restoreState()

    # -- blocks ---------------------------------------------------------------------------
    def _p(self, content: t.Inlines, style: str) -> Paragraph:
        return Paragraph(self.m.inlines(content), self.styles[style])

    def _heading(self, heading: t.Heading) -> Flowable:
        return _Heading(self.m.text(heading.text), self.styles[f"h{heading.level}"],
                        heading.text, heading.anchor, heading.level)

    def _block(self, block: t.Block) -> list[Flowable]:
        if isinstance(block, t.Paragraph):
            return [self._p(block.content, block.style)]
        if isinstance(block, t.Heading):
            return [self._heading(block)]
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
        header = [Paragraph(self.m.text(h), self.styles["head"]) for h in block.header]
        rows = [[self._p(cell, "cell") for cell in row] for row in block.rows]
        table = Table([header, *rows], colWidths=[self.width * w for w in block.widths],
                      repeatRows=1, splitByRow=1, splitInRow=1, hAlign="LEFT")
        muted = colors.HexColor(f"#{self.colours.muted}")
        table.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(f"#{self.colours.table_header}")),
            ("LINEABOVE", (0, 0), (-1, 0), 0.5, muted),
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, muted),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTNAME", (0, 0), (-1, -1), self.family.regular),  # not Helvetica
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ]))
        return table

    def _chart(self, block: t.Chart) -> Flowable:
        size = self.d.page.body_size_pt
        width, bar_height = self.width * 0.8, 16
        height = 12 + bar_height * 1.6 * len(block.bars)
        drawing = Drawing(width, height)
        drawing.initialFontName = self.family.regular  # the renderer starts in Helvetica
        chart = HorizontalBarChart()
        chart.x, chart.y = 70, 6
        chart.width, chart.height = width - 140, height - 12
        chart.data = [[bar.value for bar in block.bars]]
        chart.categoryAxis.categoryNames = [bar.label for bar in block.bars]
        chart.categoryAxis.reverseDirection = 1
        chart.categoryAxis.labels.fontName = self.family.regular
        chart.categoryAxis.labels.fontSize = size - 1.5
        chart.categoryAxis.labels.boxAnchor = "e"
        chart.categoryAxis.strokeColor = colors.HexColor(f"#{self.colours.muted}")
        chart.valueAxis.visible = 0
        chart.valueAxis.valueMin = 0
        chart.bars[0].fillColor = colors.HexColor(f"#{self.colours.accent}")
        chart.bars[0].strokeColor = None
        chart.barLabelFormat = lambda v: markup_number(v)
        chart.barLabels.fontName = self.family.regular
        chart.barLabels.fontSize = size - 1.5
        chart.barLabels.boxAnchor = "w"
        chart.barLabels.dx = 3
        drawing.add(chart)
        title = block.title + (f" ({block.unit})" if block.unit else "")
        heading = Paragraph(f"<b>{self.m.text(title)}</b>", self.styles["cell"])
        figures = "; ".join(f"{bar.label}: {bar.display}" for bar in block.bars)
        caption = Paragraph(self.m.text(f"{figures}. {block.source}."), self.styles["caption"])
        return KeepTogether([heading, drawing, caption, Spacer(1, 6)])

    def _figure(self, block: t.Figure) -> Flowable:
        width = self.width * 0.75
        height = width * block.height_px / max(block.width_px, 1)
        image = Image(io.BytesIO(block.data), width=width, height=height, hAlign="LEFT")
        return KeepTogether([image, Spacer(1, 3), self._p(block.caption, "caption")])

    def _note(self, note: t.Note, short: bool = False) -> Paragraph:
        quote = self.m.text(" ".join(note.quote.split()))
        label = str(self.d.labels.get("note_paragraph", "paragraph"))
        if short:
            where = self.m.text(f"{label} {note.paragraph}")
        else:
            article = (self.m.link(note.article, note.url) if note.url
                       else self.m.text(note.article))
            where = article + ", " + ", ".join(
                self.m.text(x) for x in (note.publisher, f"{label} {note.paragraph}") if x)
        return Paragraph(
            f'<a name="note-{note.number}"/><a href="#cite-{note.number}" '
            f'color="#{self.colours.accent}">{note.number}.</a> “{quote}” — {where}.',
            self.styles["notes"])


def _fit(text: str, font: str, size: float, room: float) -> str:
    """Return ``text``, cut with an ellipsis to fit ``room`` points."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(text, font, size) <= room:
        return text
    while text and stringWidth(text + "…", font, size) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def markup_number(value: float) -> str:
    """Return a bar label: an integer without decimals, otherwise up to two."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")
