"""Photo captions and the credit lines agencies print after them.

Supports, at the end of a caption line: "(PHOTO / AFP)", "(PHOTO / POOL PHOTO VIA AP)",
"(AP Photo/Efrem Lukatsky)", "(Photo: Reuters)", "(REUTERS/Name)", "Photo: Reuters",
"[Getty Images]", "AFP PHOTO / NAME", "REUTERS/Name"; a credit alone on the line after its
caption. The caption is the line before the credit; the agency is the one the credit names
("VIA AP" → AP, "AFP PHOTO / NAME" → AFP). Does not support: credits in the middle of a line,
captions split over several lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factsheet.article import split_blocks_by_line
from factsheet.suggest.data import gazetteer
from factsheet.suggest.text import CALENDAR_WORDS, clean

_AGENCIES = r"(?:REUTERS|Reuters|AFP|EPA(?:-EFE)?|AP|ANADOLU|Anadolu|XINHUA|Xinhua|SPUTNIK|TASS|" \
            r"UKRINFORM|Ukrinform|GETTY IMAGES|Getty Images|KYODO|Kyodo|YONHAP|Yonhap|PTI|IANS|" \
            r"ANI|BERNAMA|Bernama|AAP|dpa|DPA|EFE|ANSA|CNA)"
_FORMS = (
    # "... 2026. - File Photo ( Emin Sansar - Anadolu Agency )"
    re.compile(r"(?P<credit>\b(?:File\s+)?(?:Photo|PHOTO|Image)\s*\(\s*[^()]+?\s*\))\s*\.?\s*$"),
    # (PHOTO / AFP), (AP Photo/Name), (Photo: Reuters), (Photo by X/Getty Images)
    re.compile(r"\((?P<credit>[^()]*?\b(?:PHOTOS?|Photos?|photos?|IMAGES?|Images?|Pictures?)"
               r"\b[^()]*)\)\s*\.?\s*$"),
    # (NAME / AGENCY), (REUTERS/Name)
    re.compile(r"\((?P<credit>[^()]*?\s?/\s?[A-Z][\w .&'’/-]*)\)\s*\.?\s*$"),
    # ( Turkish Coast Guard Command - Anadolu Agency ), (Name - AGENCY)
    re.compile(r"\(\s*(?P<credit>[^()]*?\S\s+[-–]\s+[A-Z][\w .&'’-]*?)\s*\)\s*\.?\s*$"),
    # "... 2027. Dale Pruitt/Northwest Arkansas Courier": a name and an outlet
    re.compile(r"(?<=[.!?]\s)(?P<credit>[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){1,3}\s?/\s?"
               r"[A-Z][\w&'’.-]*(?:\s[A-Z][\w&'’.-]*){0,4})\s*$"),
    # "(Ukrainian Presidential Press Office via AP)": a handout a wire distributes
    re.compile(r"\((?P<credit>[A-Z][^()]{2,60}?\s+via\s+(?:AP|AFP|Reuters|Getty\s+Images|"
               r"EPA|Xinhua|Anadolu))\)\s*\.?\s*$"),
    # [Getty Images], [AFP]
    re.compile(r"\[(?P<credit>[^\[\]]*?(?:Images?|PHOTO|Photo|" + _AGENCIES + r")[^\[\]]*)\]"
               r"\s*\.?\s*$"),
    # "... here today. --fotoBERNAMA (2027) COPYRIGHTS RESERVED"
    re.compile(r"-{1,2}\s*(?P<credit>foto[A-Z]{2,}(?:\s*\(\d{4}\))?(?:\s+COPYRIGHTS?\s+RESERVED)?)"
               r"\s*$"),
    # "ST PHOTO: GAVIN LEE", "© Roscosmos press service/TASS", "Copyright AP Photo/Name"
    re.compile(r"(?P<credit>\b[A-Z]{2,}\s+PHOTO\s*:\s*\S.*?)\s*$"),
    re.compile(r"(?P<credit>(?:©|\bCopyright\b)\s*\S.*?)\s*$"),
    # a credit line of its own: "Salim Dawood/AFP via Getty Images", "Chanda Mwale for NPR"
    re.compile(r"^(?P<credit>[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){1,3}\s?/\s?(?:[A-Z][\w&'’.-]*"
               r"(?:\s[A-Z][\w&'’.-]*)+|[A-Z][\w&'’. -]+?\s+via\s+[A-Z][\w&'’. -]+))\s*$"),
    re.compile(r"^(?P<credit>[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){1,3}\s+for\s+[A-Z][\w&'’.-]*"
               r"(?:\s[A-Z][\w&'’.-]*){0,3})\s*$"),
    # AFP PHOTO / NAME

    re.compile(r"(?P<credit>\b[A-Z][A-Za-z-]*\s+PHOTO\s*/\s*\S[^/]*?)\s*$"),
    # "... Accra. Photographer: Kwasi Agyeman/Bloomberg", "— Photo courtesy: Rescue 1122",
    # "— Photo by Ali Hassan Junejo"
    re.compile(r"(?P<credit>\bPhotographer\s*:\s*\S.*?)\s*$"),
    re.compile(r"(?<=[.!?]\s)[—–-]\s*(?P<credit>Photo\s+(?:courtesy\s*:\s*|by\s+)\S.*?)\s*$"),
    # "... on Wednesday. | Kyodo": an agency after a bar
    re.compile(r"\|\s*(?P<credit>" + _AGENCIES + r"|Jiji|JIJI)\s*$"),
    # "... Monday morning.(ABC News: Cason Ho)": the outlet and the photographer
    re.compile(r"\((?P<credit>[A-Z][\w&'’.-]*(?:\s[A-Z][\w&'’.-]*){0,3}:\s*[A-Z][\w'’.-]+"
               r"(?:\s[A-Z][\w'’.-]+){0,3})\)\s*$"),
    # Photo: Reuters
    re.compile(r"(?P<credit>\b(?:Photo(?:graph)?s?(?: [Cc]redit)?|PHOTO|Image|Picture|Credit)\s*:"

               r"\s*\S.*?)\s*$"),
    # REUTERS/Name, REUTERS/Name/Pool
    re.compile(r"(?P<credit>\b" + _AGENCIES + r"\s?/\s?[A-Z][\w .'’-]+?(?:/[\w .'’-]+?)*)\s*$"),
    # "... 2026. (Kyodo)": a known agency in brackets after the caption's last sentence
    # "... by his ministry. (PHOTO NOT FOR SALE) (Yonhap)", "(Pool photo) (Yonhap)"
    re.compile(r"(?:(?<=[.!?]\s)|(?<=\)\s))\((?P<credit>" + _AGENCIES +
               r")\)\s*$"),
)
#: What web pages print after a credit ("Purchase Licensing Rights, opens new tab").
_AFTER_CREDIT = re.compile(r"\s*(?:Purchase\s+Licensing\s+Rights(?:,\s*opens\s+new\s+tab)?|"
                           r"opens\s+new\s+tab|/\s*RESTRICTED\s+TO\s+EDITORIAL\s+USE\b.*|"
                           r"\(PTI\d{2}_\d{2}_\d{4}_\w+\))\s*$",
                           re.IGNORECASE)
_PLACE = re.compile(r"\b(?:in|at|near|outside|over)\s+(?:the\s+)?(?P<place>[A-Z][\w'’-]+"
                    r"(?:\s+(?:[A-Z][\w'’-]+|de|del|la|am|upon|on-[A-Z]\w+)){0,3})")


@dataclass(frozen=True, slots=True)
class Credit:
    """A credit found in a line: offsets relative to the line."""

    start: int  # where the credit, with its brackets, begins
    credit: tuple[int, int]  # the credit as printed (inside brackets)
    agency: tuple[int, int] | None  # the agency's name inside the credit


def find_credit(line: str) -> Credit | None:
    """Return the photo credit ``line`` ends with, if any."""
    junk = _AFTER_CREDIT.search(line)
    if junk:
        line = line[:junk.start()]
    if _DESK_NOTE.match(line) or _FOOTER.match(line):
        return None  # "(ATTN: ADDS minister's comments in paras 6-8, photo)": a note to desks;
        # "Copyright © ANTARA 2030": the page's footer
    for form in _FORMS:
        match = form.search(line)
        if match and _plausible(match["credit"]):
            begin = match.start()
            return Credit(begin, match.span("credit"), _agency(line, match.span("credit")))
    return None


#: Notes to editors a wire prints above a story: "(ATTN: ADDS photo)", "(LEAD)", "(URGENT)".
_DESK_NOTE = re.compile(r"\s*\((?:ATTN|LEAD|URGENT|UPDATE|CORRECTED|REFILE|EDITORS?|"
                        r"EDS)\b[^()]*\)\s*$")


_FOOTER = re.compile(r"\s*(?:Copyright\s*©?|©)\s*(?:\d{4}\s+)?[A-Z][\w .&-]*?(?:\s+\d{4})?"
                     r"(?:\.\s*All\s+rights\s+reserved\.?)?\s*$", re.IGNORECASE)


def _plausible(credit: str) -> bool:
    words = credit.split()
    if re.fullmatch(r"(?:photos?|video|audio|gallery|watch)", credit.strip(), re.IGNORECASE):
        return False  # "... 23 missing (Photo)": EFE's mark that a photo goes with the story
    return 0 < len(words) <= 12


def is_caption_line(line: str) -> bool:
    """Return True when ``line`` is a caption followed by its credit."""
    found = find_credit(line)
    return found is not None and len(line[:found.start].split()) >= 3


def is_caption_toggle(line: str) -> bool:
    """Return True for NPR's "toggle caption" button, printed before a credit and the
    caption it introduces (the only page that puts the caption after the credit)."""
    return re.fullmatch(r"(?:toggle|hide|show)\s+caption", line.strip(), re.I) is not None


def is_credit_only(line: str) -> bool:
    """Return True when ``line`` holds nothing but a credit."""
    found = find_credit(line)
    return found is not None and not line[:found.start].strip(" .")


def _agency(line: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """Return where the credit names its agency: after VIA, before PHOTO, a known agency,
    or the last capitalised segment."""
    start, end = span
    credit = line[start:end]
    via = re.search(r"\b(?:VIA|via|Via)\s+(?P<a>\S.*?)\s*$", credit)
    if via:
        return (start + via.start("a"), start + via.end("a"))
    known = gazetteer().organisations
    for match in re.finditer(r"(?:(?!\s[-–]\s)[^/:\[\]()])+", credit):
        piece = match.group().strip()
        piece = re.sub(r"^(?:Photo(?:graph)?s?|PHOTOS?|Image|Picture|Credit)?\s*(?:by\s+)?", "",
                       piece).strip()
        piece = re.sub(r"\s+(?:PHOTOS?|Photos?)$", "", piece).strip()
        if piece and (piece in known or piece.title() in known or piece.upper() in known):
            at = credit.find(piece, match.start())
            return (start + at, start + at + len(piece))
    foto = re.match(r"foto(?P<a>[A-Z]{2,})", credit)
    if foto:  # "fotoBERNAMA"
        return (start + foto.start("a"), start + foto.end("a"))
    named = re.match(r"(?P<a>[A-Z][\w&'’.-]*(?:\s[A-Z][\w&'’.-]*){0,3}):\s+[A-Z]", credit)
    if named and named["a"] not in ("Photo", "Photos", "Photograph", "Photographer", "Credit",
                                    "Image", "Picture", "PHOTO", "Photo Credit"):
        return (start + named.start("a"), start + named.end("a"))  # "ABC News: Cason Ho"
    outlet_for = re.search(r"\sfor\s+(?P<a>[A-Z][\w&'’.-]*(?:\s[A-Z][\w&'’.-]*){0,3})\s*$", credit)
    if outlet_for:  # "Chanda Mwale for NPR"
        return (start + outlet_for.start("a"), start + outlet_for.end("a"))
    short = next((m for m in re.finditer(r"(?<![\w])[A-Z]{2,6}(?![\w])", credit)
                  if m.group() not in ("PHOTO", "PHOTOS", "FILE", "AP")), None)
    if short and not re.search(r"\bPHOTO\b", credit):  # "Photo: RNZ / Tevita Fonua"
        return (start + short.start(), start + short.end())
    before = re.match(r"\s*(?P<a>[A-Z][\w-]*)\s+PHOTO\b", credit) or \
        re.search(r"(?P<a>\b[A-Z]{2,}[\w-]*)\s+(?:PHOTO|Photo)\b", credit)
    if before:
        return (start + before.start("a"), start + before.end("a"))
    pieces = [m for m in re.finditer(r"[^/:]+", credit) if m.group().strip()]
    outlet = re.search(r"[/-]\s*(?P<a>[A-Z][\w&'’.-]*(?:\s[A-Z][\w&'’.-]*){0,4}\s(?:News|Press|"
                       r"Agency|Times|Post|Herald|Courier|Gazette|Journal|Tribune|Daily|"
                       r"Chronicle|Star|Observer|Telegraph|Guardian|Independent|Express|Record|"
                       r"Register|Images|Pictures))\s*\)?\s*$", credit)
    if outlet:  # "Dale Pruitt/Northwest Arkansas Courier", "Name - Anadolu Agency"
        return (start + outlet.start("a"), start + outlet.end("a"))
    if pieces:
        last = pieces[-1]
        text = last.group().strip()
        text = re.sub(r"^(?:PHOTOS?|Photos?)\s+", "", text)
        if text and text.upper() == text and any(c.isalpha() for c in text):
            at = credit.find(text, last.start())
            return (start + at, start + at + len(text))
    return None


def agency_name(printed: str) -> tuple[str, str, str | None]:
    """Return (the name a briefing shows, the name that identifies it, its country) for an
    agency as a credit prints it: "REUTERS" → Reuters, "DANUBIA PRESS" → Danubia Press."""
    known = gazetteer().organisations
    for key in (printed, printed.title(), printed.upper()):
        if key in known:
            org = known[key]
            shown = printed if printed.isupper() and len(printed) <= 5 else org.name
            return shown, org.name, org.country
    shown = printed.title() if printed.isupper() and len(printed) > 5 else printed
    return shown, shown, None


def caption_place(caption: str) -> str | None:
    """Return where the caption says the photo was taken ("in Novi Sad"), if it says."""
    places = [m["place"] for m in _PLACE.finditer(caption)
              if m["place"].split()[0] not in CALENDAR_WORDS]
    if not places:
        return None
    place = places[-1]
    return clean(re.sub(r"\s+(?:on|in)$", "", place))


@dataclass(frozen=True, slots=True)
class Caption:
    """A photo caption in the text and the credit printed with it."""

    start: int
    end: int  # the caption's words, without the credit
    credit: tuple[int, int]
    agency: tuple[int, int] | None


def find_captions(text: str, paragraphs: list[tuple[int, int]]) -> list[Caption]:
    """Return every caption: a line that ends with a credit, a line followed (in the same
    paragraph) by a line that holds only a credit, or a credit standing alone."""
    lines = [(s + a, s + b, n) for n, (s, e) in enumerate(paragraphs)
             for a, b in split_blocks_by_line(text[s:e])]
    found = []
    for index, (start, end, _) in enumerate(lines):
        line = text[start:end]
        credit = find_credit(line)
        if credit is None:
            continue
        shift = (credit.credit[0] + start, credit.credit[1] + start)
        agency = (credit.agency[0] + start, credit.agency[1] + start) if credit.agency else None
        words_before = re.sub(r"^\[\d+/\d+\]\s*", "", line[:credit.start]).rstrip(" .")
        lead = len(line[:credit.start]) - len(re.sub(r"^\[\d+/\d+\]\s*", "", line[:credit.start]))
        if len(words_before.split()) >= 3:
            found.append(Caption(start + lead, start + len(line[:credit.start].rstrip()),
                                 shift, agency))
        elif not words_before:
            prev_start, prev_end, _ = lines[index - 1] if index else (0, 0, -1)
            previous = text[prev_start:prev_end]
            next_line = index and text.count("\n", prev_end, start) == 1
            following = text[lines[index + 1][0]:lines[index + 1][1]] \
                if index + 1 < len(lines) else ""
            if next_line and len(previous.split()) >= 5 and find_credit(previous) is None:
                found.append(Caption(prev_start, prev_end, shift, agency))
            elif is_caption_toggle(previous) and \
                    5 <= len(following.split()) <= 60 and \
                    find_credit(following) is None and following.rstrip().endswith("."):
                # NPR prints "toggle caption", the credit, then the caption
                found.append(Caption(lines[index + 1][0], lines[index + 1][1], shift, agency))
            else:  # a credit on its own, for a photo the text does not describe
                found.append(Caption(start, end, shift, agency))

    return found
