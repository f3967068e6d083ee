"""The DOCX of each example, reopened: what a reader of the document actually gets.

Three readers look at the same bytes: python-docx (styles, paragraphs, tables, properties),
lxml on the raw parts (footnotes, relationships, fields, bookmarks, content types), and a
second, independent consumer (docx2python) that must find the footnotes and tables too. When
LibreOffice is installed, the document is also converted to PDF and the PDF's text checked.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import re
import shutil
import subprocess
import zipfile
from functools import cache
from pathlib import Path
from typing import Any

import docx
import pytest
from _reproducible import digests_in_fresh_processes
from lxml import etree

import factsheet
from factsheet.api import layout
from factsheet.layout.template import load_template

ROOT = Path(__file__).parent.parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*/*.yaml"))
IDS = [p.stem for p in EXAMPLES]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
REL_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
CT_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
NS = {"w": W, "r": R, "rel": PKG_RELS, "ct": CONTENT_TYPES}

#: Heading 1 texts of the built-in templates, in template order, for the bundled examples
#: (every section has content in both examples).
SECTION_TITLES = {
    "briefing": ["Key points", "Commitments", "Positions", "Quotations", "Statistics",
                 "Parties", "Photos", "Sources"],
    "brief": ["Key points", "Commitments", "Statistics"],
}
COMMITMENTS_HEADER = ["By", "Commitment", "To", "Type", "Condition"]
STATISTICS_HEADER = ["Measure", "Value", "Period", "Claimed by", "Change"]
PARTIES_HEADER = ["Party", "Kind", "Country", "Role or affiliation"]
#: One cell per example that a reader must find: (table header, row, column, text).
KNOWN_CELLS = {
    "danube-pact": [(COMMITMENTS_HEADER, 1, 0, "Serbia, Romania and Hungary"),
                    (STATISTICS_HEADER, 1, 1, "about 120 million euros"),
                    (PARTIES_HEADER, 1, 1, "State")],
    "adriatic-sardines": [(COMMITMENTS_HEADER, 1, 0, "Croatia, Slovenia and Italy"),
                          (STATISTICS_HEADER, 1, 1, "about 170 boats"),
                          (PARTIES_HEADER, 1, 1, "State")],
}


# -- building and opening ------------------------------------------------------------------


@cache
def _briefing(example: Path) -> Any:
    return factsheet.load(example)


@cache
def _render(example: Path, template: str = "briefing") -> bytes:
    # SOURCE_DATE_EPOCH changes the dates in the document; the cached renders are made
    # without it (tests that set it render on their own).
    assert "SOURCE_DATE_EPOCH" not in os.environ
    return factsheet.render(_briefing(example), "docx", template=template)


@pytest.fixture(autouse=True)
def _no_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def _part(data: bytes, name: str) -> Any:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(name))


def _open(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def _text(element: Any) -> str:
    return "".join(element.itertext())


def _norm(text: str) -> str:
    return " ".join(text.split())


def _rels(data: bytes, name: str) -> dict[str, Any]:
    """The relationships of part ``name`` (``word/document.xml``) by id."""
    folder, _, file = name.rpartition("/")
    rels = _part(data, f"{folder}/_rels/{file}.rels")
    return {rel.get("Id"): rel for rel in rels.iterfind("rel:Relationship", NS)}


def _footnotes(data: bytes) -> dict[int, Any]:
    """The real footnotes (ids 1 and up) by id; -1 and 0 are Word's separators."""
    root = _part(data, "word/footnotes.xml")
    notes = {int(n.get(f"{{{W}}}id")): n for n in root.iterfind("w:footnote", NS)}
    return {number: note for number, note in notes.items() if number >= 1}


def _tables(data: bytes) -> dict[tuple[str, ...], Any]:
    """The document's tables by the texts of their header row."""
    return {tuple(c.text for c in t.rows[0].cells): t for t in _open(data).tables}


def _section_titles(template: str) -> list[str]:
    spec, labels, _ = load_template(template)
    return [str(labels[section]) for section in spec.sections]


def _limited(template: str, section: str, count: int) -> int:
    spec, _, _ = load_template(template)
    limit = spec.limits.get(section)
    return count if limit is None else min(count, limit)


# -- headings ------------------------------------------------------------------------------


@pytest.mark.parametrize("template", ["briefing", "brief"])
@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_title_and_one_heading_1_per_template_section_in_template_order(
        example: Path, template: str) -> None:
    doc = _open(_render(example, template))
    titles = [p.text for p in doc.paragraphs if p.style.name == "Title"]
    assert titles == [_briefing(example).articles[0].title]
    assert doc.paragraphs[0].style.name == "Title"
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings == SECTION_TITLES[template]
    assert headings == _section_titles(template)  # the labels, in the template's order
    subtitles = [p.text for p in doc.paragraphs if p.style.name == "Subtitle"]
    assert len(subtitles) == 1 and "Adriatic Wire Service" in subtitles[0]


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_brief_template_has_only_its_three_sections(example: Path) -> None:
    data = _render(example, "brief")
    text = _norm(" ".join(p.text for p in _open(data).paragraphs))
    for absent in ("Positions", "Quotations", "Parties", "Photos", "Sources"):
        assert absent not in [p.text for p in _open(data).paragraphs], absent
    assert [b.get(f"{{{W}}}name") for b in _part(data, "word/document.xml").iter(
        f"{{{W}}}bookmarkStart")] == ["sec-key_points", "sec-commitments", "sec-statistics"]
    assert set(_tables(data)) >= {tuple(COMMITMENTS_HEADER), tuple(STATISTICS_HEADER)}
    assert tuple(PARTIES_HEADER) not in _tables(data)
    assert _briefing(example).articles[0].title in text


@pytest.mark.parametrize("template", ["briefing", "brief"])
@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_one_bookmark_per_section_named_after_its_id(example: Path, template: str) -> None:
    data = _render(example, template)
    body = _part(data, "word/document.xml")
    starts = list(body.iter(f"{{{W}}}bookmarkStart"))
    ids = [s.id for s in layout(_briefing(example), template).sections]
    assert [s.get(f"{{{W}}}name") for s in starts] == [f"sec-{i}" for i in ids]
    # Each bookmark sits in its section's heading and is closed with the same id.
    ends = {e.get(f"{{{W}}}id") for e in body.iter(f"{{{W}}}bookmarkEnd")}
    for start, title in zip(starts, SECTION_TITLES[template], strict=True):
        assert start.get(f"{{{W}}}id") in ends
        assert _text(start.getparent()) == title


# -- tables --------------------------------------------------------------------------------


@pytest.mark.parametrize("template", ["briefing", "brief"])
@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_fact_tables_have_one_row_per_fact_under_a_header_row(example: Path, template: str
                                                               ) -> None:
    briefing = _briefing(example)
    tables = _tables(_render(example, template))
    expected = {tuple(COMMITMENTS_HEADER): ("commitments", len(briefing.commitments)),
                tuple(STATISTICS_HEADER): ("statistics", len(briefing.statistics))}
    if template == "briefing":
        expected[tuple(PARTIES_HEADER)] = ("parties", len(briefing.parties))
    for header, (section, count) in expected.items():
        assert header in tables, header
        assert len(tables[header].rows) == 1 + _limited(template, section, count)
        assert tables[header].style.name == "Fact Table"


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_known_cells_and_party_names_are_in_the_tables(example: Path) -> None:
    tables = _tables(_render(example))
    for header, row, column, text in KNOWN_CELLS[example.stem]:
        assert tables[tuple(header)].rows[row].cells[column].text == text
    party_rows = tables[tuple(PARTIES_HEADER)].rows[1:]
    names = [row.cells[0].text for row in party_rows]
    for name, party in zip(names, _briefing(example).parties, strict=True):
        assert name.startswith(party.name)


@pytest.mark.parametrize("template", ["briefing", "brief"])
@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_every_table_repeats_its_header_row_and_keeps_rows_on_one_page(
        example: Path, template: str) -> None:
    body = _part(_render(example, template), "word/document.xml")
    tables = list(body.iter(f"{{{W}}}tbl"))
    assert tables
    for table in tables:
        rows = table.findall("w:tr", NS)
        assert len(rows) >= 2
        assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
        for row in rows[1:]:
            assert row.find("w:trPr/w:tblHeader", NS) is None
        for row in rows:
            assert row.find("w:trPr/w:cantSplit", NS) is not None


# -- footnotes -----------------------------------------------------------------------------


@pytest.mark.parametrize("template", ["briefing", "brief"])
@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_one_real_footnote_per_citation_and_per_note(example: Path, template: str) -> None:
    data = _render(example, template)
    notes = layout(_briefing(example), template).notes
    references = [int(r.get(f"{{{W}}}id"))
                  for r in _part(data, "word/document.xml").iter(f"{{{W}}}footnoteReference")]
    footnotes = _footnotes(data)
    assert len(footnotes) == len(references) == len(notes) > 0
    # Numbered in reading order, and every reference has its footnote.
    assert references == list(range(1, len(notes) + 1)) == sorted(footnotes)
    # Word's separator and continuation separator are there too.
    root = _part(data, "word/footnotes.xml")
    special = {n.get(f"{{{W}}}id"): n.get(f"{{{W}}}type") for n in root.iterfind("w:footnote", NS)
               if int(n.get(f"{{{W}}}id")) < 1}
    assert special == {"-1": "separator", "0": "continuationSeparator"}


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_each_footnote_quotes_the_article_exactly_and_names_the_paragraph(example: Path
                                                                          ) -> None:
    data = _render(example)
    footnotes = _footnotes(data)
    for note in layout(_briefing(example)).notes:
        text = _norm(_text(footnotes[note.number]))
        assert _norm(note.quote) in text, note.number
        assert f"paragraph {note.paragraph}" in text, note.number
        assert note.article in text
        # The footnote marks its own number (w:footnoteRef) and uses the footnote style.
        paragraph = footnotes[note.number].find("w:p", NS)
        assert paragraph.find("w:r/w:footnoteRef", NS) is not None
        assert paragraph.find("w:pPr/w:pStyle", NS).get(f"{{{W}}}val") == "FootnoteText"
    # Every piece of evidence of every shown fact is quoted word for word in some footnote.
    texts = [_norm(_text(n)) for n in footnotes.values()]
    briefing = _briefing(example)
    for fact in [*briefing.commitments, *briefing.statistics, *briefing.quotations,
                 *briefing.positions, *briefing.photos]:
        for ev in fact.evidence:
            assert any(f"“{_norm(ev.text)}”" in t for t in texts), (fact.id, ev.text)


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_footnotes_part_is_related_declared_and_configured(example: Path) -> None:
    data = _render(example)
    rels = _rels(data, "word/document.xml")
    footnote_rels = [r for r in rels.values() if r.get("Type") == REL_FOOTNOTES]
    assert [r.get("Target") for r in footnote_rels] == ["footnotes.xml"]
    overrides = {o.get("PartName"): o.get("ContentType")
                 for o in _part(data, "[Content_Types].xml").iterfind("ct:Override", NS)}
    assert overrides["/word/footnotes.xml"] == CT_FOOTNOTES
    settings = _part(data, "word/settings.xml")
    props = settings.find("w:footnotePr", NS)
    assert props is not None
    assert [f.get(f"{{{W}}}id") for f in props.iterfind("w:footnote", NS)] == ["-1", "0"]


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_every_relationship_id_used_in_a_part_resolves_in_that_part(example: Path) -> None:
    data = _render(example)
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    parts = [n for n in names if n.startswith("word/") and n.endswith(".xml")
             and f"word/_rels/{n.removeprefix('word/')}.rels" in names]
    assert "word/footnotes.xml" in parts and "word/document.xml" in parts
    for name in parts:
        rels = _rels(data, name)
        for element in _part(data, name).iter():
            for attr, value in element.attrib.items():
                if attr.startswith(f"{{{R}}}"):
                    assert value in rels, (name, attr, value)


# -- styles --------------------------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_expected_styles_exist_under_their_names_and_are_used(example: Path) -> None:
    data = _render(example)
    doc = _open(data)
    names = {s.name for s in doc.styles}
    for name in ("Title", "Subtitle", "Heading 1", "Caption", "List Bullet", "Quote",
                 "Fact Table", "Hyperlink"):
        assert name in names, name
    assert {"footnote text", "footnote reference"} <= {n.lower() for n in names}
    used = {p.style.name for p in doc.paragraphs}
    assert {"Title", "Subtitle", "Heading 1", "List Bullet", "Quote", "Caption"} <= used
    assert {t.style.name for t in doc.tables} == {"Fact Table"}
    # Every style id referenced anywhere in the body or the footnotes is defined.
    defined = {s.get(f"{{{W}}}styleId")
               for s in _part(data, "word/styles.xml").iterfind("w:style", NS)}
    referenced = set()
    for part in ("word/document.xml", "word/footnotes.xml"):
        root = _part(data, part)
        for tag in ("pStyle", "rStyle", "tblStyle"):
            referenced |= {e.get(f"{{{W}}}val") for e in root.iter(f"{{{W}}}{tag}")}
    assert {"FootnoteText", "FootnoteReference", "Hyperlink", "FactTable"} <= referenced
    assert referenced <= defined, referenced - defined


# -- hyperlinks ----------------------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_article_url_is_an_external_hyperlink_on_the_article_title(example: Path) -> None:
    data = _render(example)
    article = _briefing(example).articles[0]
    assert article.url
    rels = _rels(data, "word/document.xml")
    targets = {rid: rel.get("Target") for rid, rel in rels.items()
               if rel.get("Type") == REL_HYPERLINK and rel.get("TargetMode") == "External"}
    assert article.url in targets.values()
    links = {_text(h): targets.get(h.get(f"{{{R}}}id"))
             for h in _part(data, "word/document.xml").iter(f"{{{W}}}hyperlink")}
    assert links[article.title] == article.url
    # The footnotes link back to the article too, through their own relationships.
    footnote_targets = {r.get("Target") for r in _rels(data, "word/footnotes.xml").values()
                        if r.get("TargetMode") == "External"}
    assert article.url in footnote_targets


# -- properties ----------------------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_core_properties_describe_the_article(example: Path) -> None:
    props = _open(_render(example)).core_properties
    briefing = _briefing(example)
    article = briefing.articles[0]
    assert props.title == article.title
    assert props.subject and article.title in props.subject
    assert props.author == article.agency
    keywords = props.keywords.split(", ")
    states = [p.name for p in briefing.parties if p.kind.value == "state"]
    assert states and set(states) <= set(keywords)
    assert props.language == "en"
    assert article.published is not None
    assert props.created == article.published.astimezone(dt.UTC)
    assert props.modified == (article.updated or article.published).astimezone(dt.UTC)


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_source_date_epoch_sets_created_and_modified(example: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    data = factsheet.render(_briefing(example), "docx")
    props = _open(data).core_properties
    stamp = dt.datetime.fromtimestamp(1_700_000_000, tz=dt.UTC)
    assert props.created == props.modified == stamp


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_proofing_language_and_application_properties(example: Path) -> None:
    data = _render(example)
    lang = _part(data, "word/styles.xml").find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(f"{{{W}}}val").startswith("en")
    app = _part(data, "docProps/app.xml")
    application = app.find("{*}Application")
    assert application.text.startswith("factsheet")


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_no_thumbnail_is_packaged_or_referenced(example: Path) -> None:
    data = _render(example)
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert not [n for n in names if "thumbnail" in n.lower()]
    rels = _part(data, "_rels/.rels")
    assert not [r for r in rels if "thumbnail" in (r.get("Type") or "")]
    overrides = _part(data, "[Content_Types].xml").iterfind("ct:Override", NS)
    assert not [o for o in overrides if "thumbnail" in o.get("PartName")]


# -- page ----------------------------------------------------------------------------------


@pytest.mark.parametrize("template", ["briefing", "brief"])
@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_page_is_a4_with_the_template_margins(example: Path, template: str) -> None:
    spec, _, _ = load_template(template)
    assert spec.page.size == "A4"
    sections = _open(_render(example, template)).sections
    assert len(sections) == 1
    section = sections[0]
    assert section.page_width.mm == pytest.approx(210, abs=0.1)
    assert section.page_height.mm == pytest.approx(297, abs=0.1)
    top, right, bottom, left = spec.page.margins_mm
    assert section.top_margin.mm == pytest.approx(top, abs=0.1)
    assert section.right_margin.mm == pytest.approx(right, abs=0.1)
    assert section.bottom_margin.mm == pytest.approx(bottom, abs=0.1)
    assert section.left_margin.mm == pytest.approx(left, abs=0.1)


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_footer_says_page_x_of_y_with_fields(example: Path) -> None:
    footer = _open(_render(example)).sections[0].footer._element
    instructions = [_norm(i.text) for i in footer.iter(f"{{{W}}}instrText")]
    assert instructions == ["PAGE", "NUMPAGES"]
    kinds = [c.get(f"{{{W}}}fldCharType") for c in footer.iter(f"{{{W}}}fldChar")]
    assert kinds == ["begin", "separate", "end"] * 2
    text = _text(footer)
    assert "Page " in text and " of " in text


# -- reproducible bytes --------------------------------------------------------------------


@pytest.mark.parametrize("template", ["briefing", "brief"])
@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_rendering_twice_gives_the_same_bytes(example: Path, template: str) -> None:
    briefing = factsheet.load(example)
    first = factsheet.render(briefing, "docx", template=template)
    second = factsheet.render(factsheet.load(example), "docx", template=template)
    assert first == second == _render(example, template)


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_every_zip_entry_has_the_fixed_timestamp(example: Path) -> None:
    infos = zipfile.ZipFile(io.BytesIO(_render(example))).infolist()
    assert infos
    assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}


def test_same_bytes_across_processes_with_different_hash_seeds() -> None:
    digests = digests_in_fresh_processes("docx", EXAMPLES)
    here = [hashlib.sha256(_render(e, t)).hexdigest() for e in EXAMPLES
            for t in ("briefing", "brief")]
    assert digests[0] == digests[1] == here


# -- a second reader -----------------------------------------------------------------------


def _flatten(nested: Any) -> list[str]:
    if isinstance(nested, str):
        return [nested]
    return [s for item in nested for s in _flatten(item)]


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_docx2python_reads_the_footnotes(example: Path, tmp_path: Path) -> None:
    from docx2python import docx2python

    path = tmp_path / f"{example.stem}.docx"
    path.write_bytes(_render(example))
    with docx2python(path) as result:
        footnotes = [s for s in _flatten(result.footnotes) if s.strip()]
        body = _flatten(result.body)
    notes = layout(_briefing(example)).notes
    assert len(footnotes) == len(notes)
    for text, note in zip(footnotes, notes, strict=True):
        assert text.startswith(f"footnote{note.number})")
        assert _norm(note.quote) in _norm(text)
        assert f"paragraph {note.paragraph}" in text
    # The body marks each citation where it stands, in order.
    markers = [int(n) for n in re.findall(r"----footnote(\d+)----", "\n".join(body))]
    assert markers == [n.number for n in notes]


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_docx2python_reads_the_tables(example: Path, tmp_path: Path) -> None:
    from docx2python import docx2python

    path = tmp_path / f"{example.stem}.docx"
    path.write_bytes(_render(example))
    with docx2python(path) as result:
        body = result.body

    def cells(row: Any) -> list[str]:
        # Drop the footnote markers docx2python writes into the cell text.
        return [re.sub(r"----footnote\d+----", "", "\n".join(_flatten(c))) for c in row]

    tables = {tuple(cells(t[0])): [cells(r) for r in t] for t in body if len(t) > 1}
    briefing = _briefing(example)
    counts = {tuple(COMMITMENTS_HEADER): len(briefing.commitments),
              tuple(STATISTICS_HEADER): len(briefing.statistics),
              tuple(PARTIES_HEADER): len(briefing.parties)}
    for header, count in counts.items():
        assert header in tables, (header, list(tables))
        assert len(tables[header]) == 1 + count
    for header, row, column, text in KNOWN_CELLS[example.stem]:
        assert tables[tuple(header)][row][column] == text


# -- LibreOffice ---------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (soffice) is not installed: cannot convert DOCX to PDF")
@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_libreoffice_converts_to_a_pdf_with_title_footnotes_and_page_numbers(
        example: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    source = tmp_path / f"{example.stem}.docx"
    source.write_bytes(_render(example))
    out = tmp_path / "pdf"
    profile = (tmp_path / "profile").as_uri()
    done = subprocess.run(
        [str(shutil.which("soffice")), f"-env:UserInstallation={profile}", "--headless",
         "--norestore", "--convert-to", "pdf", "--outdir", str(out), str(source)],
        capture_output=True, text=True, timeout=60, check=False, stdin=subprocess.DEVNULL)
    pdf = out / f"{example.stem}.pdf"
    assert done.returncode == 0 and pdf.exists(), done.stdout + done.stderr
    pages = PdfReader(pdf).pages
    assert len(pages) >= 2
    text = "\n".join(page.extract_text() for page in pages)

    def squeezed(value: str) -> str:  # line breaks fall anywhere in a PDF
        return re.sub(r"\s+", "", value)

    all_text = squeezed(text)
    assert squeezed(_briefing(example).articles[0].title) in all_text
    for note in layout(_briefing(example)).notes:
        assert squeezed(note.quote) in all_text, note.number
    # The footer's fields were computed: "Page 1 of N" with N the real page count.
    assert f"Page 1 of {len(pages)}" in _norm(text)
    assert f"Page {len(pages)} of {len(pages)}" in _norm(text)


# -- French labels -------------------------------------------------------------------------


def _french(tmp_path: Path) -> str:
    path = tmp_path / "french.yaml"
    path.write_text("name: french\nlanguage: fr\nsections: [key_points, commitments, statistics]\n",
                    encoding="utf-8")
    return str(path)


def test_french_footnotes_say_paragraphe(tmp_path: Path) -> None:
    briefing = _briefing(EXAMPLES[0])
    template = _french(tmp_path)
    assert "paragraphe 5" in factsheet.render(briefing, "txt", template=template).decode()
    data = factsheet.render(briefing, "docx", template=template)
    texts = [_text(n) for n in _footnotes(data).values()]
    assert texts and all("paragraphe " in t for t in texts)


def test_french_footer_is_in_french(tmp_path: Path) -> None:
    data = factsheet.render(_briefing(EXAMPLES[0]), "docx", template=_french(tmp_path))
    footer = _open(data).sections[0].footer._element
    assert " of " not in _text(footer)
    assert "Page " in _text(footer) and " sur " in _text(footer)


def test_the_photo_has_its_alt_text_and_the_file_name_never_reaches_the_document() -> None:
    import zipfile

    example = Path(__file__).parent.parent.parent / "examples" / "danube" / "danube-pact.yaml"
    briefing = factsheet.load(example)
    data = factsheet.render(briefing, "docx")
    archive = zipfile.ZipFile(io.BytesIO(data))
    body = archive.read("word/document.xml").decode("utf-8")
    alt = briefing.photos[0].image.alt  # type: ignore[union-attr]
    assert f'name="Photo 1" descr="{alt}"' in body
    assert "signing.jpg" not in body and all("signing" not in n for n in archive.namelist())
    assert [n for n in archive.namelist() if n.startswith("word/media/")] == [
        "word/media/image1.jpg"]
    # Each chart carries its values and source as alt text too.
    assert 'name="Chart 1" descr="Flood damage in the Serbian part of the Danube basin. ' \
           '2025: 310 million euros; 2026: about 120 million euros. Source: Ministry of ' \
           'Agriculture of Serbia (on its website)."' in body
