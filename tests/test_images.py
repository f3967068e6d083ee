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


def test_an_unchanged_image_is_read_once_and_a_changed_one_again(tmp_path: Path) -> None:
    import os
    import sys

    from factsheet.images import check_image

    photo = tmp_path / "photo.jpg"
    photo.write_bytes((Path(__file__).parent.parent / "examples" / "danube" / "signing.jpg")
                      .read_bytes())
    opened: list[str] = []
    watching = True

    def watch(event: str, args: tuple[object, ...]) -> None:
        if event == "open" and watching and str(args[0]) == str(photo):
            opened.append(str(args[0]))

    sys.addaudithook(watch)  # hooks cannot be removed: this one only records while watching
    first = check_image(tmp_path, "photo.jpg")
    assert check_image(tmp_path, "photo.jpg") is first  # validation, then the layout
    assert len(opened) == 1
    os.utime(photo, ns=(10**18, 10**18))  # the file changed: it is read and checked again
    assert check_image(tmp_path, "photo.jpg") == first
    assert len(opened) == 2
    watching = False
