"""The public face: a small sorted __all__, load/validate/render, errors with exit codes."""

from __future__ import annotations

import io
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


def test_loads_reads_annotations_from_memory_and_files_only_from_the_folder_given() -> None:
    data = EXAMPLE.read_bytes()
    from_memory = factsheet.loads(data, folder=EXAMPLE.parent)
    from_file = factsheet.load(EXAMPLE)
    assert from_memory.model_dump(exclude={"diagnostics"}) == from_file.model_dump(
        exclude={"diagnostics"})
    assert sorted(d.message for d in from_memory.diagnostics) == sorted(
        d.message for d in from_file.diagnostics)
    assert factsheet.loads(data.decode("utf-8"), folder=EXAMPLE.parent).articles[0].title == (
        from_memory.articles[0].title)
    with pytest.raises(InputError) as refused:  # no folder: the text file is not read
        factsheet.loads(data, name="request.yaml")
    [diagnostic] = refused.value.diagnostics
    assert (diagnostic.code, diagnostic.file, diagnostic.line) == ("FS110", "request.yaml", 7)


def test_loads_takes_inline_text_and_refuses_tool_formats() -> None:
    annotations = ("factsheet: 1\narticles:\n  - id: a\n    title: Short story\n"
                   "    text: Estonia signed the accord.\nparties:\n  - id: estonia\n"
                   "    name: Estonia\n    kind: state\n    country: EE\n"
                   "    mentions: [Estonia]\n")
    assert factsheet.loads(annotations).parties[0].name == "Estonia"
    assert factsheet.loads(annotations.replace("\n", "\r\n")).parties[0].country == "EE"
    with pytest.raises(UsageError, match="pass a path"):
        factsheet.loads("{}", format="brat")


def test_render_writes_to_a_file_object_and_writes_no_file() -> None:
    from importlib.resources import files

    briefing = factsheet.load(EXAMPLE)
    opened: list[tuple[str, str]] = []
    watching = False

    def watch(event: str, args: tuple[object, ...]) -> None:
        if event == "open" and watching:
            opened.append((str(args[0]), str(args[1])))

    sys.addaudithook(watch)  # hooks cannot be removed: this one only records while watching
    for format in ("json", "docx", "pdf"):
        factsheet.render(briefing, format)  # imports first: ReportLab reads ~/.reportlab_*
    for format in ("json", "docx", "pdf"):
        stream = io.BytesIO()
        watching = True
        data = factsheet.render(briefing, format, to=stream)
        watching = False
        assert stream.getvalue() == data and len(data) > 1000
    # Read only: the template, fonts (installed packages) and the photo beside the input.
    assert [mode for _, mode in opened if set(mode) & set("wax+")] == []
    allowed = (str(EXAMPLE.parent), str(files("factsheet.templates")), sys.prefix,
               sys.base_prefix, str(Path(factsheet.__file__).parent))
    assert [path for path, _ in opened if not path.startswith(allowed)] == []


def test_render_takes_a_reference_document_as_bytes(tmp_path: Path) -> None:
    briefing = factsheet.load(EXAMPLE)
    plain = factsheet.render(briefing, "docx")
    (tmp_path / "ref.docx").write_bytes(plain)
    styled = factsheet.render(briefing, "docx", reference_doc=plain)
    assert styled == factsheet.render(briefing, "docx", reference_doc=tmp_path / "ref.docx")
    # The reference's own charts and photo are dropped with its body, not doubled.
    import zipfile

    names = zipfile.ZipFile(io.BytesIO(styled)).namelist()
    assert len(names) == len(set(names))
    assert sorted(n for n in names if n.startswith(("word/charts/", "word/media/"))) == sorted(
        n for n in zipfile.ZipFile(io.BytesIO(plain)).namelist()
        if n.startswith(("word/charts/", "word/media/")))
    with pytest.raises(InputError, match=r"not a \.docx"):
        factsheet.render(briefing, "docx", reference_doc=b"PK not a zip")


def test_the_embedding_example_runs() -> None:
    script = Path(__file__).parent.parent / "examples" / "embed" / "embed.py"
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          check=True)
    first, commitments, refused = done.stdout.splitlines()
    assert first.startswith("200 {'json': ") and "'pdf': " in first
    assert "c-serbia-pumps" in commitments
    assert refused.startswith("422 [\"request.yaml:7:16 FS110 text_file '../../../etc/passwd'")
