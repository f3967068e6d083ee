"""The document tree every writer draws: renderer-independent, decided once.

Order, grouping, numbering, labels and wording are settled when the tree is built
(``factsheet.layout.build``); writers only draw these nodes. All nodes are immutable.

    Document
    ├── meta: Meta                       title, subject, author, keywords, language, dates
    ├── page: Page                       size, margins, fonts, colours, banner, logo
    ├── title block: Block...            Title, Subtitle, meta lines
    ├── sections: Section...             each with an anchor id, a heading and blocks
    └── notes: Note...                   numbered citations: the exact words and where
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from factsheet.diagnostics import Diagnostic

# -- inline content ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Run:
    """Plain text, optionally bold or italic."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True, slots=True)
class Cite:
    """A citation marker pointing at ``Note`` number ``number``."""

    number: int


@dataclass(frozen=True, slots=True)
class Link:
    """A hyperlink to an external URL (http or https only)."""

    text: str
    url: str


Inline = Run | Cite | Link
Inlines = tuple[Inline, ...]

# -- blocks --------------------------------------------------------------------------------

ParagraphStyle = Literal["body", "title", "subtitle", "meta", "banner", "caption", "quote",
                         "note"]


@dataclass(frozen=True, slots=True)
class Paragraph:
    content: Inlines
    style: ParagraphStyle = "body"


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    level: int  # 1..3
    anchor: str  # bookmark / outline id, unique in the document


@dataclass(frozen=True, slots=True)
class BulletList:
    items: tuple[Inlines, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """A table with one header row (repeated on each page) and cells of inline content."""

    header: tuple[str, ...]
    rows: tuple[tuple[Inlines, ...], ...]
    widths: tuple[float, ...]  # relative column widths, summing to 1


@dataclass(frozen=True, slots=True)
class Figure:
    """A photo: the checked image bytes, its alt text, caption and credit line."""

    data: bytes  # a PNG or JPEG that passed factsheet.images.check_image
    kind: str  # PNG or JPEG
    alt: str
    caption: Inlines
    credit: str
    width_px: int
    height_px: int


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float
    display: str  # the value as printed on the bar ("412 million cubic metres")


@dataclass(frozen=True, slots=True)
class Chart:
    """A comparison of one measure at two or more periods."""

    title: str
    unit: str | None
    bars: tuple[Bar, ...]
    source: str  # "Source: Serbia's Ministry of Agriculture (on its website)"
    cites: tuple[int, ...] = ()


Block = Paragraph | Heading | BulletList | Table | Figure | Chart


@dataclass(frozen=True, slots=True)
class Section:
    id: str  # key_points, parties, ... (the template's section id)
    heading: Heading
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Note:
    """One citation: the exact words of the article, which article and paragraph."""

    number: int
    quote: str
    article: str  # the article's title
    paragraph: int
    url: str | None = None
    publisher: str | None = None


# -- the document --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Meta:
    title: str
    subject: str
    author: str
    keywords: tuple[str, ...]
    language: str
    created: dt.datetime
    modified: dt.datetime


@dataclass(frozen=True, slots=True)
class Colours:
    """Colours as ``RRGGBB`` hex strings (validated by the template model)."""

    text: str = "1A1A1A"
    accent: str = "1F4E79"
    muted: str = "5F6B7A"
    table_header: str = "E8EEF5"
    banner: str = "9B1C1C"


@dataclass(frozen=True, slots=True)
class Page:
    size: Literal["A4", "Letter"] = "A4"
    margins_mm: tuple[float, float, float, float] = (20, 20, 20, 20)  # top right bottom left
    body_font: str = "Roboto"
    heading_font: str = "Roboto"
    body_size_pt: float = 10.5
    colours: Colours = field(default_factory=Colours)
    banner: str | None = None
    logo: bytes | None = None  # a checked PNG or JPEG
    fallback_fonts: tuple[bytes, ...] = ()  # checked TrueType files, for other scripts


@dataclass(frozen=True, slots=True)
class Document:
    meta: Meta
    page: Page
    title_block: tuple[Block, ...]
    sections: tuple[Section, ...]
    notes: tuple[Note, ...]
    labels: dict[str, Any] = field(default_factory=dict)  # the template's labels, for writers
    diagnostics: tuple[Diagnostic, ...] = ()  # what building had to change (FS502)
