"""Check image files before anything draws them: inside the allowed folder, a regular file,
PNG or JPEG by content (not by name), and small enough to decode safely."""

from __future__ import annotations

import os
import stat
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from factsheet.paths import resolve_inside

MAX_IMAGE_BYTES = 20 * 1024 * 1024
#: Most pixels an image may declare; a 100,000 × 100,000 PNG is a few kilobytes on disk.
MAX_PIXELS = 40_000_000
_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}


class ImageRefused(Exception):
    """An image that will not be drawn; ``code`` is its diagnostic code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


@dataclass(frozen=True, slots=True)
class CheckedImage:
    path: Path
    kind: str  # PNG or JPEG
    width: int
    height: int
    data: bytes


def check_image(folder: Path, relative: str) -> CheckedImage:
    """Return the image at ``folder / relative`` once it passes every check."""
    path = resolve_inside(folder, relative)
    if path is None:
        raise ImageRefused("FS110", f"image {relative!r} is outside the folder it must be in")
    try:
        info = os.stat(path)
    except OSError:
        raise ImageRefused("FS100", f"cannot read image {relative!r}: no such file") from None
    if not stat.S_ISREG(info.st_mode):
        raise ImageRefused("FS100", f"cannot read image {relative!r}: not a regular file")
    if info.st_size > MAX_IMAGE_BYTES:
        raise ImageRefused("FS115", f"image {relative!r} is {info.st_size:,} bytes; the limit "
                           f"is {MAX_IMAGE_BYTES:,}")
    return _checked(path, relative, info.st_ino, info.st_size, info.st_mtime_ns)


@lru_cache(maxsize=4)
def _checked(path: Path, relative: str, inode: int, size: int, modified: int) -> CheckedImage:
    """Read and check the image; validation and then the layout both ask for the same file,
    so the answer is kept while the file is unchanged (a few images only: they are big)."""
    with open(path, "rb") as handle:
        data = handle.read(MAX_IMAGE_BYTES + 1)
    kind = next((k for sig, k in _SIGNATURES.items() if data.startswith(sig)), None)
    if kind is None:
        raise ImageRefused("FS114", f"{relative!r} is not a PNG or JPEG image (by its content)")
    width, height = _png_header(data) if kind == "PNG" else _jpeg_header(data)
    if not width or not height:  # an unusual header: let Pillow read it
        width, height = _size(data, kind, relative)
    if width * height > MAX_PIXELS:
        raise ImageRefused("FS115", f"image {relative!r} declares {width:,} × {height:,} "
                           f"pixels; the limit is {MAX_PIXELS:,} pixels")
    # The writers read the image again: python-docx walks its chunks or marker segments,
    # ReportLab asks Pillow for its size and decodes a PNG's pixels. Damage fails here.
    sound = _png_chunks_sound(data) if kind == "PNG" else _jpeg_segments_sound(data)
    if not sound:
        raise ImageRefused("FS114", f"{relative!r} is not a readable {kind} image: its "
                           f"{'chunks' if kind == 'PNG' else 'markers'} are damaged")
    _open(data, kind, relative, decode=kind == "PNG")
    return CheckedImage(path, kind, width, height, data)


def declared_size(data: bytes) -> tuple[int, int]:
    """Return the pixel size a checked PNG or JPEG declares in its header, or (0, 0)."""
    if data.startswith(b"\x89PNG"):
        return _png_header(data)
    return _jpeg_header(data)


def _png_header(data: bytes) -> tuple[int, int]:
    """Return the size a PNG declares in its IHDR chunk (always at byte 16)."""
    if len(data) < 24 or data[12:16] != b"IHDR":
        return 0, 0
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def _png_chunks_sound(data: bytes) -> bool:
    """Return True if the chunks after the signature each fit in the file, up to IEND.

    Pillow stops reading once it has the pixels; the DOCX writer (python-docx) walks every
    chunk to the end, and a chunk length that points past the file stops it."""
    position = 8
    while position + 12 <= len(data):
        length = int.from_bytes(data[position:position + 4], "big")
        if data[position + 4:position + 8] == b"IEND":
            return True
        position += 12 + length
    return False


def _jpeg_header(data: bytes) -> tuple[int, int]:
    """Return the size a JPEG declares in its start-of-frame marker, or (0, 0)."""
    position = 2
    while position + 9 < len(data):
        if data[position] != 0xFF:
            return 0, 0
        marker = data[position + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # markers without a length
            position += 2
            continue
        length = int.from_bytes(data[position + 2:position + 4], "big")
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height = int.from_bytes(data[position + 5:position + 7], "big")
            width = int.from_bytes(data[position + 7:position + 9], "big")
            return width, height
        position += 2 + length
    return 0, 0


def _jpeg_segments_sound(data: bytes) -> bool:
    """Return True if the marker segments up to the start of the scan fit in the file and
    include a frame header (the size).

    Bytes between segments are skipped to the next marker, as python-docx and Pillow do."""
    position, frame = 2, False
    while (position := data.find(b"\xff", position)) >= 0:
        while position < len(data) and data[position] == 0xFF:  # the marker and fill bytes
            position += 1
        if position + 2 >= len(data):
            return False
        marker = data[position]
        position += 1
        if marker == 0xD9:  # the end of the image, before any scan
            return frame
        if marker in (0x00, 0x01, 0xD8) or 0xD0 <= marker <= 0xD7:  # no segment follows
            continue
        length = int.from_bytes(data[position:position + 2], "big")
        if length < 2 or position + length > len(data):
            return False
        if marker == 0xDA:
            return frame
        frame = frame or (0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC))
        position += length
    return False


def _open(data: bytes, kind: str, relative: str, decode: bool) -> None:
    """Open the image with Pillow, and with ``decode`` decode every pixel, so that broken or
    cut-short data fails validation rather than the render; the size is already known to
    be within MAX_PIXELS."""
    import io

    from PIL import Image

    try:
        with Image.open(io.BytesIO(data), formats=[kind]) as image:
            if decode:
                image.load()
    except Exception as exc:  # Pillow raises many kinds for corrupt files
        raise ImageRefused("FS114", f"{relative!r} is not a readable {kind} image: "
                           f"{exc.__class__.__name__}") from None


def _size(data: bytes, kind: str, relative: str) -> tuple[int, int]:
    """Return the declared size, reading only the header (no pixels are decoded)."""
    import io

    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=[kind]) as image:
                width, height = image.size
                image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageRefused("FS115", f"image {relative!r} declares more pixels than can be "
                           "decoded safely") from None
    except Exception as exc:  # Pillow raises many kinds for corrupt files
        raise ImageRefused("FS114", f"{relative!r} is not a readable {kind} image: "
                           f"{exc.__class__.__name__}") from None
    return int(width), int(height)
