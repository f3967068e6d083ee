"""Hypothesis API and client exports: UTF-16 positions, quote re-anchoring, tags, bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from _cli import run

import factsheet
from factsheet.diagnostics import Diagnostic
from factsheet.imports.read import sniff_json
from factsheet.imports.w3c import load_export, read_hypothesis
from factsheet.imports.w3c.spec import Parser, TextPositionSelector, TextQuoteSelector
from factsheet.pipeline import process

FIXTURES = Path(__file__).parent / "fixtures" / "hypothesis"
DANUBE = FIXTURES / "danube.json"
EXPORT = FIXTURES / "export.json"
TEXT = (FIXTURES / "danube.txt").read_bytes().decode("utf-8")
URL = "https://wire.example.org/2027/04/09/danube-flood-pact"
ARTICLE = "Flood 🌊🌊 warning: Serbia\u00a0and Romania agreed.\nSerbia will pay.\n"


@pytest.fixture(scope="module")
def danube() -> Any:
    return factsheet.load(DANUBE)


def evidence(items: list[Any]) -> list[tuple[int, int, str]]:
    return [(e.start, e.end, e.text) for e in items]


def at(quote: str, before: str = "", text: str = TEXT) -> tuple[int, int]:
    start = text.index(before + quote) + len(before)
    return start, start + len(quote)


def row(ident: str, tags: list[str], exact: str | None, start: int | None = None,
        end: int | None = None, uri: str = URL, **context: str) -> dict[str, Any]:
    selectors: list[dict[str, Any]] = []
    if start is not None:
        selectors.append({"type": "TextPositionSelector", "start": start, "end": end})
    if exact is not None:
        selectors.append({"type": "TextQuoteSelector", "exact": exact, **context})
    return {"id": ident, "uri": uri, "text": "", "tags": tags,
            "target": [{"source": uri, "selector": selectors}],
            "document": {"title": ["Flood warning"]}}


def write(folder: Path, data: Any, text: str | None = ARTICLE, name: str = "hyp") -> Path:
    if text is not None:
        (folder / f"{name}.txt").write_bytes(text.encode("utf-8"))
    path = folder / f"{name}.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def read(path: Path) -> tuple[list[Any] | None, list[Diagnostic]]:
    diagnostics: list[Diagnostic] = []
    return read_hypothesis(path, path.name, diagnostics), diagnostics




# -- the Danube fixture (API search results) -----------------------------------------------
def test_search_results_and_client_exports_are_detected_by_content() -> None:
    assert (sniff_json(DANUBE), sniff_json(EXPORT)) == ("hypothesis", "hypothesis")


def test_parties_from_tags(danube: Any) -> None:
    parties = {p.id: p for p in danube.parties}
    assert sorted(parties) == sorted([
        "serbia", "romania", "hungary", "bulgaria", "jelena-dordevic", "ioana-stirbu",
        "akos-berczi", "ministry-of-agriculture-of-serbia", "danubia"])
    assert (parties["serbia"].kind, parties["serbia"].country) == ("state", "RS")
    dordevic = parties["jelena-dordevic"]
    assert (dordevic.name, dordevic.kind, dordevic.role) == (
        "Jelena Đorđević", "person", "Prime Minister of Serbia")
    assert (parties["danubia"].name, parties["danubia"].kind) == (
        "DANUBIA PRESS", "news_agency")  # its id: tag names the party


def test_utf16_positions_become_code_points(danube: Any) -> None:
    # The fixture's positions count the headline's emoji as two units.
    raw = json.loads(DANUBE.read_text(encoding="utf-8"))["rows"][0]
    position = raw["target"][0]["selector"][1]
    assert (position["start"], position["end"]) == (456, 462)
    assert evidence(danube.party("serbia").mentions) == [
        (*at("Serbia", "BUCHAREST - "), "Serbia")]
    assert at("Serbia", "BUCHAREST - ") == (455, 461)


def test_a_prefix_cut_inside_an_emoji_is_read(danube: Any) -> None:
    # Hypothesis keeps 32 UTF-16 units of context: this prefix starts with half of U+1F30A,
    # which load_tree alone would refuse (FS107, a lone surrogate).
    assert '"prefix": "\\udf0a Danube trio seals flood pact, "' in DANUBE.read_text(
        encoding="utf-8")
    assert evidence(danube.party("bulgaria").mentions) == [
        (*at("Bulgaria", "flood pact, "), "Bulgaria")]


def test_positions_into_another_page_text_are_re_anchored_by_the_quote(danube: Any) -> None:
    refusal = next(c for c in danube.commitments if c.id == "commitment-hdredging")
    words = "Bulgaria will not take part in joint dredging of the shared stretch"
    assert (refusal.by, refusal.modality, evidence(refusal.evidence)) == (
        ["bulgaria"], "refusal", [(*at(words), words)])
    repaired = [(d.line, d.message) for d in danube.diagnostics if d.code == "FS118"]
    assert repaired == [
        (520, "annotation hDredging: offsets [1228, 1295) did not select 'Bulgaria will not "
              "take part in joint dredging of the shar...'; read as the quote found near "
              "the offset, [1187, 1254) does")]


def test_commitment_by_and_to_from_tags(danube: Any) -> None:
    pumps = next(c for c in danube.commitments if c.id == "commitment-hpumps001")
    # by:Serbia (the party's words), to:romania (its id: tag), to:Hungary (words).
    assert (pumps.by, pumps.to, pumps.modality) == (["serbia"], ["romania", "hungary"],
                                                    "binding")
    words = "Serbia will provide 40\u00a0mobile pumps to a common reserve"
    assert evidence(pumps.evidence) == [(*at(words), words)]


def test_statistic_quote_and_photo_credit(danube: Any) -> None:
    (damage,) = danube.statistics  # the page note tagged Statistic selects nothing: skipped
    assert (damage.value, damage.unit, damage.period, damage.attributed_to) == (
        120, "million euros", "2026", "ministry-of-agriculture-of-serbia")  # by:hMinistry
    words = "fell to about 120 million euros in 2026"
    assert evidence(damage.evidence) == [(*at(words), words)]
    (quote,) = danube.quotations  # a quote selector alone
    assert (quote.speaker, evidence(quote.evidence)) == (
        "jelena-dordevic", [(1122, 1184, "will give people hours, not minutes, to get out of "
                                       "harm's way.")])
    (photo,) = danube.photos
    assert (photo.agency, photo.pictured, photo.caption) == (
        "danubia", ["jelena-dordevic", "ioana-stirbu", "akos-berczi"],
        "Three ministers after signing the pact.")


def test_article_takes_the_uri_and_the_document_title(danube: Any) -> None:
    (article,) = danube.articles
    assert (article.id, article.url, article.title, article.text) == (
        "danube-flood-pact", URL, "Danube states agree flood-defence pact", TEXT)


def test_the_model_keeps_the_api_s_own_words() -> None:
    diagnostics: list[Diagnostic] = []
    loaded = load_export(DANUBE, "danube.json", diagnostics)
    assert loaded is not None
    rows = Parser(loaded[1], diagnostics).rows(loaded[0])
    assert diagnostics == [] and rows is not None
    assert [(r.id, r.is_reply) for r in rows][4:7] == [
        ("hDordevic", False), ("hReply001", True), ("hStirbu01", False)]
    damage = next(r for r in rows if r.id == "hDamage01")
    assert (damage.uri, damage.text, damage.title, damage.at) == (
        URL, "Ministry figure, on its website", "Danube states agree flood-defence pact",
        (555, 5))
    assert [t for t, _ in damage.tags] == ["Statistic", "value:120", "unit:million euros",
                                           "period:2026", "by:hMinistry"]
    (resource,) = damage.target
    assert resource.other == ["RangeSelector"]
    assert resource.selectors == [
        TextPositionSelector(1596, 1635),
        TextQuoteSelector("fell to about 120 million euros in 2026", TEXT[1563:1595],
                          TEXT[1634:1666])]  # 32 units: no emoji near, so 32 code points


def test_the_client_export_file(tmp_path: Path) -> None:
    briefing = factsheet.load(EXPORT)
    assert [p.name for p in briefing.parties] == ["Serbia", "Romania", "Hungary"]
    (pumps,) = briefing.commitments
    assert (pumps.by, pumps.to) == (["serbia"], ["romania", "hungary"])


# -- offsets -------------------------------------------------------------------------------
def test_utf16_positions_after_emoji_and_nbsp(tmp_path: Path) -> None:
    # UTF-16: each 🌊 is two units; the NBSP one unit (two UTF-8 bytes).
    (document,), diagnostics = read(write(tmp_path, {"rows": [
        row("a", ["Party"], "Serbia", 20, 26), row("b", ["Party"], "Romania", 31, 38),
        row("c", ["Commitment", "by:a"], "Serbia will pay", 47, 62)]}))
    assert diagnostics == []
    assert [s.fragments for s in document.spans] == [[(18, 24)], [(29, 36)], [(45, 60)]]
    assert [(r.label, r.source, r.target) for r in document.relations] == [("by", "c", "a")]


def test_crlf_in_the_text_beside_is_re_anchored(tmp_path: Path) -> None:
    # textContent has LF only; the saved .txt has CRLF: positions after a line break move.
    text = ARTICLE.replace("\n", "\r\n")
    (document,), diagnostics = read(write(tmp_path, {"rows": [
        row("a", ["Party"], "Serbia", 47, 53, prefix="agreed.\n")]}, text))
    assert document.spans[0].fragments == [(46, 52)]
    assert text[46:52] == "Serbia"
    assert [d.code for d in diagnostics] == ["FS118"]


def test_a_quote_that_is_not_in_the_text_names_the_annotation(tmp_path: Path) -> None:
    documents, diagnostics = read(write(tmp_path, {"rows": [
        row("Xk3fA9q2EfGh7cLm0pQrSt", ["Party"], "Belgrade", 20, 28)]}))
    assert documents is None
    assert [(d.code, d.line, d.message) for d in diagnostics] == [
        ("FS119", 11, "annotation Xk3fA9q2EfGh7cLm0pQrSt: the quote 'Belgrade' is not in the "
                      "article text (offsets [18, 26) do not select 'Belgrade', in any unit, "
                      "and the words are not near that place)")]


def test_tags_outside_the_convention_and_rows_without_label(tmp_path: Path) -> None:
    result = process(write(tmp_path, {"rows": [
        row("a", ["Party", "flood"], "Serbia", 20, 26),
        row("b", ["Rumour"], "Romania", 31, 38),
        row("c", ["value:3"], "pay", 59, 62)]}))
    assert [(d.code, d.message) for d in result.diagnostics if d.code == "FS117"] == [
        ("FS117", "label 'Rumour' of b is not in the convention; span ignored"),
        ("FS117", "annotation c has no label (a tag such as Party, Commitment or Statistic); "
                  "ignored")]


def test_a_by_tag_naming_nobody_is_a_broken_relation(tmp_path: Path) -> None:
    result = process(write(tmp_path, {"rows": [
        row("a", ["Party"], "Serbia", 20, 26),
        row("p", ["PhotoCredit", "by:a", "pictures:Belgrade"], "Flood", 0, 5)]}))
    assert [(d.code, d.message) for d in result.diagnostics if d.code == "FS120"] == [
        ("FS120", "relation p-pictures-Belgrade points at 'Belgrade', which is not a span of "
                  "this document (or has an unknown label); relation ignored")]
    assert result.briefing is not None


# -- bad input -----------------------------------------------------------------------------
def test_replies_and_page_notes_are_skipped_unless_labelled(tmp_path: Path) -> None:
    note = {"id": "n", "uri": URL, "text": "About the page.", "tags": ["todo"],
            "target": [{"source": URL}]}
    reply = {"id": "r", "uri": URL, "text": "Agreed.", "tags": ["Party"],
             "references": ["a"], "target": [{"source": URL}]}
    labelled = {**note, "id": "s", "tags": ["Statistic"]}
    (document,), diagnostics = read(write(tmp_path, {"rows": [
        row("a", ["Party"], "Serbia", 20, 26), note, reply]}))
    assert (diagnostics, [s.id for s in document.spans]) == ([], ["a"])
    documents, diagnostics = read(write(tmp_path, {"rows": [labelled]}))
    assert documents is None
    assert [(d.code, d.line, d.message) for d in diagnostics] == [
        ("FS203", 3, "annotation s is labelled Statistic but selects no text (it annotates "
                     "the whole page)")]


def test_empty_search_results_hold_no_document(tmp_path: Path) -> None:
    path = write(tmp_path, {"total": 0, "rows": []})
    assert sniff_json(path) == "hypothesis"
    result = process(path)
    assert [(d.code, d.message) for d in result.diagnostics] == [
        ("FS203", "the export holds no document")]


def test_several_pages_in_one_export_are_refused(tmp_path: Path) -> None:
    documents, diagnostics = read(write(tmp_path, {"rows": [
        row("a", ["Party"], "Serbia", 20, 26),
        row("b", ["Party"], "Serbia", 20, 26, uri="https://example.org/other")]}))
    assert documents is None
    assert [(d.code, d.line) for d in diagnostics] == [("FS203", 1)]
    assert diagnostics[0].message.startswith("the export annotates 2 documents")


def test_without_the_text_beside_the_export(tmp_path: Path) -> None:
    documents, diagnostics = read(write(tmp_path, {"rows": [row("a", ["Party"], "Serbia")]},
                                        text=None))
    assert documents is None
    assert [(d.code, d.message, d.hint) for d in diagnostics] == [
        ("FS100", "cannot find the article text: no hyp.txt beside the export",
         f"save the text of {URL} as hyp.txt (it is not fetched)")]


def test_wrong_structure(tmp_path: Path) -> None:
    bad = row("a", ["Party", 7], "Serbia", 20, "26")  # type: ignore[arg-type]
    documents, diagnostics = read(write(tmp_path, {"rows": [bad, "x"]}))
    assert documents is None
    assert [(d.code, d.line, d.message) for d in diagnostics] == [
        ("FS203", 9, "expected a string, not a number"),
        ("FS203", 18, "'end' must be a whole number >= 0, not '26'"),
        ("FS203", 33, "an annotation must be an object, not a string")]
    _, diagnostics = read(write(tmp_path, {"annotation": []}))
    assert [d.code for d in diagnostics] == ["FS203"]


def test_truncated_json_through_the_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                        ) -> None:
    monkeypatch.chdir(tmp_path)
    cut = DANUBE.read_text(encoding="utf-8")[:1000]
    Path("cut.json").write_text(cut, encoding="utf-8")
    Path("cut.txt").write_text(TEXT, encoding="utf-8")
    stdout, stderr, code = run("validate", "--from", "hypothesis", "cut.json")
    assert stderr == "1 error, 0 warnings in 1 file\n"
    assert code == 1
    assert stdout.split(" ")[1:3] == ["error", "FS101"]
    assert stdout.startswith("cut.json:") and stdout.count("\n") == 1
