"""The whole read → anchor → check path on small files written by the tests."""

from __future__ import annotations

import os
from pathlib import Path

import factsheet
from factsheet.pipeline import process

ANNOTATIONS = """\
articles:
  - id: a
    text_file: {text_file}
    title: T
parties:
  - id: ost
    name: Ostmark
    kind: state
    country: XO
commitments:
  - id: c1
    by: [ost]
    action: send no inspectors
    modality: refusal
    evidence:
      - "{quote}"
"""


def write_case(folder: Path, text: bytes, quote: str, text_file: str = "article.txt") -> Path:
    (folder / "article.txt").write_bytes(text)
    annotations = folder / "notes.yaml"
    annotations.write_text(ANNOTATIONS.format(text_file=text_file, quote=quote),
                           encoding="utf-8")
    return annotations


def test_bom_crlf_nbsp_and_astral_characters_do_not_shift_offsets(tmp_path: Path) -> None:
    text = ("LINDAU \U0001d11e - Ostmark\u00a0said\r\n\r\n\U0001f600 Ostmark will not send "
            "inspectors, Eklund said.\r\n")
    path = write_case(tmp_path, b"\xef\xbb\xbf" + text.encode("utf-8"),
                      "Ostmark will not send inspectors")
    briefing = factsheet.load(path)
    article = briefing.articles[0]
    assert article.text == text  # BOM dropped, CRLF kept
    evidence = briefing.commitments[0].evidence[0]
    assert evidence.start == text.index("Ostmark will")
    assert article.text[evidence.start:evidence.end] == "Ostmark will not send inspectors"
    assert evidence.paragraph == 2
    assert article.paragraphs[1].start == text.index("\U0001f600")


def test_nbsp_in_the_article_matches_a_plain_space_in_the_quote_with_a_note(tmp_path: Path
                                                                           ) -> None:
    path = write_case(tmp_path, "LINDAU - Ostmark\u00a0will not send anyone.\n".encode(),
                      "Ostmark will not send")
    result = process(path)
    assert result.ok
    assert [(d.code, d.line, d.column) for d in result.diagnostics] == [("FS305", 16, 9)]
    assert result.briefing is not None


def test_article_file_outside_the_folder_is_refused(tmp_path: Path) -> None:
    inner = tmp_path / "inner"
    inner.mkdir()
    (tmp_path / "secret.txt").write_text("Ostmark will not send inspectors", encoding="utf-8")
    path = write_case(inner, b"x", "x", text_file="../secret.txt")
    result = process(path)
    assert [(d.code, d.line, d.column) for d in result.diagnostics] == [("FS110", 3, 16)]


def test_symlink_leaving_the_folder_is_refused(tmp_path: Path) -> None:
    inner = tmp_path / "inner"
    inner.mkdir()
    (tmp_path / "secret.txt").write_text("Ostmark will not send inspectors", encoding="utf-8")
    os.symlink(tmp_path / "secret.txt", inner / "link.txt")
    path = write_case(inner, b"x", "x", text_file="link.txt")
    assert [d.code for d in process(path).diagnostics] == ["FS110"]


def test_absolute_article_path_is_refused(tmp_path: Path) -> None:
    path = write_case(tmp_path, b"x", "x", text_file="/etc/hostname")
    assert [d.code for d in process(path).diagnostics] == ["FS110"]


def test_device_file_is_not_read(tmp_path: Path) -> None:
    os.symlink("/dev/zero", tmp_path / "zero.txt")
    path = write_case(tmp_path, b"x", "x", text_file="zero.txt")
    diagnostics = process(path).diagnostics
    assert [d.code for d in diagnostics] in (["FS110"], ["FS100"])


def test_control_character_in_the_article_is_located(tmp_path: Path) -> None:
    path = write_case(tmp_path, b"LINDAU - Ostmark will\nnot\x0c send.\n", "Ostmark")
    diagnostics = process(path).diagnostics
    assert [(d.code, d.file, d.line, d.column) for d in diagnostics] == [
        ("FS107", str(tmp_path / "article.txt"), 2, 4)]
