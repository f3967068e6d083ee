"""Article structure: paragraphs and their kinds, datelines, interstitial links."""

from __future__ import annotations

from pathlib import Path

import pytest

from factsheet.article import read_structure

SAMPLE = Path(__file__).parent.parent / "examples" / "danube" / "danube-pact.txt"


def test_header_lines_caption_body_subhead_and_interstitials() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    structure = read_structure(text)
    kinds = [p.kind.value for p in structure.paragraphs]
    assert kinds[:5] == ["header", "header", "header", "caption", "body"]
    assert "subhead" in kinds and kinds.count("interstitial") == 2
    first_body = structure.paragraphs[4]
    assert text[first_body.start:].startswith("NOVI SAD/")
    assert structure.datelines == ["NOVI SAD", "BUCHAREST", "BUDAPEST", "BUCHAREST"]
    labels = [(label, title) for label, title, _, _ in structure.related]
    assert labels == [("ALSO READ", "Danube ports brace for low water as snowpack thins"),
                      ("READ MORE", "Budapest closes lower quay as river rises")]


def test_paragraph_spans_exclude_surrounding_whitespace_and_keep_offsets() -> None:
    text = "  KYIV, March 3 (Reuters) - First.\r\n\r\nSecond paragraph.\r\n"
    structure = read_structure(text)
    spans = [text[p.start:p.end] for p in structure.paragraphs]
    assert spans == ["KYIV, March 3 (Reuters) - First.", "Second paragraph."]
    assert structure.datelines == ["KYIV"]


def test_a_text_without_blank_lines_has_one_paragraph_per_line() -> None:
    text = "LONDON - One.\nTwo.\nThree."
    assert len(read_structure(text).paragraphs) == 3


def test_datelines_need_capitals_and_a_dash() -> None:
    assert read_structure("Paris - not a dateline.").datelines == []
    assert read_structure("KYIV/MOSCOW — Both.").datelines == ["KYIV", "MOSCOW"]
    assert read_structure("BRUSSELS, Feb 3 (Reuters) - x").datelines == ["BRUSSELS"]


@pytest.mark.parametrize(("text", "cities"), [
    ("Dhanbad, Mar 4 (PTI) Nine miners were killed.", ["DHANBAD"]),
    ("Paris (AFP) – France will extend rent controls.", ["PARIS"]),
    ("Minova (DR Congo) (AFP) – More than 85,000 people fled.", ["MINOVA"]),
    ("MANILA: The Philippines on Thursday closed its schools.", ["MANILA"]),
    ("MUGLA, Türkiye\n\n" + "Turkish coast guard units rescued 58 migrants off the coast "
     "early on Friday, the Coast Guard Command said in a statement on its website.", ["MUGLA"]),
])
def test_datelines_agencies_print_without_a_dash(text: str, cities: list[str]) -> None:
    assert read_structure(text).datelines == cities


@pytest.mark.parametrize("text", [
    "Doctors Without Borders (MSF) said its teams treated 212 people.",  # no wire agency
    "UPDATE: The count resumed.",  # a label
    "BREAKING: Talks collapse.",
    "WAR IN UKRAINE\n\nShort.",  # a subhead, no country after a comma
])
def test_no_dateline_from_a_bracket_a_label_or_a_subhead(text: str) -> None:
    assert read_structure(text).datelines == []


def test_a_dateline_on_its_own_line_is_header_and_the_story_starts_after_it() -> None:
    text = ("Migrants rescued off the coast\n\nMUGLA, Türkiye\n\n" + "Turkish coast guard "
            "units rescued 58 migrants off the coast early on Friday, the Coast Guard Command "
            "said in a statement on its website.")
    structure = read_structure(text)
    assert [p.kind.value for p in structure.paragraphs] == ["header", "header", "body"]
    assert structure.dateline_offset == text.index("Turkish coast guard")


def test_a_bare_read_label_in_capitals_is_a_link_and_in_text_is_not() -> None:
    text = ("MANILA: Schools closed on Thursday.\n\nREAD: Heatwave grips Southeast Asia\n\n"
            "Read: the ministry's full statement is online.\n")
    assert [title for _, title, _, _ in read_structure(text).related] == [
        "Heatwave grips Southeast Asia"]


def test_tass_dateline_and_an_ap_file_photo_caption() -> None:
    assert read_structure("VOSTOCHNY COSMODROME /Amur Region/, October 21. /TASS/. A rocket "
                          "blasted off.").datelines == ["VOSTOCHNY COSMODROME"]
    assert read_structure("Prices soar\n\nFILE - Power lines near Temelín, 5 September "
                          "2027.\n\nThe cabinet approved a ceiling.").datelines == []


@pytest.mark.parametrize(("text", "cities"), [
    ("NAWABSHAH / KARACHI: At least 22 passengers were killed.", ["NAWABSHAH", "KARACHI"]),
    ("Gopalganj/Patna: Seven workers were killed.", ["GOPALGANJ", "PATNA"]),
    ("READ ALSO: Reps probe the contract", []),
])
def test_colon_datelines_with_two_cities(text: str, cities: list[str]) -> None:
    assert read_structure(text).datelines == cities


def test_a_block_of_related_links_under_a_label() -> None:
    text = ("A headline\n\nKATHMANDU - An aftershock hit on Saturday.\n\nRecommended Stories\n"
            "list of 3 items\nlist 1 of 3\nNepal quake survivors brace for winter\nlist 2 of 3\n"
            "Photos: Search for survivors in Jajarkot\nend of list\n\nRelated coverage:\nEgg "
            "prices climb as bird flu spreads\n\nThe government said 9 people died.\n")
    structure = read_structure(text)
    assert [title for _, title, _, _ in structure.related] == [
        "Nepal quake survivors brace for winter", "Photos: Search for survivors in Jajarkot",
        "Egg prices climb as bird flu spreads"]


def test_a_label_then_a_related_title_a_paragraph() -> None:
    text = ("A headline\n\nDUBLIN - Trolley numbers hit a record on Tuesday.\n\nRead More\n\n"
            "Winter vomiting bug: what to watch for in children\n\nGP shortage leaves 40 towns "
            "without cover\n")
    structure = read_structure(text)
    assert [title for _, title, _, _ in structure.related] == [
        "Winter vomiting bug: what to watch for in children",
        "GP shortage leaves 40 towns without cover"]
    kinds = [p.kind.value for p in structure.paragraphs]
    assert kinds[-3:] == ["interstitial"] * 3


def test_a_read_more_paragraph_before_story_text_lists_nothing() -> None:
    text = ("A headline\n\nDUBLIN - Trolley numbers hit a record on Tuesday.\n\nRead more\n\n"
            "The union said 958 patients waited on trolleys. It called it a scandal.\n")
    assert read_structure(text).related == []


def test_bulleted_links_and_a_more_from_section_block() -> None:
    text = ("A headline\n\nDUBAI - Opec+ kept output steady on Sunday.\n\nALSO READ:\n"
            "• UAE petrol prices for February announced\n• Adnoc Gas posts record profit\n\n"
            "The group meets again in June.\n\nMore from Energy\n\nOil prices extend losses\n")
    assert [title for _, title, _, _ in read_structure(text).related] == [
        "UAE petrol prices for February announced", "Adnoc Gas posts record profit",
        "Oil prices extend losses"]


@pytest.mark.parametrize(("text", "cities"), [
    ("H\n\nKABUL - 3.5 million Afghans need aid, the UN said.\n", ["KABUL"]),
    ("H\n\nWASHINGTON - Jan. 6 rioters were freed, officials said.\n", ["WASHINGTON"]),
    ("H\n\nKYODO NEWS - Nov 14, 2030 - 10:05\n\nThe office said output fell.\n", []),
])
def test_a_figure_or_a_date_after_the_dash(text: str, cities: list[str]) -> None:
    assert read_structure(text).datelines == cities


def test_a_quoted_paragraph_after_related_links_stays_in_the_story() -> None:
    text = ("H\n\nPARIS - It said 5.\n\nRead More\n\nTitle of a story\n\nThe minister said: "
            '"We will act."\n')
    structure = read_structure(text)
    assert [title for _, title, _, _ in structure.related] == ["Title of a story"]
    assert structure.paragraphs[-1].kind.value == "body"


def test_a_long_list_with_commas_is_no_dateline() -> None:
    # the dateline pattern once tried every way of grouping the commas: 2**n
    text = "H\n\n" + ", ".join(["Apples"] * 60) + " and pears are sold here.\n"
    assert read_structure(text).datelines == []
