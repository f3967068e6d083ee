"""Word styles of a briefing: real Title, Subtitle, Heading 1-3, Normal, Caption, Quote,
List Bullet, footnote and hyperlink styles, and the "Fact Table" table style whose first row
is a shaded header. Fonts, sizes and colours come from the template."""

from __future__ import annotations

from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, RGBColor

from factsheet.layout.tree import Page
from factsheet.writers.docx.oxml import set_language

TABLE_STYLE = "Fact Table"
META_STYLE = "Briefing Meta"
BANNER_STYLE = "Briefing Banner"


def apply_styles(document: Any, page: Page, language: str, keep_existing: bool = False
                 ) -> None:
    """Create or adjust every style the writer uses; with ``keep_existing`` (a reference
    document), styles it already has are left exactly as its author made them."""
    styles = document.styles
    if keep_existing:
        existing = {s.style_id for s in styles} | {s.name for s in styles}
        _add_missing(document, page, language, existing)
        return
    colours = page.colours
    _fonts(styles["Normal"], page.body_font, page.body_size_pt, colours.text)
    normal = styles["Normal"].paragraph_format
    normal.space_after = Pt(5)
    normal.line_spacing = 1.15
    set_language(_defaults_rpr(document), _lang_tag(language))
    _paragraph(styles, "Title", page.heading_font, page.body_size_pt + 11, colours.accent,
               bold=True, after=2)
    subtitle = _paragraph(styles, "Subtitle", page.body_font, page.body_size_pt + 0.5,
                          colours.muted, after=8)
    for spacing in subtitle.element.rPr.findall(qn("w:spacing")):  # letter-spaced by default
        subtitle.element.rPr.remove(spacing)
    for level, grow, before in ((1, 3.5, 14), (2, 1.5, 10), (3, 0.5, 8)):
        style = _paragraph(styles, f"Heading {level}", page.heading_font,
                           page.body_size_pt + grow, colours.accent, bold=True, after=4,
                           before=before)
        style.paragraph_format.keep_with_next = True
    _paragraph(styles, "Caption", page.body_font, page.body_size_pt - 1, colours.muted,
               italic=True, after=2)
    quote = _paragraph(styles, "Quote", page.body_font, page.body_size_pt, colours.text,
                       italic=True, after=6)
    quote.paragraph_format.left_indent = Pt(14)
    _paragraph(styles, META_STYLE, page.body_font, page.body_size_pt - 1.5, colours.muted,
               after=4)
    banner = _paragraph(styles, BANNER_STYLE, page.heading_font, page.body_size_pt - 1.5,
                        colours.banner, bold=True, after=0)
    banner.paragraph_format.alignment = 1  # centred
    _paragraph(styles, "FootnoteText", page.body_font, page.body_size_pt - 2.5, colours.text,
               after=0, name="footnote text")
    ref = _character(styles, "FootnoteReference", colours.accent, name="footnote reference")
    ref.font.superscript = True
    link = _character(styles, "Hyperlink", colours.accent, name="Hyperlink")
    link.font.underline = True
    _paragraph(styles, "List Bullet", page.body_font, page.body_size_pt, colours.text, after=3)
    _table_style(document, colours.muted, colours.table_header, page.body_size_pt - 1)


def _add_missing(document: Any, page: Page, language: str, existing: set[str]) -> None:
    """Create only the styles a reference document lacks, from a scratch document."""
    from docx import Document

    scratch = Document()
    apply_styles(scratch, page, language)
    wanted = ("Title", "Subtitle", "Heading1", "Heading2", "Heading3", "Caption", "Quote",
              "ListBullet", "FootnoteText", "FootnoteReference", "Hyperlink", "FactTable",
              "BriefingMeta", "BriefingBanner")
    for style in scratch.styles:
        if style.style_id in wanted and style.style_id not in existing \
                and style.name not in existing:
            document.styles.element.append(style.element)
    _table_style(document, page.colours.muted, page.colours.table_header, page.body_size_pt - 1)


def _lang_tag(language: str) -> str:
    return {"en": "en-GB", "fr": "fr-FR"}.get(language, language)


def _defaults_rpr(document: Any) -> Any:
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    return rpr


def _get(styles: Any, style_id: str, kind: Any, name: str) -> Any:
    for style in styles:
        if style.style_id == style_id or style.name == name:
            return style
    style = styles.add_style(name, kind)
    style.element.set(qn("w:styleId"), style_id)
    return style


def _fonts(style: Any, family: str, size: float, colour: str) -> None:
    font = style.font
    font.name = family
    font.size = Pt(size)
    font.color.rgb = RGBColor.from_string(colour.upper())
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), family)


def _paragraph(styles: Any, style_id: str, family: str, size: float, colour: str, *,
               bold: bool = False, italic: bool = False, after: float = 4,
               before: float | None = None, name: str | None = None) -> Any:
    style = _get(styles, style_id.replace(" ", ""), WD_STYLE_TYPE.PARAGRAPH, name or style_id)
    if style.type != WD_STYLE_TYPE.PARAGRAPH:
        return style
    _fonts(style, family, size, colour)
    style.font.bold = bold
    style.font.italic = italic
    style.paragraph_format.space_after = Pt(after)
    if before is not None:
        style.paragraph_format.space_before = Pt(before)
    return style


def _character(styles: Any, style_id: str, colour: str, name: str) -> Any:
    style = _get(styles, style_id, WD_STYLE_TYPE.CHARACTER, name)
    style.font.color.rgb = RGBColor.from_string(colour.upper())
    return style


def _table_style(document: Any, border: str, header_fill: str, size: float) -> None:
    styles = document.styles
    if any(s.name == TABLE_STYLE for s in styles):
        return
    half_points = int(size * 2)
    xml = (
        f'<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="FactTable">'
        f'<w:name w:val="{TABLE_STYLE}"/><w:basedOn w:val="TableNormal"/><w:uiPriority '
        'w:val="40"/><w:qFormat/><w:pPr><w:spacing w:before="30" w:after="30"/></w:pPr>'
        f'<w:rPr><w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/></w:rPr>'
        '<w:tblPr><w:tblBorders>'
        + "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="{border}"/>'
                  for side in ("top", "bottom", "insideH"))
        + '</w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" '
        'w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/>'
        '</w:tblCellMar></w:tblPr>'
        '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:shd w:val="clear" '
        f'w:color="auto" w:fill="{header_fill}"/></w:tcPr></w:tblStylePr></w:style>'
    )
    styles.element.append(parse_xml(xml))


#: The styles a briefing uses; everything they are based on or linked to is kept too.
USED = ("Normal", "DefaultParagraphFont", "TableNormal", "NoList", "Title", "Subtitle",
        "Heading1", "Heading2", "Heading3", "Caption", "Quote", "ListBullet", "FootnoteText",
        "FootnoteReference", "Hyperlink", "FactTable", "BriefingMeta", "BriefingBanner",
        "Header", "Footer", "TableGrid")


def prune_styles(document: Any) -> None:
    """Remove styles a briefing never uses, and the latent-style table, from ``document``.

    The default template defines 164 styles and 267 latent ones (350 KB of XML); parsing,
    serialising and compressing them dominated the render time.
    """
    root = document.styles.element
    by_id = {s.get(qn("w:styleId")): s for s in root.findall(qn("w:style"))}
    keep: set[str] = set()
    todo = [i for i in USED if i in by_id]
    while todo:
        style_id = todo.pop()
        if style_id in keep or style_id not in by_id:
            continue
        keep.add(style_id)
        for ref in ("w:basedOn", "w:link", "w:next"):
            node = by_id[style_id].find(qn(ref))
            if node is not None:
                todo.append(node.get(qn("w:val")))
    for style_id, style in by_id.items():
        if style_id not in keep:
            root.remove(style)
    for latent in root.findall(qn("w:latentStyles")):
        root.remove(latent)
