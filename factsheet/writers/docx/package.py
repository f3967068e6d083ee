"""Make a saved DOCX reproducible: fixed zip entry times and order, no thumbnail, our own
application properties. Same document in, same bytes out."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

from factsheet import __version__
from factsheet.layout import tree as t

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_DROP = {"docProps/thumbnail.jpeg"}
_THUMBNAIL_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"


def finish(data: bytes, meta: t.Meta) -> bytes:
    """Return ``data`` (a DOCX) rewritten with fixed timestamps and without the thumbnail."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename in _DROP:
                continue
            blob = source.read(info.filename)
            if info.filename == "_rels/.rels":
                blob = _without_thumbnail(blob)
            elif info.filename == "docProps/app.xml":
                blob = _app_properties(meta)
            entry = zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0
            entry.external_attr = 0o600 << 16
            target.writestr(entry, blob, compresslevel=6)
    return out.getvalue()


def _without_thumbnail(blob: bytes) -> bytes:
    from lxml import etree

    root = etree.fromstring(blob)
    for rel in list(root):
        if rel.get("Type") == _THUMBNAIL_REL:
            root.remove(rel)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _app_properties(meta: t.Meta) -> bytes:
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
        '2006/docPropsVTypes">'
        f"<Application>factsheet {escape(__version__)}</Application>"
        "<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
        f"<Company>{escape(meta.author)}</Company>"
        "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
    ).encode()
