"""brat standoff: the Danube fixture end to end, offsets, fragments, relations, bad input."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from _cli import run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factsheet
from factsheet.diagnostics import Diagnostic
from factsheet.imports.brat import (
    BratAttribute,
    BratNormalization,
    BratNote,
    BratRelation,
    BratTextBound,
    parse_ann,
    read_brat,
)
from factsheet.imports.labels import LabelMapping, load_mapping
from factsheet.pipeline import process
from factsheet.readers.source import TextFile

FIXTURES = Path(__file__).parent / "fixtures" / "brat"
DANUBE = FIXTURES / "danube-pact.ann"


@pytest.fixture(scope="module")
def danube() -> Any:
    return factsheet.load(DANUBE)


def write(folder: Path, text: str, ann: str, name: str = "doc") -> Path:
    """Write ``name.txt`` (bytes as given: no newline translation) and ``name.ann``."""
    (folder / f"{name}.txt").write_bytes(text.encode("utf-8"))
    (folder / f"{name}.ann").write_bytes(ann.encode("utf-8"))
    return folder / f"{name}.ann"


def ann(*lines: str) -> str:
    return "".join(line + "\n" for line in lines)


def codes(diagnostics: list[Diagnostic]) -> list[str]:
    return [d.code for d in diagnostics]


def evidence(items: list[Any]) -> list[tuple[int, int, str]]:
    return [(e.start, e.end, e.text) for e in items]




# -- the Danube fixture --------------------------------------------------------------------
def test_parties_merge_their_mentions_and_countries_get_their_code(danube: Any) -> None:
    parties = {p.id: p for p in danube.parties}
    serbia = parties["serbia"]
    assert (serbia.name, serbia.kind, serbia.country) == ("Serbia", "state", "RS")
    assert evidence(serbia.mentions) == [(463, 469, "Serbia"), (920, 926, "Serbia"),
                                         (1675, 1681, "Serbia")]
    # A normalisation (N) makes "Bulgaria" and "Sofia" one party.
    bulgaria = parties["bulgaria"]
    assert (bulgaria.name, bulgaria.kind, bulgaria.country) == ("Bulgaria", "state", "BG")
    assert evidence(bulgaria.mentions) == [(1195, 1203, "Bulgaria"), (1470, 1475, "Sofia")]
    # A 'name' attribute (its value has spaces) merges a surname with the full name.
    dordevic = parties["jelena-dordevic"]
    assert (dordevic.name, dordevic.kind, dordevic.country, dordevic.role) == (
        "Jelena Đorđević", "person", "RS", "Prime Minister of Serbia")
    assert evidence(dordevic.mentions) == [(202, 217, "Jelena Đorđević"),
                                           (1103, 1111, "Đorđević")]
    ministry = parties["serbia-s-ministry-of-agriculture"]
    assert (ministry.kind, evidence(ministry.mentions)) == (
        "government_body", [(1675, 1707, "Serbia's Ministry of Agriculture")])
    assert parties["danubia-press"].kind == "news_agency"
    assert sorted(parties) == sorted([
        "serbia", "romania", "hungary", "jelena-dordevic", "ioana-stirbu", "akos-berczi",
        "danubia-press", "bulgaria", "petar-vasilev", "serbia-s-ministry-of-agriculture",
        "the-romanian-water-agency"])


def test_commitments_take_by_and_to_from_relations(danube: Any) -> None:
    found = {c.id: c for c in danube.commitments}
    pact = found["commitment-t20"]  # discontinuous: two fragments, two pieces of evidence
    assert (pact.by, pact.to, pact.modality, pact.instrument) == (
        ["serbia", "romania", "hungary"], [], "binding", "Danube Flood Defence Pact")
    assert evidence(pact.evidence) == [
        (463, 497, "Serbia, Romania and Hungary agreed"),
        (510, 566, "to build a shared flood-warning network along the Danube")]
    pumps = found["commitment-t21"]
    assert (pumps.by, pumps.to, pumps.modality) == (["serbia"], ["romania", "hungary"],
                                                    "binding")
    assert evidence(pumps.evidence) == [
        (920, 975, "Serbia will provide 40 mobile pumps to a common reserve")]
    refusal = found["commitment-t22"]
    assert (refusal.by, refusal.modality, refusal.action) == (
        ["bulgaria"], "refusal",
        "Bulgaria will not take part in joint dredging of the shared stretch")
    assert found["commitment-t24"].modality == "readiness"  # inferred: "is ready to"


def test_position_quote_statistics_and_photo(danube: Any) -> None:
    (position,) = danube.positions
    assert (position.holder, position.stance, position.topic) == (
        "petar-vasilev", "oppose", "joint dredging of the shared Danube stretch")
    assert evidence(position.evidence)[0][:2] == (1195, 1337)
    (quote,) = danube.quotations
    assert (quote.speaker, quote.text) == (
        "jelena-dordevic", "will give people hours, not minutes, to get out of harm's way.")
    assert evidence(quote.evidence) == [(1130, 1192, quote.text)]
    damage, drills = danube.statistics
    assert (damage.value, damage.unit, damage.period, damage.attributed_to,
            damage.approximate) == (120, "million euros", "2026",
                                    "serbia-s-ministry-of-agriculture", True)
    assert (drills.value, drills.unit, drills.attributed_to) == (
        56, "towns", "the-romanian-water-agency")
    assert evidence(drills.evidence) == [
        (1779, 1841, "56 riverside towns had completed evacuation drills this spring")]
    (photo,) = danube.photos
    assert (photo.credit, photo.agency, photo.pictured) == (
        "PHOTO / DANUBIA PRESS", "danubia-press",
        ["jelena-dordevic", "ioana-stirbu", "akos-berczi"])
    assert photo.caption == ("The three ministers at a news conference in Novi Sad after "
                             "the signing.")
    assert evidence(photo.evidence) == [(399, 420, "PHOTO / DANUBIA PRESS")]


def test_every_evidence_is_the_words_at_its_offsets(danube: Any) -> None:
    text = danube.articles[0].text
    items = [m for p in danube.parties for m in p.mentions] + [
        e for kind in ("commitments", "positions", "quotations", "statistics", "photos")
        for fact in getattr(danube, kind) for e in fact.evidence]
    assert len(items) == 25
    assert all(text[e.start:e.end] == e.text and e.text.strip() == e.text for e in items)


def test_inferred_fields_are_notes_with_the_annotation_line() -> None:
    result = process(DANUBE)
    inferred = [(d.line, d.message) for d in result.diagnostics if d.code == "FS121"]
    assert inferred == [
        (16, "commitment T20: modality taken as 'binding' from its words"),
        (20, "commitment T24: modality taken as 'readiness' from its words"),
        (22, "statistic T26: value 56 taken from its words")]
    assert not {"FS117", "FS118", "FS119", "FS120"} & set(codes(result.diagnostics))


def test_the_model_keeps_brat_s_own_words() -> None:
    source = TextFile("d.ann", DANUBE.read_text(encoding="utf-8"))
    diagnostics: list[Diagnostic] = []
    model = parse_ann(source, diagnostics)
    assert diagnostics == []
    assert model.text_bounds[15] == BratTextBound(
        "T20", "Commitment", ((463, 497), (510, 566)),
        "Serbia, Romania and Hungary agreed to build a shared flood-warning network along "
        "the Danube", 16, 16)
    assert model.relations[4] == BratRelation("R5", "to", (("Arg1", "T21"), ("Arg2", "T2")),
                                              29, 4)
    assert model.attributes[2] == BratAttribute("A3", "role", "T5", "Prime Minister of Serbia",
                                                43, 4)
    assert model.normalizations[0] == BratNormalization("N1", "Reference", "T10", "Wikidata",
                                                        "Q219", "Bulgaria", 61, 4)
    assert model.notes[0].target == "T28" and isinstance(model.notes[0], BratNote)


# -- offsets -------------------------------------------------------------------------------
def test_offsets_after_an_emoji_are_code_points(tmp_path: Path) -> None:
    text = "Flood 🌊🌊 warning: Serbia agreed.\n"
    path = write(tmp_path, text, ann("T1\tParty 18 24\tSerbia"))
    diagnostics: list[Diagnostic] = []
    (document,) = read_brat(path, "doc.ann", diagnostics) or []
    assert diagnostics == []
    assert document.spans[0].fragments == [(18, 24)]
    assert text[18:24] == "Serbia"


def test_utf16_offsets_of_the_brat_client_are_repaired(tmp_path: Path) -> None:
    # brat#1115: the browser client counts each emoji as two units.
    path = write(tmp_path, "Flood 🌊🌊 warning: Serbia agreed.\n",
                 ann("T1\tParty 20 26\tSerbia", "T2\tParty 0 5;20 26\tFlood Serbia"))
    diagnostics: list[Diagnostic] = []
    (document,) = read_brat(path, "doc.ann", diagnostics) or []
    assert [s.fragments for s in document.spans] == [[(18, 24)], [(0, 5), (18, 24)]]
    assert [(d.code, d.line, d.message) for d in diagnostics] == [
        ("FS118", 1, "T1 (Party): offsets 20 26 did not select 'Serbia'; read as UTF-16 "
                     "units they do: 18 24"),
        ("FS118", 2, "T2 (Party): offsets 0 5;20 26 did not select 'Flood Serbia'; read as "
                     "UTF-16 units they do: 0 5;18 24")]


def test_crlf_counts_two_characters_as_the_brat_server_writes(tmp_path: Path) -> None:
    text = "Danube pact\r\n\r\nSerbia agreed.\r\nHungary too.\r\n"
    path = write(tmp_path, text, ann("T1\tParty 15 21\tSerbia", "T2\tParty 31 38\tHungary",
                                     "T3\tPosition 15 29\tSerbia agreed",
                                     "R1\tby Arg1:T3 Arg2:T1"))
    briefing = factsheet.load(path)
    assert [evidence(p.mentions) for p in briefing.parties] == [
        [(15, 21, "Serbia")], [(31, 38, "Hungary")]]
    assert "\r\n" in briefing.articles[0].text


def test_crlf_collapsed_offsets_of_the_brat_client_are_repaired(tmp_path: Path) -> None:
    # brat#853: the client counts CRLF as one character.
    text = "Danube pact\r\n\r\nSerbia agreed.\r\nHungary too.\r\n"
    path = write(tmp_path, text, ann("T1\tParty 13 19\tSerbia", "T2\tParty 28 35\tHungary"))
    result = process(path)
    assert [evidence(p.mentions) for p in result.briefing.parties] == [  # type: ignore[attr-defined]
        [(15, 21, "Serbia")], [(31, 38, "Hungary")]]
    assert [(d.code, d.message.split("; ")[1]) for d in result.diagnostics
            if d.code == "FS118"] == [("FS118", "read as CRLF counted as one they do: 15 21"),
                                      ("FS118", "read as CRLF counted as one they do: 31 38")]


def test_no_break_spaces_stay_in_the_evidence(tmp_path: Path) -> None:
    text = "Dredging would cost 45\u00a0million\u00a0leva, Vasilev said.\n"
    path = write(tmp_path, text, ann(
        "T1\tStatistic 0 35\tDredging would cost 45\u00a0million\u00a0leva",
        "T2\tParty 37 44\tVasilev", "R1\tby Arg1:T1 Arg2:T2", "A1\tvalue T1 45",
        "A2\tkind T2 person"))
    result = process(path)
    assert codes(result.diagnostics) == []
    (statistic,) = result.briefing.statistics  # type: ignore[attr-defined]
    assert evidence(statistic.evidence) == [
        (0, 35, "Dredging would cost 45\u00a0million\u00a0leva")]


def test_a_byte_order_mark_is_counted_by_the_offsets(tmp_path: Path) -> None:
    path = write(tmp_path, "\ufeffSerbia agreed.\n", ann("T1\tParty 1 7\tSerbia"))
    briefing = factsheet.load(path)
    (mention,) = briefing.parties[0].mentions
    assert briefing.articles[0].text[mention.start:mention.end] == mention.text == "Serbia"


def test_text_that_matches_no_reading_is_an_error_naming_the_id(tmp_path: Path) -> None:
    path = write(tmp_path, "Serbia agreed.\n", ann("T1\tParty 0 6\tSerbia",
                                                  "T2\tParty 7 13\tHungary"))
    diagnostics: list[Diagnostic] = []
    assert read_brat(path, "doc.ann", diagnostics) is None
    assert [(d.code, d.line, d.column, d.message) for d in diagnostics] == [
        ("FS119", 2, 10, "T2 (Party): offsets [7, 13) do not select 'Hungary', in any unit, "
                         "and the words are not near that place")]


# -- fragments, overlaps, relations, attributes --------------------------------------------
def test_discontinuous_text_written_without_a_space_before_brat_1_3(tmp_path: Path) -> None:
    path = write(tmp_path, "Serbia, on Thursday, agreed.\n",
                 ann("T1\tCommitment 0 6;21 27\tSerbiaagreed"))
    diagnostics: list[Diagnostic] = []
    (document,) = read_brat(path, "doc.ann", diagnostics) or []
    assert (document.spans[0].fragments, diagnostics) == ([(0, 6), (21, 27)], [])


def test_crossing_spans_are_both_kept(tmp_path: Path) -> None:
    text = "Serbia will provide 40 mobile pumps, Hungary said.\n"
    path = write(tmp_path, text, ann(
        "T1\tParty 0 6\tSerbia", "T2\tParty 37 44\tHungary",
        "T3\tCommitment 0 35\tSerbia will provide 40 mobile pumps",
        "T4\tQuote 7 50\twill provide 40 mobile pumps, Hungary said.",
        "R1\tby Arg1:T3 Arg2:T1", "R2\tby Arg1:T4 Arg2:T2", "A1\tmodality T3 binding"))
    briefing = factsheet.load(path)
    assert evidence(briefing.commitments[0].evidence) == [
        (0, 35, "Serbia will provide 40 mobile pumps")]
    assert evidence(briefing.quotations[0].evidence) == [
        (7, 50, "will provide 40 mobile pumps, Hungary said.")]


def test_a_relation_to_a_missing_id_is_a_warning_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "Serbia will provide pumps.\n", ann(
        "T1\tParty 0 6\tSerbia", "T2\tCommitment 0 25\tSerbia will provide pumps",
        "R1\tby Arg1:T2 Arg2:T1", "R2\tto Arg1:T2 Arg2:T9", "A1\tmodality T2 intent"))
    result = process(path)
    assert [(d.code, d.severity.value, d.line, d.message) for d in result.diagnostics] == [
        ("FS120", "warning", 4, "relation R2 points at 'T9', which is not a span of this "
                                "document (or has an unknown label); relation ignored")]
    assert result.briefing.commitments[0].to == []  # type: ignore[attr-defined]


def test_reversed_argument_order_follows_the_roles(tmp_path: Path) -> None:
    path = write(tmp_path, "Serbia will provide pumps.\n", ann(
        "T1\tParty 0 6\tSerbia", "T2\tCommitment 0 25\tSerbia will provide pumps",
        "R1\tby Arg2:T1 Arg1:T2"))
    diagnostics: list[Diagnostic] = []
    (document,) = read_brat(path, "doc.ann", diagnostics) or []
    assert (document.relations[0].source, document.relations[0].target) == ("T2", "T1")


def test_a_label_outside_the_convention_names_mapping(tmp_path: Path) -> None:
    path = write(tmp_path, "Serbia agreed.\n", ann("T1\tCountry 0 6\tSerbia",
                                                  "T2\tPlace 0 6\tSerbia"))
    result = process(path)
    (warning,) = [d for d in result.diagnostics if d.code == "FS117"]
    assert (warning.code, warning.severity.value, warning.line, warning.message) == (
        "FS117", "warning", 2, "label 'Place' of T2 is not in the convention; span ignored")
    assert "--mapping" in (warning.hint or "")


def test_a_mapping_file_renames_labels_relations_and_attributes(tmp_path: Path) -> None:
    path = write(tmp_path, "Serbia's ministry said 56 towns held drills.\n", ann(
        "T1\tMinistry 0 17\tSerbia's ministry", "T2\tFigure 23 43\t56 towns held drills",
        "R1\tsource Arg1:T2 Arg2:T1", "A1\tamount T2 56"))
    (tmp_path / "mapping.yaml").write_text(
        "labels: {Ministry: Party/government_body, Figure: Statistic}\n"
        "relations: {source: by}\nattributes: {amount: value}\n", encoding="utf-8")
    without = process(path)
    assert codes(without.diagnostics) == ["FS117", "FS117", "FS117"]
    result = process(path, mapping=load_mapping(tmp_path / "mapping.yaml"))
    assert codes(result.diagnostics) == []
    briefing: Any = result.briefing
    assert [(p.name, p.kind) for p in briefing.parties] == [("Serbia's ministry",
                                                              "government_body")]
    (statistic,) = briefing.statistics
    assert (statistic.value, statistic.attributed_to) == (56, briefing.parties[0].id)


def test_attributes_binary_and_multi_valued(tmp_path: Path) -> None:
    path = write(tmp_path, "Serbia agreed.\n", ann(
        "T1\tParty 0 6\tSerbia", "A1\tConfirmed T1", "M2\tNegated T1",
        "A3\tcondition T1 once the treaty is ratified", "A4\tkind T9 state"))
    diagnostics: list[Diagnostic] = []
    (document,) = read_brat(path, "doc.ann", diagnostics) or []
    assert document.spans[0].attributes == {
        "Confirmed": "true", "Negated": "true", "condition": "once the treaty is ratified"}
    assert [(d.code, d.line, d.message) for d in diagnostics] == [
        ("FS120", 5, "attribute A4 points at 'T9', which is not in the document; ignored")]


def test_events_and_equivalences_are_skipped_silently(tmp_path: Path) -> None:
    path = write(tmp_path, "Serbia signed.\n", ann(
        "T1\tParty 0 6\tSerbia", "T2\tSigning 7 13\tsigned", "E1\tSigning:T2 Signatory:T1",
        "M1\tConfirmed E1", "#1\tAnnotatorNotes E1\tat the ceremony", "*\tEquiv T1 T1"))
    diagnostics: list[Diagnostic] = []
    (document,) = read_brat(path, "doc.ann", diagnostics) or []
    assert (len(document.spans), document.relations, diagnostics) == (2, [], [])


def test_an_empty_document_gives_an_empty_briefing(tmp_path: Path) -> None:
    briefing = factsheet.load(write(tmp_path, "", ""))
    assert (briefing.articles[0].text, briefing.parties, briefing.commitments) == ("", [], [])


# -- malformed input -----------------------------------------------------------------------
@pytest.mark.parametrize(("line", "column", "message"), [
    ("T1\tParty 0 x6\tSerbia", 12, "offset 'x6' of T1 is not a number"),
    ("T1\tParty 0 6;7\tSerbia", 14, "fragment '7' of T1 is not 'START END'"),
    ("T1\tParty 6 0\tSerbia", 10, "fragment '6 0' of T1 ends before it starts"),
    ("T1\tParty 0 6", 13, "T1 has no text after its offsets (ID<TAB>Label S E<TAB>TEXT)"),
    ("T1 Party 0 6 Serbia", 20, "no TAB after the id"),
    ("X\tParty 0 6\tSerbia", 1, "'X' is not a brat id (T1, R1, E1, A1, M1, N1, #1)"),
    ("R1\tby Arg1:T1", 4, "R1 must be 'Type Arg1:T1 Arg2:T2' (two arguments)"),
    ("R1\tby Arg1:T1 T2", 15, "argument 'T2' of R1 is not ROLE:ID"),
    ("N1\tReference T1 Q219", 4, "N1 must be 'Reference TARGET RESOURCE:ENTRY'"),
    ("Q1\tParty 0 6\tSerbia", 1, "unknown annotation type 'Q' (T, R, E, A, M, N, # are "
                                 "brat's)"),
])
def test_a_malformed_line_is_fs101_at_its_line_and_column(tmp_path: Path, line: str,
                                                           column: int, message: str) -> None:
    path = write(tmp_path, "Serbia agreed.\n", ann("T9\tParty 0 6\tSerbia", line))
    diagnostics: list[Diagnostic] = []
    assert read_brat(path, "doc.ann", diagnostics) is None
    assert [(d.code, d.line, d.column, d.message) for d in diagnostics] == [
        ("FS101", 2, column, f"malformed brat line: {message}")]


def test_a_repeated_id_is_fs401(tmp_path: Path) -> None:
    path = write(tmp_path, "Serbia agreed.\n", ann("T1\tParty 0 6\tSerbia",
                                                  "T1\tParty 7 13\tagreed"))
    diagnostics: list[Diagnostic] = []
    assert read_brat(path, "doc.ann", diagnostics) is None
    assert [(d.code, d.line) for d in diagnostics] == [("FS401", 2)]


def test_cli_a_bad_offset_is_fs101_with_its_line(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "Serbia agreed.\n", ann("T1\tParty 0 6\tSerbia", "T2\tParty 7 1e3\tagreed"))
    monkeypatch.chdir(tmp_path)
    stdout, stderr, code = run("validate", "doc.ann")
    assert code == 1
    assert stdout.startswith("doc.ann:2:12: error FS101 malformed brat line: offset '1e3' of "
                             "T2 is not a number\n")
    assert "1 error" in stderr


def test_cli_an_ann_without_its_txt_is_fs100(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "doc.ann").write_text("T1\tParty 0 6\tSerbia\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, stderr, code = run("build", "doc.ann", "-o", "out")
    assert code == 1
    assert stderr.startswith("doc.ann: error FS100 cannot read 'doc.txt', the text this file "
                      "annotates: no such file\n  hint: brat keeps the text beside the .ann as "
                      "doc.txt\n")
    assert not (tmp_path / "out").exists()


def test_a_txt_linked_from_outside_the_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "outside.txt").write_text("Serbia agreed.\n", encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "doc.ann").write_text("T1\tParty 0 6\tSerbia\n", encoding="utf-8")
    (folder / "doc.txt").symlink_to(tmp_path / "outside.txt")
    diagnostics: list[Diagnostic] = []
    assert read_brat(folder / "doc.ann", "doc.ann", diagnostics) is None
    assert codes(diagnostics) == ["FS110"]


def test_control_characters_and_bad_bytes_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "Serbia\x07 agreed.\n", ann("T1\tParty 0 6\tSerbia"))
    diagnostics: list[Diagnostic] = []
    assert read_brat(path, "doc.ann", diagnostics) is None
    assert [(d.code, d.file, d.line, d.column) for d in diagnostics] == [
        ("FS107", "doc.txt", 1, 7)]
    (tmp_path / "doc.txt").write_bytes(b"Serbia \xff\n")
    diagnostics = []
    assert read_brat(path, "doc.ann", diagnostics) is None
    assert codes(diagnostics) == ["FS102"]


def test_cli_from_brat_and_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("danube-pact.ann", "danube-pact.txt"):
        (tmp_path / name).write_bytes((FIXTURES / name).read_bytes())
    monkeypatch.chdir(tmp_path)
    assert run("validate", "--from", "brat", "danube-pact.ann")[2] == 0
    stdout, _, code = run("build", "danube-pact.ann", "-o", "out", "-f", "json")
    assert (code, stdout) == (0, "")
    assert (tmp_path / "out" / "danube-pact.briefing.json").is_file()


LINE = st.lists(st.sampled_from(["T1", "T2", "R1", "A1", "N1", "#1", "E1", "M1", "*", "\t",
                                 " ", "0", "6", "7", "13", ";", ":", "Arg1:T1", "Arg2:T2",
                                 "Party", "by", "Serbia", "x", "\r", "🌊"]), max_size=10)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(LINE.map("".join), max_size=6))
def test_any_ann_gives_documents_or_diagnostics(tmp_path: Path, lines: list[str]) -> None:
    path = write(tmp_path, "Serbia agreed 🌊.\n", "\n".join(lines))
    diagnostics: list[Diagnostic] = []
    documents = read_brat(path, "doc.ann", diagnostics)
    assert documents is not None or any(d.is_error for d in diagnostics)
    assert all(d.line is None or d.line >= 1 for d in diagnostics)
    result = process(path, mapping=LabelMapping())
    assert result.briefing is not None or not result.ok
