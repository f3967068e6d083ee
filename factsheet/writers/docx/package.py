"""Write the DOCX package ourselves, reproducibly: the parts python-docx holds, in its
order, each zip entry stamped 1980-01-01 00:00, without the default template's thumbnail,
with our own application properties. Same document in, same bytes out; and one compression
pass instead of python-docx's save followed by a rewrite."""

from __future__ import annotations

import io
import zipfile
from typing import Any
from xml.sax.saxutils import escape

from factsheet import __version__
from factsheet.layout import tree as t

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_THUMBNAIL_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"


def write_package(doc: Any, meta: t.Meta) -> bytes:
    """Return the DOCX bytes of python-docx document ``doc``."""
    from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
    from docx.opc.pkgwriter import _ContentTypesItem

    package = doc.part.package
    for r_id, rel in list(package.rels.items()):
        if rel.reltype == _THUMBNAIL_REL:
            del package.rels[r_id]
    parts = list(package.iter_parts())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        _write(archive, CONTENT_TYPES_URI, _ContentTypesItem.from_parts(parts).blob)
        _write(archive, PACKAGE_URI.rels_uri, package.rels.xml)
        for part in parts:
            blob = _app_properties(meta) if part.partname == "/docProps/app.xml" else part.blob
            _write(archive, part.partname, blob)
            if len(part.rels):
                _write(archive, part.partname.rels_uri, part.rels.xml)
    return out.getvalue()


def _write(archive: zipfile.ZipFile, uri: Any, blob: bytes) -> None:
    entry = zipfile.ZipInfo(uri.membername, date_time=_FIXED_TIME)
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.create_system = 0
    entry.external_attr = 0o600 << 16
    archive.writestr(entry, blob, compresslevel=1)  # level 6 costs twice the time for 4 %


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
