"""Fuzzing every reader end to end: any input gives a briefing or diagnostics, never an
uncaught exception.

For each input format, hypothesis feeds ``process`` (read, validate, anchor, check) with
random bytes, random text, and mutations of the valid inputs in examples/ and
tests/imports/fixtures/: byte edits, slices copied elsewhere, and (for the JSON and YAML
based formats) a value replaced by another of any type. The article text beside an export
is mutated too. A briefing that comes out is laid out and written as JSON. The other files
a build reads (templates, label mappings, images, reference documents) are fuzzed through
their loaders: they may refuse, with the project's own exceptions, and what they accept
must render.

How many examples: the hypothesis profile ``fuzz-ci`` (tests/conftest.py) keeps this file
to about a minute and is derandomized, so a CI failure reproduces; ``FACTSHEET_FUZZ=long``
selects ``fuzz-long`` for a longer local hunt (docs/dev/fuzzing.md).
"""

from __future__ import annotations

import io
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import factsheet
from factsheet.api import layout
from factsheet.diagnostics import CODES, Diagnostic
from factsheet.errors import FactsheetError, InputError, UsageError
from factsheet.pipeline import process

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
FIXTURES = ROOT / "tests" / "imports" / "fixtures"
CASES = ROOT / "tests" / "cases"

PROFILE = "fuzz-long" if os.environ.get("FACTSHEET_FUZZ") == "long" else "fuzz-ci"
FUZZ = settings(settings.get_profile(PROFILE))
#: A share of the profile's examples, for the slower properties (those that render).
FEW = settings(FUZZ, max_examples=max(10, FUZZ.max_examples // 4))


@dataclass(frozen=True)
class Seed:
    """A valid input: ``main`` is given to process(); ``beside`` are the files it reads."""

    main: Path
    beside: tuple[Path, ...] = ()


DANUBE = EXAMPLES / "danube"
ADRIATIC = EXAMPLES / "adriatic"
SEEDS: dict[str, list[Seed]] = {
    "yaml": [Seed(DANUBE / "danube-pact.yaml", (DANUBE / "danube-pact.txt",
                                                DANUBE / "signing.jpg")),
             Seed(ADRIATIC / "adriatic-sardines.yaml", (ADRIATIC / "adriatic-sardines.txt",))],
    "json": [Seed(CASES / "json-valid" / "input.json", (CASES / "json-valid" / "article.txt",))],
    "xml": [Seed(DANUBE / "danube-pact.xml", (DANUBE / "signing.jpg",)),
            Seed(ADRIATIC / "adriatic-sardines.xml"), Seed(CASES / "xml-valid" / "input.xml")],
    "html": [Seed(DANUBE / "danube-pact.html", (DANUBE / "signing.jpg",)),
             Seed(CASES / "html-valid" / "input.html")],
    "brat": [Seed(FIXTURES / "brat" / "danube-pact.ann",
                  (FIXTURES / "brat" / "danube-pact.txt",))],
    "labelstudio": [Seed(FIXTURES / "labelstudio" / "danube-pact.json")],
    "w3c": [Seed(FIXTURES / "w3c" / "danube.json", (FIXTURES / "w3c" / "danube.txt",))],
    "hypothesis": [Seed(FIXTURES / "hypothesis" / "danube.json",
                        (FIXTURES / "hypothesis" / "danube.txt",)),
                   Seed(FIXTURES / "hypothesis" / "export.json",
                        (FIXTURES / "hypothesis" / "export.txt",))],
    "doccano": [Seed(FIXTURES / "doccano" / "danube-pact.jsonl")],
}
FORMATS = sorted(SEEDS)
#: Formats whose files are JSON or YAML data: their values can be swapped for others.
DATA_FORMATS = ["doccano", "hypothesis", "json", "labelstudio", "w3c", "yaml"]


# -- the property ----------------------------------------------------------------------------


@contextmanager
def folder() -> Iterator[Path]:
    """A fresh folder per example (hypothesis runs many examples in one test call)."""
    with tempfile.TemporaryDirectory(prefix="fuzz-") as name:
        yield Path(name)


def check_diagnostic(d: Diagnostic) -> None:
    assert d.code in CODES, d
    assert d.message, d
    assert d.file, d
    assert d.line is None or (d.line >= 1 and d.column is not None and d.column >= 1), d


def assert_briefing_or_diagnostics(path: Path, fmt: str) -> None:
    """process() returns a briefing, or diagnostics with at least one error; a briefing can
    be laid out and written. Any exception but the project's own is a bug."""
    try:
        result = process(path, fmt)
    except FactsheetError:
        return
    for d in result.diagnostics:
        check_diagnostic(d)
    if result.briefing is None:
        assert any(d.is_error for d in result.diagnostics), result.diagnostics
        return
    assert result.ok
    layout(result.briefing)  # type: ignore[arg-type]
    json.loads(factsheet.render(result.briefing, "json"))  # type: ignore[arg-type]


def write_seed(seed: Seed, into: Path) -> Path:
    for path in seed.beside:
        shutil.copy(path, into / path.name)
    return into / seed.main.name


# -- random input ----------------------------------------------------------------------------

RANDOM = st.one_of(st.binary(max_size=2_000), st.text(max_size=2_000).map(str.encode))


@pytest.mark.parametrize("fmt", FORMATS)
@FUZZ
@given(data=RANDOM)
def test_random_input(fmt: str, data: bytes) -> None:
    seed = SEEDS[fmt][0]
    with folder() as into:
        path = write_seed(seed, into)
        path.write_bytes(data)
        assert_briefing_or_diagnostics(path, fmt)


# -- mutated valid input ---------------------------------------------------------------------

#: Bits of syntax of every format, to splice in: mutations that reach past the parser.
PIECES = [b"<", b">", b"</", b"/>", b'"', b"'", b"=", b"&", b"&#7;", b"&amp;", b"\n", b" ",
          b"\t", b"\r\n", b"\x00", b"\xff", b"\xef\xbb\xbf", b"{", b"}", b"[", b"]", b":",
          b",", b"- ", b"#", b"*a", b"&a ", b"!!str ", b"null", b"true", b"-1", b"0",
          b"1e999", b"99999999999999999999", b'"\\ud800"', b"\\u0000", b"\xf0\x9f\x98\x80",
          b"\xcc\x81", b"T1\tParty 0 5\tx\n", b"R1\tby Arg1:T1 Arg2:T9\n", b"A1\tvalue T1 7\n",
          b'<span data-ref="x">', b'<party id="x">', b"<text>", b"</text>"]


@st.composite
def byte_edits(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` with one to four edits: a stretch deleted, replaced, or copied elsewhere."""
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(data)))
        end = draw(st.integers(start, min(len(data), start + 64)))
        piece = draw(st.sampled_from(PIECES) | st.binary(max_size=6))
        action = draw(st.sampled_from(["delete", "insert", "replace", "copy"]))
        if action == "delete":
            data = data[:start] + data[end:]
        elif action == "insert":
            data = data[:start] + piece + data[start:]
        elif action == "replace":
            data = data[:start] + piece + data[end:]
        else:
            to = draw(st.integers(0, len(data)))
            data = data[:to] + data[start:end] + data[to:]
    return data


@pytest.mark.parametrize("fmt", FORMATS)
@FUZZ
@given(data=st.data())
def test_mutated_valid_input(fmt: str, data: st.DataObject) -> None:
    seed = data.draw(st.sampled_from(SEEDS[fmt]), label="seed")
    texts = [p for p in seed.beside if p.suffix == ".txt"]
    target = data.draw(st.sampled_from([seed.main, *texts]), label="mutated file")
    mutated = data.draw(byte_edits(target.read_bytes()), label="bytes")
    with folder() as into:
        path = write_seed(seed, into)
        if target == seed.main:
            path.write_bytes(mutated)
        else:
            shutil.copy(seed.main, path)
            (into / target.name).write_bytes(mutated)
        assert_briefing_or_diagnostics(path, fmt)


# -- valid input with a value of another type ------------------------------------------------

#: Text without lone surrogates, which a UTF-8 file cannot hold (byte edits put the escape
#: ``"\ud800"`` into files instead).
TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=30)
SCALARS = (st.none() | st.booleans() | st.integers(-2**70, 2**70)
           | st.floats(allow_nan=False) | TEXT
           | st.sampled_from(["", "Party", "Commitment", "Statistic", "by", "to", "serbia",
                              "2027-04-08", "2027-13-45T25:00:00", "-1", "1e9", "\u2028"]))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(TEXT, inner, max_size=3), max_leaves=8)


def _load(path: Path) -> list[Any]:
    """The seed's data: one document, or one per line for JSON Lines."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    if path.suffix == ".json":
        return [json.loads(text)]
    return [yaml.safe_load(text)]


def _dump(documents: list[Any], path: Path) -> str:
    # JSON keeps \u escapes: a Hypothesis fixture holds half an emoji (a lone surrogate) on
    # purpose, which only an escape can write.
    if path.suffix == ".jsonl":
        return "".join(json.dumps(d) + "\n" for d in documents)
    if path.suffix == ".json":
        return json.dumps(documents[0], indent=1)
    return yaml.safe_dump(documents[0], allow_unicode=True, sort_keys=False)


def _nodes(node: Any, where: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Where every node below the root is, as a path of keys and indexes."""
    items = (node.items() if isinstance(node, dict)
             else enumerate(node) if isinstance(node, list) else ())
    for key, value in items:
        yield (*where, key)
        yield from _nodes(value, (*where, key))


@cache
def _seed_data(path: Path) -> tuple[str, tuple[tuple[Any, ...], ...]]:
    documents = _load(path)
    return json.dumps(documents, default=str), tuple(_nodes(documents))


@pytest.mark.parametrize("fmt", DATA_FORMATS)
@FUZZ
@given(data=st.data())
def test_valid_input_with_values_swapped(fmt: str, data: st.DataObject) -> None:
    seed = data.draw(st.sampled_from(SEEDS[fmt]), label="seed")
    text, nodes = _seed_data(seed.main)
    documents = json.loads(text)  # a fresh copy; YAML dates come back as strings
    for _ in range(data.draw(st.integers(1, 3), label="changes")):
        where = data.draw(st.sampled_from(nodes), label="where")
        parent = documents
        try:
            for key in where[:-1]:
                parent = parent[key]
            if data.draw(st.booleans(), label="delete") and isinstance(parent, dict):
                del parent[where[-1]]
            else:
                parent[where[-1]] = data.draw(VALUES, label="value")
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed or replaced the place
    with folder() as into:
        path = write_seed(seed, into)
        path.write_text(_dump(documents, seed.main), encoding="utf-8")
        assert_briefing_or_diagnostics(path, fmt)


# -- the other files a build reads -----------------------------------------------------------

TEMPLATE = ROOT / "templates" / "briefing.yaml"
MAPPING = FIXTURES / "doccano" / "own-labels.yaml"


@FUZZ
@given(data=st.data())
def test_mutated_template(data: st.DataObject) -> None:
    from factsheet.layout.template import load_style

    mutated = data.draw(byte_edits(TEMPLATE.read_bytes()), label="bytes")
    with folder() as into:
        (into / "template.yaml").write_bytes(mutated)
        try:
            load_style(str(into / "template.yaml"))
        except (InputError, UsageError) as exc:
            for d in getattr(exc, "diagnostics", []):
                check_diagnostic(d)


@FUZZ
@given(data=st.data())
def test_mutated_label_mapping(data: st.DataObject) -> None:
    from factsheet.imports.labels import load_mapping

    mutated = data.draw(byte_edits(MAPPING.read_bytes()), label="bytes")
    with folder() as into:
        (into / "labels.yaml").write_bytes(mutated)
        try:
            load_mapping(into / "labels.yaml")
        except InputError as exc:
            for d in exc.diagnostics:
                check_diagnostic(d)


@cache
def _small_image(kind: str) -> bytes:
    """A 24 x 16 image: small, so that most edits land in its headers."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (24, 16), (200, 30, 30)).save(buffer, kind)
    return buffer.getvalue()


@cache
def _photo_case() -> tuple[str, str]:
    """A small annotation file with one photo (``photo.img``) and its article."""
    article = (CASES / "json-valid" / "article.txt").read_text(encoding="utf-8")
    data = json.loads((CASES / "json-valid" / "input.json").read_text(encoding="utf-8"))
    data["photos"] = [{"id": "ph", "credit": "PHOTO", "pictured": ["estonia"],
                       "image": {"path": "photo.img", "alt": "The signing."},
                       "evidence": "Two ministers attended the signing"}]
    return json.dumps(data), article


@FEW
@given(data=st.data())
def test_an_image_that_passes_the_checks_renders(data: st.DataObject) -> None:
    # An image is checked when the annotation file is validated; one that passes must not
    # fail the render of the DOCX or the PDF.
    original = _small_image(data.draw(st.sampled_from(["PNG", "JPEG"]), label="kind"))
    mutated = data.draw(byte_edits(original), label="bytes")
    annotations, article = _photo_case()
    with folder() as into:
        (into / "input.json").write_text(annotations, encoding="utf-8")
        (into / "article.txt").write_text(article, encoding="utf-8")
        (into / "photo.img").write_bytes(mutated)
        result = process(into / "input.json")
        if result.briefing is None:
            assert next(d.code for d in result.diagnostics if d.is_error) in ("FS114", "FS115")
            return
        factsheet.render(result.briefing, "docx")  # type: ignore[arg-type]
        factsheet.render(result.briefing, "pdf")  # type: ignore[arg-type]


@cache
def _reference() -> tuple[bytes, Any]:
    """A sound reference document (python-docx's blank one) and a briefing to render."""
    from docx import Document

    buffer = io.BytesIO()
    Document().save(buffer)
    return buffer.getvalue(), factsheet.load(CASES / "json-valid" / "input.json")


@FEW
@given(data=st.data())
def test_a_reference_document_that_passes_the_checks_renders(data: st.DataObject) -> None:
    from factsheet.writers.docx.reference import check_reference

    reference, briefing = _reference()
    mutated = data.draw(byte_edits(reference), label="bytes")
    try:
        check_reference(mutated, "reference.docx")
    except InputError as exc:
        assert [d.code for d in exc.diagnostics] == ["FS116"]
        return
    factsheet.render(briefing, "docx", reference_doc=mutated)
