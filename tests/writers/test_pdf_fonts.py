"""PDF fonts: a character no font has is reported (FS503); a template's fallback draws it;
the embedded font encodes text and writes its widths as ReportLab's TTFont does."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import font_roboto
import pytest
import reportlab
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDocument
from reportlab.pdfbase.ttfonts import TTFont
from typer.testing import CliRunner

import factsheet
from factsheet.api import layout
from factsheet.cli import app
from factsheet.errors import InputError
from factsheet.writers.pdf import check_fonts, render_pdf
from factsheet.writers.pdf.embed import EmbeddedFont, Widths

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


# -- the embedded font against ReportLab's TTFont (writers/pdf/embed.py) --------------------

ROBOTO = Path(font_roboto.__file__).parent / "files" / "Roboto-Regular.ttf"
#: Latin, Cyrillic, a no-break space, and characters Roboto lacks (they stay code 0).
ALPHABET = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ.,;:!?()'\"—–€%0123456789ĐđȘșÁéДневник\xa0∃∅"


@settings(max_examples=40, deadline=None, derandomize=True, database=None)
@given(st.lists(st.text(ALPHABET, max_size=40), max_size=30),
       st.permutations(range(0x100, 0x250)))
def test_the_embedded_font_encodes_text_as_ttfont_does(texts: list[str],
                                                       extended: list[int]) -> None:
    # 336 extended Latin letters fill the first subset and start a second
    extended_text = "".join(map(chr, extended))
    texts = [*texts, extended_text, *texts, extended_text]
    ours, theirs = EmbeddedFont("Ours", str(ROBOTO)), TTFont("Theirs", str(ROBOTO))
    our_doc, their_doc = PDFDocument(), PDFDocument()
    for text in texts:
        assert ours.splitString(text, our_doc) == theirs.splitString(text, their_doc)
    mine, reference = ours.state[our_doc], theirs.state[their_doc]
    assert len(reference.subsets) > 1
    assert (mine.assignments, mine.subsets, mine.nextCode) == (
        reference.assignments, reference.subsets, reference.nextCode)


@settings(max_examples=40, deadline=None, derandomize=True, database=None)
@given(st.integers(min_value=0, max_value=300).flatmap(lambda size: st.lists(
    st.one_of(st.integers(min_value=0, max_value=3000), st.floats(min_value=0, max_value=3000)),
    min_size=size, max_size=size)))
def test_widths_are_written_as_pdfarray_writes_them(numbers: list[float]) -> None:
    document = PDFDocument()
    assert Widths(numbers).format(document) == PDFArray(numbers).format(document)


def test_the_pdf_is_the_one_ttfont_makes(monkeypatch: pytest.MonkeyPatch) -> None:
    briefing = factsheet.load(EXAMPLE)
    ours = factsheet.render(briefing, "pdf")
    monkeypatch.setattr(EmbeddedFont, "splitString", TTFont.splitString)
    monkeypatch.setattr(EmbeddedFont, "addObjects", TTFont.addObjects)
    assert factsheet.render(briefing, "pdf") == ours
