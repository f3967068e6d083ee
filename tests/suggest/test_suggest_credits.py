"""Photo captions: every credit form agencies print, the agency, the persons pictured."""

from __future__ import annotations

import pytest
from _draft import draft, facts, field, words

from factsheet.suggest.credits import find_credit, is_caption_line

CAPTION = ("French President Emmanuel Macron and Britain's Prime Minister Keir Starmer arrive "
           "at the Elysee Palace in Paris, January 6, 2027.")


@pytest.mark.parametrize(("credit", "printed", "agency"), [
    ("(PHOTO / AFP)", "PHOTO / AFP", "AFP"),
    ("(PHOTO / POOL PHOTO VIA AP)", "PHOTO / POOL PHOTO VIA AP", "AP"),
    ("(PHOTO / DANUBIA PRESS)", "PHOTO / DANUBIA PRESS", "DANUBIA PRESS"),
    ("Photo: Reuters", "Photo: Reuters", "Reuters"),
    ("[Getty Images]", "Getty Images", "Getty Images"),
    ("AFP PHOTO / JULIEN MOREAU", "AFP PHOTO / JULIEN MOREAU", "AFP"),
    ("(AP Photo/Efrem Lukatsky)", "AP Photo/Efrem Lukatsky", "AP"),
    ("REUTERS/Ludovic Marin/Pool", "REUTERS/Ludovic Marin/Pool", "REUTERS"),
    ("(Photo by Jane Doe/Getty Images)", "Photo by Jane Doe/Getty Images", "Getty Images"),
    ("(Kyodo)", "Kyodo", "Kyodo"),
    ("( Turkish Coast Guard Command - Anadolu Agency )",
     "Turkish Coast Guard Command - Anadolu Agency", "Anadolu Agency"),
    ("- File Photo ( Emin Sansar - Anadolu Agency )",
     "File Photo ( Emin Sansar - Anadolu Agency )", "Anadolu Agency"),
    ("Dale Pruitt/Northwest Arkansas Courier", "Dale Pruitt/Northwest Arkansas Courier",
     "Northwest Arkansas Courier"),
    ("(Photo: AFP/Ramon Dela Cruz)", "Photo: AFP/Ramon Dela Cruz", "AFP"),
    ("--fotoBERNAMA (2027) COPYRIGHTS RESERVED", "fotoBERNAMA (2027) COPYRIGHTS RESERVED",
     "BERNAMA"),
])
def test_credit_forms(credit: str, printed: str, agency: str) -> None:
    line = f"{CAPTION} {credit}"
    found = find_credit(line)
    assert found is not None
    assert line[found.credit[0]:found.credit[1]] == printed
    assert found.agency is not None
    assert line[found.agency[0]:found.agency[1]] == agency


@pytest.mark.parametrize("line", [
    "The minister said the talks would go on (Reuters) - a headline",
    "Talks resumed on Tuesday (local time).",
    "ALSO READ: Ports brace for low water",
    "Leaders met in Paris for talks on the deal (2020 - 2024)",
    "He met Smith on Monday. John Doe/Jane Roe went home",
])
def test_lines_that_are_no_captions(line: str) -> None:
    assert not is_caption_line(line)


def test_web_page_leftovers_after_a_credit_are_ignored() -> None:
    line = f"[1/5] {CAPTION} REUTERS/Ludovic Marin Purchase Licensing Rights, opens new tab"
    found = find_credit(line)
    assert found is not None
    assert line[found.credit[0]:found.credit[1]] == "REUTERS/Ludovic Marin"


def test_a_caption_becomes_a_photo_with_its_agency_pictured_persons_place_and_date() -> None:
    found = draft(f"Leaders agree on guarantees\n{CAPTION} (PHOTO / POOL PHOTO VIA AP)\n\n"
                  "PARIS - Leaders met on Tuesday.\n")
    [photo] = facts(found, "photos")
    assert field(photo, "credit") == "PHOTO / POOL PHOTO VIA AP"
    assert field(photo, "agency") == "AP"
    assert field(photo, "pictured") == ["Emmanuel Macron", "Keir Starmer"]
    assert field(photo, "place") == "Paris"
    assert field(photo, "date") == "2027-01-06"
    assert words(found, photo) == CAPTION


def test_a_credit_on_the_line_after_its_caption() -> None:
    found = draft(f"Leaders agree on guarantees\n{CAPTION}\nPhoto: Reuters\n\n"
                  "PARIS - Leaders met on Tuesday.\n")
    [photo] = facts(found, "photos")
    assert field(photo, "credit") == "Photo: Reuters"
    assert words(found, photo) == CAPTION


def test_a_credit_alone_at_the_end_names_its_supplier() -> None:
    found = draft("A headline on shelling\n\nKYIV - The city was shelled, the mayor said.\n\n"
                  "Photo: Kherson Regional Military Administration\n")
    [photo] = facts(found, "photos")
    assert field(photo, "agency") == "Kherson Regional Military Administration"
    assert words(found, photo) == "Photo: Kherson Regional Military Administration"


def test_a_note_to_desks_is_no_credit_and_a_handout_credit_after_not_for_sale() -> None:
    from factsheet.suggest.credits import find_credit

    assert find_credit("(ATTN: ADDS minister's comments in paras 6-8, photo)") is None
    line = ("Trade Minister Kim Ji-ho speaks in Seoul, in this photo provided by his ministry. "
            "(PHOTO NOT FOR SALE) (Yonhap)")
    found = find_credit(line)
    assert found is not None and line[slice(*found.credit)] == "Yonhap"


@pytest.mark.parametrize("note", ["(Pool photo)", "(For Use Only in the Republic of Korea. No "
                                  "Redistribution)"])
def test_an_agency_in_brackets_after_another_bracket(note: str) -> None:
    from factsheet.suggest.credits import find_credit

    line = f"Foreign Minister Kim Ji-ho shakes hands with his guest in Seoul. {note} (Yonhap)"
    found = find_credit(line)
    assert found is not None and line[slice(*found.credit)] == "Yonhap"


@pytest.mark.parametrize(("line", "credit"), [
    ("Rescuers work at the site in Odesa. (Photo by Handout / UKRAINIAN EMERGENCY SERVICE / AFP) "
     "/ RESTRICTED TO EDITORIAL USE - MANDATORY CREDIT \"AFP PHOTO\" - NO MARKETING",
     "Photo by Handout / UKRAINIAN EMERGENCY SERVICE / AFP"),
    ("President Ostapchuk speaks with freed prisoners in the Chernihiv region. (Ukrainian "
     "Presidential Press Office via AP)", "Ukrainian Presidential Press Office via AP"),
])
def test_handout_credits(line: str, credit: str) -> None:
    from factsheet.suggest.credits import find_credit

    found = find_credit(line)
    assert found is not None and line[slice(*found.credit)] == credit
