"""Photos: the image file goes into the PDF as it is.

A JPEG is embedded undecoded (DCTDecode), so its pixels are never needed: ReportLab's
drawImage still decodes them, only to name the image object after their digest, which was
a sixth of a render. The file's bytes name it here. And where ReportLab's default (its
rl_config.useA85, for files that must stay 7-bit) writes the file as ASCII85 text, a quarter
larger and written out one character at a time, the JPEG goes in as its own bytes.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable

_AS_TEXT = ("ASCII85Decode", "DCTDecode")


class JpegReader(ImageReader):
    """A JPEG for ``Canvas.drawImage``, which embeds its file as it is."""

    def __init__(self, data: bytes) -> None:
        super().__init__(io.BytesIO(data))
        self.data = data

    def getRGBData(self) -> bytes:
        """Return what drawImage digests to name the image: the file's bytes."""
        self._dataA = None  # no soft mask: a JPEG has no alpha channel
        return self.data


class Photo(Flowable):
    """A photo (PNG or JPEG bytes) drawn at a fixed size on the left of the frame."""

    def __init__(self, data: bytes, kind: str, width: float, height: float) -> None:
        super().__init__()
        self.image = JpegReader(data) if kind == "JPEG" else ImageReader(io.BytesIO(data))
        self.width, self.height = width, height
        self.hAlign = "LEFT"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        made: dict[str, Any] = {"imgObj": None}
        self.canv.drawImage(self.image, 0, 0, self.width, self.height, mask="auto",
                            extraReturn=made)
        if isinstance(self.image, JpegReader):
            _embed_as_is(made["imgObj"], self.image.data)


def _embed_as_is(image: Any, data: bytes) -> None:
    """Make the image object hold the JPEG file itself rather than its ASCII85 text."""
    if tuple(getattr(image, "_filters", ())) == _AS_TEXT:
        image.streamContent = data
        image._filters = ("DCTDecode",)
