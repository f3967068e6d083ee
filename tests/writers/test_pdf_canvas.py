"""How the PDF writer's canvas and photos write the file (writers/pdf/canvas.py, photo.py),
against ReportLab's own way: link annotations byte for byte, page content streams and
the photo the same once decoded, only without their ASCII85 layer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from _pdf_reading import reader
from reportlab.pdfbase.pdfdoc import LinkAnnotation
from reportlab.pdfgen.canvas import Canvas

import factsheet
from factsheet.writers.pdf import canvas as briefing_canvas
from factsheet.writers.pdf import photo

ROOT = Path(__file__).parent.parent.parent
DANUBE = ROOT / "examples" / "danube" / "danube-pact.yaml"
PHOTO = ROOT / "examples" / "danube" / "signing.jpg"


def render() -> bytes:
    return factsheet.render(factsheet.load(DANUBE), "pdf")


def with_reportlab_links(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make links with Canvas.linkRect and write them with LinkAnnotation.format."""
    made = briefing_canvas.canvas_class

    def stock(*args: Any) -> type[Canvas]:
        cls = made(*args)
        cls.linkRect = Canvas.linkRect  # type: ignore[method-assign]
        return cls

    monkeypatch.setattr("factsheet.writers.pdf.build.canvas_class", stock)
    monkeypatch.setattr(briefing_canvas.DestinationLink, "format", LinkAnnotation.format)


def test_links_are_written_as_reportlab_writes_them(monkeypatch: pytest.MonkeyPatch) -> None:
    ours = render()
    assert ours.count(b"/Subtype /Link") > 28  # a citation and its note link both ways
    with_reportlab_links(monkeypatch)
    assert render() == ours


def page_streams(data: bytes) -> list[tuple[list[str], bytes]]:
    """Each page's content stream: its filters, and its content once decoded."""
    streams = [page["/Contents"].get_object() for page in reader(data).pages]
    return [(list(stream["/Filter"]), stream.get_data()) for stream in streams]


def test_page_streams_are_compressed_without_ascii85(monkeypatch: pytest.MonkeyPatch) -> None:
    ours = page_streams(render())
    monkeypatch.setattr(briefing_canvas, "_compress_only", lambda page: None)
    reportlabs = page_streams(render())
    assert [filters for filters, _ in ours] == [["/FlateDecode"]] * len(ours)
    assert [filters for filters, _ in reportlabs] == [["/ASCII85Decode", "/FlateDecode"]] * 4
    assert [content for _, content in ours] == [content for _, content in reportlabs]


def test_the_photo_is_the_jpeg_file_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    def embedded(data: bytes) -> list[tuple[Any, ...]]:
        found = []
        for page in reader(data).pages:
            for xobject in (page["/Resources"].get("/XObject") or {}).values():
                image = xobject.get_object()
                if image.get("/Subtype") == "/Image":
                    found.append((image["/Width"], image["/Height"], image["/ColorSpace"],
                                  list(image["/Filter"]), image.get_data()))
        return found

    ((width, height, space, filters, data),) = embedded(render())
    assert (width, height, space, filters) == (960, 540, "/DeviceRGB", ["/DCTDecode"])
    assert data == PHOTO.read_bytes()
    monkeypatch.setattr(photo, "_embed_as_is", lambda image, data: None)
    ((*_, reportlab_filters, reportlab_data),) = embedded(render())
    assert reportlab_filters == ["/ASCII85Decode", "/DCTDecode"]
    assert reportlab_data == data
