"""Attributed statistics: the value, what is counted, the period, who claims it and where,
and what it is compared with.

Supports: numbers in digits and words with scale words, currency signs and percentages;
markers ("about", "nearly", "more than"); the unit and the counted phrase after the number
("56 riverside towns", "81 of the drones"); periods ("in December", "in 2026", "this
spring", "a year", "overnight", "over the past 24 hours"); comparisons ("up from",
"down from", "fell to X from Y", "compared with") with their baseline and its period; the
source and channel through ``attribution.py``, including "citing" (the outlet becomes
``reported_via``). Leaves out: years, dates, times, ordinals, durations ("four hours"),
numbers inside quotations, and amounts someone commits to ("will provide 40 pumps" — a
commitment, see ``cues.py``). A number with no source in its sentence, the one before or
the one after is left out: every statistic must say who claims it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factsheet.model.common import Confidence
from factsheet.suggest import attribution as A
from factsheet.suggest import comparisons as C
from factsheet.suggest import parties as P
from factsheet.suggest.draft import HIGH, LOW, Draft, FactDraft
from factsheet.suggest.figures import GLUED_UNITS, Figure, iter_figures
from factsheet.suggest.text import Article, Sentence, clean, slug

_TIME_UNITS = re.compile(r"^\s*(?:-\s*)?(?:(?:hours?|minutes?|seconds?|days?|weeks?|months?|"
                         r"years?|decades?|centuries|nights?|o'clock|am|pm)\b|[ap]\.m\.)",
                         re.IGNORECASE)
#: A duration is a claim when a marker bounds it ("more than 11 hours", "up to 20 years") or
#: it counts occasions ("on 352 days last year").
_BOUNDED_DURATION = re.compile(r"^\s*(?:hours|days|weeks|months|years|nights)\b(?!\s+old\b)",
                               re.IGNORECASE)
_RATIO = re.compile(r"^\s+times\s+(?:the|as|more|higher|lower|larger|bigger|greater|that|what|"
                    r"its|their)\b", re.IGNORECASE)
#: "3.9 billion pesos (US$68 million)", "32 yuan (about 4.5 U.S. dollars)": a conversion.
_CONVERSION = re.compile(r"\d(?:\s*(?:thousand|million|billion|trillion|crore|lakh|bn|m))?"
                         r"(?:\s+|-|)"
                         r"[A-Za-z.$€£¥₹ ]{2,25}\(\s*(?:about|around|roughly|some|approximately|"
                         r"nearly|or|equivalent\s+to)?\s*$")
#: "announced an ex gratia of Rs 10 lakh", "had offered a pay rise of 9%": promised, a
#: commitment. Money already
#: allocated or paid out ("had allocated UAH 450 million") is a statistic.
_GRANTED = re.compile(r"\b(?:announced|earmarked|offered)\s+(?:an?\s+|the\s+)?"
                      r"(?:(?!that\b)[\w-]+\s+){0,4}(?:of\s+)?$")
#: The words that count a part of a whole: "Twenty-eight of the alliance's 32 members".
_PART_WORDS = (r"(?:[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|"
               r"[Tt]en|[Ee]leven|[Tt]welve|[\w]+teen|(?:[Tt]wenty|[Tt]hirty|[Ff]orty|[Ff]ifty|"
               r"[Ss]ixty|[Ss]eventy|[Ee]ighty|[Nn]inety)(?:-[a-z]+)?|[Mm]ost|[Mm]any|[Ss]ome|"
               r"[Aa]ll|[Hh]alf|[Ss]everal|[Ff]ew|[Dd]ozens?|[Hh]undreds?|[Tt]housands?)")
_DEMANDED = re.compile(r"\b(?:is|are|was|were)\s+(?:demanding|seeking|asking\s+for|calling\s+for)"
                       r"\s+(?:an?\s+|the\s+)?(?:(?!,?\s+(?:but|while|whereas|although)\s|\s+"
                       r"(?:said|says)\s)[^.;:\"“”])*$")
_TARGET = re.compile(r"^\s*(?:percent\s+|per\s+cent\s+)?(?:inflation\s+|annual\s+|"
                     r"medium-term\s+)?(?:target|goal|ceiling|threshold|benchmark|cap)\b")
#: "Lt. Col. Steven Harlan, 58, guilty": an age after a name.
_AGE = re.compile(r"[A-Z][\w'’.-]+,\s+$")
_DATE_CONTEXT = re.compile(r"(?:January|February|March|April|May|June|July|August|September|"
                           r"October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|"
                           r"Nov|Dec)\.?\s*$", re.IGNORECASE)
_COMMITTED = re.compile(
    r"\b(?:will|would|shall|'ll|pledged\s+to|agreed\s+to|promised\s+to|plans?\s+to|vowed\s+to|"
    r"offered\s+to|ready\s+to|to)\s+(?:\w+\s+){0,2}?(?:provide|contribute|send|fund|buy|deliver|"
    r"supply|give|deploy|host|donate|extend|expand|allocate|train|build|open|hire|recruit|add|invest|spend|"
    r"lend|grant|transfer|cut|reduce|raise|increase|create|set\s+up|buy\s+back|purchase|"
    r"acquire|resettle|admit|accept)\s+(?:\w+\s+){0,3}?$", re.IGNORECASE)
#: "will spend a record $712 billion ..., figures released by the alliance show": a plan,
#: but one the figures of a source report.
_DOCUMENTED = re.compile(r"[^.;]{0,40}?\b(?:figures|data|estimates|statistics|projections|"
                         r"numbers)\b[^.;\"“”]{0,60}?\b(?:show|shows|showed|suggest|suggests)\b|"
                         r"[^.;]{0,40}?\baccording\s+to\b[^.;\"“”]{0,60}?\b(?:figures|data|"
                         r"estimates|projections|forecasts?)\b")
_NOUN_STOP = frozenset(
    ["of", "in", "on", "at", "by", "for", "from", "to", "with", "and", "or", "but", "as", "than",
     "that", "which", "who", "were", "was", "are", "is", "had", "have", "has", "will", "would",
     "could", "should", "can", "may", "might", "be", "been", "being", "said", "says", "told",
     "up", "down", "since", "during", "over", "under", "after", "before", "while", "compared",
     "against", "versus", "a", "an", "the", "this", "these", "those", "its", "their", "his",
     "her", "our", "per"])
@dataclass
class _Sources:
    """The sources of each sentence, found once."""

    article: Article
    registry: P.Registry
    cache: dict[int, list[A.Source]]

    def of(self, sentence: Sentence) -> list[A.Source]:
        if sentence.start not in self.cache:
            self.cache[sentence.start] = A.sources_in(self.article, self.registry,
                                                      sentence.start, sentence.end)
        return self.cache[sentence.start]


def find_statistics(article: Article, registry: P.Registry, draft: Draft) -> None:
    """Add a statistic for every attributed figure of the body."""
    sources = _Sources(article, registry, {})
    sentences = article.sentences
    for index, sentence in enumerate(sentences):
        figures = [f for f in iter_figures(article.text, sentence.start, sentence.end)
                   if _is_claim(article, f)]
        baselines: set[int] = set()
        for figure in figures:
            if figure.number_start in baselines:
                continue
            high = _range_end(article.text, figure, figures)
            if high is not None:  # "between 4.0 and 4.8 per cent": one range
                baselines.add(high.number_start)
            if C.late_baseline(article.text, figure, draft, sentence):
                continue
            found = _source(article, registry, sources, sentences, index, figure)
            if found is None:
                continue
            source, confidence, note = found
            if source.np[0] <= figure.start < min(source.np[1], source.np[0] + 12) and not any(
                    figure.end <= s and e <= source.np[1] for s, e in source.party.mentions):
                continue  # "One juror, who ..., said": the figure is part of the source

            stat = _statistic(article, sentence, figure, figures, baselines)
            if stat is None:
                continue
            _same_unit_as_before(stat, draft, sentence, article.text)
            if not C.stated(article.text, stat):
                continue
            if high is not None:
                _as_range(stat, figure, high, article.text, sentence)
            _attribute(article, registry, sentence, stat, source)
            stat.confidence = confidence if stat.confidence is HIGH else stat.confidence
            if note:
                stat.notes.append(note)
            draft.facts.append(stat)


def _range_end(text: str, figure: Figure, figures: list[Figure]) -> Figure | None:
    """Return the upper bound of "between 4.0 and 4.8 per cent", "between 3,000 and 5,000
    people": the figure after "and", when "between" comes before this one."""
    if not re.search(r"\bbetween\s+$", text[max(0, figure.start - 12):figure.start]):
        return None
    later = [f for f in figures if f.start > figure.end]
    if not later or not re.fullmatch(r"\s*(?:per\s*cent|percent|%)?\s+and\s+",
                                     text[figure.end:later[0].start]):
        return None
    return later[0] if later[0].value > figure.value else None


def _as_range(stat: FactDraft, low: Figure, high: Figure, text: str, sentence: Sentence
              ) -> None:
    """Make the statistic of ``low`` the range up to ``high``, with ``high``'s unit."""
    stat.fields.pop("value", None)
    stat.fields.pop("comparison", None)
    stat.fields = {"measure": stat.fields["measure"], "value_range": [low.shown, high.shown],
                   **{k: v for k, v in stat.fields.items() if k != "measure"}}
    unit, counted, np_end = _unit(text, high, sentence.end)
    if unit:
        stat.fields["unit"] = unit
        stat.stem = "s-" + slug(unit, 30)
        if stat.fields["measure"] in ("figure", "percent", ""):
            stat.fields["measure"] = _measure(text, sentence, high, counted, np_end) or unit
    start, end = stat.evidence[0]
    stat.evidence[0] = (start, max(end, min(sentence.end, high.end)))


def _same_unit_as_before(
stat: FactDraft, draft: Draft, sentence: Sentence, text: str
                         ) -> None:
    """Give "injuring 14 more", "27 others" and "of which 104 were shot down" the unit of the
    figure before them."""
    if stat.fields.get("unit") not in ("more", "others", "other", None):
        return
    before = [f for f in draft.of_kind("statistics")
              if sentence.start <= f.evidence[0][0] < sentence.end and f.fields.get("unit")]
    if before and before[-1].fields["unit"] == "percent" and stat.fields.get("unit") is None:
        # "Applications fell 23.5 percent to 98,000": the level of what fell, not a percent
        subject = _MOVED.match(text, sentence.start, sentence.end)
        if subject:
            stat.fields["measure"] = clean(subject["subject"])
        return
    if before:
        stat.fields["unit"] = before[-1].fields["unit"]
        measure = stat.fields["measure"]
        stat.fields["measure"] = before[-1].fields["unit"] if measure == "figure" else \
            f"{before[-1].fields['unit']} ({measure})"


_MOVED = re.compile(r"(?:[\w'’-]+\s+){0,6}?(?P<subject>(?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+"
                    r"(?:rose|fell|jumped|dropped|climbed|declined|increased|decreased|grew|"
                    r"slipped|surged|plunged|edged\s+(?:up|down)|sank|slumped|soared)\b")


def _is_claim(article: Article, figure: Figure) -> bool:
    """Return False for years, dates, times, ordinals, durations and quoted numbers."""
    text = article.text
    after = text[figure.end:figure.end + 30]
    before = text[max(0, figure.number_start - 12):figure.number_start]
    printed = text[figure.number_start:figure.end]
    if re.fullmatch(r"(?:19|20)\d\d", printed):
        return False  # a year
    if _DATE_CONTEXT.search(before) or re.match(r"^\s*(?:January|February|March|April|May|June|"
                                                r"July|August|September|October|November|"
                                                r"December)\b", after):
        return False
    if not figure.percent and not figure.currency and _TIME_UNITS.match(after) and \
            float(figure.value).is_integer() and figure.value < 100 and not (
            _BOUNDED_DURATION.match(after) and figure.value > 1 and (
                figure.qualifier in ("more than", "at least", "up to", "nearly",
                                     "almost", "about", "around", "some", "upwards of")
                or re.search(r"\bon\s+$", before, re.IGNORECASE))):
        return False
    if re.match(r"^(?:st|nd|rd|th)\b", after) or _RATIO.match(after):
        return False
    if re.match(r"^-(?:minute|hour|day|week|month|year|decade)\b", after) or re.match(
            r"^\s*(?:am|pm|a\.m\.|p\.m\.|hrs|GMT|UTC)\b", after):
        return False  # "the 120-day deadline", "at around 7.30 am"
    if not figure.percent and not figure.currency and figure.value < 1000 and re.search(
            r"(?<!\bthis\s)(?<!\blast\s)(?<!\bnext\s)(?<!\bpast\s)(?<!\bsame\s)"
            r"(?<!\bprevious\s)(?<!\bcoming\s)(?<!\bwhole\s)(?<!\bfirst\s)(?<!\bthat\s)"
            r"(?<!\bsecond\s)(?<!\bthird\s)(?<!\bfiscal\s)\b(?:[Yy]ear|[Gg]rade|[Ll]evel|[Cc]ategory|"
            r"[Pp]hase|[Ss]tage|Article|[Ss]ection|Line|[Rr]oute|[Gg]ate|[Pp]latform|[Zz]one|"
            r"[Ss]ector|[Cc]hapter|[Rr]ound|[Gg]ame|[Ww]ard|[Bb]lock|[Uu]nit|[Rr]eactor|"
            r"[Tt]erminal|No)\.?\s+$", before):
        return False  # "a year 3 class", "Reactor 4", "Article 5": a label, no count
    if re.search(r"\b(?:above|below|over|under)\s+$", before) and re.match(
            r"^\s+(?:indicates|signals|means|denotes|points\s+to)\b", after):
        return False  # "A reading above 50 indicates expansion": a threshold
    if re.match(r"^\s+respectively\b", after) and re.search(
            r"\b(?:from|with|against)\s+[\d.,]+\s+and\s+$",
            text[max(0, figure.number_start - 30):figure.number_start]):
        return False  # "up from 21 and 130 respectively": the second baseline
    if _TARGET.match(after) or _TARGET.match(text[figure.end:figure.end + 40]):
        return False  # "the central bank's 2 percent target": a policy setting
    if _AGE.search(before) and re.match(r"^\s*[,)]", after) and not figure.in_words:
        return False
    if re.search(r"(?:\bNo\.|#|\baged|\bage|\bnumber)\s*$", before, re.IGNORECASE) or re.search(
            r"\b(?:aged|ages(?:\s+of)?)\s+\d{1,3}\s*(?:to|and|-|–)\s*$",
            text[max(0, figure.number_start - 25):figure.number_start], re.IGNORECASE):
        return False  # "Germans aged 18 to 29"
    if re.search(r"(?:\d\s+of\s+(?:the\s+[\w-]+['’]s|the|its|their)|\b" + _PART_WORDS +
                 r"\s+of\s+(?:the\s+[\w-]+['’]s|its|their))\s+$",
                 text[max(0, figure.number_start - 40):figure.number_start]):
        return False  # "38 of the country's 47 counties": the whole the part is of
    if figure.in_words and re.match(r"^\s+of\s+(?:her|his|their|its|our|my)\s", after):
        return False  # "let two of her eleven employees go": a person's own, no claim
    if figure.in_words and re.search(r"\b(?:the|other|these|those|both|all|its|their|"
                                     r"first|last)\s+$", before, re.IGNORECASE):
        return False
    if re.search(r"\b(?:her|his|my|our|your)\s+$", before, re.IGNORECASE) or (
            figure.in_words and re.search(r"\b(?:family|household|group|team|couple)\s+of\s+$",
                                          text[max(0, figure.number_start - 20):
                                               figure.number_start])):
        return False  # "her three children", "a family of four": a family, not a count
    if figure.in_words and figure.value == 1 and not re.match(r"^\s+[a-z]+", after):
        return False
    if figure.in_words and figure.value == 1 and re.match(r"^\s+(?:of|another|day|time)\b",
                                                         after):
        return False
    clause = text[max(0, figure.number_start - 80):figure.start]
    if _CONVERSION.search(text[max(0, figure.start - 60):figure.start]):
        return False  # "3.9 billion pesos (US$68 million)": the same amount converted
    if (figure.currency or figure.percent) and _GRANTED.search(clause):
        return False  # "announced an ex gratia of Rs 10 lakh", "offered a pay rise of 9%"
    if _DEMANDED.search(text[max(0, figure.number_start - 160):figure.start]):
        return False  # "is demanding a base pay increase of 151,000 won, ... a bonus equal to
        # 30 percent of ... and a retirement age of 64": what a side asks for, no claim
    committed = _COMMITTED.search(clause) and not _DOCUMENTED.match(
        text, figure.end, min(len(text), figure.end + 160))
    return not article.in_quote(figure.start, figure.end) and not committed


def _source(article: Article, registry: P.Registry, sources: _Sources,
            sentences: list[Sentence], index: int, figure: Figure
            ) -> tuple[A.Source, Confidence, str | None] | None:
    """Return the source of a figure in ``sentences[index]``: its own sentence's (the one in
    the figure's clause when it names two), the sentence before's (same paragraph), or one
    named at the start of the next sentence."""
    sentence = sentences[index]
    own = sources.of(sentence)
    mine = _in_clause(article.text, sentence, figure, own)
    if mine is not None:
        return mine, HIGH, None
    if index > 0 and sentences[index - 1].paragraph == sentence.paragraph:
        before = sources.of(sentences[index - 1])
        if before:
            return before[0], LOW, "source taken from the sentence before: check it"
    if index + 1 < len(sentences):
        after = sentences[index + 1]
        found = A.next_sentence_source(article, registry, after.start, after.end)
        if found is not None:
            return found, LOW, "source named in the next sentence: check it"
    lead = _list_lead(article, sentences, index)
    if lead is not None:
        before = sources.of(lead)
        if before:
            return before[0], LOW, "source of the sentence that introduces the list: check it"
    if index > 0 and sentences[index - 1].paragraph == sentence.paragraph - 1 and \
            sentence.start == article.paragraphs[sentence.paragraph][0] and any(
                _is_claim(article, f) for f in iter_figures(
                    article.text, sentences[index - 1].start, sentences[index - 1].end)):
        before = [s for s in sources.of(sentences[index - 1]) if s.party.kind != P.PERSON
                  and s.how in ("said", "according to")]
        if before:  # "... fell 0.5 percent, the Cabinet Office said." then "Capital
            # expenditure rose 0.3 percent, ...": the figures the story goes on reporting
            return before[0], LOW, "source taken from the paragraph before: check it"
    return None


def _list_lead(article: Article, sentences: list[Sentence], index: int) -> Sentence | None:
    """Return the sentence a list item hangs from: the last one before the list that ends
    with a colon ("The ministry gave these figures:" then "- 1,200 homes damaged")."""
    text = article.text
    sentence = sentences[index]
    if not re.match(r"\s*(?:[-–—•*▪●]|\d{1,2}[.)])\s", text[sentence.start:sentence.end]):
        return None
    for earlier in reversed(sentences[max(0, index - 12):index]):
        words = text[earlier.start:earlier.end].rstrip()
        if words.endswith(":"):
            return earlier
        if not re.match(r"\s*(?:[-–—•*▪●]|\d{1,2}[.)])\s", words):
            return None
    return None



#: Where a sentence's clauses part: "The union said about 12,000 members joined, while
#: police put the number at 6,000."
_CLAUSE_BREAK = re.compile(r";\s|,\s+(?:while|whereas|but)\s|\s+while\s|\s[–—]\s|\s-\s")


#: "the 4.85 million bpd of capacity that Adnoc says it has reached": a clause on the figure's
#: own noun, so its source is the figure's.
_ABOUT_THE_FIGURE = re.compile(r"(?:\s+[a-z][\w-]*){0,4}\s+(?:that|which)\s+")


def _in_clause(text: str, sentence: Sentence, figure: Figure, own: list[A.Source]
               ) -> A.Source | None:
    """Return the source named in the figure's own clause, else the sentence's surest. A
    source that governs only what follows it ("..., as health officials warned that ...",
    "that police said had left ...") is not the source of a figure before it."""
    own = [s for s in own if not (s.np[0] >= figure.end and (
        (s.how == "embedded" and not _ABOUT_THE_FIGURE.fullmatch(text, figure.end, s.np[0]))
        or re.search(r"\bas\s+$", text[s.np[0] - 4:s.np[0]])))]
    if len(own) <= 1:
        return own[0] if own else None
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text, sentence.start, sentence.end)]
    start = max([b for b in breaks if b < figure.start], default=sentence.start)
    end = min([b for b in breaks if b >= figure.end], default=sentence.end)
    inside = [s for s in own if start <= s.np[0] < end]
    before = [s for s in inside if s.how == "embedded" and s.np[1] <= figure.start]
    if before:  # "scuffles that police said had left 14 people injured"
        return max(before, key=lambda s: s.np[1])
    after = [s for s in inside if s.np[0] >= figure.end and s.how in ("said", "according to")]
    if len(inside) > 1 and after:  # "2.0% in Germany, according to Destatis, and 1.7% in
        return min(after, key=lambda s: s.np[0])  # France, INSEE data showed": the next one
    leading = [s for s in inside if s.np[1] <= figure.start and s.how != "records"]
    if len(inside) > 1 and leading:  # "..., figures from X show, and a Cadem poll found that
        return max(leading, key=lambda s: s.np[1])  # 63 percent": the nearest before
    return inside[0] if inside else own[0]


def _statistic(article: Article, sentence: Sentence, figure: Figure, figures: list[Figure],
               baselines: set[int]) -> FactDraft | None:
    text = article.text
    unit, counted, np_end = _unit(text, figure, sentence.end)
    fields: dict[str, object] = {"measure": "", "value": figure.shown}
    notes: list[str] = []
    comparison, compared_end = C.find_comparison(text, figure, np_end, sentence.end, figures)
    if comparison is not None:
        base, marker = comparison
        baselines.add(base.number_start)
        value, baseline = figure.shown, base.shown
        if figure.scale != base.scale:
            value, baseline, unit = C.expanded(figure), C.expanded(base), C.drop_scale(unit)
        fields["value"] = value
        fields["comparison"] = {"value": baseline}
        period = C.find_period(text, base.end, min(sentence.end, base.end + 40))
        if period:
            fields["comparison"]["period"] = period  # type: ignore[index]
        notes.append(f'compared "{marker}": check the baseline and its period')
        if not C.consistent(text, FactDraft("statistics", fields, [_evidence(text, sentence,
                                                                            figure)])):
            del fields["comparison"]
            notes.pop()
            baselines.discard(base.number_start)
    fields["measure"] = _measure(text, sentence, figure, counted, np_end) or unit or "figure"
    if unit:
        fields["unit"] = unit
    period = C.find_period(text, np_end, compared_end) or C.find_period(text, sentence.start,
                                                            figure.start)
    if period:
        fields["period"] = period
    if figure.qualifier and figure.qualifier in ("about", "around", "roughly", "approximately",
                                                 "nearly", "almost", "some", "close to",
                                                 "an estimated", "estimated", "circa"):
        notes.append(f'"{figure.qualifier}": factsheet marks the value approximate')
    evidence = _evidence(text, sentence, figure)
    stat = FactDraft("statistics", fields, [evidence], HIGH, notes)
    stat.stem = "s-" + slug(unit or str(figure.shown), 30)
    return stat


def _unit(text: str, figure: Figure, limit: int) -> tuple[str | None, str, int]:
    """Return (unit, counted phrase, where the phrase ends) for the words after a figure."""
    pos = figure.end
    scale = f"{figure.scale} " if figure.scale else ""
    if figure.percent:
        return "percent", "", pos
    rest = text[pos:limit]
    glued = re.match(GLUED_UNITS, rest)
    if glued and not figure.scale:  # "85km/h"
        return glued.group(), "", pos + glued.end()
    dollars = re.match(r"^\s+(?:U\.S\.|US)\s+dollars?\b", rest)
    if dollars:  # "4.5 U.S. dollars"
        return f"{scale}US dollars", "", pos + dollars.end()
    of = re.match(r"^\s+of\s+(?:the\s+[\w-]+['’]s|the|them|those|these|its|their)\b\s*"
                  r"(?:\d[\d,]*\s+|[a-z]+(?:-[a-z]+)?\s+(?=[a-z]+s\b)(?<!the\s))?", rest)
    if of and not rest[of.end():].startswith(("m ", "m,")):
        pos += of.end()
        rest = text[pos:limit]
    words = list(re.finditer(r"[\w'’-]+", rest[:80]))
    taken: list[re.Match[str]] = []
    for word in words:
        gap = rest[(taken[-1].end() if taken else 0):word.start()]
        if (taken and gap.strip()) or (not taken and gap.strip() not in ("",)):
            break
        low = word.group().lower()
        if low in _NOUN_STOP or re.fullmatch(r"\d+", low) or (
                low.endswith("ed") and taken and low not in ("displaced", "injured", "wounded")):
            break
        taken.append(word)
        if len(taken) >= 4 or _is_plural(low):
            break
    if figure.currency:
        return f"{scale}{figure.currency}".strip(), "", pos
    if not taken:
        return (scale.strip() or None), "", pos
    counted = rest[taken[0].start():taken[-1].end()]
    head = taken[-1].group()
    if len(taken) > 1 and taken[-2].group().lower() in ("cubic", "square", "metric", "short",
                                                        "long", "barrel", "troy"):
        head = f"{taken[-2].group()} {head}"
    per = re.match(r"^\s+per\s+([\w-]+)", rest[taken[-1].end():])
    unit = f"{scale}{head}" + (f" per {per.group(1)}" if per else "")
    end = pos + taken[-1].end() + (per.end() if per else 0)
    return unit, counted, end


_IRREGULAR_PLURALS = frozenset(["people", "children", "men", "women", "fish", "sheep", "cattle",
                                "personnel", "staff", "police", "aircraft", "livestock", "troops"])


def _is_plural(word: str) -> bool:
    """Return True for a word that reads as a plural noun: the counted thing ends there."""
    return word in _IRREGULAR_PLURALS or (word.endswith("s") and not word.endswith(
        ("ss", "us", "is", "ous")) and len(word) > 3)


def _measure(text: str, sentence: Sentence, figure: Figure, counted: str, np_end: int) -> str:
    """Return what is counted: the phrase after the number and the verb that goes with it."""
    before = text[max(sentence.start, figure.start - 40):figure.start]
    verb = re.search(r"\b(?P<v>[a-z]+ed|killed|shot down|launched|built|sold|lost|hit)\s+"
                     r"(?:down\s+)?$", before)
    after = re.match(r"^\s+(?P<v>(?:had\s+|have\s+|were\s+|was\s+)?[a-z]+(?:ed|en)\b"
                     r"(?:\s+[a-z]+){0,4})", text[np_end:sentence.end])
    phrase = clean(counted)
    if after and phrase:
        following = re.sub(r"(?:\s+(?:of|in|on|at|to|for|from|by|with|than|the|a|an|their|"
                           r"its))+$", "", after["v"])
        return clean(f"{phrase} {following}")
    if verb and phrase:
        return clean(f"{phrase} {verb['v']}")
    return phrase


#: Longest evidence quoted for a statistic; a longer sentence is cut to the figure's clauses.
_LONGEST_EVIDENCE = 600


def _evidence(text: str, sentence: Sentence, figure: Figure | None = None
              ) -> tuple[int, int]:
    start, end = sentence.start, sentence.end
    if figure is not None and end - start > _LONGEST_EVIDENCE:
        before = max(text.rfind(c, start, figure.start - 1) for c in ",;\n")
        start = max(start, before + 1 if before >= 0 else start, figure.start - 250)
        after = [i for i in (text.find(c, figure.end + 60, end) for c in ",;\n") if i >= 0]
        end = min([*after, end, figure.end + 300])
    while start < end and text[start] in " \n":
        start += 1
    while end > start and text[end - 1] in " \n":
        end -= 1
    return start, end


#: "the state news agency Khovar reported, citing ...": an outlet by what it is.
_OUTLET_WORDS = re.compile(r"\b(?:news\s+agency|agency|newspaper|daily|broadcaster|outlet|"
                           r"television|TV|radio|channel|website|news\s+site|tabloid|weekly)\b")


def _attribute(article: Article, registry: P.Registry, sentence: Sentence, stat: FactDraft,
               source: A.Source) -> None:
    """Set who claims the figure, the channel, and the outlet that carried it."""
    party = source.party
    cited = A.citing(article, registry, sentence.start, sentence.end)
    if source.via is not None:
        stat.fields["reported_via"] = source.via
    elif cited is not None and cited.party is not party and (
            party.kind in ("media_outlet", "news_agency") or _OUTLET_WORDS.search(
                article.text, source.np[0], source.np[1])):
        stat.fields["reported_via"] = party
        party = cited.party
    stat.fields["attributed_to"] = party
    if source.channel:
        stat.fields["channel"] = source.channel
    if source.how == "records":
        stat.notes.append("source is the subject that recorded the figure: check it")
