"""Native Word bar charts: a DrawingML chart part whose values are cached in the chart XML
itself, so no workbook is embedded and nothing is drawn by a compiled library. Word and
LibreOffice both draw the cached values; the figures and the source are also printed in
the caption below, so the chart is never the only place a number appears."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Mm

from factsheet.layout import tree as t

CHART_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
CHART_RELATIONSHIP = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                      "chart")
_C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def add_chart(document: Any, paragraph: Any, chart: t.Chart, number: int, page: t.Page,
              language: str, width_emu: int, alt: str) -> None:
    """Add ``chart`` as chart part ``number`` and place it inline in ``paragraph``."""
    part = XmlPart(PackURI(f"/word/charts/chart{number}.xml"), CHART_CONTENT_TYPE,
                   parse_xml(_chart_xml(chart, page, language)), document.part.package)
    r_id = document.part.relate_to(part, CHART_RELATIONSHIP)
    height = int(Mm(16 + 9 * len(chart.bars)))
    run = parse_xml(
        f'<w:r {nsdecls("w", "wp", "a")}><w:drawing><wp:inline distT="0" distB="0" distL="0" '
        f'distR="0"><wp:extent cx="{width_emu}" cy="{height}"/><wp:effectExtent l="0" t="0" '
        f'r="0" b="0"/><wp:docPr id="{1000 + number}" name="Chart {number}" '
        f'descr="{escape(alt, {chr(34): "&quot;"})}"/><wp:cNvGraphicFramePr/><a:graphic>'
        f'<a:graphicData uri="{_C}"><c:chart xmlns:c="{_C}" xmlns:r="{_R}" r:id="{r_id}"/>'
        "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>")
    paragraph.append(run)


def _text(value: str) -> str:
    return escape(value)


def _chart_xml(chart: t.Chart, page: t.Page, language: str) -> str:
    colours = page.colours
    lang = {"en": "en-GB", "fr": "fr-FR"}.get(language, language)
    typeface = f'<a:latin typeface="{escape(page.body_font, {chr(34): "&quot;"})}"/>'
    title = chart.title + (f" ({chart.unit})" if chart.unit else "")
    points = len(chart.bars)
    categories = "".join(f'<c:pt idx="{i}"><c:v>{_text(bar.label)}</c:v></c:pt>'
                         for i, bar in enumerate(chart.bars))
    values = "".join(f'<c:pt idx="{i}"><c:v>{bar.value!r}</c:v></c:pt>'
                     for i, bar in enumerate(chart.bars))
    unit = chart.unit or ""
    number_format = "#,##0.##"  # the unit is in the title; the caption spells values out
    font = (f'<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"><a:solidFill>'
            f'<a:srgbClr val="{colours.text}"/></a:solidFill>{typeface}</a:defRPr></a:pPr>'
            f'<a:endParaRPr lang="{lang}"/></a:p></c:txPr>')
    return (
        f'<c:chartSpace xmlns:c="{_C}" xmlns:a="{_A}" xmlns:r="{_R}">'
        '<c:roundedCorners val="0"/><c:chart>'
        f'<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000" '
        f'b="1"/></a:pPr><a:r><a:rPr lang="{lang}" sz="1000" b="1">{typeface}</a:rPr>'
        f'<a:t>{_text(title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/>'
        '</c:title>'
        '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart>'
        '<c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>'
        '<c:ser><c:idx val="0"/><c:order val="0"/>'
        f'<c:tx><c:strRef><c:f>Sheet1!$B$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0">'
        f'<c:v>{_text(unit or chart.title)}</c:v></c:pt></c:strCache></c:strRef></c:tx>'
        f'<c:spPr><a:solidFill><a:srgbClr val="{colours.accent}"/></a:solidFill></c:spPr>'
        '<c:invertIfNegative val="0"/>'
        f'<c:dLbls><c:numFmt formatCode="{escape(number_format, {chr(34): "&quot;"})}" '
        'sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>'
        '<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/>'
        '<c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/>'
        '<c:showBubbleSize val="0"/></c:dLbls>'
        f'<c:cat><c:strRef><c:f>Sheet1!$A$2:$A${points + 1}</c:f><c:strCache>'
        f'<c:ptCount val="{points}"/>{categories}</c:strCache></c:strRef></c:cat>'
        f'<c:val><c:numRef><c:f>Sheet1!$B$2:$B${points + 1}</c:f><c:numCache>'
        f'<c:formatCode>General</c:formatCode><c:ptCount val="{points}"/>{values}'
        '</c:numCache></c:numRef></c:val></c:ser>'
        '<c:gapWidth val="60"/><c:axId val="4711"/><c:axId val="4712"/></c:barChart>'
        '<c:catAx><c:axId val="4711"/><c:scaling><c:orientation val="maxMin"/></c:scaling>'
        '<c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/>'
        '<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
        '<c:crossAx val="4712"/><c:crosses val="autoZero"/><c:auto val="1"/>'
        '<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>'
        '<c:valAx><c:axId val="4712"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/>'
        '</c:scaling><c:delete val="1"/><c:axPos val="t"/><c:numFmt formatCode="General" '
        'sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>'
        '<c:tickLblPos val="nextTo"/><c:crossAx val="4711"/><c:crosses val="max"/>'
        '<c:crossBetween val="between"/></c:valAx>'
        '<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:plotArea>'
        '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
        '<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>'
        f"{font}</c:chartSpace>")

