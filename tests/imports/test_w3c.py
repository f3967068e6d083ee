"""W3C Web Annotation: the Danube fixture end to end, selectors, bodies, links, bad input,
and the export read back."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from _cli import run
from hypothesis import given, settings
from hypothesis import strategies as st

import factsheet
from factsheet.diagnostics import Diagnostic
from factsheet.imports.export_w3c import dump_w3c, export_w3c
from factsheet.imports.read import sniff_json
from factsheet.imports.w3c import read_w3c
from factsheet.imports.w3c.spec import (
    Parser,
    SpecificResource,
    TextPositionSelector,
    TextQuoteSelector,
    TextualBody,
)
from factsheet.pipeline import process
from factsheet.readers.source import TextFile
from factsheet.readers.tree import load_tree

FIXTURES = Path(__file__).parent / "fixtures" / "w3c"
DANUBE = FIXTURES / "danube.json"
TEXT = (FIXTURES / "danube.txt").read_bytes().decode("utf-8")
EXAMPLE = Path(__file__).parents[2] / "examples" / "danube" / "danube-pact.yaml"
URL = "https://wire.example.org/2027/04/09/danube-flood-pact"
ARTICLE = "Flood 🌊🌊 warning: Serbia\u00a0and Romania agreed.\nSerbia will pay.\n"


@pytest.fixture(scope="module")
def danube() -> Any:
    return factsheet.load(DANUBE)


def codes(diagnostics: list[Diagnostic]) -> list[str]:
    return [d.code for d in diagnostics]


def evidence(items: list[Any]) -> list[tuple[int, int, str]]:
    return [(e.start, e.end, e.text) for e in items]


def at(quote: str, before: str = "", text: str = TEXT) -> tuple[int, int]:
    start = text.index(before + quote) + len(before)
    return start, start + len(quote)


def target(quote: str | None = None, start: int | None = None, end: int | None = None,
           source: str = URL, **context: str) -> dict[str, Any]:
    selectors: list[dict[str, Any]] = []
    if quote is not None:
        selectors.append({"type": "TextQuoteSelector", "exact": quote, **context})
    if start is not None:
        selectors.append({"type": "TextPositionSelector", "start": start, "end": end})
    return {"type": "SpecificResource", "source": source, "selector": selectors}


def annotation(ident: str, tags: list[str], *targets: dict[str, Any]) -> dict[str, Any]:
    return {"id": ident, "type": "Annotation", "motivation": "tagging",
            "body": [{"type": "TextualBody", "purpose": "tagging", "value": t} for t in tags],
            "target": list(targets)}


def link(ident: str, label: str, source: str, *to: str) -> dict[str, Any]:
    return {"id": ident, "type": "Annotation", "motivation": "linking", "target": source,
            "body": [{"type": "TextualBody", "purpose": "tagging", "value": label}]
            + [{"type": "SpecificResource", "purpose": "linking", "source": t} for t in to]}


def collection(*items: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection",
            "total": len(items), **extra,
            "first": {"type": "AnnotationPage", "items": list(items)}}


def write(folder: Path, data: Any, text: str | None = ARTICLE, name: str = "doc") -> Path:
    """Write ``name.json`` and, unless None, ``name.txt`` (bytes as given)."""
    if text is not None:
        (folder / f"{name}.txt").write_bytes(text.encode("utf-8"))
    path = folder / f"{name}.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def read(path: Path) -> tuple[list[Any] | None, list[Diagnostic]]:
    diagnostics: list[Diagnostic] = []
    return read_w3c(path, path.name, diagnostics), diagnostics




SERBIA = annotation("#serbia", ["Party"], target("Serbia", 18, 24))
ROMANIA = annotation("#romania", ["Party"], target("Romania", 29, 36))


# -- the Danube fixture --------------------------------------------------------------------
def test_the_fixture_is_detected_by_its_content() -> None:
    assert sniff_json(DANUBE) == "w3c"


def test_parties_countries_and_persons(danube: Any) -> None:
    parties = {p.id: p for p in danube.parties}
    assert sorted(parties) == sorted([
        "serbia", "romania", "hungary", "bulgaria", "jelena-dordevic", "ioana-stirbu",
        "akos-berczi", "petar-vasilev", "ministry-of-agriculture-of-serbia", "danubia-press"])
    serbia = parties["serbia"]
    assert (serbia.name, serbia.kind, serbia.country) == ("Serbia", "state", "RS")
    # Two annotations, the second anchored by its quote and prefix alone: one party.
    assert evidence(serbia.mentions) == [(*at("Serbia", "BUCHAREST - "), "Serbia"),
                                         (*at("Serbia", "Under the pact, "), "Serbia")]
    dordevic = parties["jelena-dordevic"]
    assert (dordevic.name, dordevic.kind, dordevic.country, dordevic.role) == (
        "Jelena Đorđević", "person", "RS", "Prime Minister of Serbia")
    ministry = parties["ministry-of-agriculture-of-serbia"]
    assert (ministry.name, ministry.kind, ministry.country) == (
        "Ministry of Agriculture of Serbia", "government_body", "RS")
    assert parties["danubia-press"].kind == "news_agency"


def test_offsets_after_an_emoji_are_code_points(danube: Any) -> None:
    # The headline starts with U+1F30A: one code point, two UTF-16 units.
    assert TEXT.index("\U0001f30a") < at("Bulgaria")[0]
    bulgaria = danube.party("bulgaria")
    assert evidence(bulgaria.mentions) == [(*at("Bulgaria", "invited "), "Bulgaria")]
    assert at("Bulgaria", "invited ") == (750, 758)
    assert not {"FS118", "FS119"} & {d.code for d in danube.diagnostics}


def test_commitment_by_and_to_from_linking_annotations(danube: Any) -> None:
    found = {c.id: c for c in danube.commitments}
    pumps = found["commitment-c-pumps"]
    assert (pumps.by, pumps.to, pumps.modality, pumps.instrument) == (
        ["serbia"], ["romania", "hungary"], "binding", "Danube Flood Defence Pact")
    # The NBSP is one code point and stays in the evidence.
    words = "Serbia will provide 40\u00a0mobile pumps to a common reserve"
    assert evidence(pumps.evidence) == [(*at(words), words)]


def test_refusal_modality_is_taken_from_its_words(danube: Any) -> None:
    refusal = next(c for c in danube.commitments if c.id == "commitment-c-dredging")
    assert (refusal.by, refusal.modality, refusal.action) == (
        ["bulgaria"], "refusal",
        "Bulgaria will not take part in joint dredging of the shared stretch")
    notes = [d for d in danube.diagnostics if d.code == "FS121"]
    assert [(d.line, d.message) for d in notes] == [
        (446, "commitment c-dredging: modality taken as 'refusal' from its words")]


def test_a_fact_with_two_targets_has_two_pieces_of_evidence(danube: Any) -> None:
    (position,) = danube.positions
    assert (position.holder, position.stance, position.topic) == (
        "petar-vasilev", "oppose", "joint dredging of the shared stretch")
    first = "will not take part in joint dredging of the shared stretch"
    assert evidence(position.evidence) == [
        (*at(first), first), (*at("citing costs"), "citing costs")]


def test_statistic_quote_and_photo_credit(danube: Any) -> None:
    (damage,) = danube.statistics
    assert (damage.value, damage.unit, damage.period, damage.attributed_to) == (
        120, "million euros", "2026", "ministry-of-agriculture-of-serbia")
    # A describing body with fs:attribute sets the measure.
    assert damage.measure == "flood damage in the Serbian part of the basin"
    words = "fell to about 120 million euros in 2026"
    assert evidence(damage.evidence) == [(*at(words), words)]
    (quote,) = danube.quotations
    assert (quote.speaker, evidence(quote.evidence)) == (
        "jelena-dordevic", [(1122, 1184, "will give people hours, not minutes, to get out of "
                                       "harm's way.")])
    (photo,) = danube.photos
    assert (photo.credit, photo.agency, photo.pictured, photo.caption) == (
        "PHOTO / DANUBIA PRESS", "danubia-press",
        ["jelena-dordevic", "ioana-stirbu", "akos-berczi"],
        "Three ministers after signing the Danube Flood Defence Pact in Novi Sad.")


def test_article_takes_the_source_url_and_the_collection_label(danube: Any) -> None:
    (article,) = danube.articles
    assert (article.id, article.url, article.title) == (
        "danube-flood-pact", URL, "Danube states agree flood-defence pact")
    assert article.text == TEXT


def test_every_evidence_is_the_words_at_its_offsets(danube: Any) -> None:
    items = [m for p in danube.parties for m in p.mentions] + [
        e for kind in ("commitments", "positions", "quotations", "statistics", "photos")
        for fact in getattr(danube, kind) for e in fact.evidence]
    assert len(items) == 18
    assert all(TEXT[e.start:e.end] == e.text for e in items)


def test_the_model_keeps_the_spec_s_own_words() -> None:
    source = TextFile("danube.json", DANUBE.read_text(encoding="utf-8"))
    diagnostics: list[Diagnostic] = []
    data, smap = load_tree(source, "json", diagnostics)
    model = Parser(smap, diagnostics).collection(data)
    assert diagnostics == [] and model is not None
    assert len(model.annotations) == 25  # both pages
    serbia = model.annotations[0]
    assert (serbia.id, serbia.motivation, serbia.at) == ("#serbia", ["tagging"], (17, 7))
    assert serbia.bodies == [TextualBody("Party", "tagging", None, (22, 11))]
    (resource,) = serbia.targets
    assert isinstance(resource, SpecificResource)
    assert resource.source == URL
    assert resource.selectors == [
        TextQuoteSelector("Serbia", "/BUCHAREST/BUDAPEST/BUCHAREST - ",
                          ", Romania and Hungary agreed on "),
        TextPositionSelector(455, 461)]


# -- selectors and offsets -----------------------------------------------------------------
def test_crlf_text_positions_count_both_characters(tmp_path: Path) -> None:
    text = TEXT.replace("\n", "\r\n")
    start, end = at("Serbia", "Under the pact, ", text)
    crlf_as_one = start - text[:start].count("\r\n")
    path = write(tmp_path, collection(
        annotation("#a", ["Party"], target("Serbia", start, end)),
        annotation("#b", ["Party"], target("Serbia", crlf_as_one, crlf_as_one + 6))), text)
    (document,), diagnostics = read(path)
    assert [s.fragments for s in document.spans] == [[(start, end)], [(start, end)]]
    assert [(d.code, d.message) for d in diagnostics] == [
        ("FS118", f"annotation b: offsets [{crlf_as_one}, {crlf_as_one + 6}) did not select "
                  f"'Serbia'; read as CRLF counted as one, [{start}, {end}) does")]


def test_utf16_positions_are_repaired_and_reported(tmp_path: Path) -> None:
    # A producer counting UTF-16 units (as JavaScript does) is off by one per emoji.
    path = write(tmp_path, collection(annotation("#a", ["Party"], target("Serbia", 20, 26))))
    (document,), diagnostics = read(path)
    assert document.spans[0].fragments == [(18, 24)]
    assert ARTICLE[18:24] == "Serbia"
    assert [(d.code, d.line, d.column) for d in diagnostics] == [("FS118", 20, 6)]
    assert "read as UTF-16 units, [18, 24) does" in diagnostics[0].message


def test_a_quote_alone_is_found_with_its_prefix(tmp_path: Path) -> None:
    path = write(tmp_path, collection(
        annotation("#a", ["Party"], target("Serbia", prefix="\n")),
        annotation("#b", ["Party"], target("Serbia\u00a0and", suffix=" Romania"))))
    (document,), diagnostics = read(path)
    assert diagnostics == []
    assert [s.fragments for s in document.spans] == [[(45, 51)], [(18, 28)]]


def test_an_ambiguous_quote_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, collection(annotation("#a", ["Party"], target("Serbia"))))
    documents, diagnostics = read(path)
    assert documents is None
    assert [(d.code, d.message) for d in diagnostics] == [
        ("FS302", "annotation a: the quote 'Serbia' occurs 2 times and its prefix and "
                  "suffix do not tell which")]


def test_offsets_that_select_other_words_name_the_annotation(tmp_path: Path) -> None:
    path = write(tmp_path, collection(
        annotation("urn:x:a7", ["Party"], target("Belgrade", 18, 24)),
        annotation("urn:x:a8", ["Party"], target(None, 60, 90))))
    documents, diagnostics = read(path)
    assert documents is None
    assert [(d.code, d.line, d.message) for d in diagnostics] == [
        ("FS119", 20, "annotation urn:x:a7: the quote 'Belgrade' is not in the article text "
                      "(offsets [18, 24) do not select 'Belgrade', in any unit, and the words "
                      "are not near that place)"),
        ("FS119", 49, "annotation urn:x:a8: offsets [60, 90) are outside the text "
                      "(length 62)")]


def test_a_target_without_text_selectors_is_refused(tmp_path: Path) -> None:
    xpath = {"type": "SpecificResource", "source": URL,
             "selector": {"type": "XPathSelector", "value": "/p[1]"}}
    documents, diagnostics = read(write(tmp_path, collection(
        annotation("#a", ["Party"], xpath))))
    assert documents is None
    assert [(d.code, d.message) for d in diagnostics] == [
        ("FS203", "annotation a: no TextPositionSelector or TextQuoteSelector (selectors "
                  "found: XPathSelector)")]


# -- bodies, tags and links ----------------------------------------------------------------
def test_tags_give_label_attributes_and_entity(tmp_path: Path) -> None:
    body = annotation("#s", ["todo", "statistic", "value:360", "Unit: drones",
                             "id:q1", "https://example.org/x"], target("Serbia", 18, 24))
    body["motivation"] = "commenting"  # what a body without purpose is
    body["body"].append({"type": "TextualBody", "purpose": "commenting", "value": "Check."})
    body["body"].append({"type": "TextualBody", "value": "Ministry figure."})
    (document,), diagnostics = read(write(tmp_path, collection(body)))
    assert diagnostics == []
    (span,) = document.spans
    assert (span.label, span.attributes, span.entity, span.note) == (
        "statistic", {"value": "360", "unit": "drones"}, "q1", "Check.\nMinistry figure.")


def test_a_tag_outside_the_convention_is_reported_and_ignored(tmp_path: Path) -> None:
    path = write(tmp_path, collection(
        SERBIA, annotation("#r", ["Rumour", "stance:oppose"], target("Romania", 30, 37)),
        annotation("#n", ["value:3"], target("pay", 57, 60))))
    result = process(path)
    assert [(d.line, d.message) for d in result.diagnostics if d.code == "FS117"] == [
        (37, "label 'Rumour' of r is not in the convention; span ignored"),
        (71, "annotation n has no label (a tag such as Party, Commitment or Statistic); "
             "ignored")]
    assert result.briefing is not None
    assert [p.name for p in result.briefing.parties] == ["Serbia"]


def test_a_link_to_a_missing_id_is_reported(tmp_path: Path) -> None:
    photo = annotation("#p", ["PhotoCredit"], target("Flood", 0, 5))
    path = write(tmp_path, collection(
        SERBIA, photo, link("#l1", "by", "#p", "#serbia"),
        link("#l2", "pictures", "#p", "#nobody")))
    result = process(path)
    assert [(d.line, d.message) for d in result.diagnostics if d.code == "FS120"] == [
        (84, "relation l2 points at 'nobody', which is not a span of this document (or has an "
             "unknown label); relation ignored")]
    assert result.briefing is not None
    (credit,) = result.briefing.photos
    assert (credit.agency, credit.pictured) == ("serbia", [])


def test_a_linking_annotation_without_label_or_other_end(tmp_path: Path) -> None:
    path = write(tmp_path, collection(
        SERBIA, annotation("#p", ["PhotoCredit"], target("Flood", 0, 5)),
        {"id": "#l1", "motivation": "linking", "target": "#p", "body": "#serbia"},
        {"id": "#l2", "motivation": "linking", "target": "#p",
         "body": {"type": "TextualBody", "value": "by"}}))
    _, diagnostics = read(path)
    assert [(d.code, d.message) for d in diagnostics] == [
        ("FS117", "linking annotation l1 has no relation label (a tagging body: by, to or "
                  "pictures); ignored"),
        ("FS120", "linking annotation l2 names no annotation to link (a body with the other "
                  "annotation's id); ignored")]


def test_by_tags_link_to_ids_entities_and_words(tmp_path: Path) -> None:
    serbia = annotation("#s1", ["Party", "id:rs"], target("Serbia", 18, 24))
    path = write(tmp_path, collection(
        serbia, ROMANIA,
        annotation("#c", ["Commitment", "by:rs", "to:Romania", "to:#s1"],
                   target("Serbia will pay", 45, 60))))
    (document,), _ = read(path)
    assert [(r.label, r.source, r.target) for r in document.relations] == [
        ("by", "c", "s1"), ("to", "c", "romania"), ("to", "c", "s1")]


# -- where the article text comes from -----------------------------------------------------
def test_the_text_named_by_a_relative_source(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "flood.txt").write_bytes(ARTICLE.encode("utf-8"))
    path = write(tmp_path, annotation("#a", ["Party"], target("Serbia", 18, 24,
                                                              source="texts/flood.txt")),
                 text=None)
    (document,), diagnostics = read(path)
    assert (diagnostics, document.id, document.text) == ([], "flood", ARTICLE)


def test_a_source_outside_the_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("Serbia", encoding="utf-8")
    inner = tmp_path / "inner"
    inner.mkdir()
    path = write(inner, [annotation("#a", ["Party"], target("Serbia", 0, 6,
                                                            source="../secret.txt"))])
    documents, diagnostics = read(path)
    assert documents is None
    assert [(d.code, d.line, d.column) for d in diagnostics] == [("FS110", 14, 4)]


def test_without_a_text_the_diagnostic_says_what_was_tried(tmp_path: Path) -> None:
    path = write(tmp_path, [SERBIA], text=None)
    documents, diagnostics = read(path)
    assert documents is None
    (problem,) = diagnostics
    assert (problem.code, problem.message, problem.hint) == (
        "FS100", f"cannot find the text of {URL!r}: no doc.txt, no text for it in fs:articles",
        "put the article text beside the export as doc.txt (URLs are not fetched)")


def test_the_text_embedded_in_fs_articles(tmp_path: Path) -> None:
    text = "Serbia 🇷🇸 agreed.\r\nRomania 🇷🇴 agreed.\r\n"
    start = text.index("Romania")
    path = write(tmp_path, collection(
        annotation("#r", ["Party"], target("Romania", start, start + 7)),
        **{"fs:articles": [{"source": URL, "id": "flags", "title": "Flags", "language": "en",
                            "text": text}]}), text=None)
    briefing = factsheet.load(path)
    (article,) = briefing.articles
    assert (article.id, article.title, article.text) == ("flags", "Flags", text)
    assert evidence(briefing.parties[0].mentions) == [(start, start + 7, "Romania")]
    assert start == 19  # each flag is two code points (four UTF-16 units); CR counts


def test_a_bom_before_the_json_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, [SERBIA])
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    (document,), diagnostics = read(path)
    assert (diagnostics, document.spans[0].fragments) == ([], [(18, 24)])


def test_a_text_file_bom_counts_as_a_character(tmp_path: Path) -> None:
    path = write(tmp_path, [annotation("#a", ["Party"], target("Serbia", 19, 25))],
                 text="\ufeff" + ARTICLE)
    (document,), diagnostics = read(path)
    assert (diagnostics, document.text[0], document.spans[0].fragments) == (
        [], "\ufeff", [(19, 25)])


# -- structure -----------------------------------------------------------------------------
def test_a_single_annotation_and_a_bare_array(tmp_path: Path) -> None:
    for data in (SERBIA, [SERBIA, ROMANIA]):
        (document,), diagnostics = read(write(tmp_path, data))
        assert diagnostics == []
        assert [s.id for s in document.spans][:1] == ["serbia"]


def test_an_empty_collection_holds_no_document(tmp_path: Path) -> None:
    result = process(write(tmp_path, collection()))
    assert (result.briefing, [(d.code, d.message) for d in result.diagnostics]) == (
        None, [("FS203", "the export holds no document")])


def test_wrong_structure_is_reported_at_the_node(tmp_path: Path) -> None:
    bad_value = annotation("#a", ["Party"], target("Serbia", 18, 24))
    bad_value["body"][0]["value"] = 56
    no_target = {"id": "#b", "type": "Annotation", "body": "x"}
    bad_offset = annotation("#c", ["Party"], target("Serbia", 18, -1))
    documents, diagnostics = read(write(tmp_path, collection(
        bad_value, no_target, bad_offset, {"type": "Highlight"})))
    assert documents is None
    assert [(d.code, d.line, d.column, d.message) for d in diagnostics] == [
        ("FS203", 16, 16, "a TextualBody's value must be a string, not a number"),
        ("FS202", 37, 4, "annotation #b has no target"),
        ("FS203", 65, 16, "'end' must be a whole number >= 0, not -1"),
        ("FS203", 71, 4, "expected an Annotation here, found type 'Highlight'")]
    assert diagnostics[0].hint == 'quote it: "value": "56"'


def test_a_page_named_by_iri_is_not_fetched(tmp_path: Path) -> None:
    data = {"type": "AnnotationCollection", "first": "https://example.org/page/1"}
    documents, diagnostics = read(write(tmp_path, data))
    assert documents is None
    assert [(d.code, d.line) for d in diagnostics] == [("FS203", 3)]
    assert "pages named by IRI are not fetched" in diagnostics[0].message


def test_an_annotation_of_the_whole_page(tmp_path: Path) -> None:
    bookmark = {"id": "#b", "type": "Annotation", "motivation": "bookmarking", "target": URL}
    labelled = annotation("#s", ["Statistic", "value:3"])
    labelled["target"] = URL
    documents, diagnostics = read(write(tmp_path, collection(SERBIA, bookmark, labelled)))
    assert documents is None  # the bookmark is skipped; the statistic cannot be placed
    assert [(d.code, d.message) for d in diagnostics] == [
        ("FS203", "annotation s is labelled Statistic but selects no text (it annotates the "
                  "whole page)")]


def test_annotations_without_ids_are_numbered(tmp_path: Path) -> None:
    first, second = (annotation("", ["Party"], target(w, s, s + len(w)))
                     for w, s in (("Serbia", 18), ("Romania", 29)))
    path = tmp_path / "min.json"
    (tmp_path / "min.txt").write_text(ARTICLE, encoding="utf-8")
    path.write_text(json.dumps([first, second]), encoding="utf-8")  # one line
    (document,), diagnostics = read(path)
    assert diagnostics == []
    assert [(s.id, s.line, s.column) for s in document.spans] == [
        ("annotation-1", 1, 2), ("annotation-2", 1, len(json.dumps(first)) + 4)]


def test_several_sources_each_need_a_text(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(ARTICLE, encoding="utf-8")
    path = write(tmp_path, [annotation("#a", ["Party"], target("Serbia", 18, 24,
                                                               source="one.txt")),
                            annotation("#b", ["Party"], target("Serbia", 18, 24))])
    documents, diagnostics = read(path)
    assert documents is None
    assert [(d.code, d.message, d.hint) for d in diagnostics] == [
        ("FS100", f"cannot find the text of {URL!r}: no text for it in fs:articles",
         "name a text file beside the export as the target source, or give the text in "
         "fs:articles (URLs are not fetched)")]


def test_targets_in_two_documents_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, [annotation("#a", ["Party"], target("Serbia", 18, 24, source="doc.txt"),
                                       target("Serbia", 18, 24, source="other.txt"))])
    (tmp_path / "other.txt").write_bytes(ARTICLE.encode("utf-8"))
    documents, diagnostics = read(path)
    assert documents is None
    assert [d.code for d in diagnostics] == ["FS203"]
    assert "its targets lie in 2 documents" in diagnostics[0].message


def test_truncated_json_through_the_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                        ) -> None:
    monkeypatch.chdir(tmp_path)
    whole = DANUBE.read_text(encoding="utf-8")
    cut = whole[:whole.index('"exact": "Romania"') + 14]
    Path("cut.json").write_text(cut, encoding="utf-8")
    Path("cut.txt").write_text(TEXT, encoding="utf-8")
    # The error is where the unterminated string starts.
    start = cut.rindex('"')
    line, column = cut.count("\n") + 1, start - cut.rindex("\n", 0, start)
    stdout, stderr, code = run("validate", "cut.json")
    assert code == 1
    assert stdout.startswith(f"cut.json:{line}:{column}: error FS101 invalid JSON: "
                             "Unterminated string")
    assert stderr == "1 error, 0 warnings in 1 file\n"
    stdout, _, code = run("validate", "--from", "w3c", "cut.json")
    assert (code, stdout.split(" ")[:3]) == (1, [f"cut.json:{line}:{column}:", "error",
                                                 "FS101"])


def test_the_fixture_builds_through_the_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                            ) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("danube.json", "danube.txt"):
        Path(name).write_bytes((FIXTURES / name).read_bytes())
    stdout, stderr, code = run("build", "danube.json", "-o", "out", "-f", "json")
    assert code == 0, stdout + stderr
    built = json.loads(Path("out/danube.briefing.json").read_text(encoding="utf-8"))
    assert [c["id"] for c in built["commitments"]] == ["commitment-c-pumps",
                                                        "commitment-c-dredging"]


@settings(max_examples=60, deadline=None)
@given(st.recursive(
    st.none() | st.booleans() | st.integers(-3, 80) | st.text(max_size=8)
    | st.sampled_from(["Annotation", "AnnotationCollection", "TextQuoteSelector",
                       "TextPositionSelector", "linking", "Party", URL]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["type", "id", "body", "target", "source", "selector", "exact",
                         "start", "end", "value", "purpose", "motivation", "first", "items",
                         "next", "fs:articles", "text"]), inner, max_size=4),
    max_leaves=20))
def test_any_json_gives_documents_or_diagnostics(data: Any) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder), data)
        documents, diagnostics = read(path)
        assert documents is not None or any(d.is_error for d in diagnostics)


# -- export, and back ----------------------------------------------------------------------
@pytest.fixture(scope="module")
def example() -> Any:
    return factsheet.load(EXAMPLE)


def test_the_export_is_a_collection_of_annotations(example: Any) -> None:
    data = export_w3c(example)
    assert (data["type"], data["@context"][0]) == ("AnnotationCollection",
                                                   "http://www.w3.org/ns/anno.jsonld")
    items = data["first"]["items"]
    assert data["total"] == len(items) == 13 + 14 + 26  # mentions, facts, links
    by_id = {item["id"]: item for item in items}
    pumps = by_id["#commitment-c-serbia-pumps"]
    assert [b["value"] for b in pumps["body"]] == [
        "Commitment", "action:provide 40 mobile pumps to a common reserve",
        "modality:binding", "instrument:Danube Flood Defence Pact"]
    (resource,) = pumps["target"]
    assert resource == {"type": "SpecificResource", "source": URL, "selector": [
        {"type": "TextQuoteSelector", "exact": "Serbia will provide 40 mobile pumps to a "
         "common reserve", "prefix": "snowpack thins\n\nUnder the pact, ",
         "suffix": ", according to the declaration. "},
        {"type": "TextPositionSelector", "start": 920, "end": 975}]}
    assert len(resource["selector"][0]["suffix"]) == 32
    assert by_id["#commitment-c-serbia-pumps/to/hungary"] == {
        "id": "#commitment-c-serbia-pumps/to/hungary", "type": "Annotation",
        "motivation": "linking", "target": "#commitment-c-serbia-pumps",
        "body": [{"type": "TextualBody", "purpose": "tagging", "value": "to"},
                 {"type": "SpecificResource", "purpose": "linking",
                  "source": "#party-hungary"}]}
    assert [b["value"] for b in by_id["#statistic-s-flood-damage"]["body"]][1:5] == [
        "measure:flood damage in the Serbian part of the Danube basin", "value:120",
        "unit:million euros", "period:2026"]
    assert [b["value"] for b in by_id["#party-dordevic"]["body"]] == [
        "Party", "id:dordevic", "name:Jelena Đorđević", "kind:person", "country:RS",
        "role:Prime Minister of Serbia", "affiliation:serbia"]
    assert "#photocredit-ph-signing/pictures/stirbu" in by_id
    assert data["fs:articles"] == [{"source": URL, "id": "danube-pact", "language": "en",
                                    "title": example.articles[0].title}]


def test_the_export_is_deterministic(example: Any) -> None:
    first = dump_w3c(export_w3c(example))
    assert first == dump_w3c(export_w3c(factsheet.load(EXAMPLE)))
    assert first.startswith(b'{\n  "@context": [\n') and first.endswith(b"}\n")


def test_the_export_reads_back_to_the_same_parties_and_facts(example: Any, tmp_path: Path
                                                             ) -> None:
    path = tmp_path / "danube.json"
    path.write_bytes(dump_w3c(export_w3c(example)))
    (tmp_path / "danube.txt").write_text(example.articles[0].text, encoding="utf-8")
    assert same_story(example, factsheet.load(path))


def test_the_export_with_embedded_text_reads_back_alone(example: Any, tmp_path: Path) -> None:
    path = tmp_path / "alone.json"
    path.write_bytes(dump_w3c(export_w3c(example, embed_text=True)))
    back = factsheet.load(path)
    assert same_story(example, back)
    assert (back.articles[0].id, back.articles[0].title) == (
        "danube-pact", example.articles[0].title)


def test_a_fact_with_two_pieces_of_evidence_goes_out_and_back(danube: Any, tmp_path: Path
                                                              ) -> None:
    data = export_w3c(danube)
    (position,) = [a for a in data["first"]["items"] if a["id"] == "#position-position-p-dredging"]
    assert [t["selector"][1]["start"] for t in position["target"]] == [1196, 1316]
    path = tmp_path / "again.json"
    path.write_bytes(dump_w3c(data))
    (tmp_path / "again.txt").write_bytes(TEXT.encode("utf-8"))
    assert same_story(danube, factsheet.load(path))


def same_story(before: Any, after: Any) -> bool:
    """Compare parties by name and mentions, facts by kind, offsets and key fields."""
    def names(briefing: Any, ids: list[str]) -> list[str]:
        return [briefing.party(i).name for i in ids]

    def spans(items: list[Any]) -> list[tuple[int, int]]:
        return [(e.start, e.end) for e in items]

    def parties(b: Any) -> list[Any]:
        return sorted((p.name, p.kind, p.country, p.role, spans(p.mentions))
                      for p in b.parties)

    def facts(b: Any) -> list[Any]:
        return [
            [(names(b, c.by), names(b, c.to), c.action, c.modality, c.condition,
              c.instrument, spans(c.evidence)) for c in b.commitments],
            [(names(b, [p.holder]), p.topic, p.stance, p.summary, spans(p.evidence))
             for p in b.positions],
            [(names(b, [q.speaker]), q.text, spans(q.evidence)) for q in b.quotations],
            [(s.measure, s.value, s.unit, s.period, s.channel, names(b, [s.attributed_to]),
              spans(s.evidence)) for s in b.statistics],
            [(p.credit, names(b, [p.agency]), names(b, p.pictured), p.caption,
              spans(p.evidence)) for p in b.photos]]

    assert parties(after) == parties(before)
    assert facts(after) == facts(before)
    return True


def test_a_control_character_in_the_text_beside_the_export_is_fs107(tmp_path: Path) -> None:
    import shutil

    for name in ("danube.json", "danube.txt"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    with open(tmp_path / "danube.txt", "a", encoding="utf-8") as handle:
        handle.write("x\x07y\n")
    found = factsheet.validate(tmp_path / "danube.json")
    assert [(d.code, d.message) for d in found] == [
        ("FS107", "control character U+0007 in the text of document danube-flood-pact "
                  "(offset 2043)")]
