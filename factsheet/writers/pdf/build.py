"""Lay the document tree out with ReportLab platypus."""

from __future__ import annotations

import datetime as dt
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


class _Para(Paragraph):
    """A paragraph that breaks its lines once per width.

    Tables, keep-with-next and keep-together ask a paragraph for its size several times at
    the same width; its lines depend on the width alone, so the first answer is kept.
    """

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # split() drops the broken lines (blPara): then the paragraph must wrap again.
        if getattr(self, "_wrapped_for", None) == availWidth and hasattr(self, "blPara"):
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped_for = availWidth
        return size


class _Heading(_Para):
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
    utc = when.astimezone(dt.UTC)
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
        canvas = _canvas_class(self.family.regular, total, _time_stamp(meta.created))
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
                by = f", {self.m.text(publisher)}" if publisher else ""
                story.append(_Para(f"{self.m.text(str(self.d.labels.get('source', 'Source')))}"
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
        return _Para(self.m.inlines(content), self.styles[style])

    def _heading(self, heading: t.Heading) -> list[Flowable]:
        """A heading, after a page break if fewer than ~5 lines would follow it on this page.

        (keepWithNext would do it too, but lays the next table out twice to find out.)
        """
        return [CondPageBreak(80), _Heading(self.m.text(heading.text),
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
        header = [_Para(self.m.text(h), self.styles["head"]) for h in block.header]
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
        title = block.title + (f" ({block.unit})" if block.unit else "")
        heading = _Para(f"<b>{self.m.text(title)}</b>", self.styles["cell"])
        bars = _Bars(block.bars, self.width * 0.8, self.family.regular,
                     self.d.page.body_size_pt - 1.5, colors.HexColor(f"#{self.colours.accent}"),
                     colors.HexColor(f"#{self.colours.text}"))
        figures = "; ".join(f"{bar.label}: {bar.display}" for bar in block.bars)
        caption = _Para(self.m.text(f"{figures}. {block.source}."), self.styles["caption"])
        return KeepTogether([heading, bars, caption, Spacer(1, 6)])

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
        return _Para(
            f'<a name="note-{note.number}"/><a href="#cite-{note.number}" '
            f'color="#{self.colours.accent}">{note.number}.</a> “{quote}” — {where}.',
            self.styles["notes"])


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
    while text and stringWidth(text + "…", font, size) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def markup_number(value: float) -> str:
    """Return a bar label: an integer without decimals, otherwise up to two."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")
