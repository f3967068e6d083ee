"""doccano JSONL: the Danube fixture end to end, both shapes, UTF-16 offsets, bad lines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from _cli import run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factsheet
from factsheet.diagnostics import Diagnostic
from factsheet.imports.doccano import DoccanoEntity, DoccanoRelation, parse_jsonl, read_doccano
from factsheet.imports.labels import load_mapping
from factsheet.pipeline import process
from factsheet.readers.source import TextFile

FIXTURES = Path(__file__).parent / "fixtures" / "doccano"
DANUBE = FIXTURES / "danube-pact.jsonl"


@pytest.fixture(scope="module")
def danube() -> Any:
    return factsheet.load(DANUBE)


def write(folder: Path, *examples: dict[str, Any] | str, name: str = "doc.jsonl") -> Path:
    """Write one JSONL line per example (a string is written as it is)."""
    lines = [e if isinstance(e, str) else json.dumps(e, ensure_ascii=False) for e in examples]
    path = folder / name
    path.write_bytes("".join(line + "\n" for line in lines).encode("utf-8"))
    return path


def read(path: Path) -> tuple[list[Any] | None, list[Diagnostic]]:
    diagnostics: list[Diagnostic] = []
    return read_doccano(path, path.name, diagnostics), diagnostics


def codes(diagnostics: list[Diagnostic]) -> list[str]:
    return [d.code for d in diagnostics]


def evidence(items: list[Any]) -> list[tuple[int, int, str]]:
    return [(e.start, e.end, e.text) for e in items]


def entity(ident: int, label: str, start: int, end: int) -> dict[str, Any]:
    return {"id": ident, "label": label, "start_offset": start, "end_offset": end}


def relation(ident: int, kind: str, source: int, target: int) -> dict[str, Any]:
    return {"id": ident, "from_id": source, "to_id": target, "type": kind}




# -- the Danube fixture --------------------------------------------------------------------
def test_the_article_takes_id_title_and_url_from_the_example(danube: Any) -> None:
    (article,) = danube.articles
    assert (article.id, article.title, str(article.url)) == (
        "101", "Danube states agree flood-defence pact, Bulgaria stays out of joint dredging",
        "https://wire.example.org/2027/04/09/danube-flood-pact")


def test_parties_merge_their_mentions_and_countries_get_their_code(danube: Any) -> None:
    parties = {p.id: p for p in danube.parties}
    serbia = parties["serbia"]
    assert (serbia.name, serbia.kind, serbia.country) == ("Serbia", "state", "RS")
    assert evidence(serbia.mentions) == [(463, 469, "Serbia"), (920, 926, "Serbia"),
                                         (1675, 1681, "Serbia")]
    assert [(p.kind, p.country) for p in (parties["romania"], parties["bulgaria"])] == [
        ("state", "RO"), ("state", "BG")]
    # "Person" and "ORG" are party labels with the kind they imply.
    assert (parties["petar-vasilev"].kind, parties["jelena-dordevic"].kind) == ("person",
                                                                            "person")
    ministry = parties["serbia-s-ministry-of-agriculture"]
    assert (ministry.kind, evidence(ministry.mentions)) == (
        "other", [(1675, 1707, "Serbia's Ministry of Agriculture")])
    assert len(parties) == 11


def test_facts_resolve_their_relations(danube: Any) -> None:
    pumps, refusal = danube.commitments
    assert (pumps.by, pumps.to, pumps.modality) == (["serbia"], ["romania", "hungary"],
                                                    "intent")
    assert evidence(pumps.evidence) == [
        (920, 975, "Serbia will provide 40 mobile pumps to a common reserve")]
    assert (refusal.by, refusal.modality) == (["bulgaria"], "refusal")  # from "will not"
    (position,) = danube.positions
    assert (position.holder, position.stance) == ("petar-vasilev", "neutral")
    (quote,) = danube.quotations
    assert (quote.speaker, evidence(quote.evidence)) == (
        "jelena-dordevic", [(1130, 1192, "will give people hours, not minutes, to get out of "
                                       "harm's way.")])
    damage, drills = danube.statistics
    assert (damage.value, damage.attributed_to, damage.approximate) == (
        120, "serbia-s-ministry-of-agriculture", True)
    assert (drills.value, drills.attributed_to) == (56, "the-romanian-water-agency")
    (photo,) = danube.photos
    assert (photo.credit, photo.agency, photo.pictured) == (
        "PHOTO / DANUBIA PRESS", "danubia-press",
        ["jelena-dordevic", "ioana-stirbu", "akos-berczi"])


def test_every_evidence_is_the_words_at_its_offsets(danube: Any) -> None:
    text = danube.articles[0].text
    items = [m for p in danube.parties for m in p.mentions] + [
        e for kind in ("commitments", "positions", "quotations", "statistics", "photos")
        for fact in getattr(danube, kind) for e in fact.evidence]
    assert len(items) == 20
    assert all(text[e.start:e.end] == e.text and e.text.strip() == e.text for e in items)


def test_what_doccano_cannot_say_is_inferred_and_noted() -> None:
    result = process(DANUBE)
    assert [d.message for d in result.diagnostics if d.code == "FS121"] == [
        "commitment 21: modality taken as 'intent' from its words",
        "commitment 22: modality taken as 'refusal' from its words",
        "position 23: stance not given, taken as 'neutral'",
        "statistic 25: value about 120 million taken from its words",
        "statistic 26: value 56 taken from its words"]
    assert not {"FS117", "FS118", "FS119", "FS120"} & set(codes(result.diagnostics))


def test_the_model_keeps_doccano_s_own_words() -> None:
    diagnostics: list[Diagnostic] = []
    (example,) = parse_jsonl(TextFile("d.jsonl", DANUBE.read_text(encoding="utf-8")),
                             diagnostics)
    assert diagnostics == []
    assert (example.id, example.line, len(example.entities), len(example.relations)) == (
        "101", 1, 20, 12)
    first = example.entities[0]
    assert (first.id, first.label, first.start_offset, first.end_offset, first.line) == (
        "1", "Party", 463, 469, 1)
    assert isinstance(first, DoccanoEntity)
    assert example.relations[0] == DoccanoRelation("1", "by", "21", "4", 1,
                                                   example.relations[0].column)


# -- shapes and documents -------------------------------------------------------------------
TEXT = "Serbia will provide 40 pumps, Hungary said.\n"


def test_the_classic_label_shape_and_one_document_per_line(tmp_path: Path) -> None:
    path = write(tmp_path, {"id": 7, "text": TEXT, "label": [[0, 6, "Party"],
                                                             [30, 37, "Party"]]},
                 "", {"text": "Romania agreed.", "label": [[0, 7, "Party"]],
                      "meta": {"title": "Romania"}})
    documents, diagnostics = read(path)
    assert diagnostics == []
    assert [(d.id, d.title, d.line, [(s.id, s.fragments) for s in d.spans])
            for d in documents or []] == [
        ("7", None, 1, [("span-1", [(0, 6)]), ("span-2", [(30, 37)])]),
        ("line-3", "Romania", 3, [("span-1", [(0, 7)])])]
    briefing = factsheet.load(path)
    assert [a.id for a in briefing.articles] == ["7", "line-3"]
    assert [(p.id, p.mentions[0].article) for p in briefing.parties] == [
        ("serbia", "7"), ("hungary", "7"), ("romania", "line-3")]


def test_older_keys_data_and_annotations(tmp_path: Path) -> None:
    path = write(tmp_path, {"id": 1, "data": TEXT, "annotations": [
        {"label": 3, "start_offset": 0, "end_offset": 6, "user": 1}]})
    documents, diagnostics = read(path)
    assert diagnostics == []
    assert [(s.label, s.fragments) for s in documents[0].spans] == [  # type: ignore[index]
        ("3", [(0, 6)])]


def test_an_empty_document_gives_an_empty_article(tmp_path: Path) -> None:
    briefing = factsheet.load(write(tmp_path, {"id": 1, "text": "", "label": []}))
    assert (briefing.articles[0].text, briefing.parties) == ("", [])


def test_an_export_without_examples_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "", "  ")
    result = process(path)
    assert [(d.code, d.message) for d in result.diagnostics] == [
        ("FS203", "the export holds no document")]


# -- offsets --------------------------------------------------------------------------------
def test_utf16_offsets_after_an_emoji_are_converted_once_per_document(tmp_path: Path) -> None:
    text = "🌊 Flood 🌊 warning: Serbia will provide 40 pumps, Hungary said.\n"
    # doccano (JavaScript) counts each emoji as two units: Serbia is at 21 in UTF-16.
    path = write(tmp_path, {"id": 5, "text": text, "entities": [
        entity(1, "Party", 21, 27), entity(2, "Commitment", 21, 49), entity(3, "Party", 3, 8),
        entity(4, "Party", 51, 58)], "relations": [relation(1, "by", 2, 1)]})
    result = process(path)
    fs118 = [d for d in result.diagnostics if d.code == "FS118"]
    assert [(d.line, d.message) for d in fs118] == [
        (1, "example 5: the text has characters outside the Basic Multilingual Plane "
            "(emoji...), so its offsets were read as UTF-16 units, as doccano counts them; "
            "4 span(s) moved: 1 [21, 27) → [19, 25); 2 [21, 49) → [19, 47); "
            "3 [3, 8) → [2, 7); ...")]
    briefing: Any = result.briefing
    assert [evidence(p.mentions) for p in briefing.parties] == [
        [(19, 25, "Serbia")], [(2, 7, "Flood")], [(49, 56, "Hungary")]]
    assert evidence(briefing.commitments[0].evidence) == [
        (19, 47, "Serbia will provide 40 pumps")]


def test_without_astral_characters_offsets_are_taken_as_written(tmp_path: Path) -> None:
    text = "Ђорђевић: Serbia will provide 40 pumps.\n"  # Cyrillic is in the BMP
    documents, diagnostics = read(write(tmp_path, {"text": text, "label": [[10, 16, "Party"]]}))
    assert diagnostics == []
    assert documents[0].spans[0].fragments == [(10, 16)]  # type: ignore[index]
    assert text[10:16] == "Serbia"


def test_an_offset_inside_an_emoji_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, {"id": 1, "text": "🌊 Serbia", "label": [[1, 8, "Party"],
                                                                  [3, 9, "Party"]]})
    documents, diagnostics = read(path)
    assert documents is None
    assert [(d.code, d.line, d.message) for d in diagnostics] == [
        ("FS119", 1, "span-1 (Party): offsets [1, 8) read as UTF-16 units fall inside a "
                     "character or past the end of the text"),
        ("FS118", 1, "example 1: the text has characters outside the Basic Multilingual "
                     "Plane (emoji...), so its offsets were read as UTF-16 units, as doccano "
                     "counts them; 1 span(s) moved: span-2 [3, 9) → [2, 8)")]


def test_an_offset_past_the_end_is_an_error(tmp_path: Path) -> None:
    documents, diagnostics = read(write(tmp_path, {"text": "Serbia", "label": [[0, 9, "Party"]]}))
    assert documents is None
    assert [(d.code, d.message) for d in diagnostics] == [
        ("FS119", "span-1 (Party): offsets [0, 9) are outside the text (length 6)")]


def test_crlf_text_counts_both_characters(tmp_path: Path) -> None:
    text = "Danube pact\r\n\r\nSerbia agreed.\r\nHungary too.\r\n"
    briefing = factsheet.load(write(tmp_path, {"text": text, "label": [
        [15, 21, "Party"], [31, 38, "Party"]]}))
    assert [evidence(p.mentions) for p in briefing.parties] == [
        [(15, 21, "Serbia")], [(31, 38, "Hungary")]]


NBSP_TEXT = "Dredging would cost 45\u00a0million\u00a0leva, Vasilev said.\n"


def test_no_break_spaces_and_overlapping_spans(tmp_path: Path) -> None:
    path = write(tmp_path, {"text": NBSP_TEXT, "entities": [
        entity(1, "Statistic", 0, 35), entity(2, "Position", 15, 50),
        entity(3, "Person", 37, 44)],
        "relations": [relation(1, "by", 1, 3), relation(2, "by", 2, 3)]})
    briefing = factsheet.load(path)
    assert evidence(briefing.statistics[0].evidence) == [
        (0, 35, "Dredging would cost 45\u00a0million\u00a0leva")]
    assert evidence(briefing.positions[0].evidence) == [
        (15, 50, "cost 45\u00a0million\u00a0leva, Vasilev said.")]


def test_a_quote_over_no_break_spaces_stays_verbatim(tmp_path: Path) -> None:
    path = write(tmp_path, {"text": NBSP_TEXT, "entities": [
        entity(1, "Quote", 15, 50), entity(2, "Person", 37, 44)],
        "relations": [relation(1, "by", 1, 2)]})
    briefing = factsheet.load(path)
    assert briefing.quotations[0].text == "cost 45\u00a0million\u00a0leva, Vasilev said."


# -- relations and labels -------------------------------------------------------------------
def test_a_relation_to_a_missing_id_is_a_warning_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, {"text": "Romania agreed.", "label": [[0, 7, "Party"]]},
                 {"id": 2, "text": TEXT, "entities": [
                     entity(1, "Party", 0, 6), entity(2, "Commitment", 0, 28)],
                  "relations": [relation(1, "by", 2, 1), relation(2, "to", 2, 9)]})
    result = process(path)
    (warning,) = [d for d in result.diagnostics if d.code == "FS120"]
    assert (warning.severity.value, warning.line, warning.message) == (
        "warning", 2, "relation 2 points at '9', which is not a span of this document (or "
                      "has an unknown label); relation ignored")
    assert result.briefing is not None


def test_a_label_outside_the_convention_names_mapping(tmp_path: Path) -> None:
    result = process(write(tmp_path, {"text": TEXT, "label": [[0, 6, "Country"],
                                                              [30, 37, "Nation"]]}))
    (warning,) = [d for d in result.diagnostics if d.code == "FS117"]
    assert (warning.severity.value, warning.message) == (
        "warning", "label 'Nation' of span-2 is not in the convention; span ignored")
    assert "--mapping" in (warning.hint or "")


def test_a_mapping_file_renames_the_project_s_labels() -> None:
    path = FIXTURES / "danube-own-labels.jsonl"
    without = process(path)
    assert codes(without.diagnostics).count("FS117") == 7
    result = process(path, mapping=load_mapping(FIXTURES / "own-labels.yaml"))
    assert not {"FS117", "FS120"} & set(codes(result.diagnostics))
    briefing: Any = result.briefing
    assert [(p.id, p.kind, p.country) for p in briefing.parties] == [
        ("serbia", "state", "RS"), ("romania", "state", "RO"), ("hungary", "state", "HU"),
        ("serbia-s-ministry-of-agriculture", "government_body", None)]
    (pumps,) = briefing.commitments
    assert (pumps.by, pumps.to) == (["serbia"], ["romania", "hungary"])
    (damage,) = briefing.statistics
    assert (damage.value, damage.attributed_to) == (120, "serbia-s-ministry-of-agriculture")
    assert briefing.articles[0].title == "Danube states agree flood-defence pact"


def test_cli_mapping_option(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)
    stdout, _, code = run("validate", "danube-own-labels.jsonl", "--mapping",
                          "own-labels.yaml")
    assert code == 0 and "FS117" not in stdout


# -- malformed input ------------------------------------------------------------------------
def test_cli_a_truncated_line_is_fs101_with_line_and_column(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"id": 1, "text": "Romania agreed.", "label": [[0, 7, "Party"]]},
          '{"id": 2, "text": "Serbia", "label": [[0, 6, "Par')
    monkeypatch.chdir(tmp_path)
    stdout, stderr, code = run("validate", "doc.jsonl")
    assert code == 1
    assert stdout == "doc.jsonl:2:46: error FS101 invalid JSON: Unterminated string starting at\n"
    assert "1 error" in stderr


@pytest.mark.parametrize(("line", "expected"), [
    ('{"id": 1, "label": []}', ("FS202", 1, 'the example has no "text"')),
    ('{"text": 5}', ("FS203", 10, '"text" must be a string')),
    ("[1, 2]", ("FS203", 1, "each line of a doccano export must be a JSON object")),
    ('{"text": "ab", "label": ["Politics"]}', (
        "FS203", 26, "label 'Politics' is a category, not a span: this looks like a "
                     "text-classification export")),
    ('{"text": "ab", "label": [[0, "2", "Party"]]}', (
        "FS203", 26, "end_offset must be a whole number ≥ 0, not '2'")),
    ('{"text": "ab", "label": [[2, 1, "Party"]]}', (
        "FS203", 26, "end_offset 1 is before start_offset 2")),
    ('{"text": "ab", "entities": [{"id": 1, "label": "Party", "start_offset": 0}]}', (
        "FS202", 29, "the span has no 'end_offset'")),
    ('{"text": "ab", "relations": [{"from_id": 1, "type": "by"}]}', (
        "FS202", 30, "the relation has no 'to_id'")),
    ('{"text": "ab", "text": "cd"}', ("FS108", 16, "duplicate key 'text' (first at line 1)")),
    ('{"text": "a\\u0007b"}', ("FS107", 10, "control character U+0007 in a string")),
])
def test_a_bad_example_is_reported_at_its_line_and_column(
        tmp_path: Path, line: str, expected: tuple[str, int, str]) -> None:
    documents, diagnostics = read(write(tmp_path, {"text": "fine"}, "", line))
    assert documents is None
    assert [(d.code, d.line, d.column, d.message) for d in diagnostics] == [
        (expected[0], 3, expected[1], expected[2])]


def test_line_separators_inside_the_text_do_not_shift_positions(tmp_path: Path) -> None:
    # JSON lets U+2028 and U+0085 stand raw in a string; YAML-style position counting
    # would take them for line breaks.
    line = '{"text": "Serbia\u2028agreed\u0085.\\r\\n", "label": [[0, 6]]}'
    documents, diagnostics = read(write(tmp_path, line))
    assert documents is None
    assert [(d.code, d.line, d.column) for d in diagnostics] == [
        ("FS203", 1, line.index("[0") + 1)]


def test_a_repeated_entity_id_is_fs401(tmp_path: Path) -> None:
    documents, diagnostics = read(write(tmp_path, {"text": TEXT, "entities": [
        entity(1, "Party", 0, 6), entity(1, "Party", 30, 37)]}))
    assert documents is None
    assert [(d.code, d.line) for d in diagnostics] == [("FS401", 1)]


def test_cli_from_doccano_reads_a_json_file(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "export.json").write_bytes(DANUBE.read_bytes())
    monkeypatch.chdir(tmp_path)
    stdout, _, code = run("build", "--from", "doccano", "export.json", "-o", "out",
                               "-f", "json")
    assert (code, stdout) == (0, "")
    assert (tmp_path / "out" / "export.briefing.json").is_file()


VALUE = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 60) | st.sampled_from(
        ["Party", "by", "Serbia 🌊", "", "\r\n"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(
        ["id", "text", "label", "entities", "relations", "start_offset", "end_offset",
         "from_id", "to_id", "type", "meta", "title"]), inner, max_size=5),
    max_leaves=12)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(VALUE.map(lambda v: json.dumps(v, ensure_ascii=False)) | st.text(max_size=20),
                max_size=3))
def test_any_jsonl_gives_documents_or_diagnostics(tmp_path: Path, lines: list[str]) -> None:
    path = write(tmp_path, *[line.replace("\n", " ") for line in lines])
    documents, diagnostics = read(path)
    assert documents is not None or any(d.is_error for d in diagnostics)
    assert all(d.line is None or d.line >= 1 for d in diagnostics)
    result = process(path)
    assert result.briefing is not None or not result.ok
