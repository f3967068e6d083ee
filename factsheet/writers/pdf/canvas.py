"""The canvas a briefing is drawn on."""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab import rl_config
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfdoc import (
    LinkAnnotation,
    NoEncryption,
    PDFArray,
    PDFDestinationXYZ,
    PDFPage,
    PDFStream,
    PDFZCompress,
    format,
)
from reportlab.pdfgen.canvas import Canvas

TOTAL_FORM = "factsheet-page-total"


def canvas_class(font: str, total_style: tuple[str, float, Any], stamp: Any) -> type[Canvas]:
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
            self.beginForm(TOTAL_FORM)
            self.setFont(name, size)
            self.setFillColor(colour)
            self.drawString(0, 0, str(self.getPageNumber() - 1 or 1))
            self.endForm()
            for page in self._doc.Pages.pages:
                _compress_only(page)
            super().save()

        def linkRect(self, contents: str, destinationname: str,
                     Rect: Any = None, addtopage: int = 1, name: Any = None,
                     relative: int = 1, thickness: float = 0, color: Any = None,
                     dashArray: Any = None, **kw: Any) -> Any:
            """Canvas.linkRect, for the borderless links paragraphs make to a named
            destination, with an annotation that writes itself directly."""
            if kw or thickness or color is not None or dashArray:
                return super().linkRect(contents, destinationname, Rect, addtopage, name,
                                        relative, thickness, color, dashArray, **kw)
            link = DestinationLink(Rect=self._absRect(Rect, relative), Contents=contents,
                                   Destination=self._bookmarkReference(destinationname),
                                   Border=PDFArray([0, 0, 0]))
            return self._addAnnotation(link, name, addtopage)

    return BriefingCanvas


def _compress_only(page: PDFPage) -> None:
    """Give ``page`` its content stream as PDFPage would, compressed but not also
    ASCII85-encoded (ReportLab's default, rl_config.useA85, is for files that must stay
    7-bit): the ASCII85 text is a quarter larger, and ReportLab then writes it out one
    character at a time through a charmap codec."""
    if page.Contents or not page.stream or not page.compression:
        return
    stream = PDFStream(content=page.stream, filters=[PDFZCompress])
    stream.__Comment__ = "page stream"
    page.Contents = stream


class DestinationLink(LinkAnnotation):
    """A borderless link annotation to a named destination in the document.

    A briefing has two links per citation (to the note and back), and ReportLab's
    LinkAnnotation writes each through a generic dictionary of generic values. This
    writes the same bytes directly, and leaves anything but the usual case (a point
    destination, no contents, no encryption) to LinkAnnotation.
    """

    def format(self, document: Any) -> bytes:
        rect, target = self.Rect, self.Destination
        point: Any = getattr(target, "fmt", None)
        if (self.otherkw or rl_config.pdfMultiLine or self.Contents != ""
                or not isinstance(document.encrypt, NoEncryption)
                or not isinstance(self.Border, PDFArray) or not _numbers(self.Border.sequence)
                or isinstance(rect, str) or not _numbers(rect)
                or type(point) is not PDFDestinationXYZ or target.page is None
                or not _numbers((point.left, point.top, point.zoom))):
            return super().format(document)  # type: ignore[no-any-return]
        # PDFDictionary's keys in its (sorted) order, the values as format() writes them
        return b"".join((
            b"<<\n/Border [ ", _written(self.Border.sequence),
            b" ] /Contents () /Dest [ ", format(document.Reference(target.page), document),
            b" /XYZ ", _written((point.left, point.top, point.zoom)),
            b" ] /Rect [ ", _written(rect), b" ] /Subtype /Link /Type /Annot\n>>"))


def _numbers(values: Any) -> bool:
    return all(type(value) in (int, float) for value in values)


def _written(numbers: Any) -> bytes:
    """Numbers as PDFArray writes a short array of them, between its brackets."""
    return b" ".join(fp_str(number).encode("ascii") for number in numbers)


def time_stamp(when: dt.datetime) -> Any:
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
