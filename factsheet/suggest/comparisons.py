"""Periods and comparisons of a figure: "in December", "over the past 24 hours", "up from
38 a year earlier", "fell to X from Y", "compared with 81" — and the checks that keep a
suggested statistic valid: its value and baseline are where factsheet's own number reading
finds them (FS404), and a stated direction agrees with them (FS405).
"""

from __future__ import annotations

import re

from factsheet.suggest.draft import Draft, FactDraft
from factsheet.suggest.figures import Figure
from factsheet.suggest.text import Sentence, clean

_PERIOD = re.compile(
    r"\b(?P<period>(?:over|in|during)\s+the\s+(?:past|last|previous|first|second|third|fourth)\s+"
    r"(?:\d+\s+|\w+\s+)?(?:hours?|days?|weeks?|months?|years?|quarter|half(?:\s+of\s+\d{4})?|"
    r"day|night)(?:\s+of\s+(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December|\d{4}|the\s+year)(?:\s+\d{4})?)?|"
    r"(?:in|during|for|since|by\s+the\s+end\s+of|at\s+the\s+end\s+of)\s+"
    r"(?:(?:early|late|mid-?)\s*)?(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)(?:\s+\d{4})?|(?:in|during|for|since)\s+\d{4}|"
    r"(?:this|last|next)\s+(?:spring|summer|autumn|fall|winter|year|month|week|season|quarter)|"
    r"(?:in|during)\s+(?:the\s+)?(?:spring|summer|autumn|fall|winter)(?:\s+of\s+\d{4})?|"
    r"a\s+(?:year|month|week)\s+(?:earlier|ago|before)|(?:a|per)\s+(?:year|month|week|day)|"
    r"annually|overnight|year\s+on\s+year|"
    r"so\s+far\s+this\s+year|since\s+the\s+start\s+of\s+\w+(?:\s+\w+)?)\b", re.IGNORECASE)
_COMPARISON = re.compile(
    r"^(?P<between>(?:[^;.]|\.\d){0,100}?)\b(?P<marker>up\s+from|down\s+from|compared\s+with|"
    r"compared\s+to|"

    r"against|versus|vs\.?|from)\s+(?=(?:about|around|nearly|some|more\s+than|almost|just\s+)?"
    r"\s*[$€£¥]?\s*\d|\w+\b)", re.IGNORECASE)
_MOVED_TO = re.compile(r"\b(?:fell|rose|dropped|climbed|increased|decreased|declined|grew|"
                       r"jumped|slipped|surged|plunged|shrank|reduced|cut|raised|lowered|"
                       r"brought\s+down|narrowed|widened|eased|slowed|cooled|softened|"
                       r"accelerated|quickened|picked\s+up|edged\s+(?:up|down|higher|lower)|"
                       r"ticked\s+(?:up|down)|dipped|sank|soared|tumbled|slumped|rebounded|"
                       r"recovered|fallen|risen|moderated|inched\s+(?:up|down))\s+(?:[\w'’-]+\s+){0,6}?(?:by\s+[^,]{1,20}\s+)?"
                       r"to\s+\S*\s*$", re.IGNORECASE)

_MARKER_BEFORE = re.compile(r"\b(?P<marker>up\s+from|down\s+from|compared\s+(?:with|to)|"
                            r"(?:little|largely|barely|virtually|almost)\s+changed\s+from|"
                            r"unchanged\s+from)\s+$", re.IGNORECASE)


def late_baseline(text: str, figure: Figure, draft: Draft, sentence: Sentence) -> bool:
    """Attach "..., the mission said, up from 132 in November" to the figure it compares
    with (the last one of the sentence without a comparison); return True if attached."""
    marker = _MARKER_BEFORE.search(text, max(sentence.start, figure.start - 30), figure.start)
    if marker is None:
        return False
    earlier = [f for f in draft.of_kind("statistics") if sentence.start <= f.evidence[0][0]
               < sentence.end and "comparison" not in f.fields
               and f.evidence[0][1] >= figure.end]
    if not earlier:
        return False
    words = set(re.findall(r"[a-z]+", text[figure.end:figure.end + 25].lower())[:2])
    stat = next((f for f in earlier if words & set(re.findall(
        r"[a-z]+", f"{f.fields['measure']} {f.fields.get('unit', '')}".lower()))), earlier[-1])
    comparison: dict[str, object] = {"value": figure.shown}
    period = find_period(text, figure.end, min(sentence.end, figure.end + 40))
    if period:
        comparison["period"] = period
    stat.fields["comparison"] = comparison
    if not consistent(text, stat):
        del stat.fields["comparison"]
        return False
    stat.notes.append(f'compared "{clean(marker["marker"])}": check the baseline and its period')
    return True


def stated(text: str, stat: FactDraft) -> bool:
    """Return True when factsheet's own number reading finds the value (and the baseline)
    in the evidence, as check FS404 will; drop a baseline it does not find."""
    from factsheet.numbers import find_numbers, stated_in

    numbers = [n for s, e in stat.evidence for n in find_numbers(text[s:e])]
    comparison = stat.fields.get("comparison")
    if isinstance(comparison, dict) and stated_in(float(comparison["value"]), numbers) is None:
        del stat.fields["comparison"]
    return stated_in(float(stat.fields["value"]), numbers) is not None  # type: ignore[arg-type]


def consistent(text: str, stat: FactDraft) -> bool:
    """Return False when the words of the evidence state a direction ("up from", "fell")
    that the value and the baseline contradict (factsheet would report FS405)."""
    from factsheet.assemble import stated_direction, values_direction
    from factsheet.model.briefing import Evidence

    comparison = stat.fields.get("comparison")
    if not isinstance(comparison, dict):
        return True
    evidence = [Evidence.model_construct(article="", start=s, end=e, text=text[s:e],
                                         paragraph=1) for s, e in stat.evidence]
    said = stated_direction(evidence)
    value, baseline = stat.fields.get("value"), comparison.get("value")
    if said is None or not isinstance(value, int | float) or not isinstance(baseline, int | float):
        return True
    return values_direction(float(value), float(baseline)) is said

def expanded(figure: Figure) -> int | float:
    scales = {"thousand": 1e3, "million": 1e6, "mln": 1e6, "billion": 1e9, "bln": 1e9,
              "bn": 1e9, "trillion": 1e12, "lakh": 1e5, "crore": 1e7}
    value = figure.value * scales.get(figure.scale or "", 1)
    return int(value) if float(value).is_integer() else value


def drop_scale(unit: str | None) -> str | None:
    if unit is None:
        return None
    return re.sub(r"^(?:thousand|million|mln|billion|bln|bn|trillion|lakh|crore)\s*", "",
                  unit) or None

def find_comparison(text: str, figure: Figure, start: int, end: int, figures: list[Figure]
                ) -> tuple[tuple[Figure, str] | None, int]:
    """Return ((baseline, marker), where the figure's own words end) for "up from 38"."""
    later = [f for f in figures if f.start >= start]
    chunk = text[start:end]
    match = _COMPARISON.match(chunk)
    if match is None or not later:
        return None, _clause_end(text, start, end)
    marker = clean(match["marker"]).lower()
    marker_end = start + match.end()
    base = next((f for f in later if f.start >= marker_end - 1), None)
    if base is None or (base.start - marker_end > 12 and not re.fullmatch(
            r"\s*(?:an?|the)\s+(?:average|total|median|mean|level|rate)\s+of\s+",
            text[marker_end:base.start])):  # "compared with an average of 1,560 euros"
        return None, _clause_end(text, start, end)

    if marker == "from" and not _MOVED_TO.search(text[max(0, figure.start - 40):figure.start]):
        return None, _clause_end(text, start, end)
    if marker in ("against", "versus", "vs", "vs.") and re.match(
            r"\s*(?:percent|per\s+cent|%)?\s*(?:of\s+the\s+vote\s+)?for\s+[A-ZÀ-ÖØ-Þ]",
            text[base.end:base.end + 40]):
        return None, _clause_end(text, start, end)  # "31.4% against 29.8% for Órdenes"
    return (base, marker), start + match.start("marker")


def _clause_end(text: str, start: int, end: int) -> int:
    stop = re.search(r"[,;]|\s+(?:and|but)\s+(?=\S+\s+(?:said|were|was|had|have|are))",
                     text[start:end])
    return start + stop.start() if stop else end


#: Periods that say how a figure is measured rather than when: a dated one after them wins
#: ("rose 0.6 percent year on year in October": October).
_RATE_PERIODS = re.compile(r"year\s+on\s+year|(?:a|per)\s+(?:year|month|week|day)|annually",
                           re.IGNORECASE)


def find_period(text: str, start: int, end: int) -> str | None:
    found = list(_PERIOD.finditer(text, start, end)) if start < end else []
    dated = [m for m in found if not _RATE_PERIODS.fullmatch(m["period"])]
    match = dated[0] if dated else (found[0] if found else None)
    if match is None:
        return None
    period = clean(match["period"])
    return re.sub(r"^(?:in|during|over|for)\s+(?=\w)", "", period, flags=re.IGNORECASE) \
        if re.match(r"^(?:in|during)\s+(?:\d{4}|[A-Z])", period) else period
