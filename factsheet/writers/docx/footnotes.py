"""Real Word footnotes: python-docx has no API for them, so the part is built here.

A footnotes part (word/footnotes.xml) holds the separator (id -1) and continuation
separator (id 0) that Word requires, then one ``w:footnote`` per citation; the document
relates to it, and settings.xml names the two special footnotes (docs/dev/docx-footnotes.md).
"""

from __future__ import annotations

from typing import Any

from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from factsheet.writers.docx.oxml import el, hyperlink, text_run

_SKELETON = (
    f"<w:footnotes {nsdecls('w', 'r')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote></w:footnotes>"
)


class Footnotes:
    """The footnotes part of one document, filled as citations are written."""

    def __init__(self, document: Any) -> None:
        self.part = XmlPart(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES,
                            parse_xml(_SKELETON), document.part.package)
        document.part.relate_to(self.part, RELATIONSHIP_TYPE.FOOTNOTES)
        settings = document.settings.element
        props = el("w:footnotePr")
        props.append(el("w:footnote", id="-1"))
        props.append(el("w:footnote", id="0"))
        # footnotePr must come before the compat block in settings (schema order).
        compat = settings.find(qn("w:compat"))
        if compat is not None:
            compat.addprevious(props)
        else:
            settings.append(props)

    def add(self, number: int, pieces: list[tuple[str, str | None]]) -> None:
        """Add footnote ``number`` made of (text, url-or-None) pieces."""
        note = el("w:footnote", id=str(number))
        paragraph = el("w:p")
        ppr = el("w:pPr")
        ppr.append(el("w:pStyle", val="FootnoteText"))
        paragraph.append(ppr)
        ref = el("w:r")
        rpr = el("w:rPr")
        rpr.append(el("w:rStyle", val="FootnoteReference"))
        ref.append(rpr)
        ref.append(el("w:footnoteRef"))
        paragraph.append(ref)
        paragraph.append(text_run(" "))
        for text, url in pieces:
            if url:
                r_id = self.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
                paragraph.append(hyperlink(r_id, text))
            else:
                paragraph.append(text_run(text))
        note.append(paragraph)
        self.part.element.append(note)
