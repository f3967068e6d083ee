"""The public face: a small sorted __all__, load/validate/render, errors with exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import factsheet
from factsheet.errors import FactsheetError, InputError, OutputError, UsageError

EXAMPLE = Path(__file__).parent.parent / "examples" / "danube" / "danube-pact.yaml"


def test_all_is_sorted_complete_and_importable() -> None:
    assert factsheet.__all__ == sorted(factsheet.__all__)
    for name in factsheet.__all__:
        assert getattr(factsheet, name) is not None
    public = {n for n in dir(factsheet) if not n.startswith("_")}
    assert public <= set(factsheet.__all__)


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'lod'"):
        factsheet.lod  # noqa: B018


def test_importing_the_package_does_not_import_the_heavy_libraries() -> None:
    code = ("import sys, factsheet, factsheet.cli; "
            "print(sorted(m for m in ('pydantic', 'lxml', 'docx', 'reportlab', 'yaml') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


def test_load_validate_render_round_trip() -> None:
    briefing = factsheet.load(EXAMPLE)
    assert isinstance(briefing, factsheet.Briefing)
    assert [p.id for p in briefing.parties][:2] == ["serbia", "romania"]
    diagnostics = factsheet.validate(EXAMPLE)
    assert [d.code for d in diagnostics if d.severity != "info"] == ["FS407"]
    data = json.loads(factsheet.render(briefing, "json"))
    assert data["articles"][0]["id"] == "danube-pact"
    evidence = data["commitments"][0]["evidence"][0]
    text = data["articles"][0]["text"]
    assert text[evidence["start"]:evidence["end"]] == evidence["text"]


def test_load_raises_input_error_with_diagnostics(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("articles: []\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        factsheet.load(bad)
    assert caught.value.exit_code == 1
    assert [d.code for d in caught.value.diagnostics] == ["FS203"]
    assert str(caught.value).startswith(f"{bad}:1:")


def test_render_unknown_format_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown output format 'docs'"):
        factsheet.render(factsheet.load(EXAMPLE), "docs")


def test_every_error_class_knows_its_exit_code() -> None:
    assert (FactsheetError.exit_code, UsageError.exit_code, InputError.exit_code,
            OutputError.exit_code) == (101, 2, 1, 3)


def test_every_package_folder_is_installed() -> None:
    import tomllib

    root = Path(__file__).parent.parent
    listed = set(tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]
                 ["packages"])
    found = {".".join(p.parent.relative_to(root).parts)
             for p in (root / "factsheet").rglob("__init__.py")} | {"factsheet.templates"}
    assert listed == found
