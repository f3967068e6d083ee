"""Read the publication and update times a wire story prints in its header.

Supports: "Published: 14:05, April 9, 2027 | Updated: 16:20, April 9, 2027";
"January 6, 2027 7:45 PM GMT+1 Updated ..."; "Updated 10:15 AM GMT+1, January 5, 2025";
"14.02.2025 09:42"; "2025-01-05T10:23:00Z"; "6 January 2026, 18:30 (JST)"; zone names the
press prints (UTC, GMT, CET, EEST, ET, JST...) and offsets ("GMT+1", "UTC+02:00").
Does not support: relative times ("2 hours ago"), month-first numeric dates ("01/05/2025" is
read day first), years written with two digits.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
    ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
    ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
    ("december", "dec")), 1) for name in names}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATES = (
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})", re.I),
    re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?[\s-]+" + _MONTH + r",?[\s-]+(?P<year>\d{4})",
               re.I),
    re.compile(r"(?P<year>\d{4})[-/](?P<month>\d{1,2})[-/](?P<day>\d{1,2})"),
    re.compile(r"(?<![\d.])(?P<day>\d{1,2})[./](?P<month>\d{1,2})[./](?P<year>\d{4})"),
    re.compile(r"(?<![\d-])(?P<day>\d{1,2})-(?P<month>\d{1,2})-(?P<year>\d{4})"),

)
_TIME = re.compile(
    r"(?<![\d.:])(?P<hour>\d{1,2})(?:[:h]|\.(?=\d{2}(?![\d.])))(?P<minute>\d{2})"
    r"(?::(?P<second>\d{2}))?"
    r"(?:\s*(?P<ampm>[ap])\.?\s?m\.?(?![a-z]))?", re.I)
_ZONE = re.compile(
    r"\A[\s,]*\(?(?:(?P<name>Z|UTC|GMT|[A-Z]{2,5})(?![a-z])\s*)?"
    r"(?P<offset>[+\-−]\s?\d{1,2}(?::?\d{2})?)?\)?")
#: Offsets of the zone abbreviations wire services print (hours east of UTC).
_ZONES = {"Z": 0, "UTC": 0, "GMT": 0, "WET": 0, "WEST": 1, "BST": 1, "CET": 1, "CEST": 2,
          "EET": 2, "EEST": 3, "MSK": 3, "TRT": 3, "GST": 4, "PKT": 5, "IST": 5.5, "ICT": 7,
          "WIB": 7, "HKT": 8, "SGT": 8, "PHT": 8, "AWST": 8, "JST": 9, "KST": 9, "AEST": 10,
          "AEDT": 11, "NZST": 12, "NZDT": 13, "ET": -5, "EST": -5, "EDT": -4, "CT": -6,
          "CST": -6, "CDT": -5, "MT": -7, "MST": -7, "MDT": -6, "PT": -8, "PST": -8,
          "PDT": -7, "AKST": -9, "HST": -10, "NST": -3.5, "NDT": -2.5, "AST": -4, "ADT": -3}
_UPDATED = re.compile(r"\b(?:last\s+)?(?:updated|modified|update)\b:?", re.I)
_PUBLISHED = re.compile(r"\b(?:first\s+)?(?:published|posted|created|date|issued)\b:?", re.I)


@dataclass(frozen=True, slots=True)
class Stamp:
    """A time read from the text: aware, with whether the zone was printed."""

    value: dt.datetime
    zone_printed: bool
    time_printed: bool


def read_stamps(line: str, default: dt.tzinfo) -> dict[str, Stamp]:
    """Return {"published": ..., "updated": ...} for the times ``line`` prints, if any."""
    found: dict[str, Stamp] = {}
    segments = _segments(line)
    dates = [m for _, segment in segments if (m := _date_match(segment)) is not None]
    last: tuple[str, str] | None = None  # the last unlabelled date printed without a time
    for label, segment in segments:
        stamp = read_stamp(segment, default)
        if stamp is None and dates and _TIME.search(segment):
            if label is None and last is not None:
                # "14 Nov 2029 | 23:42 GMT": the time of the date before the bar
                name, date_text = last
                found[name] = read_stamp(f"{date_text} {segment}", default) or found[name]
                last = None
                continue
            # "Updated January 14 2028 - 6:41pm, first published 2:05pm": the same day
            year, month, day = dates[0][0]
            stamp = read_stamp(f"{year}-{month:02d}-{day:02d} {segment}", default)
        if stamp is None:
            continue
        name = label or ("published" if "published" not in found else "updated")
        found.setdefault(name, stamp)
        date_only = label is None and not stamp.time_printed and found[name] is stamp
        last = (name, segment) if date_only else None
    return found


def _segments(line: str) -> list[tuple[str | None, str]]:
    """Split a header line at "|" and at the labels "Published", "Updated"."""
    cuts = sorted([(m.start(), m.end(), "updated") for m in _UPDATED.finditer(line)]
                  + [(m.start(), m.end(), "published") for m in _PUBLISHED.finditer(line)]
                  + [(m.start(), m.end(), None) for m in re.finditer(r"\|", line)])
    result: list[tuple[str | None, str]] = []
    label, last = None, 0
    for start, end, name in cuts:
        if line[last:start].strip():
            result.append((label, line[last:start]))
        label, last = name, end
    result.append((label, line[last:]))
    return result


def read_stamp(segment: str, default: dt.tzinfo) -> Stamp | None:
    """Return the date and time ``segment`` prints, or None when it prints no date."""
    found = _date_match(segment)
    if found is None:
        return None
    date, span = found
    segment = segment[:span[0]] + " " * (span[1] - span[0]) + segment[span[1]:]
    time = _TIME.search(segment)
    hour = minute = second = 0
    zone: dt.tzinfo | None = None
    if time:
        hour, minute = int(time["hour"]), int(time["minute"])
        second = int(time["second"] or 0)
        if time["ampm"]:
            hour = hour % 12 + (12 if time["ampm"].lower() == "p" else 0)
        zone = _zone(segment[time.end():])
    if zone is None:
        iso = re.search(r"\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})", segment)
        zone = _offset(iso.group(1)) if iso else None
    try:
        naive = dt.datetime(date[0], date[1], date[2], hour, minute, second)
    except ValueError:
        return None
    printed = zone is not None
    value = naive.replace(tzinfo=zone or default)
    return Stamp(value, printed, time is not None)


def _date(segment: str) -> tuple[int, int, int] | None:
    found = _date_match(segment)
    return found[0] if found else None


def _date_match(segment: str) -> tuple[tuple[int, int, int], tuple[int, int]] | None:
    """Return ((year, month, day), where the date is printed) for the first full date."""
    for pattern in _DATES:
        for match in pattern.finditer(segment):
            month = match["month"]
            number = _MONTHS[month.lower().rstrip(".")] if month[0].isalpha() else int(month)
            year, day = int(match["year"]), int(match["day"])
            try:
                dt.date(year, number, day)
            except ValueError:
                continue
            return (year, number, day), match.span()
    return None


def _zone(after: str) -> dt.tzinfo | None:
    match = _ZONE.match(after)
    if not match or not (match["name"] or match["offset"]):
        return None
    name = match["name"]
    if name and name not in _ZONES:
        return None
    hours = float(_ZONES[name]) if name else 0.0
    if match["offset"]:
        shift = _offset(match["offset"])
        return shift if name in (None, "UTC", "GMT", "Z") else None
    return dt.timezone(dt.timedelta(hours=hours))


def _offset(text: str) -> dt.timezone | None:
    text = text.replace("−", "-").replace(" ", "")
    if text == "Z":
        return dt.UTC
    match = re.fullmatch(r"([+-])(\d{1,2})(?::?(\d{2}))?", text)
    if not match:
        return None
    minutes = int(match[2]) * 60 + int(match[3] or 0)
    if minutes > 14 * 60:
        return None
    sign = -1 if match[1] == "-" else 1
    return dt.timezone(dt.timedelta(minutes=sign * minutes))


def parse_zone(text: str) -> dt.tzinfo:
    """Return the zone a ``--timezone`` value names: "UTC", "+02:00", "GMT+1" or an IANA
    name ("Europe/Kyiv"); raise ValueError otherwise."""
    value = text.strip()
    if value.upper() in _ZONES:
        return dt.timezone(dt.timedelta(hours=_ZONES[value.upper()]))
    upper = value.upper()
    for prefix in ("UTC", "GMT"):
        if upper.startswith(prefix) and len(upper) > len(prefix):
            value = value[len(prefix):]
    shift = _offset(value)
    if shift is not None:
        return shift
    if "/" in value:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            return ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    raise ValueError(f"unknown time zone {text!r}: give UTC, an offset such as +02:00, or a "
                     "name such as Europe/Kyiv")


def format_stamp(value: dt.datetime) -> str:
    """Return the ISO 8601 form the annotation file takes (``Z`` for UTC)."""
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def day_before(reference: dt.date, weekday: str) -> dt.date | None:
    """Return the date of ``weekday`` ("Thursday") on or before ``reference``."""
    if weekday.lower() not in _WEEKDAYS:
        return None
    back = (reference.weekday() - _WEEKDAYS.index(weekday.lower())) % 7
    return reference - dt.timedelta(days=back)


def read_date(text: str) -> dt.date | None:
    """Return the first full date ``text`` prints ("April 8, 2027", "8 April 2027")."""
    found = _date(text)
    return dt.date(*found) if found else None


#: "EMBARGOED TO 0001 THURSDAY MARCH 29", "EMBARGOED UNTIL 00:01 GMT, Tuesday 4 June 2029".
EMBARGO = re.compile(r"^\s*EMBARGO(?:ED)?\s+(?:TO|UNTIL|TILL)\s*:?\s+(?P<hour>\d{2}):?"
                     r"(?P<minute>\d{2})"
                     r"(?:\s*(?:HRS|HOURS|H))?(?:\s+(?P<zone>[A-Z]{2,4}))?,?\s+"
                     r"(?:(?P<weekday>" + "|".join(_WEEKDAYS) + r")\s+)?(?:" + _MONTH +
                     r"\s+(?P<day>\d{1,2})|(?P<day2>\d{1,2})\s+(?P<month2>[a-z]+))"
                     r"(?:,?\s+(?P<year>\d{4}))?\s*$", re.IGNORECASE)


def read_embargo(line: str, years: list[int], default: dt.tzinfo) -> Stamp | None:
    """Return when an embargo line lifts. With no year printed, the weekday settles it: the
    year near those the story mentions (``years``) in which that day falls on that weekday."""
    match = EMBARGO.match(line)
    if match is None:
        return None
    month = _MONTHS.get((match["month"] or match["month2"] or "").lower().rstrip("."))
    day = int(match["day"] or match["day2"])
    if month is None:
        return None
    if match["year"]:
        candidates = [int(match["year"])]
    elif match["weekday"] and years:
        usual = max(set(years), key=lambda y: (years.count(y), y))
        candidates = [y for y in (usual + 1, usual, usual + 2, usual - 1)
                      if _weekday_of(y, month, day) == _WEEKDAYS.index(match["weekday"].lower())]
    else:
        candidates = []
    if not candidates:
        return None
    zone = _zone(match["zone"].upper()) if match["zone"] else None
    try:
        value = dt.datetime(candidates[0], month, day, int(match["hour"]), int(match["minute"]),
                            tzinfo=zone or default)
    except ValueError:
        return None
    return Stamp(value, zone_printed=zone is not None, time_printed=True)


def _weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return dt.date(year, month, day).weekday()
    except ValueError:
        return None
