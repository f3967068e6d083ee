"""Reading a PDF back the way a viewer does, for the PDF writer's tests (pypdf only).

Nothing here knows how the writer works: pages, their text and the font each piece of text
is drawn in, link annotations and where they lead, the outline, fonts and images in the
resources, and how wide a piece of text is in the face it names.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

#: The base fonts every PDF viewer has; none may be used, embedded or not.
STANDARD_14 = ("Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic", "Helvetica",
               "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique", "Courier",
               "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Symbol",
               "ZapfDingbats")
#: A subset of one of the four Roboto faces: six capitals, "+", the face's PostScript name.
ROBOTO_SUBSET = re.compile(r"^[A-Z]{6}\+Roboto-(Regular|Bold|Italic|BoldItalic)$")


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def info(data: bytes) -> Any:
    """The document information dictionary (title, author ...)."""
    found = reader(data).metadata
    assert found is not None, "no document information"
    return found


def catalog(data: bytes) -> Any:
    """The document catalog (/Root): /Lang, /Outlines, /Names ..."""
    return reader(data).trailer["/Root"]


def norm(text: str) -> str:
    """Whitespace collapsed: a PDF breaks lines anywhere and pypdf adds spaces at starts."""
    return " ".join(text.split())


def squeeze(text: str) -> str:
    """All whitespace removed, for words split across lines (a long word has no spaces)."""
    return re.sub(r"\s+", "", text)


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() for page in reader(data).pages]


# -- text and the font it is drawn in -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Chunk:
    """A piece of text as drawn: its page (0-based), face, size and start on the page."""

    page: int
    text: str
    font: str  # the BaseFont without its subset tag: "Roboto-Bold"
    size: float
    x: float
    y: float

    @property
    def bold(self) -> bool:
        return self.font.endswith(("-Bold", "-BoldItalic"))


def chunks(data: bytes) -> list[Chunk]:
    """Every non-blank piece of text pypdf reports, with the font it is shown in."""
    found: list[Chunk] = []
    for number, page in enumerate(reader(data).pages):

        def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float,
                  number: int = number) -> None:
            if not text.strip() or not font:
                return
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            scale = math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1])
            base = str(font.get("/BaseFont", "")).lstrip("/")
            found.append(Chunk(number, text, base.split("+", 1)[-1], size * scale, x, y))

        page.extract_text(visitor_text=visit)
    return found


@cache
def _measuring_faces() -> dict[str, str]:
    """Register the four Roboto faces under names of this module's own, for stringWidth."""
    import font_roboto
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = Path(font_roboto.__file__).parent / "files"
    names = {}
    for face in ("Regular", "Bold", "Italic", "BoldItalic"):
        name = f"PdfTests-Roboto-{face}"
        pdfmetrics.registerFont(TTFont(name, str(folder / f"Roboto-{face}.ttf")))
        names[f"Roboto-{face}"] = name
    return names


def width(chunk: Chunk) -> float:
    """The width of ``chunk`` on the page, in points (its own face and size)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(chunk.text.rstrip("\n"), _measuring_faces()[chunk.font], chunk.size)


# -- links -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Link:
    """A link annotation: where it sits and where it leads."""

    page: int  # 0-based
    rect: tuple[float, float, float, float]  # x0, y0, x1, y1
    action: str  # "goto", "uri" or the PDF action type (/JavaScript, /Launch ...)
    uri: str | None = None
    dest_page: int | None = None
    dest_left: float | None = None
    dest_top: float | None = None
    dest_name: str | None = None  # when the destination is a named one


def links(data: bytes) -> list[Link]:
    """Every link annotation, page by page, in the order of each page's /Annots."""
    pdf = reader(data)
    numbers = {page.indirect_reference.idnum: i for i, page in enumerate(pdf.pages)}
    named = pdf.named_destinations
    found = []
    for number, page in enumerate(pdf.pages):
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            if annot.get("/Subtype") != "/Link":
                continue
            x0, y0, x1, y1 = (float(v) for v in annot["/Rect"])
            rect = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
            action = annot.get("/A")
            target = annot.get("/Dest")
            if action is not None:
                action = action.get_object()
                kind = str(action.get("/S"))
                if kind == "/URI":
                    found.append(Link(number, rect, "uri", uri=str(action["/URI"])))
                    continue
                if kind != "/GoTo":
                    found.append(Link(number, rect, kind))
                    continue
                target = action.get("/D")
            if target is None:
                found.append(Link(number, rect, "none"))
                continue
            target = target.get_object() if isinstance(target, IndirectObject) else target
            name = None
            if not isinstance(target, ArrayObject):  # a named destination
                name = str(target)
                dest = named[name]
                page_number = pdf.get_destination_page_number(dest)
                left, top = dest.left, dest.top
            else:
                page_number = numbers[target[0].idnum]
                left, top = (target[2], target[3]) if str(target[1]) == "/XYZ" else (None,
                                                                                       None)
            found.append(Link(number, rect, "goto", dest_page=page_number,
                              dest_left=None if left is None else float(left),
                              dest_top=None if top is None else float(top), dest_name=name))
    return found


def lands_on(link: Link, target: Link) -> bool:
    """True when ``link``'s destination is at the top left of ``target``'s rectangle (the
    line it sits on), ignoring which page: a line's height above at most."""
    assert link.dest_left is not None and link.dest_top is not None
    x0, _, _, y1 = target.rect
    return abs(link.dest_left - x0) <= 1.5 and -1 <= link.dest_top - y1 <= 8


# -- outline -----------------------------------------------------------------------------


def outline(data: bytes) -> list[tuple[str, int, int]]:
    """(title, 0-based page, depth) of every outline entry, in order."""
    pdf = reader(data)
    found: list[tuple[str, int, int]] = []

    def walk(items: list[Any], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((str(item.title), pdf.get_destination_page_number(item), depth))

    walk(pdf.outline, 0)
    return found


# -- resources: fonts and images -----------------------------------------------------------


def _resource_dicts(resources: Any) -> Iterator[DictionaryObject]:
    """``resources`` and those of every form XObject it uses, recursively."""
    seen: set[int] = set()
    stack = [resources]
    while stack:
        res = stack.pop()
        res = res.get_object() if res is not None else None
        if not res or id(res) in seen:
            continue
        seen.add(id(res))
        yield res
        for xobject in (res.get("/XObject") or {}).values():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Form":
                stack.append(xobject.get("/Resources"))


def fonts(data: bytes) -> list[tuple[int, DictionaryObject]]:
    """(0-based page, font dictionary) of every font in every page's resources."""
    found = []
    for number, page in enumerate(reader(data).pages):
        for res in _resource_dicts(page.get("/Resources")):
            for font in (res.get("/Font") or {}).values():
                found.append((number, font.get_object()))
    return found


def images(data: bytes) -> list[tuple[int, int, int]]:
    """(0-based page, width, height) of every image XObject the pages use."""
    found = []
    for number, page in enumerate(reader(data).pages):
        for res in _resource_dicts(page.get("/Resources")):
            for xobject in (res.get("/XObject") or {}).values():
                xobject = xobject.get_object()
                if xobject.get("/Subtype") == "/Image":
                    found.append((number, int(xobject["/Width"]), int(xobject["/Height"])))
    return found
