"""Hostile input generated at run time: huge, deeply nested, binary and mangled files.

Every case must end in exit 1 with a located diagnostic on stdout, never a traceback, and
fast: limits are checked before the work they protect. Small hand-written bad inputs live
in tests/cases/ instead.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from factsheet.api import validate
from factsheet.cli import app
from factsheet.diagnostics import CODES

CASES = Path(__file__).parent / "cases"
ARTICLE = (CASES / "json-valid" / "article.txt").read_text(encoding="utf-8")
ANNOTATIONS = (CASES / "json-valid" / "input.json").read_text(encoding="utf-8")
LIMIT = 16 * 1024 * 1024
# Every character the article text and annotation files refuse (FS107).
CONTROL = [chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]]


def annotation_yaml(text_file: str = "article.txt", title: str = "Grain corridor") -> str:
    return f"""\
factsheet: 1
articles:
  - id: corridor
    text_file: {text_file}
    title: {title}
parties:
  - id: estonia
    name: Estonia
    kind: state
commitments:
  - id: c-corridor
    by: [estonia]
    action: keep a grain corridor open through the Baltic winter
    modality: binding
    evidence: signed an accord on Wednesday to keep a grain corridor open
"""


def factsheet(*args: str) -> tuple[str, str, int]:
    """Run ``factsheet ARGS`` in the current folder; return (stdout, stderr, exit code)."""
    result = CliRunner().invoke(app, list(args), prog_name="factsheet",
                                env={"FACTSHEET_DEBUG": None})
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert "Traceback" not in result.stderr
    assert "internal error" not in result.stderr
    return result.stdout, result.stderr, result.exit_code


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder holding the shared article text."""
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_base_annotation_file_is_clean(folder: Path) -> None:
    (folder / "input.yaml").write_text(annotation_yaml(), encoding="utf-8")
    assert factsheet("validate", "input.yaml") == (
        "", "0 errors, 0 warnings in 1 file\n", 0)


# -- nesting ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "[" * 100_000 + "]" * 100_000,
    '{"a": ' * 100_000 + "1" + "}" * 100_000,
], ids=["arrays", "objects"])
def test_json_nested_100000_deep_is_refused(folder: Path, text: str) -> None:
    (folder / "deep.json").write_text(text, encoding="utf-8")
    started = time.perf_counter()
    stdout, _, code = factsheet("validate", "deep.json")
    assert time.perf_counter() - started < 5
    assert (stdout, code) == ("deep.json:1:1: error FS109 JSON nests too deeply\n", 1)


@pytest.mark.parametrize(("text", "where"), [
    ("[" * 500 + "]" * 500, "1:65"),
    ("{a: " * 100_000 + "1" + "}" * 100_000, "1:257"),
    ("".join("  " * i + "a:\n" for i in range(2_000)) + "  " * 2_000 + "b\n", "65:129"),
], ids=["flow-sequences", "flow-mappings", "block-mappings"])
def test_yaml_nested_deep_is_refused_at_depth_65(folder: Path, text: str, where: str) -> None:
    (folder / "deep.yaml").write_text(text, encoding="utf-8")
    started = time.perf_counter()
    stdout, _, code = factsheet("validate", "deep.yaml")
    assert time.perf_counter() - started < 5
    assert (stdout, code) == (f"deep.yaml:{where}: error FS109 nesting deeper than 64\n", 1)


def test_yaml_flow_sequences_100000_deep_stop_in_the_parser(folder: Path) -> None:
    # libyaml's own limit (1000 flow levels) fires before the reader sees level 65.
    (folder / "deep.yaml").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    stdout, _, code = factsheet("validate", "deep.yaml")
    assert (stdout, code) == ("deep.yaml:1:1001: error FS109 nesting deeper than 64\n", 1)


def test_xml_nested_100000_deep_is_refused_as_too_deep(folder: Path) -> None:
    (folder / "deep.xml").write_text("<factsheet>" + "<x>" * 100_000 + "</x>" * 100_000
                                     + "</factsheet>", encoding="utf-8")
    stdout, _, code = factsheet("validate", "deep.xml")
    assert code == 1
    assert stdout.startswith("deep.xml:1:") and " error FS109 " in stdout


def test_xml_nested_100000_deep_gives_a_located_error(folder: Path) -> None:
    (folder / "deep.xml").write_text("<factsheet>" + "<x>" * 100_000 + "</x>" * 100_000
                                     + "</factsheet>", encoding="utf-8")
    started = time.perf_counter()
    stdout, _, code = factsheet("validate", "deep.xml")
    assert time.perf_counter() - started < 5
    assert (stdout, code) == ("deep.xml:1:779: error FS109 nesting deeper than 256 elements\n",
                              1)


def test_json_nested_70_deep_is_refused_like_yaml(folder: Path) -> None:
    text = ANNOTATIONS.replace('"kind": "state", "country": "EE"',
                               '"kind": "state", "aliases": ' + "[" * 70 + "]" * 70)
    (folder / "input.json").write_text(text, encoding="utf-8")
    stdout, _, code = factsheet("validate", "input.json")
    assert (stdout, code) == ("input.json:11:131: error FS109 nesting deeper than 64\n", 1)


# -- size ------------------------------------------------------------------------------------

@pytest.mark.parametrize("suffix", ["yaml", "json", "xml"])
def test_oversized_annotation_file_is_refused_quickly(folder: Path, suffix: str) -> None:
    padding = b"# a comment line of forty-four characters\n"
    data = annotation_yaml().encode() + padding * (LIMIT // len(padding) + 1)
    (folder / f"big.{suffix}").write_bytes(data)
    started = time.perf_counter()
    stdout, _, code = factsheet("validate", f"big.{suffix}")
    assert time.perf_counter() - started < 1
    assert (stdout, code) == (
        f"big.{suffix}: error FS103 file is {len(data):,} bytes; the limit is 16,777,216\n"
        "  hint: split the article or annotations into smaller files\n", 1)


def test_oversized_article_text_is_refused_quickly(folder: Path) -> None:
    (folder / "input.yaml").write_text(annotation_yaml(), encoding="utf-8")
    data = (ARTICLE.encode() + b"\n") * (LIMIT // len(ARTICLE.encode()) + 1)
    (folder / "article.txt").write_bytes(data)
    started = time.perf_counter()
    stdout, _, code = factsheet("validate", "input.yaml")
    assert time.perf_counter() - started < 1
    assert (stdout, code) == (
        f"article.txt: error FS103 file is {len(data):,} bytes; the limit is 16,777,216\n"
        "  hint: split the article or annotations into smaller files\n", 1)


def test_file_at_the_size_limit_is_read(folder: Path) -> None:
    head = annotation_yaml().encode()
    (folder / "input.yaml").write_bytes(head + b"#" * (LIMIT - len(head) - 1) + b"\n")
    assert factsheet("validate", "input.yaml")[::2] == ("", 0)


# -- encoding --------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "data", "where"), [
    ("input.yaml", annotation_yaml(title="Caf\udce9 talks").encode("utf-8", "surrogateescape"),
     "5:15: error FS102 byte 0xe9 at byte offset 81"),
    ("input.json", ANNOTATIONS.replace("Baltic", "B\udce4ltic").encode("utf-8", "surrogateescape"),
     "7:18: error FS102 byte 0xe4 at byte offset 117"),
    ("input.xml", '<?xml version="1.0"?>\n<factsheet>\n<article id="a" title="Caf\udce9">'
     .encode("utf-8", "surrogateescape"), "3:27: error FS102 byte 0xe9 at byte offset 60"),
    ("input.yaml", b"\xff\xfef\x00a\x00c\x00t\x00", "1:1: error FS102 byte 0xff at byte offset 0"),
], ids=["yaml-latin-1", "json-latin-1", "xml-latin-1", "yaml-utf-16"])
def test_annotation_file_not_utf8(folder: Path, name: str, data: bytes, where: str) -> None:
    (folder / name).write_bytes(data)
    stdout, _, code = factsheet("validate", name)
    assert (stdout, code) == (f"{name}:{where} is not valid UTF-8\n"
                              "  hint: save the file as UTF-8\n", 1)


@pytest.mark.parametrize(("bad", "byte"), [
    (b"\x80", "0x80"),          # a continuation byte with no lead
    (b"\xc0\xaf", "0xc0"),      # an overlong encoding of "/"
    (b"\xed\xa0\x80", "0xed"),  # a UTF-16 surrogate encoded in UTF-8
    (b"\xf5\x80\x80\x80", "0xf5"),  # beyond U+10FFFF
    (b"\xe2\x82", "0xe2"),      # a sequence cut short at the end of the file
], ids=["continuation", "overlong", "surrogate", "too-large", "truncated"])
def test_article_text_not_utf8(folder: Path, bad: bytes, byte: str) -> None:
    (folder / "input.yaml").write_text(annotation_yaml(), encoding="utf-8")
    text = ARTICLE.encode("utf-8")
    at = text.index(b"Estonia and Latvia signed")  # line 5, column 11
    data = text[:at] + bad + text[at:] if bad != b"\xe2\x82" else text + bad
    (folder / "article.txt").write_bytes(data)
    where = f"5:11: error FS102 byte {byte} at byte offset {at}" if bad != b"\xe2\x82" else (
        f"14:1: error FS102 byte {byte} at byte offset {len(text)}")
    stdout, _, code = factsheet("validate", "input.yaml")
    assert (stdout, code) == (f"article.txt:{where} is not valid UTF-8\n"
                              "  hint: save the file as UTF-8\n", 1)


def test_byte_order_mark_is_accepted(folder: Path) -> None:
    (folder / "input.yaml").write_bytes(b"\xef\xbb\xbf" + annotation_yaml().encode())
    (folder / "article.txt").write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode())
    assert factsheet("validate", "input.yaml")[::2] == ("", 0)


# -- control characters ----------------------------------------------------------------------

@pytest.mark.parametrize("char", CONTROL, ids=[f"U+{ord(c):04X}" for c in CONTROL])
def test_control_character_in_yaml(folder: Path, char: str) -> None:
    (folder / "input.yaml").write_text(annotation_yaml(title=f"Grain{char} corridor"),
                                       encoding="utf-8")
    stdout, _, code = factsheet("validate", "input.yaml")
    assert (stdout, code) == (
        f"input.yaml:5:17: error FS107 control character U+{ord(char):04X} in file\n", 1)


@pytest.mark.parametrize("char", [*CONTROL, "\ufffe", "\uffff"],
                         ids=[f"U+{ord(c):04X}" for c in [*CONTROL, "\ufffe", "\uffff"]])
def test_control_character_in_article_text(folder: Path, char: str) -> None:
    (folder / "input.yaml").write_text(annotation_yaml(), encoding="utf-8")
    (folder / "article.txt").write_text(ARTICLE.replace("Estonia and Latvia signed",
                                                        f"Estonia and{char} Latvia signed"),
                                        encoding="utf-8")
    stdout, _, code = factsheet("validate", "input.yaml")
    assert (stdout, code) == (
        f"article.txt:5:22: error FS107 control character U+{ord(char):04X} in article text\n",
        1)


@pytest.mark.parametrize(("escape", "char"), [("\\0", "U+0000"), ("\\a", "U+0007"),
                                              ("\\e", "U+001B"), ("\\x7f", "U+007F"),
                                              ("\\uFFFE", "U+FFFE")])
def test_control_character_escaped_in_yaml_string(folder: Path, escape: str, char: str) -> None:
    (folder / "input.yaml").write_text(annotation_yaml(title=f'"Grain{escape} corridor"'),
                                       encoding="utf-8")
    stdout, _, code = factsheet("validate", "input.yaml")
    assert (stdout, code) == (f"input.yaml:5:12: error FS107 control character {char} "
                              "in a string\n", 1)


@pytest.mark.parametrize(("escape", "char"), [("\\u0000", "U+0000"), ("\\u001b", "U+001B"),
                                              ("\\ud800", "U+D800")])
def test_control_character_escaped_in_json_string(folder: Path, escape: str, char: str) -> None:
    (folder / "input.json").write_text(ANNOTATIONS.replace("Baltic states", f"Baltic{escape}"),
                                       encoding="utf-8")
    stdout, _, code = factsheet("validate", "input.json")
    assert (stdout, code) == (f"input.json:7:16: error FS107 control character {char} "
                              "in a string\n", 1)


# -- paths -----------------------------------------------------------------------------------

def test_text_file_symlink_out_of_the_folder_is_refused(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "secret.txt").write_text(ARTICLE, encoding="utf-8")
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "article.txt").symlink_to(tmp_path / "secret.txt")
    (notes / "input.yaml").write_text(annotation_yaml(), encoding="utf-8")
    monkeypatch.chdir(notes)
    stdout, _, code = factsheet("validate", "input.yaml")
    assert (stdout, code) == (
        "input.yaml:4:16: error FS110 text_file 'article.txt' is outside the annotation "
        "file's folder\n  hint: put the article text beside the annotation file\n", 1)


# -- any mangled input gives diagnostics, never an exception ---------------------------------

VALID = {
    "yaml": annotation_yaml().encode(),
    "json": ANNOTATIONS.encode(),
    "xml": (CASES / "xml-valid" / "input.xml").read_bytes(),
}
EDITS = st.lists(st.tuples(st.integers(0, 2_000), st.integers(0, 3), st.binary(max_size=4)),
                 min_size=1, max_size=4)


def mangle(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    """Replace a few short stretches of ``data`` with other bytes."""
    for position, length, replacement in edits:
        at = position % (len(data) + 1)
        data = data[:at] + replacement + data[at + length:]
    return data


@pytest.mark.parametrize("suffix", sorted(VALID))
@given(edits=EDITS)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_mangled_input_gives_diagnostics_not_exceptions(
        tmp_path_factory: pytest.TempPathFactory, suffix: str,
        edits: list[tuple[int, int, bytes]]) -> None:
    folder = tmp_path_factory.mktemp("mangled")
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    path = folder / f"input.{suffix}"
    path.write_bytes(mangle(VALID[suffix], edits))
    for d in validate(path):
        assert d.code in CODES
        assert d.message
        assert d.file is not None
        assert d.line is None or (d.line >= 1 and d.column is not None and d.column >= 1)
