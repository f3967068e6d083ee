"""Image checks read sizes from headers: PNG IHDR and JPEG start-of-frame."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from factsheet.images import ImageRefused, check_image


@pytest.mark.parametrize("progressive", [False, True])
@pytest.mark.parametrize("size", [(1, 1), (960, 540), (3000, 17)])
def test_jpeg_and_png_sizes_come_from_their_headers(tmp_path: Path, size: tuple[int, int],
                                                    progressive: bool) -> None:
    image = Image.new("RGB", size, (10, 20, 30))
    image.save(tmp_path / "a.jpg", "JPEG", progressive=progressive, quality=80)
    image.save(tmp_path / "a.png", "PNG")
    for name, kind in (("a.jpg", "JPEG"), ("a.png", "PNG")):
        checked = check_image(tmp_path, name)
        assert (checked.kind, checked.width, checked.height) == (kind, *size)


def test_a_jpeg_declaring_too_many_pixels_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, "JPEG")
    data = bytearray(buffer.getvalue())
    sof = next(i for i in range(2, len(data) - 1) if data[i] == 0xFF and data[i + 1] == 0xC0)
    data[sof + 5:sof + 9] = (60000).to_bytes(2, "big") + (60000).to_bytes(2, "big")
    (tmp_path / "big.jpg").write_bytes(bytes(data))
    with pytest.raises(ImageRefused) as caught:
        check_image(tmp_path, "big.jpg")
    assert caught.value.code == "FS115"
    assert "60,000 × 60,000" in caught.value.message
