"""Anchoring: offsets ↔ quotes round-trip, leniency is reported, ambiguity is an error."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from factsheet import anchoring
from factsheet.anchoring import AnchorError, ArticleText, anchor, normalise
from factsheet.article import read_structure

# Text with the characters that shift offsets in careless code: astral plane, NBSP, CRLF,
# combining marks, Cyrillic, typographic quotes.
ALPHABET = st.sampled_from(list("abc xyz\n\r\u00a0\u2019\u201cé\u0301Жж😀𝄞.,-\u2014"))
TEXTS = st.text(ALPHABET, min_size=1, max_size=300)


def article_of(text: str) -> ArticleText:
    return ArticleText("a", text, [(p.start, p.end) for p in read_structure(text).paragraphs])


@given(TEXTS, st.data())
@settings(max_examples=300, deadline=None)
def test_offsets_select_exactly_their_slice(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    span = anchor(article_of(text), text[start:end] or None, start=start, end=end)
    assert (span.start, span.end, span.note) == (start, end, None)


@given(TEXTS, st.data())
@settings(max_examples=300, deadline=None)
def test_quote_anchors_to_an_occurrence_or_reports_every_one(text: str, data: st.DataObject
                                                              ) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = text[start:end]
    article = article_of(text)
    try:
        span = anchor(article, quote)
    except AnchorError as err:
        assert err.code in {"FS302", "FS301"}
        if err.code == "FS302":
            assert text.count(quote) >= 2 or len(article.find(quote)[0]) >= 2
        else:  # only possible when the quote has no non-space content after normalising
            assert not normalise(quote).strip()
        return
    if span.note is None:
        assert text[span.start:span.end] == quote
    else:
        assert normalise(text[span.start:span.end]).strip() == normalise(quote).strip()


# Few words, many times over: every word is common, so a long text's lookups go through
# the word pairs, a short one's check every place of the rarest word.
REPETITIVE = st.lists(st.sampled_from(["a", "ab", "b", "a-b", "ž", "𝄞x", "a.", "\n"]),
                      min_size=20, max_size=200).map(" ".join)


@pytest.mark.parametrize("long", [False, True], ids=["short", "long"])
@given(text=REPETITIVE, data=st.data())
@settings(max_examples=200, deadline=None)
def test_word_index_finds_what_a_scan_finds(long: bool, text: str, data: st.DataObject
                                            ) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, min(len(text), start + 12)))
    quote = text[start:end]
    saved = anchoring._LONG
    anchoring._LONG = 0 if long else saved
    try:
        index = anchoring._WordIndex(text)
    finally:
        anchoring._LONG = saved
    assert (index.pairs is not None) is long
    scanned = [s for s in range(len(text)) if text.startswith(quote, s)
               and anchoring._bounded(text, s, quote)]
    assert index.find(quote) == scanned


@given(TEXTS, st.data())
@settings(max_examples=200, deadline=None)
def test_occurrence_picks_the_nth_match(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, min(len(text), start + 4)))
    quote = text[start:end]
    article = article_of(text)
    spans, note = article.find(quote)
    assume(spans and note is None)
    for n, expected in enumerate(spans, 1):
        assert anchor(article, quote, occurrence=n) == expected


WIRE = ("PORT HALDEN - The council said it stands ready to act.\n\n"
        "Verhaal said the memorandum \u201cgives farmers a guarantee.\u201d\n\n"
        "The council said it would meet again. The council said so.\n")


def test_whitespace_and_typography_differences_are_accepted_with_a_note() -> None:
    span = anchor(article_of(WIRE), 'the memorandum  "gives farmers a guarantee."')
    assert span.note == "FS305"
    assert WIRE[span.start:span.end] == "the memorandum \u201cgives farmers a guarantee.\u201d"


def test_quote_must_sit_on_word_boundaries_unless_only_inside_words() -> None:
    article = article_of(WIRE)
    assert anchor(article, "council said it stands").note is None
    inner = anchor(article, "ouncil said it stands")
    assert inner.note == "FS308"


def test_ambiguous_quote_lists_each_place() -> None:
    with pytest.raises(AnchorError) as caught:
        anchor(article_of(WIRE), "The council said")
    assert caught.value.code == "FS302"
    assert caught.value.message == (
        "quote occurs 3 times: paragraph 1 (line 1:15, offset 14), paragraph 3 (line 5:1, "
        "offset 114), paragraph 3 (line 5:39, offset 152)")


def test_prefix_and_suffix_disambiguate() -> None:
    article = article_of(WIRE)
    span = anchor(article, "The council said", prefix="would meet again. ")
    assert WIRE[span.start - 7:span.start] == "again. "
    span = anchor(article, "council said", suffix=" it stands")
    assert span.start == WIRE.index("council said it stands")


def test_occurrence_beyond_the_count_is_an_error() -> None:
    with pytest.raises(AnchorError) as caught:
        anchor(article_of(WIRE), "council said", occurrence=4)
    assert caught.value.code == "FS306"


def test_not_found_names_the_closest_passage() -> None:
    with pytest.raises(AnchorError) as caught:
        anchor(article_of(WIRE), "the council stands ready to act")
    assert caught.value.code == "FS301"
    hint = caught.value.hint or ""
    assert hint.startswith('closest match in paragraph 1: "')
    assert hint.endswith('stands ready to act."')


def test_offsets_that_disagree_with_the_quote_say_where_the_quote_is() -> None:
    with pytest.raises(AnchorError) as caught:
        anchor(article_of(WIRE), "stands ready", start=0, end=5)
    assert caught.value.code == "FS303"
    assert caught.value.hint == f"the quote is at [{WIRE.index('stands ready')}, " \
        f"{WIRE.index('stands ready') + 12})"


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (5, 4000), (len(WIRE) + 1, len(WIRE) + 2)])
def test_offsets_outside_the_text_are_an_error(start: int, end: int) -> None:
    with pytest.raises(AnchorError) as caught:
        anchor(article_of(WIRE), None, start=start, end=end)
    assert caught.value.code == "FS304"


def test_astral_characters_count_as_one_code_point() -> None:
    text = "𝄞😀 Arlenia signed."
    span = anchor(article_of(text), "Arlenia")
    assert (span.start, span.end) == (3, 10)
