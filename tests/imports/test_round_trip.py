"""Every tool's export gives the same briefing built directly or through `factsheet import`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import factsheet
from factsheet.cli import app

FIXTURES = Path(__file__).parent / "fixtures"
EXPORTS = [("brat", "brat/danube-pact.ann"), ("labelstudio", "labelstudio/danube-pact.json"),
           ("doccano", "doccano/danube-pact.jsonl"), ("w3c", "w3c/danube.json"),
           ("hypothesis", "hypothesis/danube.json")]


def briefing_json(path: Path, fmt: str | None = None) -> dict[str, object]:
    data = json.loads(factsheet.render(factsheet.load(path, format=fmt), "json"))
    data.pop("diagnostics")
    return data


@pytest.mark.parametrize(("tool", "export"), EXPORTS, ids=[t for t, _ in EXPORTS])
def test_import_then_build_equals_building_the_export(tool: str, export: str, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    source = FIXTURES / export
    work = tmp_path / "export"
    shutil.copytree(source.parent, work)
    monkeypatch.chdir(work)
    result = CliRunner().invoke(app, ["import", tool, source.name, "-o", "notes.yaml"])
    assert result.exit_code == 0, result.stderr
    assert (work / "notes.yaml").read_text(encoding="utf-8").startswith(
        f"# Imported from {source.name} by `factsheet import`.")
    assert briefing_json(work / "notes.yaml") == briefing_json(work / source.name, tool)


def test_import_never_replaces_a_file_without_force(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "export"
    shutil.copytree(FIXTURES / "brat", work)
    monkeypatch.chdir(work)
    (work / "notes.yaml").write_text("my edits\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["import", "brat", "danube-pact.ann", "-o", "notes.yaml"])
    assert result.exit_code == 2
    assert "already exists; pass --force" in result.stderr
    assert (work / "notes.yaml").read_text(encoding="utf-8") == "my edits\n"


def test_export_w3c_then_import_gives_the_same_facts(tmp_path: Path) -> None:
    example = Path(__file__).parent.parent.parent / "examples" / "danube" / "danube-pact.yaml"
    out = tmp_path / "danube-pact.json"
    result = CliRunner().invoke(app, ["export", "w3c", str(example), "-o", str(out),
                                      "--embed-text"])
    assert result.exit_code == 0, result.stderr
    original = factsheet.load(example)
    back = factsheet.load(out, format="w3c")
    quotes = {ev.text for f in original.commitments for ev in f.evidence}
    assert {ev.text for f in back.commitments for ev in f.evidence} == quotes
    assert {p.name for p in back.parties} >= {p.name for p in original.parties
                                              if p.mentions}


@pytest.mark.parametrize(("tool", "export"), EXPORTS, ids=[t for t, _ in EXPORTS])
def test_build_renders_every_format_straight_from_an_export(tool: str, export: str,
                                                            tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    source = FIXTURES / export
    work = tmp_path / "export"
    shutil.copytree(source.parent, work)
    monkeypatch.chdir(work)
    result = CliRunner().invoke(app, ["build", source.name, "--from", tool, "-o", "out"])
    assert result.exit_code == 0, result.stderr
    stem = source.name.rsplit(".", 1)[0]
    assert sorted(p.name for p in (work / "out").iterdir()) == sorted(
        f"{stem}{suffix}" for suffix in (".briefing.json", ".docx", ".pdf"))
