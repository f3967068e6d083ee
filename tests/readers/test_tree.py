"""YAML/JSON loading: data, positions of every node, and the refusals."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factsheet.diagnostics import Diagnostic
from factsheet.readers.source import TextFile, decode_text
from factsheet.readers.tree import load_tree


def load(text: str, kind: str = "yaml") -> tuple[object, object, list[Diagnostic]]:
    diagnostics: list[Diagnostic] = []
    data, smap = load_tree(TextFile(f"f.{kind}", text), kind, diagnostics)
    return data, smap, diagnostics


def test_yaml_12_scalars_keep_country_codes_and_dates_as_strings() -> None:
    data, _, diags = load("a: NO\nb: no\nc: on\nd: 2027-03-02\ne: true\nf: 1.5\ng: 7\nh: ~\n")
    assert diags == []
    assert data == {"a": "NO", "b": "no", "c": "on", "d": "2027-03-02", "e": True, "f": 1.5,
                    "g": 7, "h": None}


def test_positions_of_keys_and_values_are_one_based() -> None:
    _, smap, _ = load("articles:\n  - id: x\n    title: 'T'\n")
    assert smap.values[("articles", 0, "title")] == (3, 12)  # type: ignore[attr-defined]
    assert smap.keys[("articles", 0, "title")] == (3, 5)  # type: ignore[attr-defined]
    assert smap.find(("articles", 0, "missing")) == (2, 5)  # type: ignore[attr-defined]


@pytest.mark.parametrize(("text", "code", "line", "col"), [
    ("a: &x 1\nb: *x\n", "FS104", 1, 4),
    ("a: 1\nb: *x\n", "FS104", 2, 4),
    ("a: !!python/object/apply:os.system ['true']\n", "FS105", 1, 4),
    ("a: !custom 1\n", "FS105", 1, 4),
    ("a: 1\nb: 2\na: 3\n", "FS108", 3, 1),
    ("a: 1\n---\nb: 2\n", "FS112", 2, 1),
    ("a: [1, 2\n", "FS101", 2, 1),
    ("a:\n  b: \x07\n", "FS107", 2, 6),
    ("[" * 80 + "]" * 80, "FS109", 1, 65),
])
def test_refusals_are_located(text: str, code: str, line: int, col: int) -> None:
    data, _, diags = load(text)
    assert data is None
    assert [(d.code, d.line, d.column) for d in diags][:1] == [(code, line, col)]


def test_json_positions_survive_tabs_and_surrogate_escapes() -> None:
    text = '{\n\t"a": "\\ud83d\\ude00",\n\t"b": [1, 2]\n}'
    data, smap, diags = load(text, "json")
    assert diags == []
    assert data == {"a": "😀", "b": [1, 2]}
    assert smap.values[("b", 1)] == (3, 11)  # type: ignore[attr-defined]


@pytest.mark.parametrize(("text", "code", "line", "col"), [
    ('{"a": 1,}', "FS101", 1, 9),
    ('{"a": 1, "a": 2}', "FS108", 1, 10),
    ('{"a": NaN}', "FS101", 1, 1),
    ('{"a": "x\\u0000"}', "FS107", 1, 7),
])
def test_json_refusals(text: str, code: str, line: int, col: int) -> None:
    data, _, diags = load(text, "json")
    assert data is None
    assert [(d.code, d.line, d.column) for d in diags] == [(code, line, col)]


def test_deep_json_is_refused_without_a_crash() -> None:
    data, _, diags = load("[" * 100_000 + "]" * 100_000, "json")
    assert data is None and diags[0].code == "FS109"


def test_utf8_bom_is_dropped_and_bad_bytes_are_located() -> None:
    diags: list[Diagnostic] = []
    source = decode_text(b"\xef\xbb\xbfa: 1\n", "f.yaml", diags)
    assert source is not None and source.text == "a: 1\n"
    assert decode_text(b"a: 1\nb: caf\xe9\n", "f.yaml", diags) is None
    assert [(d.code, d.line, d.column) for d in diags] == [("FS102", 2, 7)]


@given(st.text(max_size=200))
@settings(max_examples=300, deadline=None)
def test_any_text_gives_data_or_diagnostics_never_an_exception(text: str) -> None:
    # load_tree may return None without diagnostics for an empty document; the native
    # reader turns that into FS203. Either way: data, or errors, never an exception.
    for kind in ("yaml", "json"):
        data, _, diags = load(text, kind)
        if any(d.is_error for d in diags):
            assert data is None
        else:
            assert diags == []
