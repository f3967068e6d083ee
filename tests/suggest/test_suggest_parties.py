"""Parties: states with ISO codes, persons introduced by a title, organisations, and later
mentions by surname or role."""

from __future__ import annotations

import pytest
from _draft import draft, facts, field, party


@pytest.mark.parametrize(("intro", "name", "role", "country"), [
    ("French President Emmanuel Macron", "Emmanuel Macron", "President of France", "FR"),
    ("Britain's Prime Minister Keir Starmer", "Keir Starmer",
     "Prime Minister of United Kingdom", "GB"),
    ("U.S. ambassador-at-large Daniel Whitmore", "Daniel Whitmore",
     "ambassador-at-large of United States", "US"),
    ("Hungary's Interior Minister Ákos Bérczi", "Ákos Bérczi",
     "Interior Minister of Hungary", "HU"),
    ("Italy's Undersecretary for Fisheries Niccolò Ferrà", "Niccolò Ferrà",
     "Undersecretary for Fisheries", "IT"),
    ("Latvian Defence Minister Andris Ozols", "Andris Ozols", "Defence Minister of Latvia", "LV"),
    ("Philippine President Ferdinand Marcos Jr.", "Ferdinand Marcos", "President of Philippines",
     "PH"),
])
def test_persons_introduced_with_a_title(intro: str, name: str, role: str, country: str
                                         ) -> None:
    found = draft(f"A headline\n\nLONDON - {intro} said the talks went well.\n")
    person = party(found, name)
    assert (person.kind, person.role, person.country) == ("person", role, country)
    assert person.affiliation is not None and person.affiliation.country == country


def test_a_title_after_the_name_and_a_title_naming_an_organisation() -> None:
    found = draft("A headline\n\nBERLIN - Jonas Keller, a government spokesman, said Germany "
                  "would help. Head of the Kherson Regional Military Administration Oleksandr "
                  "Prokudin reported this on Telegram.\n")
    assert party(found, "Jonas Keller").role == "government spokesman"
    prokudin = party(found, "Oleksandr Prokudin")
    assert prokudin.affiliation is party(found, "Kherson Regional Military Administration")


def test_countries_get_their_iso_codes_and_capitals_speak_for_them() -> None:
    found = draft("A headline\n\nLONDON - Serbia, North Macedonia and the United States met "
                  "Britain. Washington would pay, Kyiv said.\n")
    assert [(p.name, p.country) for p in found.parties if p.kind == "state"] == [
        ("Serbia", "RS"), ("North Macedonia", "MK"), ("United States", "US"),
        ("United Kingdom", "GB"), ("Ukraine", "UA")]
    assert "Washington" in party(found, "United States").aliases


def test_a_state_no_list_knows_is_read_from_a_possessive() -> None:
    found = draft("A headline\n\nPORT HALDEN - Arlenia's Prime Minister Tomas Verhaal said "
                  "Arlenia would sign. The Arlenian daily Novi Dan (Нови Дан) agreed.\n")
    arlenia = party(found, "Arlenia")
    assert (arlenia.kind, arlenia.country) == ("state", None)
    assert len(arlenia.mentions) == 2
    assert party(found, "Tomas Verhaal").affiliation is arlenia
    outlet = party(found, "Novi Dan (Нови Дан)")
    assert (outlet.kind, outlet.aliases) == ("media_outlet", ["Нови Дан"])


@pytest.mark.parametrize(("text", "name", "kind", "country"), [
    ("Hungary's interior ministry said", "Hungary's interior ministry", "government_body", "HU"),
    ("The Romanian water agency said", "Romanian water agency", "government_body", "RO"),
    ("Serbia's Ministry of Agriculture said", "Ministry of Agriculture", "government_body", "RS"),
    ("The Ukrainian air force said", "Ukrainian air force", "armed_forces", "UA"),
    ("Slovenia's National Institute of Biology said", "National Institute of Biology", "other",
     "SI"),
    ("Poland's opposition Civic Renewal party said", "Civic Renewal", "political_party", "PL"),
    ("Leaders of the Coalition of the Willing said", "Coalition of the Willing", "coalition",
     None),
    ("The Finnish Border Guard said", "Finnish Border Guard", "government_body", "FI"),
    ("The Verkhovna Rada said", "Verkhovna Rada", "government_body", "UA"),
    ("NATO said", "North Atlantic Treaty Organization", "international_organisation", None),
])
def test_organisations(text: str, name: str, kind: str, country: str | None) -> None:
    found = draft(f"A headline\n\nLONDON - {text} the talks went well.\n")
    org = party(found, name)
    assert (org.kind, org.country) == (kind, country)


def test_later_mentions_by_surname_and_by_role() -> None:
    found = draft("A headline\n\nSOFIA - Bulgaria will not take part, its Environment Minister "
                  "Petar Vasilev said. Vasilev added that costs were high. A daily quoted the "
                  "minister as saying more.\n")
    vasilev = party(found, "Petar Vasilev")
    assert [found.text[s:e] for s, e in vasilev.mentions] == [
        "its Environment Minister Petar Vasilev", "Vasilev", "the minister"]
    assert vasilev.affiliation is party(found, "Bulgaria")


def test_a_name_is_not_a_country() -> None:
    found = draft("A headline\n\nPARIS - French lawmaker Jordan Bardella said the plan failed.\n")
    assert party(found, "Jordan Bardella").kind == "person"
    assert all(p.name != "Jordan" for p in found.parties)


@pytest.mark.parametrize(("sentence", "name", "mention"), [
    ("Gov. Dana Whitlock, in a video address, ordered the guard out.", "Dana Whitlock",
     "Gov. Dana Whitlock"),
    ("Sen. Maria Lopez met the delegation.", "Maria Lopez", "Sen. Maria Lopez"),
    ("Thousands of supporters of leftist Elena Mamani gathered outside.", "Elena Mamani",
     "leftist Elena Mamani"),
    ("Kieran Walsh, 40, had brought his twin daughters.", "Kieran Walsh", "Kieran Walsh"),
    ("Tom Ashworth, a GP in the Highfields area of the city, has run clinics.", "Tom Ashworth",
     "Tom Ashworth"),
    ("Jean-Pierre Bisimwa, a customary chief in Kalehe territory who says he has sheltered "
     "people, was blunt.", "Jean-Pierre Bisimwa", "Jean-Pierre Bisimwa"),
    ("The victim's mother, Gloria Whitfield, wept.", "Gloria Whitfield", "Gloria Whitfield"),
    ("Jess Price had brought her husband, Marcus.", "Marcus", "Marcus"),
])
def test_persons_introduced_without_a_title_before_the_name(sentence: str, name: str,
                                                            mention: str) -> None:
    found = draft(f"A headline\n\nLONDON - The talks went on.\n\n{sentence}\n")
    person = party(found, name)
    assert person.kind == "person"
    assert mention in [found.text[s:e] for s, e in person.mentions]


@pytest.mark.parametrize("sentence", [
    "Prices in Lviv, 2024, rose.",  # a year is no age
    "The river, a tributary of the Danube, froze.",  # no name
    "Our neighbour, the river, froze.",  # no capitalised name after the kin word
])
def test_no_person_from_an_age_or_kin_pattern_without_a_name(sentence: str) -> None:
    found = draft(f"A headline\n\nLONDON - The talks went on.\n\n{sentence}\n")
    assert [p.name for p in found.parties if p.kind == "person"] == []


@pytest.mark.parametrize(("sentence", "name", "mention"), [
    ("A bench headed by Chief Justice B.R. Gavai said the states had failed.", "B.R. Gavai",
     "Chief Justice B.R. Gavai"),
    ("Solicitor General Tushar Mehta told the court that fires were recorded.", "Tushar Mehta",
     "Solicitor General Tushar Mehta"),
    ("Senior advocate Gopal Sankaranarayanan said the pollution came from stubble.",
     "Gopal Sankaranarayanan", "Senior advocate Gopal Sankaranarayanan"),
    ("BNM Governor Datuk Seri Abdul Rasheed Ghaffour said inflation eased.",
     "Abdul Rasheed Ghaffour", "BNM Governor Datuk Seri Abdul Rasheed Ghaffour"),
])
def test_commonwealth_courts_and_malaysian_honorifics(sentence: str, name: str,
                                                      mention: str) -> None:
    found = draft(f"A headline\n\nLONDON - The talks went on.\n\n{sentence}\n")
    person = party(found, name)
    assert mention in [found.text[s:e] for s, e in person.mentions]


def test_a_possessive_common_noun_is_part_of_a_party_name() -> None:
    found = draft("A headline\n\nMADRID - The conservative People's party said it would "
                  "appeal.\n")
    assert [p.name for p in found.parties if p.kind == "state"] == []


def test_a_place_in_a_caption_is_no_pictured_person() -> None:
    found = draft("A headline\nRescuers dig in Kalisari hamlet, Banjarnegara regency, Central "
                  "Java, on Dec. 7, 2027. (Antara/Anis Efizudin)\n\nJAKARTA - Rescuers dug on "
                  "Tuesday.\n")
    assert "Central Java" not in [p.name for p in found.parties if p.kind == "person"]


@pytest.mark.parametrize(("sentence", "name"), [
    ("Wilbert Clarke has fished crab out of Old Perlican for 31 years. He says his costs rose.",
     "Wilbert Clarke"),
    ("Lkhagvasuren Batbold spent the winter digging through the snow around his family's ger.",
     "Lkhagvasuren Batbold"),
])
def test_an_untitled_name_a_pronoun_points_back_to(sentence: str, name: str) -> None:
    found = draft(f"A headline\n\nLONDON - The talks went on.\n\n{sentence}\n")
    assert party(found, name).kind == "person"


def test_the_words_of_an_agencys_name_are_no_person() -> None:
    found = draft("A headline\n\nSEOUL, March 12 (Yonhap) -- North Korea's official Korean "
                  "Central News Agency (KCNA) said Tuesday the test had succeeded. It claimed the "
                  "missile flew for 4,310 seconds.\n")
    assert not [p for p in found.parties if p.kind == "person"]
    [stat] = facts(found, "statistics")
    assert field(stat, "attributed_to") == "Korean Central News Agency"
