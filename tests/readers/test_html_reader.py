"""Inline HTML: the text a browser shows, evidence spans, order, positions in messages, refusals."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factsheet.diagnostics import Diagnostic
from factsheet.readers.html import read_html
from factsheet.readers.source import TextFile

DOC = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Ostmark</title></head>
<body>
<aside hidden>
  <span data-fact="party" data-id="eu" data-name="European Union"
        data-kind="international_organisation"></span>
</aside>
<article data-id="a" data-title="Ostmark stays out" data-language="en">
  <p>LINDAU - <span data-fact="party" data-id="ost" data-name="Ostmark" data-kind="state"
     data-country="XO">Ostmark</span> will
     <span data-fact="commitment" data-id="c1" data-by="ost" data-action="send no inspectors"
           data-modality="refusal">not send <span data-begin="p1"></span>inspectors</span>,
     Eklund said<span data-end="p1"></span>.</p>
  <h2>Data</h2>
  <p><span data-fact="statistic" data-id="s1" data-measure="deliveries" data-value="412"
     data-attributed-to="ost-energy" data-comparison-value="455">Deliveries fell to 412 million
     cubic metres from 455 million, <span data-fact="party" data-id="ost-energy"
     data-name="Ostmark energy ministry" data-kind="government_body">the energy
     ministry</span> said</span>, and <span data-ref="eu">the EU</span> agreed.</p>
  <p>ALSO READ: <a href="https://example.org/gas" data-related>Gas   stocks fall</a></p>
  <script>document.write("<p>not text</p>")</script>
</article>
<aside data-fact="position" data-id="p1" data-holder="ost" data-topic="panel"
       data-stance="oppose" data-summary="No inspectors." hidden></aside>
<section data-summary><ul><li data-point>Ostmark
  refuses.</li></ul></section>
</body>
</html>
"""

DOC_TEXT = ("LINDAU - Ostmark will not send inspectors, Eklund said.\n\nData\n\n"
            "Deliveries fell to 412 million cubic metres from 455 million, the energy ministry "
            "said, and the EU agreed.\n\nALSO READ: Gas stocks fall\n")


def read(text: str) -> tuple[Any, list[Diagnostic]]:
    diagnostics: list[Diagnostic] = []
    loaded = read_html(TextFile("a.html", text), diagnostics)
    return loaded, diagnostics


def article(body: str) -> str:
    return f'<article data-id="a" data-title="T">{body}</article>'


def text_of(body: str) -> str:
    loaded, diags = read(article(body))
    assert diags == []
    return str(loaded.data["articles"][0]["text"])


def spans(loaded: Any, name: str, index: int, key: str = "evidence") -> list[tuple[int, int]]:
    return [(e["start"], e["end"]) for e in loaded.data[name][index][key]]


def words(loaded: Any, name: str, index: int, key: str = "evidence") -> list[str]:
    text = loaded.data["articles"][0]["text"]
    return [text[start:end] for start, end in spans(loaded, name, index, key)]


PARTY = 'data-fact="party" data-id="p" data-name="P" data-kind="state"'


# -- the text -------------------------------------------------------------------------------

def test_canonical_text_of_a_small_document() -> None:
    loaded, diags = read("""<!DOCTYPE html>
<html><head><title>Not text</title><style>p { color: red }</style></head>
<body>
<p>Outside the article: not text.</p>
<article data-id="a" data-title="T">
  <script>var x = "<p>not text</p>";</script>
  <h1>  Ostmark   stays
        out </h1>
  <p>LINDAU -<b> Ostmark</b>will<i>not</i> <em> send </em>inspectors,
     <a href="#"><strong>Eklund</strong></a> said &amp; <span><span>left</span></span>.</p>
  <p>Line one<br>
     Line two <br> Line three<br><br>After an empty line</p>
  <pre>
  keep   this
    indentation  </pre>
  <ul><li>first</li>
      <li>second<!-- a comment --> item</li></ul>
  <blockquote><p>Quoted</p></blockquote>
  <div>a&nbsp;b<noscript>no</noscript>\tc<template><p>no</p></template></div>
  <figure><img src="x.jpg" alt="no"><figcaption>Caption</figcaption></figure>
</article>
</body></html>
""")
    assert diags == []
    assert loaded.data["articles"][0]["text"] == (
        "Ostmark stays out\n\n"
        "LINDAU - Ostmarkwillnot send inspectors, Eklund said & left.\n\n"
        "Line one\nLine two\nLine three\n\nAfter an empty line\n\n"
        "  keep   this\n    indentation\n\n"
        "first\n\nsecond item\n\n"
        "Quoted\n\n"
        "a\xa0b c\n\n"
        "Caption\n")


@pytest.mark.parametrize(("body", "text"), [
    ("plain words", "plain words\n"),
    ("<p>one</p><p>two</p>", "one\n\ntwo\n"),
    ("<p>one</p>\n\n\n<div><div><p>two</p></div></div>", "one\n\ntwo\n"),
    ("<p>a<br>b</p>", "a\nb\n"),
    ("<p>a<br><br>b</p>", "a\n\nb\n"),  # an empty line, as a browser shows it
    ("<p>a<br></p><p>b</p>", "a\n\nb\n"),
    ("<br><p>a</p>", "a\n"),
    ("<p>a \n\t b</p>", "a b\n"),
    ("<p>a<b> b </b> c</p>", "a b c\n"),
    ("<p>a<b>b</b>c</p>", "abc\n"),
    ("<pre>\n  a  b\n</pre>", "  a  b\n"),
    ("<p>x</p><pre>\nfirst\n\nthird</pre>", "x\n\nfirst\n\nthird\n"),
    ("<p>caf&eacute; &mdash; &#233;&#xE9; &lt;tag&gt;</p>", "café — éé <tag>\n"),
    ("<p>a\r\nb</p><pre>c\r\nd</pre>", "a b\n\nc\nd\n"),
    ("<p>x<style>y</style><script>z</script><iframe>w</iframe></p>", "x\n"),
    ("", ""),
])
def test_text_rules(body: str, text: str) -> None:
    assert text_of(body) == text


# -- facts and their spans ------------------------------------------------------------------

def test_spans_of_nested_begin_end_and_data_ref_facts() -> None:
    loaded, diags = read(DOC)
    assert diags == []
    data = loaded.data
    assert data["articles"][0]["text"] == DOC_TEXT
    # Defined where they stand: the party before the article comes first.
    assert [p["id"] for p in data["parties"]] == ["eu", "ost", "ost-energy"]
    assert spans(loaded, "parties", 1, "mentions") == [(9, 16)]
    assert words(loaded, "parties", 1, "mentions") == ["Ostmark"]
    assert spans(loaded, "commitments", 0) == [(22, 41)]
    assert words(loaded, "commitments", 0) == ["not send inspectors"]
    # data-begin / data-end cross the end of the commitment.
    assert spans(loaded, "positions", 0) == [(31, 54)]
    assert words(loaded, "positions", 0) == ["inspectors, Eklund said"]
    # A party nested in a statistic: each span is its own content.
    assert words(loaded, "statistics", 0) == [
        "Deliveries fell to 412 million cubic metres from 455 million, the energy ministry "
        "said"]
    assert spans(loaded, "statistics", 0) == [(63, 149)]
    assert spans(loaded, "parties", 2, "mentions") == [(125, 144)]
    assert words(loaded, "parties", 2, "mentions") == ["the energy ministry"]
    # data-ref adds a mention to a party defined outside the article.
    assert spans(loaded, "parties", 0, "mentions") == [(155, 161)]
    assert words(loaded, "parties", 0, "mentions") == ["the EU"]


def test_fields_summary_and_related_links() -> None:
    loaded, _ = read(DOC)
    data = loaded.data
    assert data["articles"][0]["language"] == "en"
    assert data["articles"][0]["related"] == [{"title": "Gas stocks fall",
                                               "url": "https://example.org/gas"}]
    assert data["commitments"][0]["by"] == ["ost"]
    assert data["statistics"][0]["attributed_to"] == "ost-energy"
    assert data["statistics"][0]["comparison"] == {"value": "455"}
    # data-summary on a fact is the fact's field, not a summary section.
    assert data["positions"][0]["summary"] == "No inspectors."
    assert data["summary"] == {"key_points": ["Ostmark refuses."]}


def test_summary_survives_a_position_written_after_it() -> None:
    aside = DOC[DOC.index("<aside data-fact"):DOC.index("</aside>", DOC.index("<aside data-fact"))
                + len("</aside>")]
    moved = DOC.replace(aside, "").replace("</body>", aside + "\n</body>")
    loaded, diags = read(moved)
    assert diags == []
    assert loaded.data["summary"] == {"key_points": ["Ostmark refuses."]}
    assert loaded.data["positions"][0]["summary"] == "No inspectors."


def test_spaces_at_the_edges_of_a_fact_stay_outside_it() -> None:
    loaded, diags = read(article(
        f"<p>said<span {PARTY}>\n   the minister </span>, and "
        '<b><span data-ref="p"> again\n</span></b>.</p>'))
    assert diags == []
    # A browser shows the spaces too: "minister ," and "again ." keep theirs.
    assert loaded.data["articles"][0]["text"] == "said the minister , and again .\n"
    assert words(loaded, "parties", 0, "mentions") == ["the minister", "again"]


def test_preformatted_text_keeps_its_spaces_inside_a_fact() -> None:
    loaded, diags = read(article(f"<pre>a  <span {PARTY}>b   </span>c</pre>"))
    assert diags == []
    assert loaded.data["articles"][0]["text"] == "a  b   c\n"


def test_empty_fact_element_defines_without_marking() -> None:
    loaded, diags = read(article(f"<p>x<span {PARTY}></span></p>"))
    assert diags == []
    assert "mentions" not in loaded.data["parties"][0]


def test_quote_text_is_its_content() -> None:
    loaded, diags = read(article(
        '<p>"<span data-fact="quote" data-id="q" data-speaker="p">No  island\nis cut'
        '</span>," she said.</p>'))
    assert diags == []
    assert loaded.data["quotations"][0]["text"] == "No island is cut"


def test_lists_and_aliases() -> None:
    loaded, diags = read(article(
        '<p><span data-fact="party" data-id="bg" data-name="Bulgaria" data-kind="state" '
        'data-aliases="Sofia; the Bulgarian government ">Bulgaria</span></p>'
        '<p><span data-fact="commitment" data-id="c" data-by="bg ro" data-to="hu" '
        'data-action="x" data-modality="binding">y</span></p>'))
    assert diags == []
    assert loaded.data["parties"][0]["aliases"] == ["Sofia", "the Bulgarian government"]
    assert loaded.data["commitments"][0]["by"] == ["bg", "ro"]
    assert loaded.data["commitments"][0]["to"] == ["hu"]


# -- refusals and where they point ------------------------------------------------------------

def locate(text: str) -> list[tuple[str, int | None, int | None]]:
    loaded, diags = read(text)
    assert loaded.data is None
    return [(d.code, d.line, d.column) for d in diags]


def test_unknown_data_fact_is_located_with_a_hint() -> None:
    text = DOC.replace('data-fact="statistic"', 'data-fact="statistik"')
    loaded, diags = read(text)
    assert loaded.data is None
    assert [(d.code, d.line, d.column) for d in diags] == [("FS113", 16, 6)]
    assert diags[0].message == "unknown data-fact 'statistik'"
    assert diags[0].hint == "did you mean 'statistic'?"


def test_unknown_data_fact_outside_the_article_is_located() -> None:
    assert locate(DOC.replace('data-fact="position"', 'data-fact="posture"')) == [
        ("FS113", 24, 1)]


def test_unknown_data_attribute_is_located_with_a_hint() -> None:
    text = DOC.replace('data-country="XO"', 'data-contry="XO"')
    loaded, diags = read(text)
    assert loaded.data is None
    assert [(d.code, d.line, d.column) for d in diags] == [("FS113", 10, 15)]
    assert diags[0].message == "unknown attribute 'contry' on <party>"
    assert diags[0].hint == "did you mean 'country'?"


def test_unknown_article_attribute_is_located() -> None:
    assert locate(DOC.replace('data-language="en"', 'data-lang="en"')) == [("FS113", 9, 1)]


@pytest.mark.parametrize(("text", "expected"), [
    ("<p>no article here</p>", [("FS113", 1, 1)]),
    ("<!DOCTYPE html>\n<html>\n<body><article><p>no data-id</p></article></body></html>",
     [("FS113", 2, 1)]),
    ("", [("FS101", 1, 1)]),
    ("  \n\t\n", [("FS101", 1, 1)]),
    ("<!-- nothing but a comment -->", [("FS101", 1, 1)]),
])
def test_documents_without_an_article(text: str, expected: list[Any]) -> None:
    assert locate(text) == expected


def test_missing_article_says_how_to_write_one() -> None:
    _, diags = read("<p>no article here</p>")
    assert diags[0].message == "no <article data-id=...> element"


@pytest.mark.parametrize(("body", "expected"), [
    # A marker with words inside would lose them from the text.
    ('<p>x\n<span data-begin="p">words</span><span data-end="p"></span></p>',
     [("FS113", 2, 1)]),
    ('<p>x <span data-begin="p"></span>y</p>', [("FS113", 1, 42)]),  # never ended
    ('<p>x <span data-end="p"></span>y</p>', [("FS113", 1, 42)]),  # never begun
    ('<p>x <span data-ref="nobody">y</span></p>', [("FS402", 1, 42)]),
    (f'<p>x <span {PARTY} data-ref="q">y</span></p>', [("FS113", 1, 42)]),
    (f'<p>x\n  <span {PARTY} data-1x="y">y</span></p>', [("FS113", 2, 3)]),
    ("<p>x\n  <b>a&#7;b</b></p>", [("FS107", 2, 3)]),
    (f'<p>x\n  <span {PARTY} data-role="a&#x1b;"></span></p>', [("FS107", 2, 3)]),
    ("<p>x\n  a\x07b</p>", [("FS107", 2, 4)]),
])
def test_refusals_inside_the_article_are_located(body: str, expected: list[Any]) -> None:
    assert locate(article(body)) == expected


def test_message_for_a_marker_with_content() -> None:
    _, diags = read(article('<p><span data-begin="p">words</span></p>'))
    assert diags[0].message == "an element with data-begin must be empty"


# -- never raises ----------------------------------------------------------------------------

@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_any_text_gives_data_or_diagnostics(text: str) -> None:
    loaded, diags = read(text)
    assert loaded.data is not None or diags


PIECES = ["<", ">", "</", "/>", '"', "'", "=", "&", "&#7;", "&nbsp;", "\n", " ", "\x00",
          "<span>", "</span>", "<p>", "</p>", "<br>", "<pre>", "</pre>", "</article>",
          "<article>", '<article data-id="b">', '<span data-begin="p1">', '<span data-end="p1">',
          '<span data-ref="ost">', '<span data-ref="">', 'data-fact="quote" ', 'data-fact=""',
          'data-fact="party" ', "data-x:y=1 ", "data-9=1 ", "data-=1 ", 'data-summary ',
          "data-point ", "data-related ", "<script>", "<!--", "-->", "<![CDATA[", "]]>",
          "<!DOCTYPE html>", "<?xml version='1.0'?>", "\ud7ff", "\U0001F600", "é"]


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = DOC
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 40)))
        action = draw(st.sampled_from(["delete", "insert", "replace", "duplicate"]))
        piece = draw(st.sampled_from(PIECES) | st.text(max_size=5))
        if action == "delete":
            text = text[:i] + text[j:]
        elif action == "insert":
            text = text[:i] + piece + text[i:]
        elif action == "replace":
            text = text[:i] + piece + text[j:]
        else:
            text = text[:j] + text[i:j] + text[j:]
    return text


@given(mutated())
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_mutations_of_a_valid_document_give_data_or_diagnostics(text: str) -> None:
    loaded, diags = read(text)
    assert loaded.data is not None or diags
    for d in diags:
        assert d.line is None or d.line >= 1
    if loaded.data is not None:
        for item in loaded.data["articles"]:
            assert isinstance(item.get("text", ""), str)
