"""The PDF of each example, reopened with pypdf: what a reader of the document actually gets.

The text a viewer extracts (every fact, every evidence quote, names with diacritics and
Cyrillic as written), the fonts in the resources (embedded Roboto subsets, never a standard
font), which face bold text is drawn in, the outline, the link annotations (citation to
note and back, external links), the document information and language, the page count and
footer, and byte-identical rebuilds. Helpers that read the PDF are in ``_pdf_reading``.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from _pdf_reading import (
    ROBOTO_SUBSET,
    STANDARD_14,
    Chunk,
    Link,
    catalog,
    chunks,
    fonts,
    images,
    info,
    lands_on,
    links,
    norm,
    outline,
    page_texts,
    reader,
    squeeze,
    width,
)
from _reproducible import digests_in_fresh_processes

import factsheet
from factsheet.api import layout
from factsheet.layout import tree as t
from factsheet.layout.template import load_template

ROOT = Path(__file__).parent.parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*/*.yaml"))
IDS = [p.stem for p in EXAMPLES]
DANUBE = ROOT / "examples" / "danube" / "danube-pact.yaml"
ADRIATIC = ROOT / "examples" / "adriatic" / "adriatic-sardines.yaml"

#: Heading 1 texts of the built-in templates, in template order (as in the DOCX tests), and
#: the notes heading the PDF adds after them.
SECTION_TITLES = {
    "briefing": ["Key points", "Commitments", "Positions", "Quotations", "Statistics",
                 "Parties", "Photos", "Sources"],
    "brief": ["Key points", "Commitments", "Statistics"],
}
#: Names as the article prints them: precomposed diacritics and Cyrillic, code point for
#: code point.
NAMES = {
    "danube-pact": ["Jelena \u0110or\u0111evi\u0107", "Ioana \u0218tirbu",
                    "\u00c1kos B\u00e9rczi", "Dnevnik (\u0414\u043d\u0435\u0432\u043d\u0438\u043a)"],
    "adriatic-sardines": ["Marija \u0160imunovi\u0107", "Dragan Vukovi\u0107"],
}
A4 = (595.2756, 841.8898)  # points


# -- building and opening ------------------------------------------------------------------


@cache
def _briefing(example: Path) -> Any:
    return factsheet.load(example)


@cache
def _render(example: Path, template: str = "briefing") -> bytes:
    return factsheet.render(_briefing(example), "pdf", template=template)


@cache
def _texts(example: Path, template: str = "briefing") -> tuple[str, ...]:
    return tuple(page_texts(_render(example, template)))


@cache
def _chunks(example: Path, template: str = "briefing") -> tuple[Chunk, ...]:
    return tuple(chunks(_render(example, template)))


@cache
def _links(example: Path, template: str = "briefing") -> tuple[Link, ...]:
    return tuple(links(_render(example, template)))


def _all_text(example: Path, template: str = "briefing") -> str:
    return norm(" ".join(_texts(example, template)))


def _section(document: t.Document, section_id: str) -> t.Section:
    return next(s for s in document.sections if s.id == section_id)


def _table(section: t.Section) -> t.Table:
    return next(b for b in section.blocks if isinstance(b, t.Table))


def _cell_text(cell: t.Inlines) -> str:
    """A table cell's text as the layout writes it, without its citation markers."""
    return "".join(i.text for i in cell if not isinstance(i, t.Cite))


def _column(table: t.Table, header: str) -> list[str]:
    index = table.header.index(header)
    return [_cell_text(row[index]) for row in table.rows]


def _number(value: float) -> str:
    """A value as the English labels print it: thousands separated by commas."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


# -- text: facts, evidence, names ----------------------------------------------------------


@pytest.mark.parametrize("template", ["briefing", "brief"])
@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_every_commitment_and_statistic_is_in_the_text_as_the_layout_writes_it(
        example: Path, template: str) -> None:
    text = _all_text(example, template)
    document = layout(_briefing(example), template)
    actions = _column(_table(_section(document, "commitments")), "Commitment")
    statistics = _table(_section(document, "statistics"))
    values = _column(statistics, "Value")
    assert actions and values
    for cell in [*actions, *_column(statistics, "Measure"), *values]:
        assert norm(cell) in text, cell
    # Each shown statistic's number is in its value cell, written the English way.
    shown = _briefing(example).statistics[:len(values)]
    for statistic, cell in zip(shown, values, strict=True):
        if statistic.value is not None:
            assert _number(statistic.value) in cell, (statistic.id, cell)


def test_known_actions_and_values_of_the_danube_example() -> None:
    text = _all_text(DANUBE)
    for expected in ("Provide 40 mobile pumps to a common reserve.",
                     "Intends to let Bulgaria join the flood-warning network.",
                     "Refuses to take part in joint dredging of the shared stretch.",
                     "about 120 million euros", "nearly 2,000 volunteers", "56 towns",
                     "about 45 million leva"):
        assert expected in text, expected


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_every_evidence_quote_is_in_a_note_word_for_word(example: Path) -> None:
    text = _all_text(example)
    briefing = _briefing(example)
    facts = [*briefing.commitments, *briefing.statistics, *briefing.quotations,
             *briefing.positions, *briefing.photos]
    assert facts
    for fact in facts:
        for ev in fact.evidence:
            assert f"“{norm(ev.text)}”" in text, (fact.id, ev.text)
    notes = layout(briefing).notes
    # One article: it is named once above the notes, each note gives quote and paragraph.
    assert f"Source: {notes[0].article}, {notes[0].publisher}." in text
    for note in notes:
        assert f"{note.number}. “{norm(note.quote)}” — paragraph {note.paragraph}." in text, \
            note.number


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_quotations_and_positions_are_in_the_text(example: Path) -> None:
    text = _all_text(example)
    briefing = _briefing(example)
    assert briefing.quotations and briefing.positions
    for quote in briefing.quotations:
        assert f"“{norm(quote.text)}”" in text, quote.id
    for position in briefing.positions:
        assert norm(position.summary) in text, position.id


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_names_with_diacritics_and_cyrillic_are_extracted_exactly(example: Path) -> None:
    text = _all_text(example)
    for name in NAMES[example.stem]:
        assert name in text, name
    for party in _briefing(example).parties:
        assert party.name in text, party.name
    # Nothing became a replacement character or a lone combining mark.
    assert "\ufffd" not in text
    assert not re.search(r"[\u0300-\u036f]", text)


# -- fonts ---------------------------------------------------------------------------------


@pytest.mark.parametrize("template", ["briefing", "brief"])
@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_every_font_is_an_embedded_roboto_subset(example: Path, template: str) -> None:
    data = _render(example, template)
    found = fonts(data)
    assert {page for page, _ in found} == set(range(len(reader(data).pages)))
    for page, font in found:
        base = str(font["/BaseFont"]).lstrip("/")
        assert ROBOTO_SUBSET.match(base), (page, base)
        assert font["/Subtype"] in ("/TrueType", "/Type0"), (page, base)
        if font["/Subtype"] == "/Type0":
            font = font["/DescendantFonts"][0].get_object()
        descriptor = font["/FontDescriptor"].get_object()
        assert str(descriptor["/FontName"]).lstrip("/") == base
        assert "/FontFile2" in descriptor, (page, base)
        assert "/FontFile" not in descriptor and "/FontFile3" not in descriptor
        program = descriptor["/FontFile2"].get_object().get_data()
        assert program[:4] in (b"\x00\x01\x00\x00", b"true"), (page, base)
    # No standard font anywhere in the file, referenced or declared.
    assert not re.search(rb"/BaseFont\s*/(?:%b)\b" % "|".join(STANDARD_14).encode(), data)
    assert not re.search(rb"/Subtype\s*/Type1\b", data)
    faces = {str(font["/BaseFont"]).split("+", 1)[1] for _, font in found}
    assert {"Roboto-Regular", "Roboto-Bold", "Roboto-Italic"} <= faces


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_text_extracts_with_a_unicode_map_for_every_font(example: Path) -> None:
    for page, font in fonts(_render(example)):
        assert "/ToUnicode" in font, (page, font["/BaseFont"])


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_bold_text_is_drawn_in_the_bold_face(example: Path) -> None:
    drawn = _chunks(example)
    by_text: dict[str, set[str]] = {}
    for chunk in drawn:
        by_text.setdefault(chunk.text.strip(), set()).add(chunk.font)
    # Title, section headings and table header cells are bold ...
    title = _briefing(example).articles[0].title
    # The footer (regular: "Page N of M" and the title) is drawn first; then the title.
    body = [c for c in drawn if c.text.strip() and not c.text.startswith("Page")
            and not c.text.strip().isdigit() and c.text.strip() != title]
    assert body[0].font == "Roboto-Bold" and body[0].text.strip() in title
    for heading in [*SECTION_TITLES["briefing"], "Notes"]:
        assert by_text[heading] == {"Roboto-Bold"}, heading
    for header in ("By", "Commitment", "Measure", "Value", "Party", "Kind",
                   "Role or affiliation"):
        assert by_text[header] == {"Roboto-Bold"}, header
    # ... so are the party names in the first column of the parties table ...
    bold = norm(" ".join(c.text for c in drawn if c.bold))
    for party in _briefing(example).parties:
        assert party.name in bold, party.name
    # ... and plain cells are not; the instrument is in italics.
    assert by_text["State"] == {"Roboto-Regular"}
    assert by_text["Binding"] == {"Roboto-Regular"}
    italic = norm(" ".join(c.text for c in drawn if c.font == "Roboto-Italic"))
    assert "Instrument:" in italic


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_nothing_is_drawn_outside_the_page(example: Path) -> None:
    _assert_inside_the_page(_render(example))


def _assert_inside_the_page(data: bytes) -> None:
    pages = reader(data).pages
    for chunk in chunks(data):
        right = float(pages[chunk.page].mediabox.width)
        top = float(pages[chunk.page].mediabox.height)
        assert chunk.x >= -0.5, (chunk.page + 1, chunk.text[:60], chunk.x)
        assert chunk.x + width(chunk) <= right + 0.5, (chunk.page + 1, chunk.text[:60],
                                                       chunk.x + width(chunk))
        assert 0 <= chunk.y <= top, (chunk.page + 1, chunk.text[:60], chunk.y)


def test_a_long_article_title_stays_on_the_page() -> None:
    briefing = _briefing(DANUBE)
    article = briefing.articles[0].model_copy(update={"title": (
        "Danube states agree flood-defence pact after three days of talks in Novi Sad, "
        "Bulgaria stays out of joint dredging and seeks EU funds")})  # 133 characters
    _assert_inside_the_page(factsheet.render(briefing.model_copy(
        update={"articles": [article]}), "pdf"))


def test_a_long_chart_measure_stays_on_the_page() -> None:
    briefing = _briefing(DANUBE)
    statistic = briefing.statistics[0].model_copy(update={"measure": (
        "flood damage to farms, roads, bridges and riverside homes in the Serbian part of "
        "the Danube basin, excluding Belgrade")})  # 115 characters, and the unit after it
    _assert_inside_the_page(factsheet.render(briefing.model_copy(
        update={"statistics": [statistic, *briefing.statistics[1:]]}), "pdf"))


# -- outline -------------------------------------------------------------------------------


def _heading_pages(example: Path, template: str) -> dict[str, int]:
    """The page each section heading is drawn on: its bold text, alone on its line."""
    pages: dict[str, int] = {}
    for chunk in _chunks(example, template):
        if chunk.bold and chunk.text.strip() not in pages:
            pages[chunk.text.strip()] = chunk.page
    return pages


@pytest.mark.parametrize("template", ["briefing", "brief"])
@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_outline_has_one_entry_per_template_section_then_notes(example: Path, template: str
                                                               ) -> None:
    entries = outline(_render(example, template))
    spec, labels, _ = load_template(template)
    expected = [*(str(labels[s]) for s in spec.sections), "Notes"]
    assert [title for title, _, _ in entries] == expected
    assert expected == [*SECTION_TITLES[template], "Notes"]
    assert {depth for _, _, depth in entries} == {0}


@pytest.mark.parametrize("template", ["briefing", "brief"])
@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_each_outline_entry_opens_the_page_its_heading_is_on(example: Path, template: str
                                                            ) -> None:
    pages = _heading_pages(example, template)
    entries = outline(_render(example, template))
    if template == "briefing":
        assert pages["Notes"] > 0  # the notes are not on the first page
    else:
        assert set(pages.values()) == {0}  # the one-page brief is one page
    assert [(title, page + 1) for title, page, _ in entries] == [
        (title, pages[title] + 1) for title, _, _ in entries]


# -- links ---------------------------------------------------------------------------------


def _internal(example: Path, template: str) -> tuple[list[Link], list[Link]]:
    """The citation markers' links and the notes' links back, each in note order."""
    found = [link for link in _links(example, template) if link.action == "goto"]
    count = len(layout(_briefing(example), template).notes)
    assert len(found) == 2 * count > 0
    return found[:count], found[count:]


@pytest.mark.parametrize("template", ["briefing", "brief"])
@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_each_citation_links_to_its_note_and_each_note_links_back(example: Path,
                                                                  template: str) -> None:
    cites, backs = _internal(example, template)
    for number, (cite, back) in enumerate(zip(cites, backs, strict=True), start=1):
        # Named destinations, when the writer makes them, carry the anchors' names.
        assert cite.dest_name in (None, f"note-{number}")
        assert back.dest_name in (None, f"cite-{number}")
        # The marker leads to the line of its note, the note's number back to the marker.
        assert lands_on(cite, back), (number, cite, back)
        assert lands_on(back, cite), (number, back, cite)
    # Markers are in the body, in reading order; the links back are in the notes.
    notes_page = _heading_pages(example, template)["Notes"]
    assert all(link.page <= notes_page for link in cites)
    assert all(link.page >= notes_page for link in backs)


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_citation_and_note_links_open_the_page_of_their_target(example: Path) -> None:
    cites, backs = _internal(example, "briefing")
    for number, (cite, back) in enumerate(zip(cites, backs, strict=True), start=1):
        assert cite.dest_page == back.page, (number, cite.dest_page, back.page)
        assert back.dest_page == cite.page, (number, back.dest_page, cite.page)


@pytest.mark.parametrize("template", ["briefing", "brief"])
@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_external_links_are_http_and_every_link_is_goto_or_uri(example: Path,
                                                               template: str) -> None:
    found = _links(example, template)
    assert {link.action for link in found} == {"goto", "uri"}
    uris = [link.uri for link in found if link.action == "uri"]
    assert uris and all(re.match(r"^https?://", u) for u in uris if u), uris
    article = _briefing(example).articles[0]
    # The notes name the article once, with a link to it.
    assert uris.count(article.url) >= 1
    # Look at the objects, not inside streams (encoded data can hold any bytes).
    data = re.sub(rb"stream\r?\n.*?endstream", b"", _render(example, template), flags=re.DOTALL)
    for key in (rb"/JavaScript", rb"/JS\b", rb"/Launch", rb"/SubmitForm", rb"/OpenAction",
                rb"/AA\b"):
        assert not re.search(key, data), key


def test_the_article_title_in_sources_links_to_the_article() -> None:
    article = _briefing(DANUBE).articles[0]
    related = article.related[0]
    uris = {link.uri for link in _links(DANUBE) if link.action == "uri"}
    assert {article.url, related.url} <= uris


# -- document information, pages, footer ---------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_document_information_and_language(example: Path) -> None:
    data = _render(example)
    found = info(data)
    briefing = _briefing(example)
    article = briefing.articles[0]
    meta = layout(briefing).meta
    assert found.title == article.title == meta.title
    assert found.author == article.agency == meta.author
    assert found.subject == meta.subject == f"Briefing: {article.title}"
    assert found["/Keywords"] == ", ".join(meta.keywords)
    states = [p.name for p in briefing.parties if p.kind.value == "state"]
    assert states and set(states) <= set(found["/Keywords"].split(", "))
    assert found.creator == "factsheet"
    assert catalog(data)["/Lang"] == "en"


def test_document_dates_are_the_articles() -> None:
    found = info(_render(DANUBE))
    meta = layout(_briefing(DANUBE)).meta
    assert found.creation_date == meta.created
    # ReportLab writes one time stamp for both (see writers/pdf/canvas.py time_stamp).
    assert found.modification_date == meta.created


@pytest.mark.parametrize("template", ["briefing", "brief"])
@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_pages_are_a4_and_every_footer_says_page_x_of_n(example: Path, template: str
                                                       ) -> None:
    pdf = reader(_render(example, template))
    count = len(pdf.pages)
    # The notes follow the sections; the one-page brief is one page.
    assert count == 1 if template == "brief" else 2 <= count <= 8
    title = _briefing(example).articles[0].title
    for number, (page, text) in enumerate(zip(pdf.pages, _texts(example, template),
                                              strict=True), start=1):
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(
            A4, abs=0.01)
        # The footer is drawn first: "Page N of M", then the title.
        assert norm(text).startswith(f"Page {number} of {count} {title}"), number
    assert f"Page 1 of {count}" in norm(_texts(example, template)[0])


# -- images --------------------------------------------------------------------------------


def test_the_danube_photo_is_the_only_image_and_is_on_the_photos_page() -> None:
    found = images(_render(DANUBE))
    assert [(w, h) for _, w, h in found] == [(960, 540)]
    assert found[0][0] == _heading_pages(DANUBE, "briefing")["Photos"]
    assert images(_render(DANUBE, "brief")) == []
    assert images(_render(ADRIATIC)) == []


# -- reproducible bytes --------------------------------------------------------------------


@pytest.mark.parametrize("template", ["briefing", "brief"])
@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_rendering_twice_gives_the_same_bytes(example: Path, template: str) -> None:
    first = factsheet.render(factsheet.load(example), "pdf", template=template)
    second = factsheet.render(factsheet.load(example), "pdf", template=template)
    assert first == second == _render(example, template)


def test_same_bytes_across_processes_with_different_hash_seeds() -> None:
    digests = digests_in_fresh_processes("pdf", EXAMPLES)
    here = [hashlib.sha256(_render(e, t)).hexdigest() for e in EXAMPLES
            for t in ("briefing", "brief")]
    assert digests[0] == digests[1] == here


# -- the brief template --------------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_brief_template_has_only_its_three_sections(example: Path) -> None:
    headings = [c.text.strip() for c in _chunks(example, "brief")
                if c.bold and c.size > 11]  # headings are larger than the body
    title = _briefing(example).articles[0].title
    assert [h for h in headings if h not in title] == ["Key points", "Commitments",
                                                       "Statistics", "Notes"]
    text = _all_text(example, "brief")
    for absent in ("Role or affiliation", "Quotations", "Positions", "Photos", "Sources"):
        assert absent not in text, absent
    assert title in text


# -- French labels -------------------------------------------------------------------------


def _french(tmp_path: Path) -> str:
    source = (ROOT / "templates" / "briefing.yaml").read_text(encoding="utf-8")
    assert "\nlanguage: en\n" in source
    path = tmp_path / "briefing-fr.yaml"
    path.write_text(source.replace("\nlanguage: en\n", "\nlanguage: fr\n"), encoding="utf-8")
    return str(path)


def test_french_template_gives_french_labels_outline_footer_and_language(tmp_path: Path
                                                                         ) -> None:
    data = factsheet.render(_briefing(DANUBE), "pdf", template=_french(tmp_path))
    pdf = reader(data)
    texts = page_texts(data)
    text = norm(" ".join(texts))
    for label in ("Engagements", "Points clés", "Chiffres", "Acteurs", "paragraphe 5."):
        assert label in text, label
    count = len(pdf.pages)
    assert norm(texts[0]).startswith(f"Page 1 sur {count}")
    assert not any(norm(p).startswith("Page ") and " of " in norm(p)[:20] for p in texts)
    assert [title for title, _, _ in outline(data)][:2] == ["Points clés", "Engagements"]
    assert catalog(data)["/Lang"] == "fr"


def test_french_modality_words_are_not_cut(tmp_path: Path) -> None:
    data = factsheet.render(_briefing(DANUBE), "pdf", template=_french(tmp_path))
    text = norm(" ".join(page_texts(data)))
    assert "Contraignant" in text


# -- known layout problems -----------------------------------------------------------------


def test_adjacent_citation_markers_are_told_apart() -> None:
    document = layout(_briefing(ADRIATIC))
    position = _section(document, "positions").blocks[0]
    assert isinstance(position, t.Paragraph)
    assert [i.number for i in position.content if isinstance(i, t.Cite)] == [7, 8]
    text = squeeze(" ".join(_texts(ADRIATIC)))
    assert "ban.78" not in text


@pytest.mark.parametrize("text", ["Danube states agree flood-defence pact", "x" * 3000,
                                  "Đorđević Știrbu Бéрци " * 40, "short"])
def test_a_running_title_is_cut_to_the_longest_prefix_that_fits(text: str) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from factsheet.writers.pdf.build import _fit
    from factsheet.writers.pdf.fonts import bundled_family

    font, room = bundled_family().regular, 200.0
    cut = _fit(text, font, 8, room)
    assert stringWidth(cut, font, 8) <= room
    if cut != text:
        kept = cut.removesuffix("…")
        assert text.startswith(kept.rstrip()) and cut.endswith("…")
        end = len(kept)
        while text[end].isspace():  # spaces before the cut are dropped with it
            end += 1
        longer = text[:end + 1] + "…"
        assert stringWidth(longer, font, 8) > room  # one more character would not fit
