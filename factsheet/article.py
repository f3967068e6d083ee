"""Read the structure of an article text: paragraphs and their kinds, datelines, related links.

Paragraphs are blocks separated by blank lines (or single lines, when the text has no blank
line at all). Everything before the dateline paragraph is header or photo caption; short lines
without closing punctuation after it are subheads; "ALSO READ: ..." lines are interstitials.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factsheet.model.common import ParagraphKind

_BLANK_LINES = re.compile(r"\n[ \t\r\f\v\u00a0]*\n\s*")
_INTERSTITIAL = re.compile(  # a bare "READ:" only in capitals, as CNA prints it
    r"^(?P<label>(?i:ALSO READ|READ MORE|READ ALSO|RELATED NEWS|RELATED|SEE ALSO|MORE ON THIS)|"
    r"READ)\s*"
    r"[:\-–—]\s*(?P<title>\S.*?)\s*$")
_DATELINE = re.compile(
    r"^(?P<cities>[^\W\d_][^\n,(\-–—]*?)(?:\s*,[^\n,\-–—]{0,40}?|\s*\([^)\n]{0,40}\))*"
    r"\s+[-–—]{1,2}\s+\S")
#: Agencies whose name in brackets ends a dateline that has no dash: "Dhanbad, Mar 4 (PTI)
#: Nine miners ...", "Paris (AFP) – ...".
_WIRE_AGENCIES = frozenset(
    name.casefold() for name in (
        "AP", "AFP", "Reuters", "PTI", "IANS", "ANI", "UNI", "dpa", "EFE", "ANSA", "Xinhua",
        "Yonhap", "Kyodo", "Jiji", "Bernama", "AAP", "TASS", "Interfax", "Ukrinform", "AA",
        "Anadolu", "KUNA", "WAM", "SPA", "QNA", "IRNA", "MENA", "Petra", "APA", "BTA", "CTK",
        "TASR", "MTI", "PAP", "STA", "HINA", "Tanjug", "Agerpres", "LETA", "ELTA", "BNS",
        "Belga", "ANP", "NTB", "TT", "STT", "Ritzau", "Lusa", "Europa Press", "NNA", "APP",
        "BSS", "Antara", "PNA", "VNA", "CNA", "KCNA", "Sputnik", "RIA Novosti", "CP", "NZPA",
        "Bloomberg", "UNN", "Yonhap News Agency", "Kyodo News", "NAN", "KNA", "APS", "MAP",
        "TAP", "ENA", "RSS", "Prensa Latina", "Andina", "Télam", "Telam", "ABI", "AIM",
        "Inform", "Kazinform", "Trend", "AKIpress", "Kabar", "Xinhua News Agency", "IRIB",
        "SANA", "NINA", "INA", "Kuna", "Thai PBS", "TNA", "Lao News Agency", "AKP", "Pajhwok",
        "NHK", "PA", "PA Media", "Canadian Press", "The Canadian Press", "Ghana News Agency",
        "GNA", "APA News", "SAPA", "ANA"))
_AGENCY_DATELINE = re.compile(
    r"^(?P<cities>[A-Z][\w'’.-]+(?:[ /-][A-Z][\w'’.-]+){0,3})(?:\s*,[^\n()\-–—]{1,40}?|"
    r"\s*\([^)\n]{1,30}\))?\s*\((?P<agency>[^)\n]{1,30})\)\s*(?:[-–—]{1,2}\s*|:\s*)?(?=\S)")
#: "VOSTOCHNY COSMODROME /Amur Region/, October 21. /TASS/.", as TASS prints it.
_TASS_DATELINE = re.compile(r"^(?P<cities>[A-Z][A-Z'’.-]+(?:\s[A-Z][A-Z'’.-]+){0,3})\s*"
                            r"(?:/[^/\n]{1,40}/)?,\s+[A-Z][a-z]+\.?\s+\d{1,2}\.\s*/(?P<agency>"
                            r"[A-Z][\w-]{1,15})/\.?\s")
#: "MANILA: The Philippines on Thursday ...", as CNA and Indian papers print it.
_COLON_DATELINE = re.compile(r"^(?P<cities>[A-Z][A-Z'’. -]{1,30}[A-Z](?:\s*/\s*[A-Z][A-Z'’. -]"
                             r"{1,30}[A-Z])*|[A-Z][a-z]+(?:\s*/\s*[A-Z][a-z]+)+):\s+"
                             r"(?=[A-Z\"“‘])")
NOT_CITIES = frozenset({"UPDATE", "BREAKING", "WATCH", "READ", "LISTEN", "EXCLUSIVE", "LIVE",
                         "ANALYSIS", "OPINION", "EDITORIAL", "NOTE", "CORRECTION", "PHOTO",
                         "VIDEO", "ALSO READ", "READ MORE", "READ ALSO", "FILE", "RELATED"})
#: What follows the dash of a time line rather than a dateline: a date or a time.
_DATED = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+"
                    r"\d{4}\b|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\d{4}-\d{2}-\d{2}\b|\d{1,2}:\d{2}\b")
#: "MUGLA, Türkiye" on a line of its own before the story, as Anadolu prints it.
_LINE_DATELINE = re.compile(r"^(?:(?P<cities>[A-Z][A-Z'’. -]{1,30}[A-Z]),\s+[A-ZÀ-Ý][\w'’ .-]{1,30}"
                            r"|(?P<pair>[A-Z][A-Z'’.-]{1,30}(?:\s*/\s*[A-Z][A-Z'’.-]{1,30})+))$")
#: The forms without a dash are looked for only this near the top of the text.
_LENIENT_BLOCKS = 10
_CREDIT = re.compile(
    r"(?:\((?:[^()]*\bPHOTOS?\b[^()]*|[^()]*/\s*[A-Z][A-Z .&'-]+)\)|\bPhoto:\s*\S.*"
    r"|\[[^\]]*(?:Images|PHOTO|Photo)[^\]]*\]|\b[A-Z]{2,}\s+PHOTO\s*/\s*\S.*)\s*$")
#: A credit that closes a caption line, Bernama's included.
_FOTO_CREDIT = re.compile(r"(?:-{1,2}\s*foto[A-Z]{2,}\b.*|\([^()]*\b(?:PHOTOS?|FOTO)\b[^()]*\))"
                          r"\s*$")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]\s*$")


@dataclass(frozen=True, slots=True)
class Block:
    start: int
    end: int
    kind: ParagraphKind


@dataclass(frozen=True, slots=True)
class Structure:
    paragraphs: list[Block]
    datelines: list[str]
    dateline_offset: int | None
    related: list[tuple[str, str, int, int]]  # label, title, start, end


def split_blocks(text: str) -> list[tuple[int, int]]:
    """Return the ``[start, end)`` of each paragraph, surrounding whitespace excluded."""
    if not _BLANK_LINES.search(text):
        return split_blocks_by_line(text)
    blocks, last = [], 0
    for match in _BLANK_LINES.finditer(text):
        blocks.append((last, match.start()))
        last = match.end()
    blocks.append((last, len(text)))
    result = []
    for start, end in blocks:
        chunk = text[start:end]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            result.append((start + lead, start + lead + len(stripped)))
    return result


def read_structure(text: str) -> Structure:
    """Return the paragraphs (with kinds), datelines and interstitial links of ``text``."""
    blocks = split_blocks(text)
    dateline_at, cities = None, []
    for i, (start, end) in enumerate(blocks):
        found = _dateline(text[start:end])
        if found and _FOTO_CREDIT.search(text, start, end) and i + 1 < len(blocks) and \
                _dateline(text[slice(*blocks[i + 1])]):
            continue  # "PONTIAN, March 8 -- Officials brief the media. --fotoBERNAMA (2030)
            # COPYRIGHTS RESERVED": Bernama's caption repeats the dateline above the story's
        if found:
            dateline_at, cities = i, found
            break
    if dateline_at is None:
        for i in range(min(len(blocks), _LENIENT_BLOCKS)):
            found = _lenient_dateline(text, blocks, i)
            if found:
                # A dateline on a line of its own is header; the story starts after it.
                alone = _LINE_DATELINE.match(text[blocks[i][0]:blocks[i][1]]) is not None
                dateline_at, cities = i + alone, found
                break
    if dateline_at:
        # Header lines (date, headline, byline, caption) often stand without blank lines
        # between them: before the dateline, every line is its own paragraph.
        head = [line for start, end in blocks[:dateline_at] for line in _lines(text, start, end)]
        blocks = head + blocks[dateline_at:]
        dateline_at = len(head)
    paragraphs, related = [], []
    listing: str | None = None  # the label of a list whose titles stand a paragraph each
    for i, (start, end) in enumerate(blocks):
        chunk = text[start:end]
        link = _INTERSTITIAL.match(chunk)
        listed = _related_list(text, start, end) if "\n" in chunk else []
        label = _LINK_LIST.fullmatch(chunk) if len(chunk) < 30 else None
        if listing is not None and not _is_link_title(chunk):
            listing = None
        if label and i + 1 < len(blocks) and _is_link_title(text[slice(*blocks[i + 1])]):
            kind = ParagraphKind.INTERSTITIAL  # "Read More", then a title a paragraph
            listing = label["label"]
        elif listing is not None:
            kind = ParagraphKind.INTERSTITIAL
            related.append((listing, chunk, start, end))
        elif link and "\n" not in chunk:
            kind = ParagraphKind.INTERSTITIAL
            related.append((link["label"], link["title"], start, end))
        elif listed:
            kind = ParagraphKind.INTERSTITIAL
            related += listed
        elif dateline_at is not None and i < dateline_at:
            kind = ParagraphKind.CAPTION if _CREDIT.search(chunk) else ParagraphKind.HEADER
        elif _is_subhead(chunk) and i != dateline_at:
            kind = ParagraphKind.SUBHEAD
        else:
            kind = ParagraphKind.BODY
        paragraphs.append(Block(start, end, kind))
    offset = blocks[dateline_at][0] if dateline_at is not None else None
    return Structure(paragraphs, cities, offset, related)


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + a, start + b) for a, b in split_blocks_by_line(text[start:end])]


def split_blocks_by_line(chunk: str) -> list[tuple[int, int]]:
    """Return the ``[start, end)`` of each non-blank line of ``chunk``, stripped."""
    result, pos = [], 0
    for line in chunk.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            result.append((pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return result


def _dateline(chunk: str) -> list[str]:
    match = _DATELINE.match(chunk)
    if not match:
        return []
    cities = [c.strip() for c in match["cities"].split("/")]
    if not all(c and c == c.upper() and any(ch.isalpha() for ch in c) for c in cities):
        return []
    if any(c in NOT_CITIES for c in cities):
        return []  # "FILE - Power lines near ...": an AP file photo's caption
    if _DATED.match(chunk, match.end() - 1):
        return []  # "KYODO NEWS - Nov 14, 2030 - 10:05": an agency's time line
    return cities



def _lenient_dateline(text: str, blocks: list[tuple[int, int]], i: int) -> list[str]:
    """Return the cities of a dateline printed without a dash: before an agency's name in
    brackets, before a colon, or on a line of its own with the country after a comma."""
    start, end = blocks[i]
    chunk = text[start:end]
    match = _AGENCY_DATELINE.match(chunk)
    if match and match["agency"].strip().casefold() in _WIRE_AGENCIES:
        return [c.strip().upper() for c in match["cities"].split("/")]
    match = _TASS_DATELINE.match(chunk)
    if match:
        return [match["cities"].strip()]
    match = _COLON_DATELINE.match(chunk)
    if match and match["cities"] not in NOT_CITIES and len(match["cities"].split()) <= 4:
        return [c.strip().upper() for c in match["cities"].split("/")]  # "Gopalganj/Patna:"
    match = _LINE_DATELINE.match(chunk)
    if match and i + 1 < len(blocks) and len(text[blocks[i + 1][0]:blocks[i + 1][1]]) > 120:
        if match["pair"]:  # "BAGHDAD / ANKARA"
            return [c.strip() for c in match["pair"].split("/")]
        return [match["cities"].strip()]
    return []


#: A block of related links: "Recommended Stories" or "Related coverage:", then one title a
#: line (Al Jazeera adds "list 1 of 3" lines).
_LINK_LIST = re.compile(r"(?P<label>(?i:Recommended(?:\s+[Ss]tories)?|Related(?:\s+[Cc]overage|"
                        r"\s+[Ss]tories|\s+[Aa]rticles)?|More\s+on\s+this\s+story|Read\s+more|"
                        r"See\s+also|Also\s+read|ALSO\s+READ|READ\s+MORE|RELATED|On\s+the\s+same\s+topic|"
                        r"More\s+on\s+this\s+topic|You\s+(?:may|might)\s+also\s+like|Keep\s+reading|"
                        r"More\s+from\s+[A-Z][\w&]*(?:\s+[A-Z&][\w&]*)?))"
                        r"[ \t]*:?[ \t]*")
_LIST_NOISE = re.compile(r"list\s+(?:of\s+\d+\s+items|\d+\s+of\s+\d+)|end\s+of\s+list",
                         re.IGNORECASE)


def _related_list(text: str, start: int, end: int) -> list[tuple[str, str, int, int]]:
    """Return the links of a block that opens with a related-links label on a line of its
    own, one title a line. Only blocks of several lines are asked, and the label is matched
    before the block is split, so an ordinary paragraph costs one failed match."""
    first = _LINK_LIST.match(text, start, end)
    if first is None or text[first.end():first.end() + 1] != "\n":
        return []  # the label must be the block's whole first line
    lines = _lines(text, start, end)
    label = first["label"]
    titles = [(s, e) for s, e in lines[1:] if not _LIST_NOISE.fullmatch(text[s:e])]
    if not titles or any(len(text[s:e].split()) > 25 or text[s:e].endswith(".")
                         for s, e in titles):
        return []
    return [(label, *_unbulleted(text, s, e)) for s, e in titles]


def _unbulleted(text: str, start: int, end: int) -> tuple[str, int, int]:
    """Return a listed title without its bullet ("• UAE petrol prices ...") and its span."""
    bullet = re.match(r"[•·▪●◦*\-–—]\s+", text[start:end])
    if bullet:
        start += bullet.end()
    return text[start:end], start, end


def _is_link_title(chunk: str) -> bool:
    """Return True for a line that may be a related story's title: short, with no full stop
    and no quotation marks at its end (a title may ask a question)."""
    return "\n" not in chunk and len(chunk.split()) <= 25 and \
        not re.search(r"[.!:;\"”’]\s*$", chunk) and not re.search(r"\b(?:said|says)\b", chunk)


def _is_subhead(chunk: str) -> bool:
    return "\n" not in chunk and len(chunk) <= 90 and not _SENTENCE_END.search(chunk)
