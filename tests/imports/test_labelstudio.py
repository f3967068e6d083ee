"""Label Studio JSON export: the Danube export end to end, offsets, relations, choices, refusals."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import factsheet
from factsheet.cli import app
from factsheet.diagnostics import Diagnostic
from factsheet.errors import InputError
from factsheet.imports.labels import LabelMapping, load_mapping
from factsheet.imports.labelstudio import read_labelstudio
from factsheet.imports.model import ToolDocument
from factsheet.pipeline import process
from factsheet.readers import detect_format

FIXTURES = Path(__file__).parent / "fixtures" / "labelstudio"
DANUBE = FIXTURES / "danube-pact.json"
TRUNCATED = FIXTURES / "truncated.json"

# Excerpts of examples/danube/danube-pact.txt, for the small exports below.
REFUSAL = "Bulgaria will not take part in joint dredging of the shared stretch"
PLEDGE = ("Romania pledged to open its Giurgiu forecasting centre to engineers from the other "
          "two states.")


# -- writing small exports -----------------------------------------------------------------------
def labels(rid: str, label: str | list[str], start: int, end: int, text: str | None,
           to_name: str = "text", kind: str = "labels") -> dict[str, Any]:
    value: dict[str, Any] = {"start": start, "end": end,
                             "labels": [label] if isinstance(label, str) else label}
    if text is not None:
        value["text"] = text
    return {"value": value, "id": rid, "from_name": "label", "to_name": to_name,
            "type": kind, "origin": "manual"}


def control(rid: str, kind: str, name: str, start: int, end: int, answer: Any
            ) -> dict[str, Any]:
    key = "text" if kind == "textarea" else kind
    return {"value": {"start": start, "end": end, key: answer}, "id": rid, "from_name": name,
            "to_name": "text", "type": kind, "origin": "manual"}


def relation(source: str, target: str, names: list[str] | None = None,
             direction: str = "right") -> dict[str, Any]:
    item: dict[str, Any] = {"from_id": source, "to_id": target, "type": "relation",
                            "direction": direction}
    if names is not None:
        item["labels"] = names
    return item


def annotation(result: list[dict[str, Any]], id: int = 1, cancelled: bool = False,
               updated: str = "2027-04-09T17:00:00.000000Z", **extra: Any) -> dict[str, Any]:
    return {"id": id, "completed_by": 1, "result": result, "was_cancelled": cancelled,
            "ground_truth": False, "created_at": updated, "updated_at": updated,
            "lead_time": 12.5, "task": 1, "project": 1} | extra


def task(text: str, *annotations: dict[str, Any], id: int = 1, **extra: Any) -> dict[str, Any]:
    return {"id": id, "data": {"text": text}, "annotations": list(annotations),
            "predictions": [], "meta": {}, "project": 1} | extra


def write(folder: Path, tasks: Any, name: str = "export.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(tasks, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def read(path: Path) -> tuple[list[ToolDocument] | None, list[Diagnostic]]:
    diagnostics: list[Diagnostic] = []
    return read_labelstudio(path, path.name, diagnostics), diagnostics


def briefing_json(path: Path, **options: Any) -> tuple[dict[str, Any] | None, list[Diagnostic]]:
    result = process(path, "labelstudio", **options)
    if result.briefing is None:
        return None, result.diagnostics
    data = json.loads(factsheet.render(result.briefing, "json"))  # type: ignore[arg-type]
    return data, result.diagnostics


def written_at(path: Path, diagnostic: Diagnostic, lines: int = 1) -> str:
    """Return what the file holds where ``diagnostic`` points (and the lines after it)."""
    assert diagnostic.line is not None and diagnostic.column is not None
    text = path.read_text(encoding="utf-8").splitlines()[diagnostic.line - 1:][:lines]
    return "\n".join([text[0][diagnostic.column - 1:], *text[1:]])


def codes(diagnostics: list[Diagnostic]) -> list[str]:
    return [d.code for d in diagnostics]


def spans(fact: dict[str, Any]) -> list[tuple[int, int, str]]:
    return [(e["start"], e["end"], e["text"]) for e in fact["evidence"]]


def mentions(party: dict[str, Any]) -> list[tuple[int, int, str]]:
    return [(m["start"], m["end"], m["text"]) for m in party["mentions"]]


# -- the Danube export, end to end ------------------------------------------------------------
@pytest.fixture(scope="module")
def danube() -> dict[str, Any]:
    return json.loads(factsheet.render(factsheet.load(DANUBE), "json"))


def by_id(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in items}


def test_a_json_export_is_recognised_by_its_content() -> None:
    assert detect_format(DANUBE) == "labelstudio"
    assert detect_format(TRUNCATED) == "labelstudio"


def test_the_task_becomes_the_article(danube: dict[str, Any]) -> None:
    [article] = danube["articles"]
    text = (FIXTURES.parents[3] / "examples" / "danube" / "danube-pact.txt").read_bytes()
    assert article["id"] == "41"
    assert article["title"] == ("Danube states agree flood-defence pact, Bulgaria stays out of "
                                "joint dredging")
    assert article["url"] == "https://wire.example.org/2027/04/09/danube-flood-pact"
    assert article["text"] == text.decode("utf-8")


def test_parties_merge_their_mentions(danube: dict[str, Any]) -> None:
    parties = by_id(danube["parties"])
    assert sorted(parties) == [
        "akos-berczi", "bulgaria", "danubia-press", "dordevic", "hungary", "ioana-stirbu",
        "petar-vasilev", "romania", "serbia", "serbia-s-ministry-of-agriculture",
        "the-romanian-water-agency"]
    serbia = parties["serbia"]
    assert (serbia["name"], serbia["kind"], serbia["country"]) == ("Serbia", "state", "RS")
    assert mentions(serbia) == [(463, 469, "Serbia"), (920, 926, "Serbia")]
    assert [(p["kind"], p["country"]) for p in map(parties.get, ("romania", "hungary",
                                                                  "bulgaria"))] == [
        ("state", "RO"), ("state", "HU"), ("state", "BG")]
    # Two mentions written differently, one party: the per-region 'entity' control.
    dordevic = parties["dordevic"]
    assert (dordevic["name"], dordevic["kind"], dordevic["country"], dordevic["role"]) == (
        "Jelena Đorđević", "person", "RS", "Prime Minister of Serbia")
    assert mentions(dordevic) == [(202, 217, "Jelena Đorđević"), (1103, 1111, "Đorđević")]
    assert parties["ioana-stirbu"]["kind"] == "person"  # label Person
    assert (parties["petar-vasilev"]["kind"], parties["petar-vasilev"]["role"]) == (
        "person", "Environment Minister of Bulgaria")  # kind from a per-region choice
    ministry = parties["serbia-s-ministry-of-agriculture"]
    assert (ministry["kind"], mentions(ministry)) == (
        "government_body", [(1675, 1707, "Serbia's Ministry of Agriculture")])
    assert parties["danubia-press"]["kind"] == "news_agency"


def test_commitments_take_by_and_to_from_relations(danube: dict[str, Any]) -> None:
    commitments = by_id(danube["commitments"])
    pumps = commitments["commitment-vb5nx2qs7e"]
    assert (pumps["by"], pumps["to"], pumps["modality"]) == (
        ["serbia"], ["romania", "hungary"], "binding")
    assert spans(pumps) == [
        (920, 975, "Serbia will provide 40 mobile pumps to a common reserve")]
    giurgiu = commitments["commitment-ej8wr1fu6k"]  # relation without a label: "by"
    assert (giurgiu["by"], giurgiu["modality"]) == (["romania"], "pledge")
    refusal = commitments["commitment-sa4ph9vo0t"]
    assert (refusal["by"], refusal["modality"], spans(refusal)) == (
        ["bulgaria"], "refusal", [(1195, 1262, REFUSAL)])


def test_position_statistics_quote_and_photo_credit(danube: dict[str, Any]) -> None:
    [position] = danube["positions"]
    assert (position["holder"], position["stance"], position["topic"]) == (
        "petar-vasilev", "oppose", "joint dredging of the shared Danube stretch")
    assert spans(position)[0][:2] == (1195, 1337)
    damage, drills = danube["statistics"]
    assert {k: damage[k] for k in ("value", "unit", "period", "attributed_to", "measure",
                                   "approximate")} == {
        "value": 120, "unit": "million euros", "period": "2026", "approximate": True,
        "attributed_to": "serbia-s-ministry-of-agriculture",
        "measure": "flood damage in the Serbian part of the Danube basin"}
    assert (drills["value"], drills["unit"], drills["period"], drills["attributed_to"]) == (
        56, "towns", "spring 2027", "the-romanian-water-agency")
    assert spans(drills) == [
        (1779, 1841, "56 riverside towns had completed evacuation drills this spring")]
    [quote] = danube["quotations"]
    assert (quote["speaker"], quote["text"]) == (
        "dordevic", "will give people hours, not minutes, to get out of harm's way.")
    [photo] = danube["photos"]
    assert (photo["credit"], photo["agency"], photo["pictured"], photo["caption"]) == (
        "PHOTO / DANUBIA PRESS", "danubia-press", ["dordevic", "ioana-stirbu", "akos-berczi"],
        "Signing of the Danube Flood Defence Pact in Novi Sad")


def test_overlapping_spans_keep_their_exact_offsets(danube: dict[str, Any]) -> None:
    text = danube["articles"][0]["text"]
    parties = by_id(danube["parties"])
    # Bulgaria ⊂ the refusal ⊂ the position; DANUBIA PRESS ⊂ the photo credit.
    assert mentions(parties["bulgaria"]) == [(1195, 1203, "Bulgaria")]
    assert mentions(parties["danubia-press"]) == [(407, 420, "DANUBIA PRESS")]
    assert spans(danube["photos"][0]) == [(399, 420, "PHOTO / DANUBIA PRESS")]
    everything = [e for party in danube["parties"] for e in party["mentions"]] + [
        e for name in ("commitments", "positions", "quotations", "statistics", "photos")
        for fact in danube[name] for e in fact["evidence"]]
    assert all(text[e["start"]:e["end"]] == e["text"] for e in everything)


def test_cancelled_annotation_and_predictions_are_not_read(danube: dict[str, Any]) -> None:
    names = {p["name"] for p in danube["parties"]}
    assert "Adriatic Wire Service" not in names  # the cancelled annotation's region
    assert "Dnevnik" not in names  # the prediction's region
    assert [(d["code"], d["line"]) for d in danube["diagnostics"]] == [
        ("FS407", 2),  # the article's own repeated dateline
        ("FS121", 411),  # the Giurgiu pledge had no modality choice
        ("FS410", 500)]  # "about 120 million euros"


# -- step 1 and 2: what the reader hands on ---------------------------------------------------
def test_relation_direction_and_default_label() -> None:
    documents, diagnostics = read(DANUBE)
    assert documents is not None and not diagnostics
    relations = {(r.source, r.target): r for r in documents[0].relations}
    # Drawn from Hungary to the commitment with a "left" arrow: the commitment → Hungary.
    assert relations["Vb5nX2qS7e", "e2JwP6uV4n"].label == "to"
    assert ("e2JwP6uV4n", "Vb5nX2qS7e") not in relations
    assert relations["Ej8wR1fU6k", "Hk5rZ9mB0s"].label == "by"  # "labels": [] → by
    assert relations["Rw3sE6aN1c", "aZ0oQ3hX9f"].label == "by"  # "bi" reads as drawn


def test_per_region_controls_become_attributes() -> None:
    documents, _ = read(DANUBE)
    assert documents is not None
    found = {span.id: span for span in documents[0].spans}
    damage = found["Id1tG7nZ5y"]
    assert (damage.label, damage.fragments) == ("Statistic", [(1557, 1673)])
    assert damage.attributes == {"value": "120", "unit": "million euros", "period": "2026",
                                 "measure": "flood damage in the Serbian part of the Danube "
                                            "basin"}
    assert found["Qz6mC3kW2b"].attributes["stance"] == "oppose"
    assert (found["Pm4sT6yK2d"].entity, found["aZ0oQ3hX9f"].entity) == ("dordevic", "dordevic")
    assert found["Fu9gY2lP4h"].note == "Signing of the Danube Flood Defence Pact in Novi Sad"


def test_textarea_entries_and_choices_are_joined(tmp_path: Path) -> None:
    path = write(tmp_path, [task(REFUSAL, annotation([
        labels("c1", "Commitment", 0, 67, REFUSAL),
        control("c1", "textarea", "condition", 0, 67, ["citing costs", "until 2028"]),
        control("c1", "choices", "topic", 0, 67, ["dredging", "costs"]),
        control("c1", "number", "value", 0, 67, 45.0)]))])
    documents, _ = read(path)
    assert documents is not None
    assert documents[0].spans[0].attributes == {
        "condition": "citing costs; until 2028", "topic": "dredging, costs", "value": "45"}


def test_a_region_with_two_labels_gives_two_spans(tmp_path: Path) -> None:
    text = "Under the pact, Serbia will provide 40 mobile pumps to a common reserve."
    path = write(tmp_path, [task(text, annotation([
        labels("p", "Party", 16, 22, "Serbia"),
        labels("c", ["Commitment", "Statistic"], 16, 71, text[16:71]),
        relation("c", "p", ["by"])]))])
    documents, _ = read(path)
    assert documents is not None
    doc = documents[0]
    assert [(s.id, s.label) for s in doc.spans] == [
        ("p", "Party"), ("c", "Commitment"), ("c#2", "Statistic")]
    assert [(r.source, r.target) for r in doc.relations] == [("c", "p"), ("c#2", "p")]
    data, diagnostics = briefing_json(path)
    assert data is not None, diagnostics
    assert data["commitments"][0]["by"] == ["serbia"]
    assert (data["statistics"][0]["value"], data["statistics"][0]["attributed_to"]) == (
        40, "serbia")


def test_the_most_recent_annotation_is_read_and_ground_truth_wins(tmp_path: Path) -> None:
    older = annotation([labels("a", "Party", 0, 8, "Bulgaria")], id=3,
                       updated="2027-04-09T10:00:00.000000Z")
    newer = annotation([labels("b", "Party", 0, 8, "Bulgaria")], id=4,
                       updated="2027-04-10T10:00:00.000000Z")
    skipped = annotation([labels("c", "Party", 0, 8, "Bulgaria")], id=5, cancelled=True,
                         updated="2027-04-11T10:00:00.000000Z")
    documents, _ = read(write(tmp_path, [task(REFUSAL, older, skipped, newer)]))
    assert documents is not None and [s.id for s in documents[0].spans] == ["b"]
    older["ground_truth"] = True
    documents, _ = read(write(tmp_path, [task(REFUSAL, older, skipped, newer)]))
    assert documents is not None and [s.id for s in documents[0].spans] == ["a"]


def test_predictions_are_read_only_without_annotations(tmp_path: Path) -> None:
    prediction = {"id": 9, "model_version": "wire-ner-2027-03", "score": 0.71,
                  "result": [labels("p", "Party", 0, 8, "Bulgaria")]}
    documents, diagnostics = read(write(tmp_path, [task(REFUSAL, predictions=[prediction])]))
    assert documents is not None and [s.id for s in documents[0].spans] == ["p"]
    assert [(d.code, d.line) for d in diagnostics] == [("FS121", 2)]
    assert "wire-ner-2027-03" in diagnostics[0].message
    # A task every annotator skipped is left out, predictions and all.
    skipped = task(REFUSAL, annotation([], cancelled=True), predictions=[prediction])
    documents, diagnostics = read(write(tmp_path, [skipped]))
    assert documents is None and codes(diagnostics) == ["FS203"]


# -- offsets ----------------------------------------------------------------------------------
EMOJI = ("🌊 Danube ports brace for low water.\nBulgaria will not take part in joint dredging "
         "of the shared stretch, its Environment Minister Petar Vasilev said.")


def emoji_export(folder: Path, shift: int) -> Path:
    """The emoji text with two regions after the emoji, counted with ``shift`` extra units."""
    return write(folder, [task(EMOJI, annotation([
        labels("bg", "Party", 36 + shift, 44 + shift, "Bulgaria"),
        labels("no", "Commitment", 36 + shift, 103 + shift, REFUSAL),
        control("no", "choices", "modality", 36 + shift, 103 + shift, ["refusal"]),
        relation("no", "bg", ["by"])]))])


def test_emoji_before_a_span_counts_as_one_code_point(tmp_path: Path) -> None:
    data, diagnostics = briefing_json(emoji_export(tmp_path, 0))
    assert data is not None, diagnostics
    assert "FS118" not in codes(diagnostics)
    assert spans(data["commitments"][0]) == [(36, 103, REFUSAL)]
    assert mentions(data["parties"][0]) == [(36, 44, "Bulgaria")]


def test_an_old_utf16_export_is_repaired_and_reported(tmp_path: Path) -> None:
    data, diagnostics = briefing_json(emoji_export(tmp_path, 1))
    assert data is not None, diagnostics
    repaired = [d for d in diagnostics if d.code == "FS118"]
    assert [d.message for d in repaired] == [
        "region bg: offsets [37, 45) do not select 'Bulgaria'; repaired to [36, 44) "
        "(UTF-16 units)",
        f"region no: offsets [37, 104) do not select {REFUSAL!r}; repaired to [36, 103) "
        "(UTF-16 units)"]
    assert all(d.severity.value == "info" and d.line for d in repaired)
    assert spans(data["commitments"][0]) == [(36, 103, REFUSAL)]


def test_a_span_that_cannot_be_placed_is_an_error_naming_the_region(tmp_path: Path) -> None:
    path = write(tmp_path, [task(EMOJI, annotation([
        labels("gone", "Party", 0, 7, "Romania")]))])
    data, diagnostics = briefing_json(path)
    assert data is None
    [error] = diagnostics
    assert (error.code, error.line, error.column) == ("FS119", 12, 11)
    assert error.message.startswith("region gone: offsets [0, 7) do not select 'Romania'")
    with pytest.raises(InputError):
        factsheet.load(path)


CRLF = ("Romania pledged to open its Giurgiu forecasting centre.\r\n\r\n"
        "Bulgaria will not take part in joint dredging of the shared stretch.\r\n")


def crlf_export(folder: Path, start: int, end: int) -> Path:
    return write(folder, [task(CRLF, annotation([
        labels("bg", "Party", start, start + 8, "Bulgaria"),
        labels("no", "Commitment", start, end, REFUSAL),
        control("no", "choices", "modality", start, end, ["refusal"]),
        relation("no", "bg")]))])


def test_crlf_counts_as_two_characters(tmp_path: Path) -> None:
    data, diagnostics = briefing_json(crlf_export(tmp_path, 59, 126))
    assert data is not None, diagnostics
    assert "FS118" not in codes(diagnostics)
    assert data["articles"][0]["text"] == CRLF
    assert spans(data["commitments"][0]) == [(59, 126, REFUSAL)]
    assert data["commitments"][0]["by"] == ["bulgaria"]  # relation without labels: by


def test_offsets_counting_crlf_as_one_are_repaired(tmp_path: Path) -> None:
    data, diagnostics = briefing_json(crlf_export(tmp_path, 57, 124))
    assert data is not None, diagnostics
    assert {d.message.rsplit("(", 1)[1] for d in diagnostics if d.code == "FS118"} == {
        "CRLF counted as one)"}
    assert spans(data["commitments"][0]) == [(59, 126, REFUSAL)]


def test_no_break_spaces_stay_in_the_evidence(tmp_path: Path) -> None:
    text = ("its Environment Minister Petar\u00a0Vasilev said the dredging would cost about "
            "45\u00a0million leva a year.")
    claim = "dredging would cost about 45\u00a0million leva a year"
    path = write(tmp_path, [task(text, annotation([
        labels("pv", "Person", 25, 38, "Petar\u00a0Vasilev"),
        labels("st", "Statistic", 48, 96, claim),
        control("st", "number", "value", 48, 96, 45),
        control("st", "textarea", "unit", 48, 96, ["million leva"]),
        relation("st", "pv", ["by"])]))])
    data, diagnostics = briefing_json(path)
    assert data is not None, diagnostics
    [party] = data["parties"]
    assert (party["name"], mentions(party)) == (
        "Petar Vasilev", [(25, 38, "Petar\u00a0Vasilev")])
    assert spans(data["statistics"][0]) == [(48, 96, claim)]
    assert data["statistics"][0]["value"] == 45


def test_a_byte_order_mark_in_the_text_counts_in_the_offsets(tmp_path: Path) -> None:
    path = write(tmp_path, [task("\ufeff" + REFUSAL + ".", annotation([
        labels("bg", "Party", 1, 9, "Bulgaria"),
        labels("no", "Commitment", 1, 68, REFUSAL),
        control("no", "choices", "modality", 1, 68, ["refusal"]),
        relation("no", "bg")]))])
    documents, diagnostics = read(path)
    assert documents is not None and not diagnostics
    assert [s.fragments for s in documents[0].spans] == [[(1, 9)], [(1, 68)]]
    data, diagnostics = briefing_json(path)  # the article drops it, and the offsets follow
    assert data is not None, diagnostics
    assert spans(data["commitments"][0]) == [(0, 67, REFUSAL)]


# -- relations and labels ---------------------------------------------------------------------
def test_a_relation_to_a_missing_region_is_reported_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, [task(REFUSAL, annotation([
        labels("bg", "Party", 0, 8, "Bulgaria"),
        labels("no", "Commitment", 0, 67, REFUSAL),
        control("no", "choices", "modality", 0, 67, ["refusal"]),
        relation("no", "bg", ["by"]),
        relation("no", "vanished", ["to"])]))])
    data, diagnostics = briefing_json(path)
    assert data is not None
    [broken] = [d for d in diagnostics if d.code == "FS120"]
    assert "'vanished'" in broken.message
    assert written_at(path, broken, 3) == ('{\n            "from_id": "no",\n'
                                           '            "to_id": "vanished",')


def test_a_label_outside_the_convention_names_the_mapping_option(tmp_path: Path) -> None:
    path = write(tmp_path, [task(PLEDGE, annotation([
        labels("ro", "Party", 0, 7, "Romania"),
        labels("gi", "Location", 28, 35, "Giurgiu")]))])
    data, diagnostics = briefing_json(path)
    assert data is not None
    [warning] = [d for d in diagnostics if d.code == "FS117"]
    assert "'Location'" in warning.message and "--mapping" in (warning.hint or "")
    region = written_at(path, warning, 12)
    assert region.startswith("{") and '"Location"' in region and '"id": "gi"' in region


def test_a_mapping_file_renames_labels_relations_and_attributes(tmp_path: Path) -> None:
    text = ("Romania pledged to open its Giurgiu forecasting centre to engineers from the other "
            "two states. The Romanian water agency said 56 riverside towns had completed "
            "evacuation drills this spring.")
    path = write(tmp_path, [task(text, annotation([
        labels("ro", "GPE", 0, 7, "Romania"),
        labels("pl", "Pledge", 0, 93, text[:93]),
        labels("wa", "ORG", 95, 120, "The Romanian water agency"),
        labels("dr", "Figure", 126, 188, text[126:188]),
        control("dr", "number", "amount", 126, 188, 56),
        relation("pl", "ro", ["agent"]),
        relation("dr", "wa", ["source"])]))])
    mapping_file = tmp_path / "mapping.yaml"
    mapping_file.write_text("labels:\n  Pledge: Commitment\n  Figure: Statistic\n"
                            "  ORG: Party/government_body\nrelations:\n  agent: by\n"
                            "  source: by\nattributes:\n  amount: value\n", encoding="utf-8")
    data, diagnostics = briefing_json(path, mapping=load_mapping(mapping_file))
    assert data is not None, diagnostics
    parties = by_id(data["parties"])
    assert (parties["romania"]["kind"], parties["romania"]["country"]) == ("state", "RO")
    assert parties["the-romanian-water-agency"]["kind"] == "government_body"
    assert data["commitments"][0]["by"] == ["romania"]
    assert (data["statistics"][0]["value"], data["statistics"][0]["attributed_to"]) == (
        56, "the-romanian-water-agency")
    assert "FS118" not in codes(diagnostics)
    # Without the mapping, the same export loses its facts and relations, each with a warning.
    data, diagnostics = briefing_json(path, mapping=LabelMapping())
    assert [d.message for d in diagnostics if d.code == "FS117"] == [
        "label 'Pledge' of pl is not in the convention; span ignored",
        "label 'Figure' of dr is not in the convention; span ignored",
        "relation label 'agent' is not in the convention (by, to, pictures); relation ignored",
        "relation label 'source' is not in the convention (by, to, pictures); relation "
        "ignored"]


# -- empty, skipped and wrong exports -------------------------------------------------------------
def test_an_empty_task_list_is_an_error(tmp_path: Path) -> None:
    data, diagnostics = briefing_json(write(tmp_path, []))
    assert data is None
    assert [(d.code, d.message) for d in diagnostics] == [
        ("FS203", "the export holds no document")]


def test_a_task_with_no_annotations_is_left_out(tmp_path: Path) -> None:
    annotated = task(REFUSAL, annotation([labels("bg", "Party", 0, 8, "Bulgaria")]), id=7)
    waiting = task(PLEDGE, id=8)
    data, diagnostics = briefing_json(write(tmp_path, [waiting, annotated]))
    assert data is not None, diagnostics
    assert [a["id"] for a in data["articles"]] == ["7"]
    data, diagnostics = briefing_json(write(tmp_path, [waiting]))
    assert data is None
    [error] = diagnostics
    assert (error.code, error.line) == ("FS203", 1)
    assert error.message == ("no task of the export has an annotation (1 task; cancelled "
                             "annotations are left out)")


def test_an_annotation_with_an_empty_result_is_an_article_without_facts(tmp_path: Path
                                                                         ) -> None:
    data, diagnostics = briefing_json(write(tmp_path, [task(PLEDGE, annotation([]))]))
    assert data is not None, diagnostics
    assert len(data["articles"]) == 1 and data["parties"] == []


@pytest.mark.parametrize(("export", "there", "words"), [
    ({"id": 1, "data": {"text": "x"}}, "{", "list of tasks, not a mapping"),
    ([{"id": 1, "annotations": []}], "{", "needs a 'data' mapping"),
    ([task(PLEDGE, annotations={"result": []})], "{", "'annotations' must be a list"),
    ([task(PLEDGE, annotation([labels("r", "Party", "0", 7, "Romania")]))], '"0",',
     "needs 'start', a whole number"),
    ([task(PLEDGE, annotation([labels("r", "Party", 0, 7, "Romania"),
                               relation("r", "r", ["by"], "up")]))], '"up"',
     "direction 'up' is not one of right, left, bi"),
    ([task("https://wire.example.org/danube.txt", annotation([]))],
     '"https://wire.example.org/danube.txt"', "data.text is a link to the text"),
])
def test_wrong_structure_is_reported_where_it_was_written(
        tmp_path: Path, export: Any, there: str, words: str) -> None:
    path = write(tmp_path, export)
    documents, diagnostics = read(path)
    assert documents is None or any(d.is_error for d in diagnostics)
    [error] = diagnostics
    assert error.code == "FS203" and words in error.message
    assert written_at(path, error).startswith(there), error


def test_regions_on_other_tags_are_left_out_with_a_warning(tmp_path: Path) -> None:
    html = {"id": "h", "from_name": "label", "to_name": "html", "type": "hypertextlabels",
            "value": {"start": "/p[1]/text()[1]", "end": "/p[1]/text()[1]", "startOffset": 0,
                      "endOffset": 7, "text": "Romania", "hypertextlabels": ["Party"]}}
    path = write(tmp_path, [task(PLEDGE, annotation([html, labels("ro", "Party", 0, 7,
                                                                  "Romania")]))])
    documents, diagnostics = read(path)
    assert documents is not None and [s.id for s in documents[0].spans] == ["ro"]
    [warning] = diagnostics
    assert warning.code == "FS117" and "'hypertextlabels'" in warning.message


def test_the_text_is_the_field_the_regions_name(tmp_path: Path) -> None:
    exported = task(PLEDGE, annotation([labels("ro", "Party", 0, 7, "Romania", to_name="body"),
                                        labels("t", "Party", 0, 6, "Danube", to_name="title")]))
    exported["data"] = {"title": "Danube states agree flood-defence pact", "body": PLEDGE}
    documents, diagnostics = read(write(tmp_path, [exported]))
    assert documents is not None
    assert (documents[0].text, documents[0].title) == (
        PLEDGE, "Danube states agree flood-defence pact")
    assert [s.id for s in documents[0].spans] == ["ro"]
    assert [d.code for d in diagnostics] == ["FS117"]  # the region on the title
    # A <Text> tag named differently from its field: the field holding the words is used.
    exported["data"] = {"title": "Danube states agree flood-defence pact", "story": PLEDGE}
    exported["annotations"][0]["result"].pop()
    documents, diagnostics = read(write(tmp_path, [exported]))
    assert documents is not None and documents[0].text == PLEDGE and not diagnostics


def test_a_byte_order_mark_before_the_json_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + DANUBE.read_bytes())
    documents, diagnostics = read(path)
    assert documents is not None and not diagnostics


# -- the command line -------------------------------------------------------------------------
def factsheet_cli(*args: str) -> tuple[str, str, int]:
    result = CliRunner().invoke(app, list(args), prog_name="factsheet",
                                env={"FACTSHEET_DEBUG": None})
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.stdout, result.stderr, result.exit_code


def test_truncated_json_is_a_syntax_error_with_its_position(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    monkeypatch.chdir(FIXTURES)
    for command in ("validate", "build"):
        extra = ["-o", str(tmp_path), "-f", "json"] if command == "build" else []
        out, err, code = factsheet_cli(command, "truncated.json", *extra)
        assert code == 1
        assert ("truncated.json:833:15: error FS101 invalid JSON: Unterminated string "
                "starting at") in out + err
        assert "Traceback" not in out + err
    assert list(tmp_path.iterdir()) == []


def test_validate_and_build_an_export(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)
    out, err, code = factsheet_cli("validate", "danube-pact.json")
    assert (out, code) == ("danube-pact.json:2:1: warning FS407 dateline 'BUCHAREST' is listed "
                           "twice\n  hint: wire copy sometimes repeats a city by mistake; keep "
                           "one\n", 0)
    out, err, code = factsheet_cli("build", "danube-pact.json", "--from", "labelstudio",
                                   "-o", str(tmp_path), "-f", "json")
    assert code == 0, err
    briefing = json.loads((tmp_path / "danube-pact.briefing.json").read_text(encoding="utf-8"))
    assert len(briefing["commitments"]) == 3


# -- any input: a result or a diagnostic, never a traceback -------------------------------------
JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 300) | st.floats(allow_nan=False)
    | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["id", "data", "text", "annotations", "predictions", "result", "type",
                         "value", "start", "end", "labels", "from_id", "to_id", "direction",
                         "was_cancelled", "choices", "to_name", "from_name", "meta"]),
        inner, max_size=6),
    max_leaves=30)


def check_never_raises(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.json"
        path.write_bytes(content)
        documents, diagnostics = read(path)
        assert documents is not None or any(d.is_error for d in diagnostics)
        process(path, "labelstudio")


@settings(max_examples=150, deadline=None)
@given(JSON)
def test_any_json_gives_documents_or_diagnostics(value: Any) -> None:
    check_never_raises(json.dumps([value]).encode())
    check_never_raises(json.dumps(value).encode())


@settings(max_examples=60, deadline=None)
@given(st.integers(0, len(DANUBE.read_bytes())))
def test_any_truncation_gives_documents_or_diagnostics(cut: int) -> None:
    check_never_raises(DANUBE.read_bytes()[:cut])
