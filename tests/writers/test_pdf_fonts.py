"""PDF fonts: a character no font has is reported (FS503); a template's fallback draws it."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
import reportlab
from pypdf import PdfReader
from typer.testing import CliRunner

import factsheet
from factsheet.api import layout
from factsheet.cli import app
from factsheet.errors import InputError
from factsheet.writers.pdf import check_fonts, render_pdf

ROOT = Path(__file__).parent.parent.parent
EXAMPLE = ROOT / "examples" / "danube" / "danube-pact.yaml"
VERA = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"  # has ∃ and ∅; Roboto has not


def with_action(action: str) -> factsheet.Briefing:
    briefing = factsheet.load(EXAMPLE)
    first = briefing.commitments[0].model_copy(update={"action": action})
    return briefing.model_copy(update={"commitments": [first, *briefing.commitments[1:]]})


def fonts_of(pdf: bytes) -> set[str]:
    reader = PdfReader(io.BytesIO(pdf))
    return {f.get_object()["/BaseFont"] for p in reader.pages
            for f in p["/Resources"]["/Font"].values()}


def template_with_fallback(folder: Path) -> Path:
    shutil.copy(VERA, folder / "Vera.ttf")
    text = (ROOT / "templates" / "briefing.yaml").read_text(encoding="utf-8")
    path = folder / "house.yaml"
    path.write_text(text.replace("  size_pt: 10.5\n", "  size_pt: 10.5\n  fallback: [Vera.ttf]\n"),
                    encoding="utf-8")
    return path


def test_a_character_no_font_has_is_reported_with_where_it_is() -> None:
    document = layout(with_action("prove ∃ a 北京 route"))
    messages = [(d.code, d.message) for d in check_fonts(document)]
    assert messages == [
        ("FS503", "no font has '∃' (U+2203 THERE EXISTS), in section 'Commitments'"),
        ("FS503", "no font has '京' (U+4EAC CJK UNIFIED IDEOGRAPH-4EAC), in section "
                  "'Commitments'"),
        ("FS503", "no font has '北' (U+5317 CJK UNIFIED IDEOGRAPH-5317), in section "
                  "'Commitments'")]  # in code-point order


def test_the_examples_need_no_fallback() -> None:
    for example in sorted((ROOT / "examples").glob("*/*.yaml")):
        assert check_fonts(layout(factsheet.load(example))) == [], example


def test_a_template_fallback_font_draws_what_roboto_lacks(tmp_path: Path) -> None:
    template = template_with_fallback(tmp_path)
    document = layout(with_action("prove ∃ and ∅"), str(template))
    assert check_fonts(document) == []
    pdf = render_pdf(document)
    assert "/AAAAAA+BitstreamVeraSans-Roman" in fonts_of(pdf)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Prove ∃ and ∅." in " ".join(text.split())
    assert pdf == render_pdf(document)


def test_a_fallback_that_is_not_truetype_is_refused(tmp_path: Path) -> None:
    template = template_with_fallback(tmp_path)
    (tmp_path / "Vera.ttf").write_bytes(b"OTTO" + b"\0" * 100)
    with pytest.raises(InputError) as caught:
        layout(factsheet.load(EXAMPLE), str(template))
    assert [d.code for d in caught.value.diagnostics] == ["FS114"]


def test_a_fallback_outside_the_template_folder_is_refused(tmp_path: Path) -> None:
    inner = tmp_path / "inner"
    inner.mkdir()
    template = template_with_fallback(inner)
    text = template.read_text(encoding="utf-8").replace("[Vera.ttf]", "[../Vera.ttf]")
    template.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        layout(factsheet.load(EXAMPLE), str(template))
    assert [d.code for d in caught.value.diagnostics] == ["FS110"]


def test_build_prints_fs503_and_still_writes_the_pdf(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "case"
    shutil.copytree(EXAMPLE.parent, folder)
    text = (folder / "danube-pact.yaml").read_text(encoding="utf-8")
    (folder / "danube-pact.yaml").write_text(text.replace(
        "action: provide 40 mobile pumps", "action: provide 40 mobile pumps (水泵)"),
        encoding="utf-8")
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(app, ["build", "danube-pact.yaml", "-o", "out", "-f", "pdf"])
    assert result.exit_code == 0
    assert "warning FS503 no font has '水' (U+6C34 CJK UNIFIED IDEOGRAPH-6C34), in section " \
           "'Commitments'" in result.stderr
    assert (folder / "out" / "danube-pact.pdf").read_bytes().startswith(b"%PDF-")
