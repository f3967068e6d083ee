"""The article header: title, byline and agency, published and updated times, datelines,
related links ("ALSO READ: ...").

Supports: header lines before the dateline, or the first short lines of a story without one;
"By NAME", "By NAME, AGENCY", "By AGENCY"; "(Reuters)", "(AP)" and "Kyodo" in the dateline;
"Reporting by ..." at the end; datelines as ``factsheet.article`` reads them, plus title-case
ones followed by an agency ("Paris (AFP) -"). Does not support: bylines inside HTML metadata
only (the HTML reader passes those on), several articles in one text.
"""

from __future__ import annotations

import datetime as dt
import re

from factsheet.article import NOT_CITIES
from factsheet.suggest import credits
from factsheet.suggest.data import gazetteer
from factsheet.suggest.draft import HIGH, LOW, Draft, HeaderDraft
from factsheet.suggest.text import Article, clean, split_sentences
from factsheet.suggest.timestamps import EMBARGO, format_stamp, read_embargo, read_stamps

_BYLINE = re.compile(r"^(?:by|BY|By|(?:Text|Written|Words|Story)\s+by\s*:?)\s+(?P<who>\S.*?)\s*$")
#: "Dimas Wiratama (The Jakarta Post)": a name and the outlet in brackets.
_BYLINE_OUTLET = re.compile(r"(?P<who>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){1,3})\s*"
                            r"\((?P<outlet>[^()]{2,40})\)")

#: An agency's site footer: "Anadolu Agency website contains only a portion of the news".
_FOOTER = re.compile(r"^(?P<agency>[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,3})\s+website\s+contains\b",
                     re.MULTILINE)
#: "(FRANCE 24 with AFP)", "(With AFP)", "- with Reuters": the wire a page's story draws on.
_WITH_WIRE = re.compile(r"^[ \t]*[(\[]?(?:[\w .&-]{2,30}\s+)?[Ww]ith\s+(?P<wire>AFP|AP|Reuters|dpa|"
                        r"EFE|ANSA|Xinhua|Anadolu|PTI|IANS)(?:(?:,\s*|\s+and\s+)[\w -]{2,20})?"
                        r"[)\]]?[ \t]*$", re.MULTILINE)
_REPORTER = re.compile(r"^(?:Reporters?|Reported\s+by|Writer)\s*:\s*(?P<who>[^\n]{3,80}?)\s*$",
                       re.MULTILINE)
_REPORTING = re.compile(r"\b(?:Reporting|Writing) by (?P<who>[^;.\n]+)")
_AGENCY_WORDS = re.compile(
    r"\b(?:News|Wire|Press|Service|Agency|Agence|Telegraph|Network|Media|Radio|Television|"
    r"Bureau|Associated|Times|Post|Herald|Tribune|Daily|Gazette|Journal|Broadcasting)\b")
_LENIENT_DATELINE = re.compile(
    r"^(?P<cities>[A-Z][\w'’.-]+(?:[ /-][A-Z][\w'’.-]+){0,3})(?:,[^\n\-–—(]{1,40}|"
    r"\s*\([^)\n]{1,30}\))?\s*"
    r"\((?P<agency>[^)\n]{1,40})\)\s*[-–—]{1,2}\s")
_DATELINE_AGENCY = re.compile(r"[^\n\-–—]{0,80}?\((?P<agency>[^)\n]{1,40})\)\.?\s*"
                              r"(?:[-–—:]|(?=[A-Z]))")
_REPORTS = re.compile(r",\s+(?:(?P<agency>[A-Z][\w-]+(?: [A-Z][\w-]+)?) (?:reports|reported)|"
                      r"according\s+to\s+(?P<according>[A-Z][\w-]+(?: [A-Z][\w-]+)?))\.\s*$")
_SECTION = re.compile(r"^(?:[A-Z][\w&-]*)(?:\s+[A-Z&][\w&-]*)?$")
#: More than this many words, or a full stop after this many, and a line is story, not header.
_LONGEST_HEADER_LINE = 60
_BLANK_HEADER_LINES = 8
#: Agencies a byline may end with, without a comma: "By HANNA ARHIROVA Associated Press".
_BYLINE_AGENCIES = ("Associated Press", "Reuters", "AFP", "Agence France-Presse", "Kyodo News",
                    "Bloomberg", "Ukrinform", "Xinhua", "dpa")


def read_header(article: Article, draft: Draft, zone: dt.tzinfo,
                meta: dict[str, str] | None = None) -> None:
    """Fill ``draft.header`` from the top of the story (and the HTML metadata, if any)."""
    header = draft.header
    lines = header_lines(article)
    if lines and article.structure.dateline_offset is None:
        article.header_end = lines[-1][1]
    rest: list[str] = []
    texts = _joined_times([article.text[start:end] for start, end in lines])
    for line in texts:
        if EMBARGO.match(line):  # "EMBARGOED TO 0001 THURSDAY MARCH 29": not the headline
            _embargo(article, line, header, zone)
            continue
        if _stamps(line, header, zone):
            place = _TRAILING_CITY.search(line) or _LEADING_CITY.match(line.strip())
            if place:  # "... 07:45 pm IST - BENGALURU", "Banjarnegara, Central Java ● Wed, ..."
                header.set("datelines", [place["city"].upper()], LOW,
                           "the city on the time line")
            continue
        if _byline(line, header) or _desk(line, header) or _byline_outlet(line, header):
            continue
        if _LONE_CITY.fullmatch(line.strip()) and line.strip() not in NOT_CITIES and \
                "datelines" not in header.values and \
                article.structure.dateline_offset is None and rest:
            header.set("datelines", [line.strip()], LOW, "a city on a line of its own in "
                       "the header")  # "PALERMO" under an ANSA headline
            continue
        if credits.is_caption_line(line) or credits.is_credit_only(line) or \
                _PAGE_JUNK.fullmatch(line.strip()):
            continue
        if _is_wire(line.strip()):  # "Reuters" on a line of its own
            header.set("agency", line.strip(), HIGH)
            continue
        if any(not _is_section_label(r) for r in rest) and _bare_byline(line, header):
            continue  # after the headline: "Rebecca Hollis", "Northwest Arkansas Courier"
        rest.append(line)
    headlines = [clean(line) for line in rest if not _is_section_label(line)]
    if len(headlines) > 1 and len(headlines[0].split()) <= 3 and len(headlines[1].split()) >= 5:
        headlines = headlines[1:]  # "Nfld. & Labrador", then the headline
    title = headlines[0] if headlines else None
    if title:
        header.set("title", title.rstrip(), HIGH if len(title.split()) >= 3 else LOW)
    if "updated" not in header.values:
        modified = _MODIFIED.search(article.text, article.header_end)
        if modified:
            _stamps(f"Updated {modified['when']}", header, zone)
    _month_first(article, header)
    _check_times(header)
    _datelines(article, header)
    _agency_from_text(article, header)
    _feed_time(article, header, zone)
    reporter = _REPORTER.search(article.text, article.header_end)
    if reporter and "byline" not in header.values:  # Antara's "Reporter: X, Y" at the foot
        header.set("byline", clean(reporter["who"]), LOW, 'from "Reporter:" at the end')
    _agency_from_credits(article, header)
    _agency_from_interviews(article, header)
    _related(article, header)
    for name, value in (meta or {}).items():
        header.set(name, value, LOW, "read from the page's metadata")
    if "title" not in header.values:
        first = article.text.strip().splitlines()[0] if article.text.strip() else "Untitled"
        header.set("title", clean(first)[:200], LOW, "no headline found: the first line")


def _embargo(article: Article, line: str, header: HeaderDraft, zone: dt.tzinfo) -> None:
    """Take the time an embargo lifts as the publication time, unless the header prints one."""
    years = [int(y) for y in re.findall(r"\b(?:19|20)\d{2}\b", article.text)]
    stamp = read_embargo(line, years, zone)
    if stamp is None or "published" in header.values:
        return
    note = "the time the embargo lifts" + ("" if stamp.zone_printed else
                                           "; no time zone printed (factsheet suggest "
                                           "--timezone)")
    header.set("published", format_stamp(stamp.value), LOW, note)


def header_lines(article: Article) -> list[tuple[int, int]]:
    """Return the ``[start, end)`` of each header line: before the dateline, or the first
    short lines of a story without one."""
    text = article.text
    stop = article.structure.dateline_offset
    if stop is None:
        stop = _lenient_dateline_offset(article)
    found: list[tuple[int, int]] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        start, end = pos, pos + len(raw.rstrip("\r\n"))
        pos += len(raw)
        if stop is not None and start >= stop:
            break
        line = text[start:end].strip()
        if not line:
            continue
        lead = len(text[start:end]) - len(text[start:end].lstrip())
        found.append((start + lead, start + lead + len(line)))
        if stop is None and len(found) >= _MARKED_HEADER_LINES:
            break
    if stop is not None:
        return found
    return _header_by_markers(text, found) or _header_by_shape(text, found)


#: Without a dateline, the header is looked for among this many first lines.
_MARKED_HEADER_LINES = 14
#: What web pages print among header lines: buttons and labels.
_PAGE_JUNK = re.compile(r"(?:share(?:\s+this\s+article)?|social\s+sharing|why\s+you\s+can\s+"
                        r"trust\s+\w+|comments?|toggle\s+caption|listen|"
                        r"advertisement|hide\s+caption|save|print|e-?mail|\d+\s+min(?:ute)?s?\s+"
                        r"read|read\s+more|follow|subscribe|image|photo|video|audio)",
                        re.IGNORECASE)


def _header_by_markers(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the header lines of a page without a dateline: up to the last time line,
    byline, credit, caption or page label among the first lines (the title and a
    standfirst come before them)."""
    last = -1
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        if index and ((read_stamps(line, dt.UTC) and len(line.split()) <= 16) or
                      _BYLINE.match(line) or _BYLINE_OUTLET.fullmatch(line) or
                      credits.is_credit_only(line) or _PAGE_JUNK.fullmatch(line.strip()) or
                      _BARE_TIME.fullmatch(line.strip()) or _DESK.fullmatch(line.strip()) or
                      _LONE_CITY.fullmatch(line.strip()) or _is_section_label(line) or
                      (credits.is_caption_line(line) and index <= 8)):
            toggled = index > 0 and credits.is_caption_toggle(text[slice(*lines[index - 1])])
            last = index
            if credits.is_credit_only(line) and toggled and index + 1 < len(lines) and \
                    not credits.find_credit(text[lines[index + 1][0]:lines[index + 1][1]]) and \
                    len(text[lines[index + 1][0]:lines[index + 1][1]].split()) <= 45:
                last = index + 1  # NPR prints "toggle caption", the credit, then the
                # caption; elsewhere the line after a credit is the story's
        elif index > 8:
            break
    return lines[:last + 1] if last >= 1 else []


def _header_by_shape(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the first short lines: a story without dateline nor header marks."""
    found: list[tuple[int, int]] = []
    for start, end in lines:
        if _is_story_line(text[start:end]) or len(found) >= _BLANK_HEADER_LINES:
            break
        found.append((start, end))
    return found


def _is_story_line(line: str) -> bool:
    if credits.is_caption_line(line) or credits.is_credit_only(line):
        return False
    words = line.split()
    if len(words) > _LONGEST_HEADER_LINE:
        return True
    sentences = split_sentences(line, 0, len(line))
    return len(words) > 14 and (line.endswith(".") or len(sentences) > 1)


def _lenient_dateline_offset(article: Article) -> int | None:
    for start, end, _ in article.paragraphs:
        if _LENIENT_DATELINE.match(article.text[start:end]):
            return start
    return None


def _stamps(line: str, header: HeaderDraft, zone: dt.tzinfo) -> bool:
    found = read_stamps(line, zone)
    words = re.sub(r"[\d:.,|+\-−()/]", " ", line).split()
    if not found or len(words) > 16:
        return False
    dotted = re.match(r"^(?P<name>[^·]{3,60}?)\s+·\s+(?P<outlet>[^·]{2,40}?)\s+·", line)
    if dotted and _looks_like_a_name(dotted["name"]):  # "Jenna Whelan-Snow · CBC News ·"
        header.set("byline", dotted["name"].strip(), HIGH)
        header.set("agency", dotted["outlet"].strip(), LOW, "from the byline")
    lead = re.match(r"^(?P<name>[^\W\d_](?:[^\W\d_]|[ .,&'’-]){1,60}?)\s*[-–—|]\s*(?=\d)",
                    line) or \
        re.match(r"^(?P<name>[^\W\d_][\w .&'’-]{1,40}?)\s+[-–—|]\s", line)
    if lead and is_agency_name(lead["name"].title()) and not read_stamps(lead["name"], zone):
        known = gazetteer().organisations.get(lead["name"].title())
        header.set("agency", known.name if known else lead["name"], LOW,
                   "from the time line")
    elif lead and _looks_like_a_name(lead["name"]) and \
            not read_stamps(lead["name"], zone):  # "Ömer Faruk Yıldız |20.08.2027 13:42"
        header.set("byline", lead["name"].strip(), LOW, "the name before the time line")
    for name, stamp in found.items():
        notes = []
        if not stamp.zone_printed:
            assumed = format_stamp(stamp.value)[19:]
            notes.append(f"no time zone printed: {'UTC' if assumed == 'Z' else assumed} assumed "
                         "(factsheet suggest --timezone)")
        if not stamp.time_printed:
            notes.append("no time printed: midnight assumed")
        header.set(name, format_stamp(stamp.value),
                   HIGH if stamp.time_printed else LOW, "; ".join(notes) or None)
    return True


#: "Published - July 20, 2027 07:45 pm IST - BENGALURU": the city after the time.
_TRAILING_CITY = re.compile(r"\d\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5}\s*)?[-–—|]\s*"
                            r"(?P<city>[A-Z][A-Z'’.-]{2,}(?:\s[A-Z][A-Z'’.-]{2,})?)\s*$",
                            re.IGNORECASE)
#: "Banjarnegara, Central Java   ●   Wed, December 8, 2027": the city before the date.
_LEADING_CITY = re.compile(r"(?P<city>[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+)?)(?:,\s*[A-Z][\w'’ .-]"
                           r"{1,30}?)?\s+[●•·|]\s+(?=(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|"
                           r"Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\d))")
#: "PALERMO" on a line of its own among the header lines.
_LONE_CITY = re.compile(r"[A-Z][A-Z'’.-]{2,}(?:\s[A-Z][A-Z'’.-]{2,})?")
#: "03 June 2027" then "16:42" on the next line.
_BARE_TIME = re.compile(r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?", re.IGNORECASE)
#: "Redazione ANSA", "Nikkei staff writer": the desk names the outlet.
_DESK = re.compile(r"(?:(?:Redazione|Redacción|Rédaction|Redação|Redaktion)\s+(?P<agency>\S.*)|"
                   r"(?P<who>[^,]{3,60}),\s+(?P<outlet>[A-Z][\w.&' -]{1,40}?)\s+(?:staff\s+writer|"
                   r"staff\s+reporter|correspondent|reporter|contributor|writer)|"
                   r"(?P<name>[^,|]{3,60}),\s+(?:[A-Z][a-z]+\s+){0,3}(?:Reporter|Correspondent|"
                   r"Editor|Writer|Producer|Journalist))")


def _joined_times(lines: list[str]) -> list[str]:
    """Join a time on a line of its own to the date on the line before it."""
    joined: list[str] = []
    for line in lines:
        if joined and _BARE_TIME.fullmatch(line.strip()) and \
                read_stamps(joined[-1], dt.UTC) and not _TIME_IN.search(joined[-1]):
            joined[-1] = f"{joined[-1]} {line.strip()}"
            continue
        joined.append(line)
    return joined


_TIME_IN = re.compile(r"\d{1,2}[:.]\d{2}")


def _byline_outlet(line: str, header: HeaderDraft) -> bool:
    """Read "Dimas Wiratama (The Jakarta Post)": the byline and the outlet."""
    match = _BYLINE_OUTLET.fullmatch(line.strip())
    if match is None or not _looks_like_a_name(match["who"]) or (
            not is_agency_name(match["outlet"].strip())
            and not re.match(r"The\s", match["outlet"])):
        return False
    header.set("byline", match["who"], HIGH)
    header.set("agency", match["outlet"].strip(), LOW, "from the byline")
    return True


def _desk(line: str, header: HeaderDraft) -> bool:
    """Read "Redazione ANSA" (the agency) and "KENTARO ISHIDA, Nikkei staff writer" (the
    byline and the outlet)."""
    match = _DESK.fullmatch(line.strip())
    if match is None:
        return False
    if match["name"]:  # "Mereana Walker, Education Reporter"
        if not _looks_like_a_name(match["name"]):
            return False
        header.set("byline", match["name"].strip(), HIGH)
        return True
    if match["agency"]:
        header.set("byline", line.strip(), LOW, "the desk that wrote the story")
        header.set("agency", match["agency"].strip(), LOW, "from the desk line")
        return True
    if not _looks_like_a_name(match["who"].title()):
        return False
    header.set("byline", match["who"].strip(), HIGH)
    header.set("agency", match["outlet"].strip(), LOW, "from the byline")
    return True


def _looks_like_a_name(
text: str) -> bool:
    """Return True for names of two to four capitalised words in any script, one or several
    ("Ömer Faruk Yıldız", "Zeynep Kaplan and Mustafa Hasan")."""
    names = [n.split() for n in re.split(r"\s+and\s+|\s*,\s*", text.strip())]
    return 0 < len(names) <= 4 and all(2 <= len(words) <= 4 and all(
        w[0].isupper() and w.replace("-", "").replace("'", "").isalpha() and w not in _NOT_NAMES
        for w in words) for words in names)


_DATELINE_DAY = re.compile(r"\b(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|"
                           r"Dec)[a-z]*\.?\s+(?P<day>\d{1,2})\b")


def _month_first(article: Article, header: HeaderDraft) -> None:
    """Swap day and month of times printed "07/12/2027" when the dateline says "Jul 12":
    the page prints dates month first, as US pages do."""
    start = article.structure.dateline_offset
    if start is None:
        return
    said = _DATELINE_DAY.search(article.text, start, start + 80)
    if said is None:
        return
    month = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
             "dec").index(said["month"][:3].lower()) + 1
    day = int(said["day"])
    for name in ("published", "updated"):
        value = header.values.get(name)
        if not isinstance(value, str) or not re.match(r"\d{4}-\d{2}-\d{2}", value):
            continue
        when = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        if (when.month, when.day) == (day, month) and day <= 12 and day != month:
            header.values[name] = value[:5] + f"{month:02d}-{day:02d}" + value[10:]
            header.notes[name] = "read month first, as the dateline's date shows"


def _check_times(header: HeaderDraft) -> None:
    """Drop an update time before the publication time (factsheet reports it, FS406)."""
    published, updated = header.values.get("published"), header.values.get("updated")
    if not isinstance(published, str) or not isinstance(updated, str):
        return
    def when(value: str) -> dt.datetime:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    if when(updated) < when(published):
        del header.values["updated"], header.confidence["updated"]
        header.notes.pop("updated", None)
        header.notes["published"] = (f"the text prints an update time ({updated}) before "
                                     "this: check both")


def _byline(line: str, header: HeaderDraft) -> bool:
    match = _BYLINE.match(line)
    if not match or len(match["who"].split()) > 16:
        return False
    who = re.sub(r"\s+(?:Staff|staff|Newsroom|newsroom)$", "", match["who"].rstrip("."))
    who = re.sub(r"^(?:[a-z][\w-]*\s+){0,3}(?:reporter|correspondent|editor|writer|"
                 r"journalist)\s+(?=[A-Z])", "", who)  # "By energy reporter Tom Carrick"
    if re.match(r"(?:Text|Written|Words|Story)\s", line) and is_agency_name(who):
        header.set("byline", who)  # "Text by: FRANCE 24": the outlet signs as the author
        return True
    wire = re.search(r"\s+with\s+(?P<wire>AFP|AP|Reuters|dpa|EFE|ANSA|agencies|wires)$", who)
    if wire:  # "By Tereza Nováková with AFP"
        who = who[:wire.start()]
        if wire["wire"] not in ("agencies", "wires"):
            header.set("agency", wire["wire"], LOW, "the agency the byline names")

    who = re.sub(r"(?<!,)\s+(" + "|".join(re.escape(a) for a in _BYLINE_AGENCIES) + r")$",
                 r", \1", who)
    parts = [p.strip() for p in re.split(r",\s+|\s+[|–—-]\s+", who) if p.strip()]
    desk = _STAFF_ROLE.fullmatch(parts[-1]) if len(parts) > 1 else None
    if desk:  # "By Harriet Okonjo-Lane, PA Environment Correspondent": PA, then the role
        parts[-1] = desk["agency"] if _is_wire(desk["agency"] or "") else ""
        parts = [p for p in parts if p]
        if not parts[-1:] or parts[-1] != desk["agency"]:
            header.set("byline", ", ".join(parts))
            return True
    agency = parts[-1] if parts and is_agency_name(parts[-1]) else None
    if agency is None and len(parts) > 1 and re.fullmatch(r"[A-Z][a-z]+", parts[-1]):
        parts = parts[:-1]  # "By Amit Kumar Jha, Gopalganj": the reporter's town
    people = ", ".join(parts[:-1] if agency else parts)
    header.set("byline", people or None)
    header.set("agency", agency)
    return True


#: A reporter's post after the name: "PA Environment Correspondent", "Political Editor".
_STAFF_ROLE = re.compile(r"(?:(?P<agency>[A-Z]{2,5}|Reuters|Bloomberg|Xinhua)\s+)?(?:Chief\s+|"
                         r"Senior\s+|Deputy\s+)?(?:[A-Z][a-z]+\s+){0,2}(?:Correspondent|Reporter|"
                         r"Editor|Writer|Staff\s+Writer|Journalist|Columnist)")
_BARE_NAME = re.compile(r"(?P<who>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}?)(?:\s+(?:[A-Z]?[a-z]+"
                        r"\s+){0,2}(?:correspondent|reporter|editor|writer|columnist|"
                        r"journalist)|\s+in\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?)?")
_OUTLET = re.compile(r"(?:The\s+)?(?:[A-Z][\w'’.&-]*\s+){0,4}(?:Courier|Times|Post|Herald|"
                     r"Gazette|Journal|News|Tribune|Chronicle|Star|Press|Observer|Telegraph|"
                     r"Guardian|Independent|Express|Record|Register|Courant|Inquirer|Dispatch|"
                     r"Bulletin|Review|Standard|Examiner|Enquirer|Leader|Mercury|Globe|Ledger|"
                     r"Democrat|Reporter|Sentinel|Argus|Advertiser|Citizen|Mail)")
_NOT_NAMES = frozenset({"The", "A", "An", "In", "On", "At", "By", "And", "Of", "For", "To",
                        "Updated", "Published", "Live", "Breaking", "Exclusive", "Analysis"})
#: "Last modified on Tue 9 Mar 2027 21.05 GMT" at the foot of a newspaper's page.
_MODIFIED = re.compile(r"^(?:Last\s+modified|Last\s+updated)(?:\s+on)?:?\s+(?P<when>.{6,60})$",
                       re.MULTILINE)


def _bare_byline(line: str, header: HeaderDraft) -> bool:
    """Read a header line that is only a name ("Rebecca Hollis", "Hannah Okoye Health
    correspondent") as the byline, or only an outlet's name as the agency."""
    text = " ".join(line.split())
    wires = re.search(r"\s+with\s+(?:AFP|AP|Reuters|dpa|EFE|ANSA|KNA|epd|agencies|wires)"
                      r"(?:(?:,\s*|\s+and\s+)(?:AFP|AP|Reuters|dpa|EFE|ANSA|KNA|epd))*$", text)
    if wires:  # "Lukas Brandt-Okafor with dpa, Reuters": the reporter, helped by the wires
        text = text[:wires.start()]
    if _OUTLET.fullmatch(text) and len(text.split()) >= 2 and "agency" not in header.values:
        header.set("agency", text, LOW, "a line of its own under the headline")
        return True
    pair = [p.strip() for p in text.split(" | ")]
    if len(pair) > 1 and all(_looks_like_a_name(p) for p in pair) and \
            "byline" not in header.values:  # "Nadir Soomro | Ali Hassan Junejo"
        header.set("byline", " and ".join(pair), LOW, "names on a line of their own")
        return True
    team = [re.sub(r"\s+in\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?$", "", p)
            for p in re.split(r"\s+(?:with|and)\s+|,\s+", text)]
    if len(team) > 1 and "byline" not in header.values and not is_agency_name(text) and \
            all(_looks_like_a_name(p) for p in team):
        # "Helena Marsh in Brussels and Paolo Bernardi in Rome", "Eleni KARAMANLI with
        # Julien MOREAU in Brussels": reporters and where they wrote from, as printed
        header.set("byline", text, LOW, "names on a line of their own")
        return True
    name = _BARE_NAME.fullmatch(text)
    if name is None or "byline" in header.values:
        return False

    words = name["who"].split()
    titles = gazetteer().title_words
    if any(w.lower() in titles or w in _NOT_NAMES for w in words) or is_agency_name(name["who"]):
        return False
    header.set("byline", name["who"], LOW, "a name on a line of its own under the headline")
    return True


def _is_wire(name: str) -> bool:
    """Return True when the list of organisations knows ``name`` as a news agency."""
    known = gazetteer().organisations.get(name)
    return known is not None and known.kind == "news_agency"


def is_agency_name(text: str) -> bool:
    """Return True when ``text`` names a news organisation rather than people."""
    known = gazetteer().organisations.get(text)
    if known is not None:
        return known.kind in ("news_agency", "media_outlet")
    if _AGENCY_WORDS.search(text):
        return True
    return bool(re.fullmatch(r"[A-Z]{2,6}", text))


def _is_section_label(line: str) -> bool:
    """Return True for "World", "Europe News" — a site's section, not a headline."""
    words = line.split()
    if re.fullmatch(r"[A-Z][a-z]+(?:-[a-z]+){1,6}(?:,\s*[A-Z]{3,})?", line.strip()):
        return True  # AFP's slug: "Mongolia-climate-agriculture-disaster, FOCUS"
    return (bool(_SECTION.match(line.strip())) and len(words) <= 2) or (
        0 < len(words) <= 4 and line.strip().isupper() and not any(c.isdigit() for c in line)
    ) or bool(re.fullmatch(r"[A-Z][\w&-]*(?:\s*[|›»>]\s*[A-Z][\w&-]*){1,3}", line.strip()))


def _datelines(article: Article, header: HeaderDraft) -> None:
    cities = list(article.structure.datelines)
    confidence = HIGH
    if not cities:
        found = next((m for s, e, _ in article.paragraphs
                      if (m := _LENIENT_DATELINE.match(article.text[s:e]))), None)
        if found:
            cities = [c.strip().upper() for c in found["cities"].split("/")]
            confidence = LOW
    if not cities:
        return
    seen, repeated = set(), []
    for city in cities:
        if city.casefold() in seen:
            repeated.append(city)
        seen.add(city.casefold())
    note = (f"{', '.join(repeated)} listed twice in the text (FS407): keep it once if that is "
            "a slip" if repeated else None)
    header.set("datelines", cities, confidence, note)


def _agency_from_text(article: Article, header: HeaderDraft) -> None:
    start = article.structure.dateline_offset
    if start is None:
        start = _lenient_dateline_offset(article)
    if start is not None:
        match = _DATELINE_AGENCY.match(article.text, start)
        if match and is_agency_name(match["agency"].strip()):
            header.set("agency", match["agency"].strip(),
                       HIGH, "from the dateline")
            return
        slashed = re.match(r"^[^\n]{0,80}?/(?P<agency>[A-Z][\w-]{1,15})/\.?\s",
                           article.text[start:start + 100])
        if slashed and is_agency_name(slashed["agency"]):  # ", October 21. /TASS/."
            header.set("agency", slashed["agency"], HIGH, "from the dateline")
            return
        kyodo = re.match(r"^[^\n\-–—]{0,60}\b(Kyodo)\b", article.text[start:start + 80])

        if kyodo:
            header.set("agency", "Kyodo", HIGH, "from the dateline")
            return
    for s, e, _ in [p for p in article.paragraphs if p[0] >= article.header_end][:4]:
        found = _REPORTS.search(article.text[s:e])
        if found is None:
            continue
        agency = found["agency"] or found["according"]
        if agency and ((found["agency"] and is_agency_name(agency)) or _is_wire(agency)):
            # ", Ukrinform reports.", ", according to Ukrinform." in the first paragraphs
            header.set("agency", agency, LOW, f'from "{found.group().strip(", ")}"')
            return
    footer = _FOOTER.search(article.text, article.header_end)
    if footer and is_agency_name(footer["agency"]):  # "Anadolu Agency website contains only
        header.set("agency", footer["agency"], LOW, "from the page's footer")  # a portion..."
        return
    with_wire = _WITH_WIRE.search(article.text, article.header_end)
    if with_wire:  # "(FRANCE 24 with AFP)" at the foot of the story
        header.set("agency", with_wire["wire"], LOW, f'from "{with_wire.group().strip()}"')
        return
    reporting = _REPORTING.search(article.text)
    if reporting and "byline" not in header.values:
        header.set("byline", clean(reporting["who"]), LOW,
                   'from "Reporting by" at the end')


#: PTI's feed ends "RC\n10181652\nNNNN": month, day, hour and minute the story was filed.
_FEED_TIME = re.compile(r"^(?P<month>\d{2})(?P<day>\d{2})(?P<hour>\d{2})(?P<minute>\d{2})\s*\n"
                        r"\s*NNNN\s*$", re.MULTILINE)


def _feed_time(article: Article, header: HeaderDraft, zone: dt.tzinfo) -> None:
    """Read the time a feed's closing code gives when the header prints none; the year is
    the one the story mentions most (the latest of those mentioned as often)."""
    match = _FEED_TIME.search(article.text, max(article.header_end, len(article.text) - 200))
    if match is None or "published" in header.values:
        return
    years = [int(y) for y in re.findall(r"\b20\d{2}\b", article.text)]
    if not years:
        return
    year = max(set(years), key=lambda y: (years.count(y), y))
    try:
        value = dt.datetime(year, int(match["month"]), int(match["day"]), int(match["hour"]),
                            int(match["minute"]), tzinfo=zone)
    except ValueError:
        return
    header.set("published", format_stamp(value), LOW,
               f'from the feed code "{match.group().split()[0]}": check the year and zone')


def _agency_from_credits(article: Article, header: HeaderDraft) -> None:
    """When nothing else names the agency, take the one every photo credit ends with: the
    outlet's own photographer ("Diego Fedele/AAP PHOTOS", "Name - Anadolu Agency",
    "Kate Wren/The Guardian"). A credit that names the agency first ("AFP/Name") is a
    bought photo and says nothing of who wrote the story."""
    if "agency" in header.values or not article.captions:
        return
    for caption in article.captions:  # "Chanda Mwale for NPR": the photographer's outlet
        credit = article.text[caption.credit[0]:caption.credit[1]]
        if caption.agency and re.search(r"\sfor\s+\S", credit):
            header.set("agency", article.text[caption.agency[0]:caption.agency[1]], LOW,
                       "from the photo credit: check it")
            return
    names = set()
    for caption in article.captions:
        if caption.agency is None:
            return
        credit = article.text[caption.credit[0]:caption.credit[1]]
        agency = article.text[caption.agency[0]:caption.agency[1]]
        tail = article.text[caption.agency[1]:caption.credit[1]]
        known = gazetteer().organisations.get(agency) or gazetteer().organisations.get(
            agency.title())
        if known is not None and known.kind != "news_agency":
            known = None  # "(ABC News: Cason Ho)": an outlet's staff, not a wire's photo
        by = article.text[caption.credit[0]:caption.agency[0]]
        own = not re.sub(r"\W|PHOTOS?|Photos?", "", tail) and re.search(
            r"[A-Z][\w'’.-]+\s+[A-Z]", by) and \
            not credit.strip().startswith(agency) and (  # "Diego Fedele/AAP PHOTOS"
                known is None or re.search(r"PHOTOS?|Photos?", tail) or  # not "Name/AFP"
                re.search(r"\s[-–]\s*$", by))  # "( Ercan Yılmazer - Anadolu Agency )"
        staff = known is None and re.search(r"[/:]\s*[A-Z][\w'’.-]+\s+[A-Z][\w'’.-]+\s*$", tail)
        if not own and not staff:  # "Photo: RNZ / Tevita Fonua": no wire agency, staff
            return
        names.add(credits.agency_name(agency)[0])
    if len(names) == 1:
        header.set("agency", names.pop(), LOW, "from the photo credits: check it")


#: "she told DW", "said in an interview with CBC News": the outlet a source spoke to.
_TOLD = re.compile(r"\b(?:told|in\s+an\s+interview\s+with|speaking\s+to|spoke\s+to)\s+(?:the\s+)?"
                   r"(?P<outlet>[A-Z][\w.&/-]*(?:[ ][A-Z][\w.&/-]*){0,3})"
                   r"(?!\s+(?:news\s+agency|agency|newspaper|daily|broadcaster))")


def _agency_from_interviews(article: Article, header: HeaderDraft) -> None:
    """When nothing else names the outlet, take the one the story's sources spoke to ("she
    told DW"), if they spoke to one only. Wires are left out: any outlet's story may say a
    source "told Reuters" or "told the dpa news agency", and a wire's own story names the wire
    in its dateline."""
    if "agency" in header.values:
        return
    outlets = set()
    for match in _TOLD.finditer(article.text, article.header_end):
        words = match["outlet"].rstrip(".").split()
        for size in range(len(words), 0, -1):
            known = gazetteer().organisations.get(" ".join(words[:size]))
            if known is not None:
                if known.kind == "media_outlet":  # "told Reuters" in anyone's story
                    outlets.add(" ".join(words[:size]))
                break
    if len(outlets) == 1:
        outlet = outlets.pop()
        known = gazetteer().organisations[outlet]
        shown = known.name if known.name == f"The {outlet}" else outlet  # "The Kyiv Independent"
        header.set("agency", shown, LOW, f'a source "told {outlet}": check it')


def _related(article: Article, header: HeaderDraft) -> None:
    links = [{"title": title} for _, title, _, _ in article.structure.related]
    header.set("related", links, HIGH,
               "the links the text prints; add each one's url")
