"""Who says it: the source of a sentence ("..., the ministry said on Telegram", "according
to X", "X said that ...") and the party a noun phrase names.

Supports: a source after the claim, before it, "according to", "citing", a subject that
records ("Estonia's navy recorded"), a source named in the next sentence ("X reported this
on Telegram"); channels ("on Telegram", "on its website", "in a statement"); pronouns ("he
said") and roles ("the ministry said") resolved to the last party that fits; a capitalised
source no rule introduced becomes a party of its own (low confidence). Does not support:
anonymous sources ("officials said") — no party is made for them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from factsheet.suggest import parties as P
from factsheet.suggest.data import gazetteer
from factsheet.suggest.draft import LOW, PartyDraft, Span
from factsheet.suggest.organisations import HEADS
from factsheet.suggest.persons import STOP_CAPS
from factsheet.suggest.text import Article, clean

SAY = (r"said|says|told(?:\s+(?:reporters|journalists|lawmakers|parliament|a\s+[\w\s-]{1,30}?|"
       r"[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?))?|reported|reports|wrote|writes|posted|announced|"
       r"stated|states|added|noted|estimated|tweeted|claimed|confirmed|warned|stressed|insisted|"
       r"reminded|declared|explained|argued|predicted|forecast|forecasts|projects|projected|"
       r"estimates|"
       r"calculated|showed|shows|show|found(?=\s+that\b)|finds(?=\s+that\b)")
_TRAILING = re.compile(r",\s+(?P<np>[^,;\"“”]{2,90}?)\s+(?P<verb>" + SAY + r")\b"
                       r"(?P<rest>(?:(?!,\s+(?:while|whereas|but)\s)[^.;]){0,160})")
_INVERTED = re.compile(r",\s+(?P<verb>said|says|according to)\s+(?P<np>(?:(?!\b(?:would|will|"
                       r"had|has|have|was|were|is|are|could|should|did|does)\b)[^,;.\"“”–—]){2,70}?)"
                       r"(?P<rest>(?:\s+(?:on|in|via)\s+[^,;.]{1,40})?)\s*(?:[,;.–—]|$)")
_APPOSED = re.compile(r"^(?P<np>(?:(?!\b(?:was|were|is|are|has|have|had|will|would)\b)"
                      r"[^,;\"“”]){2,90}?),\s+(?P<app>[^,;\"“”]{1,120}"
                      r"(?:,\s+[^,;\"“”]{1,70})?|(?:who|which)\s(?:[^,;\"“”]|,(?=\d{3})){1,200}),\s+"
                      r"(?P<verb>" + SAY
                      + r")\b(?P<rest>[^.;]*)")
_LEADING = re.compile(r"^(?:[^,]{0,60},\s+(?!(?:which|who|whom)\b))?(?P<np>[^,;\"“”]{2,90}?)\s+"
                      r"(?P<verb>" + SAY +
                      r")\b(?P<rest>(?:\s+(?:on|in|via|at)\s+[^,;]{1,40}?)?)(?:,|\s+that\b|\s)")
#: "according to X" / "as per X": X ends at a clause mark, not at the dot of "Dr.".
_ACCORDING = re.compile(r"\b(?:[Aa]ccording to|[Aa]s per) (?P<np>(?:[^,;.\"“”–—]|"
                        r"\.(?=\s?[A-Z][a-z])){2,140}?)"
                        r"(?=\s*(?:[,;\"“”–—]|\.(?!\s?[A-Z][a-z])|$| - ))")

_QUOTED = re.compile(r"^(?P<via>[^,;\"“”]{2,90}?)\s+quoted\s+(?P<np>[^,;\"“”]{2,60}?)\s+as\s+"
                     r"(?:saying|telling)\b")
#: "Jean-Pierre Bisimwa, a customary chief who says he has sheltered some 3,000 people",
#: "The Organization of American States, which said it had deployed 112 observers".
_RELATIVE = re.compile(r"(?:^|(?<=[,;]\s))(?P<np>[^,;\"“”]{2,90}?),\s+(?:[^,;\"“”]{1,90}?\s+)?"
                       r"(?:who|which)\s+(?P<verb>says|said|say|estimates|estimated|reported|"
                       r"reports|counted)\b(?P<rest>)")
#: "Spanish Defense Minister X rejected the criticism, saying Madrid had increased its budget
#: by nearly 45%": the subject speaks in the participle.
_SAYING = re.compile(r"^(?:[^,]{0,60},\s+)?(?P<np>[^,;\"“”]{2,90}?)\s+(?:[a-z]+ed|told|hit\s+back|"
                     r"spoke|wrote)\b[^;\"“”]{0,120}?,\s+(?P<verb>saying|adding|noting|arguing|"
                     r"insisting|stressing|warning|explaining|claiming)\b(?P<rest>)")
#: "scuffles that police said had left 14 people injured".
_EMBEDDED = re.compile(r"\b(?:that|which|who|whom|where)\s+(?P<np>[^,;\"“”]{2,50}?)\s+"
                       r"(?P<verb>said|say|says|estimated|estimate|estimates)\s+(?=(?:had|has|"
                       r"have|was|were|is|are|would|could|killed|left|about|some|nearly|more|"
                       r"at\s+least|\d+|(?:it|they)\s+(?:has|had|have|is|was|were|will)|"
                       r"[a-z]+s\s+(?:about|some|nearly|more\s+than|at\s+least|around)?\s*\d+)\b)"
                       r"(?P<rest>)")
#: "police put the number at 6,000".
_PUT = re.compile(r"(?:^|(?<=,\s)|(?<=\bwhile\s)|(?<=\bwhereas\s)|(?<=\bbut\s))"
                  r"(?P<np>[^,;\"“”]{2,90}?),?\s+(?P<verb>put|puts|placed|places|estimated|"
                  r"estimates|pegged|pegs|rated|rates|valued|assessed|measured|measures)\s+"
                  r"(?:(?:the|its|their|a|"
                  r"this|this\s+year's)\s+)?[\w'’-]+"
                  r"[^,;.\"“”]{0,60}?\s+at\b(?P<rest>)")
#: "..., the hospital's director, Retno Anggraini, told reporters": a role, then the person.
_ROLE_NAME = re.compile(r",\s+[^,;\"“”]{2,80}?,\s+(?P<np>[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){1,3}),"
                        r"\s+(?P<verb>" + SAY + r")\b(?P<rest>[^.;]*)")
#: "..., the Decision Support System of the IITM, Pune, estimated": a place after the body.
_PLACED = re.compile(r",\s+(?P<np>[^,;\"“”]{2,140}?),\s+[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?,\s+"
                     r"(?P<verb>" + SAY + r")\b(?P<rest>[^.;]*)")
#: "All 14 economists polled by Bernama last week had forecast no change".
_POLLED = re.compile(r"\b(?:polled|surveyed|interviewed|questioned|counted|tallied)\s+by\s+"
                     r"(?P<np>[^,;.\"“”]{2,60}?)(?=\s+(?:last|this|on|in|had|have|has|were|was|"
                     r"said|expect|expected|forecast|earlier|between)\b|[,;.]|$)(?P<rest>)")
#: "the median forecast of 986 billion yen in a QUICK survey of economists".
_IN_A_SURVEY = re.compile(r"\b(?:in|by)\s+an?\s+(?P<np>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4})"
                          r"\s+(?:survey|poll|report|study|estimate|forecast|analysis|tally|"
                          r"count|census)\b(?P<rest>)")
_VERDICT = re.compile(r"\b(?:guilty|liable|innocent|responsible)\b")
_CITING = re.compile(r"\bciting (?P<np>[^,;.\"“”]{2,60})")
_RECORDS = re.compile(r"^(?:[^,]{0,60},\s+)?(?P<np>(?:[^,;\"“”]|,(?=\d{3})){2,90}?)\s+"
                      r"(?P<verb>recorded|revised|appealed|requested|sought|launched\s+an?\s+(?:[\w-]+\s+)?"
                      r"appeal|"
                      r"registered|counted|logged|tallied|reported|found|estimates|estimated|"
                      r"kept|held|left|raised|cut|lowered|approved|allocated|ordered|released|"
                      r"spent|paid|disbursed|collected|seized|detained|arrested|evacuated|"
                      r"rescued|fined|bought|sold)\s")
_NEXT = re.compile(r"^(?P<np>[^,;\"“”]{2,90}?)\s+(?P<verb>(?:reported|said|wrote|announced|"
                   r"posted|stated|confirmed|gave)\s+(?:this|these\s+figures|the\s+figures|"
                   r"the\s+data|the\s+toll)|(?:reported|wrote|posted)\s+on\s+(?:Telegram|X|"
                   r"Facebook|its\s+website))\b")
_CARRIED = re.compile(r",\s+(?P<via>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})\s+(?:reports|reported)"
                      r"\.?\s*$")
CHANNEL = re.compile(
    r"\b(?P<channel>(?:on|in|via|through)\s+(?:(?:its|his|her|their|the|a|an)\s+)?"
    r"(?:official\s+|evening\s+|daily\s+|joint\s+|written\s+)?(?:Telegram(?:\s+channel)?|X|"
    r"Twitter|Facebook|Instagram|website|web\s+site|YouTube|TikTok|statement|press\s+release|"
    r"video\s+(?:address|message)|address|interview(?:\s+with\s+[A-Z][\w-]+)?|briefing|"
    r"news\s+conference|press\s+conference|televised\s+address|(?:state\s+)?television|radio|"
    r"social\s+media|blog|report|communique|declaration|bulletin))\b")
_PRONOUNS = {"he": (P.PERSON,), "she": (P.PERSON,), "him": (P.PERSON,), "her": (P.PERSON,),
             "it": None, "they": None, "them": None}
_NOT_SOURCES = re.compile(r"^(?:officials?|sources?|residents?|witnesses|analysts|experts|"
                          r"people|police|the\s+\w+s)$", re.IGNORECASE)
ORGANISATION_KINDS = ("state", "government_body", "international_organisation", "coalition",
                      "armed_forces", "political_party", "company", "media_outlet",
                      "news_agency", "other")


@dataclass(frozen=True, slots=True)
class Source:
    """A source a sentence names."""

    party: PartyDraft
    np: Span
    channel: str | None
    how: str  # "said", "according to", "citing", "records", "next sentence", "quoted",
    #           "embedded" (a clause inside the claim: "that police said had left ...")
    via: PartyDraft | None = None  # the outlet that quoted the source


def sources_in(article: Article, registry: P.Registry, start: int, end: int) -> list[Source]:
    """Return the sources the sentence ``[start, end)`` names, the surest first."""
    text = article.text
    found: list[Source] = []
    sentence = text[start:end]
    quoted = _QUOTED.match(sentence)
    if quoted:
        party = resolve(article, registry, *_trim_np(text, start + quoted.start("np"),
                                                     start + quoted.end("np")))
        via = resolve(article, registry, *_trim_np(text, start + quoted.start("via"),
                                                   start + quoted.end("via")))
        if party is not None:
            found.append(Source(party, (start + quoted.start("np"), start + quoted.end("np")),
                                None, "quoted", via if via is not party else None))
    apposed = _APPOSED.match(sentence)
    if apposed:
        party = _apposed(article, registry, start, apposed)
        if party is not None:
            channel = CHANNEL.search(apposed["rest"])
            found.append(Source(party, (start + apposed.start(), start + apposed.end("app")),
                                channel["channel"] if channel else None, "said"))
    for pattern, how in ((_TRAILING, "said"), (_INVERTED, "said"), (_LEADING, "said"),
                         (_ACCORDING, "according to"), (_RECORDS, "records"),
                         (_RELATIVE, "said"), (_EMBEDDED, "embedded"), (_PUT, "said"),
                         (_ROLE_NAME, "said"), (_PLACED, "said"), (_POLLED, "according to"),
                         (_IN_A_SURVEY, "according to"), (_SAYING, "said")):



        for match in _matches(pattern, sentence):
            if how == "said" and match["verb"] == "according to":
                how = "according to"
            np = _trim_np(text, start + match.start("np"), start + match.end("np"))
            if how == "records" and match["verb"] == "found" and _VERDICT.search(sentence):
                continue  # "a jury found X guilty on four of six counts" is a verdict
            if pattern is _TRAILING and re.match(r"[a-z]+ing\b", text[np[0]:np[1]]):
                continue  # ", appearing for the Centre and the CAQM, said": an aside
            if pattern is _TRAILING and re.match(r"(?:which|who|whom)\s", match["np"]):
                continue  # "the drought, which President X declared a disaster, had ...":
                # the relative clause's own speaker (_EMBEDDED reads "which X said had")
            party = resolve(article, registry, *np)
            if party is None and pattern is _TRAILING:
                party, np = _before_a_place(article, registry, np)
            if party is None or (pattern is _ROLE_NAME and party.kind != P.PERSON):
                continue
            rest = match.groupdict().get("rest") or ""

            channel = CHANNEL.search(rest)
            found.append(Source(party, np, channel["channel"] if channel else None, how))
            if pattern is not _TRAILING:
                break
    return _unique(found)


def _matches(pattern: re.Pattern[str], sentence: str) -> Iterator[re.Match[str]]:
    """Yield the pattern's matches; a trailing source is tried after every comma, so that
    ", up from 61 reported on Friday, Interior Minister X told ..." reaches the minister."""
    if pattern is not _TRAILING:
        yield from pattern.finditer(sentence)
        return
    for comma in re.finditer(",", sentence):
        match = pattern.match(sentence, comma.start())
        if match:
            yield match


def _before_a_place(article: Article, registry: P.Registry, np: Span
                    ) -> tuple[PartyDraft | None, Span]:
    """Return the body before a place set off by commas: "..., the Decision Support System
    of the Indian Institute of Tropical Meteorology (IITM), Pune, estimated"."""
    text = article.text
    if not re.fullmatch(r"[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?", text[np[0]:np[1]]):
        return None, np
    segment = re.search(r",\s+(?P<np>[^,;\"“”]{2,140}),\s+$", text[max(0, np[0] - 150):np[0]])
    if segment is None:
        return None, np
    offset = max(0, np[0] - 150)
    wider = _trim_np(text, offset + segment.start("np"), offset + segment.end("np"))
    party = registry.at(*wider)
    return (party, wider) if party is not None else (None, np)


def _apposed(
article: Article, registry: P.Registry, start: int, match: re.Match[str]
             ) -> PartyDraft | None:
    """Return the source of "X, who ..., said" (X) or "The UN's office, OCHA, said" (OCHA)."""
    np = _trim_np(article.text, start + match.start("np"), start + match.end("np"))
    app = (start + match.start("app"), start + match.end("app"))
    if re.match(r"(?:who|whose|which|where|when)\b", match["app"]):
        return resolve(article, registry, *np)
    if match["app"][:1].isupper():
        # "The UN's office, OCHA, said"; "Speaking to Anadolu, Ali al-Saadi, a researcher at
        # the University of Baghdad, said": the name, not a body in its description
        first = match["app"].split(",")[0]
        found = resolve(article, registry, app[0], app[0] + len(first.rstrip()))
        if found is not None:
            return found
    return resolve(article, registry, *np) or registry.at(np[0], app[1])


def citing(article: Article, registry: P.Registry, start: int, end: int) -> Source | None:
    """Return the party a report cites ("..., citing the minister"), if any."""
    match = _CITING.search(article.text, start, end)
    if not match:
        return None
    np = _trim_np(article.text, match.start("np"), match.end("np"))
    party = resolve(article, registry, *np)
    return Source(party, np, None, "citing") if party else None


def next_sentence_source(article: Article, registry: P.Registry, start: int, end: int
                         ) -> Source | None:
    """Return the source when the sentence ``[start, end)`` names it at its start ("Head of
    the administration X reported this on Telegram")."""
    match = _NEXT.match(article.text[start:end])
    if not match:
        return None
    np = _trim_np(article.text, start + match.start("np"), start + match.end("np"))
    party = resolve(article, registry, *np)
    if party is None:
        return None
    channel = CHANNEL.search(article.text, start + match.end(), end)
    carried = _CARRIED.search(article.text, start, end)
    via = registry.at(carried.start("via"), carried.end("via")) if carried else None
    return Source(party, np, channel["channel"] if channel else None, "next sentence",
                  via if via is not party else None)


def _unique(found: list[Source]) -> list[Source]:
    result: list[Source] = []
    for source in found:
        if all(source.party is not s.party for s in result):
            result.append(source)
    return result


def _trim_np(text: str, start: int, end: int) -> Span:
    """Return the noun phrase without leading connectives and trailing time words."""
    chunk = text[start:end]
    lead = re.match(r"^(?:(?:and|but|while|as|so|then|also|which|who|that|where)\s+)+", chunk)
    if lead:
        start += lead.end()
    tail = re.search(r"\s+(?:on|in|late|early|last|this)\s+(?:\w+day|\w+)$|\s+(?:also|had|has|"
                     r"have|would|will|on\s+\w+)$", text[start:end])
    if tail:
        end = start + tail.start()
    return start, end


def resolve(article: Article, registry: P.Registry, start: int, end: int
            ) -> PartyDraft | None:
    """Return the party the noun phrase ``[start, end)`` names, making one if it is a
    capitalised name no rule introduced."""
    if _ITS_OWN.fullmatch(clean(article.text[start:end])):
        return _it(article, registry, start)  # "its data show", "Its Central Java chapter"
    owner = _document_owner(article.text, start, end)
    if owner is not None:
        found = resolve(article, registry, *owner)
        if found is None and _A_DOCUMENT.fullmatch(clean(article.text[start:end])):
            return _owner_named_next(article, registry, end)  # "government data showed"
        return found
    speaking_for = _SPEAKS_FOR.fullmatch(article.text, start, end)
    if speaking_for:  # "A NATO spokesman in Brussels": NATO, not Belgium
        body = registry.at(speaking_for.start("body"), speaking_for.end("body"))
        if body is not None and body.kind != P.PERSON:
            return body
    anonymous = _ANONYMOUS.fullmatch(clean(article.text[start:end]))
    if anonymous and anonymous["head"] not in ("spokesperson", "spokesman", "spokeswoman"):
        body = registry.at(start, end)  # "an EU diplomat": a person, not the EU
        person = _anonymous(article, registry, start, end, anonymous)
        if body is not None and body.kind != P.PERSON and person.affiliation is None:
            person.affiliation = body
        return person
    described = _DESCRIBED.fullmatch(article.text, start, end)
    if described and re.fullmatch(r"[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,5}",
                                  described["name"]):
        # "the federal statistics office Destatis": Destatis, not the description
        named_body = registry.at(described.start("name"), end)
        if named_body is not None and named_body.kind != P.STATE:
            return named_body
    party = registry.at(start, end)
    if party is not None and not (party.kind == P.STATE and _named_after_state(article, start,
                                                                               end)):
        return party
    if party is not None:  # "Statistics Netherlands said": a body, not the country
        return _new_source(article, registry, start, end) or party
    described = _DESCRIBED.fullmatch(article.text, start, end)
    if described:
        start = described.start("name")  # "insurance broker Marsh": Marsh
    named = _NAME_DESCRIBED.fullmatch(article.text, start, end)
    if named and named["name"].split()[0] not in STOP_CAPS:
        start, end = named.span("name")  # "the CIA-Agricoltori Italiani farmers' confederation"

    spokesperson = _spokesperson(article, registry, start, end)
    if spokesperson is not None:
        return spokesperson
    words = article.text[start:end].split()
    if not words:
        return None
    low = words[0].lower()
    phrase = clean(article.text[start:end])
    group = GROUP.fullmatch(phrase)
    if group:
        return group_party(article, registry, start, end, group["count"])
    if _DOCUMENT.fullmatch(phrase):
        issuer = _issuer(article, registry, start)
        if issuer is not None or not _THE_DATA.fullmatch(phrase):
            return issuer
    if _THE_DATA.fullmatch(phrase):
        return _data_owner(article, registry, start, phrase)
    if _A_DOCUMENT.fullmatch(phrase):
        return _owner_named_next(article, registry, end)
    if _BLOC.fullmatch(phrase):
        bloc = registry.last_before(start, ("international_organisation", "coalition"),
                                    floor=max(0, start - 1500))
        if bloc is not None:
            return bloc
    if len(words) == 1 and low in _GENDERED:
        return person_for_pronoun(article, registry, start, _GENDERED[low])
    if len(words) == 1 and low == "it":
        found = _it(article, registry, start)
        if found is not None:
            return found
    if len(words) == 1 and low in _PRONOUNS:
        kinds = _PRONOUNS[low] or ORGANISATION_KINDS
        floor = max(0, start - 600)
        return registry.last_before(start, kinds, floor=floor)
    if len(words) == 1 and words[0][:1].isupper():
        family = _family_name_first(registry, P.strip_possessive(words[0])[0], start, end)
        if family is not None:
            return family
        by_surname = _source_by_surname(registry, P.strip_possessive(words[0])[0], start, end)
        if by_surname is not None:
            return by_surname
    earlier = _named_earlier(article, registry, start, end, phrase)
    if earlier is not None:
        return earlier
    unnamed = unnamed_source(article, registry, start, end, phrase)
    if unnamed is not None:
        return unnamed
    collective = _collective(article, registry, start, end, phrase)
    if collective is not None:
        return collective
    return _new_source(article, registry, start, end)


def _named_after_state(article: Article, start: int, end: int) -> bool:
    """Return True for a capitalised name that holds a country's name and more: "Statistics
    Netherlands", "Bank Indonesia", "Infrastructure Victoria"."""
    words = re.sub(r"^(?:the|The)\s+|\s+\([A-Z][\w&.-]{1,12}\)$", "",
                   clean(article.text[start:end])).split()  # "... (BUSA)": the name only
    if len(words) < 2 or len(words) > 6 or words[0] in STOP_CAPS:
        return False
    if not all(w[:1].isupper() or w in ("of", "for", "and", "de") for w in words):
        return False
    g = gazetteer()
    plain = [P.strip_possessive(w)[0] for w in words]
    for size in (3, 2):  # "Statistics South Africa": a country's name of several words
        for i in range(len(plain) - size + 1):
            if " ".join(plain[i:i + size]) in g.names:
                plain = [*plain[:i], "\0", *plain[i + size:]]
                break
    states = [w for w in plain if w == "\0" or w in g.names]
    others = [w for w in plain if w != "\0" and w not in g.names and w not in g.adjectives and
              w[:1].isupper() and w.lower() not in g.title_words]
    return bool(states) and bool(others)


#: How deep one sentence's source may look into other sentences' sources ("the report"
#: → the sentence that named the report → ...): deeper chains cost time exponentially.
_LOOKUP_DEPTH = 2


def _looks_elsewhere(rule: Callable[..., PartyDraft | None]) -> Callable[..., PartyDraft | None]:
    """Run a rule that reads other sentences' sources, unless such rules are already
    nested ``_LOOKUP_DEPTH`` deep for this article (then it finds nothing)."""
    @functools.wraps(rule)
    def bounded(article: Article, *args: Any) -> PartyDraft | None:
        if article.lookup_depth >= _LOOKUP_DEPTH:
            return None
        article.lookup_depth += 1
        try:
            return rule(article, *args)
        finally:
            article.lookup_depth -= 1
    return bounded


@_looks_elsewhere
def _it(article: Article, registry: P.Registry, start: int) -> PartyDraft | None:
    """Return the body "it said" continues: the source of the nearest sentence before that
    names one ("The tribunal said ... It said turnout was 86.2%"), if it is no person; or the
    document its own sentence opens with ("The report calls for a benefit, which it estimates
    would cost $4.2 billion")."""
    own = next((s for s in article.sentences if s.start <= start < s.end), None)
    document = _THE_DATA.match(article.text, own.start, start) if own is not None else None
    if document is not None:
        return _data_owner(article, registry, document.start(), clean(document.group()))
    if own is not None and re.search(r"\b(?:which|that)\s+$", article.text[own.start:start]):
        subject = [p for p in registry.all_at(own.start, min(start, own.start + 80))
                   if p.kind not in (P.PERSON, P.STATE)]
        if subject:  # "The Malaysian Nature Society condemned ... a site which it said covers"
            return subject[0]
    before = [s for s in article.sentences if s.end <= start][-2:]
    for sentence in reversed(before):
        found = [s for s in sources_in(article, registry, sentence.start, sentence.end)
                 if s.how != "embedded"]
        if found:
            return found[0].party if found[0].party.kind != P.PERSON else None
        # 'Environmental group Clean Vistula Foundation welcomed the ruling. "..." it said':
        # the body the sentence opens with
        opening = [p for p in registry.all_at(sentence.start, min(sentence.end,
                                                                sentence.start + 80))
                   if p.kind not in (P.PERSON, P.STATE)]
        if opening:
            return opening[0]
    return None



#: What a source publishes: "the tribunal's preliminary count", "NHS England figures
#: published last month", "data from the central bank", "a January report by the monitor".
_DOCUMENTS = (r"(?:count|tally|data|figures|statistics|numbers|survey|poll|report|study|"
              r"analysis|estimates?|census|records|map|dashboard|bulletin|update|projections?|"
              r"forecasts?|calculations|assessment|review|audit|website|database|monitoring|"
              r"findings|research|index|release|statement|affidavit|filing|submission|"
              r"petition|order|ruling|judgment|notification|circular)")
_PEOPLE = (r"(?:team|unit|officials|staff|experts|researchers|analysts|economists|observatory|"
           r"department|office|agency|service|division|arm|branch|wing|institute|centre|center)")
#: "the CIA-Agricoltori Italiani farmers' confederation": a name, then what it is.
_NAME_DESCRIBED = re.compile(r"(?:[Tt]he\s+)?(?P<name>[A-Z][\w&'’.-]*(?:[\s-][A-Z][\w&'’.-]*){0,4})"
                             r"\s+(?:[a-z][\w'’-]*\s+){0,3}(?:confederation|federation|"
                             r"association|union|group|coalition|alliance|network|consortium|"
                             r"cooperative|organi[sz]ation|charity|foundation|institute|"
                             r"think\s+tank|company|firm|party|movement|lobby)")
_PUBLISHED = (r"(?:\s+(?:published|released|issued|compiled|shared|posted|out|based|cited|"
              r"quoted|mentioned)\b[^,;]*)?")

_OWNER_BEFORE = re.compile(r"(?P<owner>[^,;\"“”]+?)['’]s?\s+(?:[\w-]+\s+){0,3}?(?:(?i:" +
                           _DOCUMENTS + ")|" + _PEOPLE + ")"
                           + _PUBLISHED)
_OWNER_NAMED = re.compile(r"(?P<owner>[A-Z][^,;\"“”]*?)\s+(?:[a-z][\w-]*\s+){0,2}?" + _DOCUMENTS +
                          r"(?:\s+of\s+[a-z][\w\s-]{1,30}?)?" + _PUBLISHED)
#: "A survey of more than 1,100 members conducted by the union in June".
_OWNER_CONDUCTED = re.compile(r"(?:[Tt]he|[Aa]n?|[Ii]ts)?\s*(?:[\w'’-]+\s+){0,2}?" + _DOCUMENTS +
                              r"\s+of\s+(?:[^,;]|,(?=\d{3})){1,60}?\s+(?:conducted|carried\s+out|"
                              r"commissioned|"
                              r"published|released|compiled|run)\s+by\s+(?P<owner>.+?)"
                              r"(?:\s+(?:in|on|last|this)\s+\w+(?:\s+\d{4})?)?")
_OWNER_AFTER = re.compile(r"(?:(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|new|latest|recent|preliminary|"
                          r"official|final|annual|monthly|weekly|quarterly|[A-Z][a-z]+|\d{4})\s+){0,4}"
                          + "(?i:" + _DOCUMENTS + r")\s+(?:(?:published|released|issued|compiled|"
                          r"gathered|collected|commissioned|presented|provided|submitted|"
                          r"given|tabled)\s+)?(?:from|by|of)\s+(?P<owner>.+?)"
                          + _PUBLISHED)
#: "insurance broker Marsh", "medical charity Doctors Without Borders (MSF)": a description in
#: lower case before a name.
_DESCRIBED = re.compile(r"(?:[Tt]he\s+)?(?:[\w'’-]+\s+)?(?:[a-z][\w'’-]*\s+){0,2}(?:broker|charity|"
                        r"group|firm|company|consultancy|watchdog|NGO|organi[sz]ation|"
                        r"think[- ]tank|monitor|lender|insurer|carrier|airline|retailer|"
                        r"operator|network|body|agency|institute|platform|pollster|researcher|"
                        r"provider|developer|producer|maker|giant|trader|bank|union|"
                        r"association|foundation|coalition|alliance|daily|newspaper|outlet|"
                        r"broadcaster|portal|distributor|supplier|utility|regulator|miner|"
                        r"explorer|manufacturer|exporter|importer|refiner|chain|startup|"
                        r"start-up|lobby|campaign|advocacy|nonprofit|non-profit|bureau|"
                        r"office|service|department|authority|commission|council|ministry|"
                        r"court|tribunal|observatory|centre|center|unit|team|panel|committee|"
                        r"board|secretariat|administration|monitor)\s+"
                        r"(?P<name>[A-Z][^,;\"“”]*)")


#: "provincial government figures", "state health department data".
_OWNER_BODY = re.compile(r"(?:[Tt]he\s+)?(?P<owner>(?:[a-z][\w-]*\s+){0,3}(?:government|ministry|"
                         r"department|agency|council|authority|bureau|office|service|police|"
                         r"regulator|administration))\s+(?:[a-z][\w-]*\s+){0,2}?" + _DOCUMENTS +
                         _PUBLISHED)


def _document_owner(text: str, start: int, end: int) -> Span | None:
    """Return who published the figures a noun phrase names, or None when it names none."""
    for pattern in (_OWNER_CONDUCTED, _OWNER_AFTER, _OWNER_BEFORE, _OWNER_NAMED, _OWNER_BODY):
        match = pattern.fullmatch(text, start, end)
        if match:
            owner = _trim_np(text, match.start("owner"), match.end("owner"))
            where = re.search(r"\s+(?:in|at|before|to)\s+(?:the\s+)?[A-Z][^,;]*$",
                              text[owner[0]:owner[1]])
            if where and where.start() > 0:  # "the railways ministry in the National Assembly"
                owner = (owner[0], owner[0] + where.start())
            article = re.match(r"(?:[Aa]n?|[Tt]he)\s+(?=[A-Z])", text[owner[0]:owner[1]])
            if article:  # "A Eurobarometer survey": Eurobarometer
                owner = (owner[0] + article.end(), owner[1])
            if owner[1] > owner[0] and not re.fullmatch(r"(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)",
                                                          text[owner[0]:owner[1]]):
                return owner
    return None


_SPOKESPERSON = r"(?:spokesperson|spokesman|spokeswoman|representative)"
_SPEAKS_FOR = re.compile(r"(?:[Aa]n?|[Tt]he)\s+(?P<body>[^,;\"“”]{2,60}?)\s+" + _SPOKESPERSON +
                         r"(?:\s+(?:in|at|for|from)\s+[^,;\"“”]{2,40})?")


def _spokesperson(article: Article, registry: P.Registry, start: int, end: int
                  ) -> PartyDraft | None:
    """Return the body "the spokesperson" speaks for: the last "A Department of Health
    spokesperson" or "a spokesman for the ministry" before it. The body is the source, as
    wire copy treats it."""
    if not re.fullmatch(r"(?:[Tt]he|[Aa]n?)\s+(?:\w+\s+)?" + _SPOKESPERSON,
                        article.text[start:end]):
        return None
    floor = max(article.header_end, start - 2500)
    found = list(re.finditer(r"\b(?:[Aa]n?|[Tt]he)\s+(?P<body>[A-Z][^,;.\"“”]{1,80}?)\s+"
                             + _SPOKESPERSON + r"\b|\b" + _SPOKESPERSON + r"\s+for\s+"
                             r"(?P<for>(?:the\s+)?[A-Z][^,;.\"“”]{1,80}?)(?=[,;.]|\s+said)",
                             article.text[floor:end]))
    for match in reversed(found):
        group = "body" if match["body"] else "for"
        body = registry.at(floor + match.start(group), floor + match.end(group))
        if body is not None and body.kind != P.PERSON:
            body.add_mention((start, end))
            return body
    return None


#: Sources named by what they are: "police", "prosecutors", "city officials".
_COLLECTIVES = re.compile(r"(?:[Tt]he\s+)?(?:(?P<where>[A-Z][\w'’-]+|(?!(?:the|a|an|its|their|"
                          r"his|her|some|many|several|two|three|four|five|other|these|those)\b)"
                          r"[a-z][\w-]+(?:\s[a-z][\w-]+)?)\s+)?"
                          r"(?P<who>(?i:police|prosecutors|officials|authorities|investigators|"
                          r"firefighters|rescuers|organi[sz]ers|coroners?|traders|dealers|"
                          r"analysts|economists|experts|residents|witnesses|doctors|activists|"
                          r"farmers|fishermen|exporters|importers|producers|growers|"
                          r"brokers|bankers|investors|manufacturers|retailers))"
                          r"(?:\s+(?:on|from|in|at|of)\s+[^,;\"“”]{1,60})?")



def _collective(article: Article, registry: P.Registry, start: int, end: int, phrase: str
                ) -> PartyDraft | None:
    """Return the body behind "police said" or "city officials said": one the story named
    ("the Bentonville Police Department"), or a new one, low confidence, named by the words."""
    match = _COLLECTIVES.fullmatch(phrase)
    if not match:
        return None
    if match["where"] and match["where"] in STOP_CAPS:
        return None
    state = P.state_for_adjective(match["where"], registry) if match["where"] else None
    if state is None and match["where"] in gazetteer().names:
        state = registry.state(gazetteer().names[match["where"]], match["where"])
    if state is not None:  # "Kyrgyz officials": the state's officials, unnamed
        party = _made(article, registry, start, end, f"{match['where']} {match['who'].lower()}"
                      f"{' (unnamed)' if match['who'].lower() == 'officials' else ''}",
                      "government_body")
        if party.affiliation is None:
            party.affiliation, party.country = state, state.country
        return party
    word = (match["where"] or match["who"]).lower()
    if word in ("police", "city", "county", "state"):
        named = [p for (_, e), p in registry.within(max(0, start - 4000), start)
                 if p.kind in ("government_body", "armed_forces") and
                 re.search(rf"\b{word}\b", p.name, re.IGNORECASE)]
        if named:
            named[-1].add_mention((start, end))
            return named[-1]
    name = re.sub(r"^(?:the|The)\s+", "", phrase)
    who = match["who"].lower()
    if not match["where"] and who in ("officials", "authorities") and name.lower() == who:

        name = f"{who} (unnamed)"  # "officials said": a body the story leaves vague
    kind = "government_body" if who not in ("organisers", "organizers") else "other"
    return _made(article, registry, start, end, name, kind)


#: What an unnamed source is: "a senior official", "a diplomat familiar with the talks".
_ANONYMOUS_HEADS = ("official|diplomat|source|juror|nurse|lineman|worker|resident|witness|"
                    "doctor|officer|aide|employee|insider|negotiator|adviser|advisor|"
                    "executive|spokesperson|spokesman|spokeswoman|lawyer|engineer|teacher|"
                    "soldier|commander|volunteer|analyst|investigator|staffer|member")
_ANONYMOUS = re.compile(r"(?:[Aa]n?|[Oo]ne)\s+(?P<desc>(?:[\w'’-]+\s+){0,4}?)(?P<head>"
                        + _ANONYMOUS_HEADS + r")(?P<rest>\s+(?:familiar|close|with|from|in|at|"
                        r"of|involved|briefed|speaking|who)\b[^\"“”]*)?")
#: A sentence that opens with an unnamed source: "A resident of Ryazan's southern district
#: told ...".
ANONYMOUS_OPENING = re.compile(r"(?P<np>(?:An?|One)\s+(?:[\w'’-]+\s+){0,4}?(?:" + _ANONYMOUS_HEADS
                               + r")(?:\s+(?:of|from|in|at|with)\s+[^,;:\"“”]{1,60}?)?)"
                               r"(?=,|\s+(?:told|said|says|who|was|were|had|has|described|"
                               r"recalled|added))")
_THE_ANONYMOUS = re.compile(
r"[Tt]he\s+(?:(?:senior|junior|same|first|second|other)\s+)?"
                            r"(?P<head>" + _ANONYMOUS_HEADS + r")")


def unnamed_source(article: Article, registry: P.Registry, start: int, end: int,
                   phrase: str) -> PartyDraft | None:
    """Return the party for a source the story does not name: "a senior electoral official"
    (a new one), "the official" (the last one with that head word, found in the text when no
    rule has made it yet). Low confidence: an analyst decides how to name it."""
    new = _ANONYMOUS.fullmatch(phrase)
    if new:
        return _anonymous(article, registry, start, end, new)
    back = _THE_ANONYMOUS.fullmatch(phrase)
    if not back:
        return None
    head = back["head"]
    earlier = [p for (_, e), p in registry.within(max(0, start - 3000), start)
               if p.key.startswith("unnamed:") and head in p.heads]
    if earlier:
        earlier[-1].add_mention((start, end))
        return earlier[-1]
    floor = max(article.header_end, start - 3000)
    found = [m for m in re.finditer(r"\b(?:[Aa]n?|[Oo]ne)\s+(?:[a-z][\w'’-]*\s+){0,4}?" + head
                                    + r"\b(?:\s+(?:familiar|close)\s+with\s+[\w\s'’-]{1,40}?"
                                    r"(?=[,.;]))?", article.text[floor:start])]
    if not found:
        return None
    match = found[-1]
    party = unnamed_source(article, registry, floor + match.start(), floor + match.end(),
                           clean(match.group()))
    if party is not None:
        party.add_mention((start, end))
    return party


def _anonymous(article: Article, registry: P.Registry, start: int, end: int,
               match: re.Match[str]) -> PartyDraft:
    words = f"{match['desc']}{match['head']}".strip()
    rest = clean(match["rest"] or "")
    name = f"{words[:1].upper()}{words[1:]}{' ' + rest if rest else ''} (unnamed)"
    party = registry.add(PartyDraft(f"unnamed:{words.casefold()}:{start}", name, P.PERSON,
                                    confidence=LOW, heads=(match["head"].lower(),)),
                         (start, end))
    if not party.notes:
        party.notes.append("a source the story does not name: check how to call it")
    return party


def _family_name_first(registry: P.Registry, word: str, start: int, end: int
                       ) -> PartyDraft | None:
    """Return the person "Park" names when the story introduced "Park Jae-hoon": Korean and
    Chinese names put the family name first (the given name is the hyphenated one)."""
    for person in registry.parties:
        parts = person.name.split()
        if person.kind == P.PERSON and len(parts) >= 2 and parts[0] == word and "-" in parts[-1]:
            person.add_mention((start, end))
            return person
    return None


def _source_by_surname(registry: P.Registry, word: str, start: int, end: int
                       ) -> PartyDraft | None:
    """Return the speaker "Ranganathan said" names when the story first quoted "said Dev
    Ranganathan, who runs the Parkdale Community Pantry" (a source with no title)."""
    for party in registry.parties:
        parts = party.name.split()
        if party.key.startswith("source:") and len(parts) in (2, 3) and parts[-1] == word \
                and all(p[:1].isupper() for p in parts):
            party.add_mention((start, end))
            return party
    return None


_GENDERED = {"he": "m", "him": "m", "she": "f", "her": "f"}
_GENDER_WORD = re.compile(r"\b(?:(?P<m>he|his|him|himself)|(?P<f>she|her|hers|herself))\b",
                          re.IGNORECASE)
_GENDER_ROLE = re.compile(r"\b(?:(?P<m>Mr|spokesman|chairman|businessman|congressman|father|"
                          r"husband|son|brother|grandfather)|(?P<f>Mrs|Ms|spokeswoman|chairwoman|"
                          r"businesswoman|congresswoman|mother|wife|daughter|sister|"
                          r"grandmother))\b")


def person_for_pronoun(article: Article, registry: P.Registry, start: int, gender: str
                       ) -> PartyDraft | None:
    """Return the person "he" or "she" at ``start`` most likely means.

    Wire copy names a paragraph's speaker first: the first person of this paragraph, then
    the last person of the paragraph before, then the first person of each of the two
    before that, then the last person named; each time skipping a person known to be of the
    other gender (from a pronoun after their name, or a word such as "spokeswoman"). So two
    people who speak in turn ("he said", "she said") keep their quotations apart.
    """
    paragraphs = [(s, e) for s, e, _ in article.paragraphs if s < start]
    if not paragraphs:
        return None
    here = len(paragraphs) - 1
    for index in range(here, max(-1, here - 4), -1):
        p_start, p_end = paragraphs[index]
        persons = registry.all_at(p_start, min(p_end, start), (P.PERSON,))
        # This paragraph's first person, then its others from the last; the last of the one
        # before; then the first of each.
        # A person named only in a possessive ("Castillo's spokesman, X,") is no subject.
        persons = [p for p in persons if not _only_possessive(article, p, p_start, p_end)] + \
            [p for p in persons if _only_possessive(article, p, p_start, p_end)]
        candidates = reversed(persons) if index == here - 1 else persons[:1]
        if index == here:
            candidates = persons[:1] + persons[:0:-1]
        for person in candidates:
            if _gender(article, registry, person) in (None, gender):
                return person
    floor = max(0, start - 1200)
    for (_, _), person in reversed(registry.within(floor, start)):
        if person.kind == P.PERSON and _gender(article, registry, person) in (None, gender):
            return person
    return None


def _only_possessive(article: Article, person: PartyDraft, start: int, end: int) -> bool:
    """Return True when every mention of ``person`` in ``[start, end)`` is a possessive."""
    inside = [(s, e) for s, e in person.mentions if start <= s < end]
    return bool(inside) and all(article.text[e:e + 2] in ("'s", "’s") for _, e in inside)


def _gender(
article: Article, registry: P.Registry, person: PartyDraft) -> str | None:
    """Return "m" or "f" when the text says it: the first pronoun after one of the person's
    mentions (outside quotations, before anyone else is named), or a word of their role."""
    text = article.text
    role = _GENDER_ROLE.search(f"{person.role or ''} {person.name}")
    if role:
        return "m" if role["m"] else "f"
    for _, m_end in person.mentions:
        following = [s for (s, _), p in registry.within(m_end, len(text))
                     if p.kind == P.PERSON and p is not person]
        stop = min([m_end + 250, *following[:1]])
        for match in _GENDER_WORD.finditer(text, m_end, stop):
            if _inside_quotation(article, match.start()):
                continue
            return "m" if match["m"] else "f"
    return None


def _inside_quotation(article: Article, pos: int) -> bool:
    return any(q.start < pos < q.end for q in article.quotes)


_BARE_HEAD = re.compile(r"[Tt]he\s+(?:[A-Z][\w'’-]*-(?:based|headquartered)\s+)?(?P<head>[a-z]+)")
#: Words no description of a body holds: "the walkout until the government" is none.
_FUNCTION_WORDS = frozenset({"the", "a", "an", "until", "of", "to", "for", "and", "or", "but",
                             "from", "with", "in", "on", "at", "by", "as", "that", "which",
                             "when", "after", "before", "while", "if", "than"})


def _named_earlier(article: Article, registry: P.Registry, start: int, end: int, phrase: str
                   ) -> PartyDraft | None:
    """Return the body that "the ministry" points back to when no rule introduced it: the
    last "the housing ministry" (a description ending in the same head word) before it."""
    bare = _BARE_HEAD.fullmatch(phrase)
    if not bare or bare["head"] not in HEADS:
        return None
    head = bare["head"]
    named = [p for (_, e), p in registry.within(max(0, start - 3000), start)
             if p.kind in ORGANISATION_KINDS and p.kind != P.STATE and (
                 head in p.heads or head in P.strip_possessive(p.name)[0].lower().split() or
                 any(head in a.lower().split() for a in p.aliases))]
    if named:  # "the Korean Railway Workers' Union ..." then "the union said"; "the
        # Federal Statistical Office (Destatis)" then "the Wiesbaden-based office said"
        named[-1].add_mention((start, end))
        return named[-1]
    floor = max(article.header_end, start - 1500)
    pattern = re.compile(r"\b[Tt]he\s+(?:[\w'’-]+\s+){1,4}" + bare["head"] + r"\b")

    found = [m for m in pattern.finditer(article.text, floor, start)
             if not _FUNCTION_WORDS.intersection(m.group().lower().split()[1:-1])]
    if not found and head == "ministry":
        return _ministry_of_minister(article, registry, floor, start, end)
    if not found and head in _SYNONYMS:
        found_name = _described_name(article, registry, floor, start, end, head)
        if found_name is not None:
            return found_name
    if not found and head in _GENERIC_HEADS:
        return _only_body_nearby(article, registry, start, end)
    if not found and head == "government":
        return _government_of_the_story(article, registry, start, end)
    if not found:
        return None
    party = _new_source(article, registry, found[-1].start(), found[-1].end())
    if party is not None:
        party.add_mention((start, end))
    return party


#: Heads a story uses for a body whose name holds another word: "the Irish Nurses and
#: Midwives Organisation (INMO)", then "the union".
_GENERIC_HEADS = frozenset({"union", "group", "organisation", "organization", "association",
                            "federation", "charity", "body", "watchdog", "alliance",
                            "coalition", "campaign", "network"})


def _government_of_the_story(article: Article, registry: P.Registry, start: int, end: int
                             ) -> PartyDraft | None:
    """Return the government "the government" means when the story names none: that of
    the state it names most (low confidence), if one state leads clearly."""
    counts = sorted(((len([m for m in p.mentions if m[0] < start + 2000]), p)
                     for p in registry.parties if p.kind == P.STATE and p.country),
                    key=lambda item: -item[0])
    if not counts or counts[0][0] == 0 or (len(counts) > 1 and
                                           counts[0][0] < 2 * counts[1][0]):
        return None
    state = counts[0][1]
    party = registry.add(PartyDraft(f"org:{state.country}:government", f"Government of "
                                    f"{state.name}", "government_body", country=state.country,
                                    affiliation=state, confidence=LOW,
                                    heads=("government",)), (start, end))
    if not party.notes:
        party.notes.append(f'"the government" of a story mostly about {state.name}: check it')
    return party


@_looks_elsewhere
def _only_body_nearby(article: Article, registry: P.Registry, start: int, end: int
                      ) -> PartyDraft | None:
    """Return the one body (no state, government or person) named in the last 600
    characters, which "the union" must mean when nothing else fits; of several, the one a
    sentence before cites as its source; None if that leaves several."""
    floor = max(article.header_end, start - 600)
    near = {p.key: p for (_, _), p in registry.within(floor, start)
            if p.kind in ("other", "coalition", "political_party", "company")
            and not p.key.startswith(("unnamed:", "source:"))}
    if len(near) > 1:
        cited = {s.party.key for sentence in article.sentences
                 if floor <= sentence.start and sentence.end <= start
                 for s in sources_in(article, registry, sentence.start, sentence.end)}
        near = {key: p for key, p in near.items() if key in cited}
    if len(near) != 1:
        return None
    party = next(iter(near.values()))
    party.add_mention((start, end))
    return party


#: What a later "the airline" may have been introduced as: "low-cost carrier Sirocco Air".
_SYNONYMS = {"airline": "airline|carrier", "company": "company|firm|group|maker|producer|"
             "operator|giant|conglomerate|retailer|miner", "firm": "firm|company|consultancy",
             "bank": "bank|lender", "union": "union", "group": "group|organi[sz]ation|charity",
             "operator": "operator|utility|distributor", "utility": "utility|operator|"
             "distributor|supplier", "carrier": "carrier|airline|shipping\\s+line",
             "insurer": "insurer", "broker": "broker"}


def _described_name(article: Article, registry: P.Registry, floor: int, start: int, end: int,
                    head: str) -> PartyDraft | None:
    """Return the body "the airline" points back to when the story introduced it by what
    it is ("Spanish low-cost carrier Sirocco Air") and no rule made it a party."""
    pattern = re.compile(r"\b(?:" + _SYNONYMS[head] + r")\s+(?P<name>[A-Z][\w&'’.-]*(?:\s+"
                         r"[A-Z][\w&'’.-]*){0,3})")
    found = list(pattern.finditer(article.text, floor, start))
    if not found:
        return None
    name = found[-1].span("name")
    party = registry.at(*name) or _new_source(article, registry, *name)
    if party is not None:
        party.add_mention((start, end))
    return party


_MINISTER = re.compile(r"\b(?P<domain>(?!Prime\b|Deputy\b|First\b)[A-Z][a-z]+(?:\s+(?:and|of)\s+"
                       r"[A-Z][a-z]+)?)\s+Minister\b")


def _ministry_of_minister(article: Article, registry: P.Registry, floor: int, start: int,
                          end: int) -> PartyDraft | None:
    """Return "Transport ministry" for "the ministry" when only "Transport Minister Park
    Jae-hoon" came before it."""
    found = list(_MINISTER.finditer(article.text, floor, start))
    if not found:
        return None
    name = f"{found[-1]['domain']} ministry"
    party = _made(article, registry, start, end, name, "government_body")
    party.heads = ("ministry",)
    minister = registry.at(found[-1].start(), min(start, found[-1].end() + 60), (P.PERSON,))
    if minister is not None and party.affiliation is None:
        party.affiliation = minister.affiliation
        party.country = party.country or minister.country
    return party


_COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10}
GROUP = re.compile(r"(?:[Tt]he\s+)?(?P<count>two|three|four|five|six|seven|eight|nine|ten|"
                    r"both|\d+)\s+(?:governments|countries|states|nations|allies|leaders|sides|"
                    r"ministers|capitals|neighbours|neighbors|partners|delegations)")


def group_party(article: Article, registry: P.Registry, start: int, end: int, count: str
                ) -> PartyDraft | None:
    """Return a coalition of the states a group names ("the three governments"): the last
    states named together before it, as many as it counts."""
    wanted = int(count) if count.isdigit() else _COUNTS.get(count.lower(), 0)
    for sentence in reversed([s for s in article.sentences if s.start < start]):
        states = registry.all_at(sentence.start, min(sentence.end, start), (P.STATE,))
        if len(states) >= wanted >= 2:
            members = states[:wanted]
            names = ", ".join(p.name for p in members[:-1]) + f" and {members[-1].name}"
            key = "group:" + "+".join(p.key for p in members)
            party = registry.add(PartyDraft(key, f"Governments of {names}", "coalition",
                                            confidence=LOW, members=members), (start, end))
            if not party.notes:
                party.notes.append(f'"{clean(article.text[start:end])}": read as {names}')
            return party
    return None


_DOCUMENT = re.compile(r"(?:[Tt]he|[Tt]heir|[Ii]ts|[Hh]is|[Hh]er)\s+(?:joint\s+)?(?:statement|"
                       r"communique|declaration|report|letter|memorandum)")


_IN_A_STATEMENT = re.compile(r"\b[Ii]n\s+(?:a|an|its|his|her|their|the)\s+(?:joint\s+|written\s+|"
                            r"separate\s+)?(?:statement|communique|declaration|letter)\b")


_ITS_OWN = re.compile(r"(?:[Ii]ts|[Tt]heir)\s+(?:[\w'’-]+\s+){0,3}(?:data|figures|statistics|"
                      r"numbers|report|survey|statement|chapter|branch|unit|office|arm|wing|"
                      r"division|team|researchers|analysts|economists|spokesperson|spokesman|"
                      r"spokeswoman|website|count|tally|estimates?)")
_THE_DATA = re.compile(r"(?:[Tt]he|[Tt]hese|[Tt]hose|[Tt]he\s+same|[Tt]he\s+latest)\s+(?:data|"
                       r"figures|statistics|numbers|survey|poll|report|study|estimates|"
                       r"projections|findings|bulletin|update|release)")



@_looks_elsewhere
def _data_owner(article: Article, registry: P.Registry, start: int, phrase: str
                ) -> PartyDraft | None:
    """Return whose data "the data" are: the source of the last sentence that named data
    ("Ministry of Finance data showed", "figures from the ministry")."""
    word = phrase.split()[-1].lower()
    earlier = [s for s in article.sentences if s.end <= start][-8:]
    kin = next((k for k in (_KIN_DOCUMENTS, _KIN_FIGURES) if re.fullmatch(k, word)), None)
    words = (rf"\b{word}\b", rf"\b{kin}\b") if kin else (rf"\b{word}\b",)
    for pattern in words:  # "the report" after "Food Banks Canada's annual survey found"
        for sentence in reversed(earlier):
            for source in sources_in(article, registry, sentence.start, sentence.end):
                if re.search(pattern, article.text[source.np[0]:source.np[1]], re.I) or \
                        re.search(pattern, article.text[sentence.start:sentence.end], re.I):
                    return source.party
    return None


#: Documents one story calls by each other's names: "a national report" that the next
#: sentence calls "Food Banks Canada's annual HungerCount survey".
_KIN_DOCUMENTS = "(?:report|survey|study|poll|analysis|review|audit|census|bulletin|update|release)"
#: "figures released by the alliance show ..." then "The estimates, published as ..., show".
_KIN_FIGURES = "(?:figures|data|statistics|numbers|estimates|projections|findings)"
#: "a national report released Wednesday", "a new study": a document whose author the story
#: names later.
_A_DOCUMENT = re.compile(r"(?:(?:[Aa]n?|[Aa]nother)\s+(?:[a-z][\w-]*\s+){0,3}" + _KIN_DOCUMENTS +
                         r"|(?:[Nn]ew|[Ll]atest|[Pp]reliminary|[Pp]rovisional|[Gg]overnment|"
                         r"[Oo]fficial)\s+(?:[a-z][\w-]*\s+)?(?:figures|data|statistics|numbers))"
                         r"(?:\s+(?:released|published|issued|out)\b[^,;]{0,30})?")


@_looks_elsewhere
def _owner_named_next(article: Article, registry: P.Registry, end: int) -> PartyDraft | None:
    """Return the author of "a report" the next two sentences name: "according to a national
    report released Wednesday. Food Banks Canada's annual HungerCount survey ... found"."""
    later = [s for s in article.sentences if s.start >= end][:2]
    for sentence in later:
        for match in re.finditer(r"(?P<owner>[A-Z][^,;.\"“”]{1,60}?)['’]s?\s+(?:[\w-]+\s+){0,3}?"
                                 + "(?i:" + _KIN_DOCUMENTS + r")\b",
                                 article.text[sentence.start:sentence.end]):
            owner = _trim_np(article.text, sentence.start + match.start("owner"),
                             sentence.start + match.end("owner"))
            party = resolve(article, registry, *owner)
            if party is not None and party.kind != P.PERSON:
                return party
        for source in sources_in(article, registry, sentence.start, sentence.end):
            if re.search(_DOCUMENTS, article.text[source.np[0]:source.np[1]]) and \
                    source.party.kind != P.PERSON:  # "Environment Agency data ... shows"
                return source.party
    return None


@_looks_elsewhere
def _issuer(
article: Article, registry: P.Registry, start: int) -> PartyDraft | None:
    """Return who issued "the statement": the source of the last sentence that names one."""
    earlier = [s for s in article.sentences if s.end <= start][-5:]
    for sentence in reversed(earlier):
        in_sentence = _IN_A_STATEMENT.search(article.text, sentence.start, sentence.end)
        for source in sources_in(article, registry, sentence.start, sentence.end):
            channel = source.channel or ""
            if re.search(r"statement|communique|declaration|report|letter", channel) or \
                    (in_sentence and source.how == "said"):
                return source.party  # "..., X said in a statement", "In a statement, X said"
    return None


_BLOC = re.compile(r"(?:[Tt]he\s+)(?:bloc|alliance|union|organi[sz]ation|coalition)")
_COLLECTIVE = re.compile(r"(?:[Oo]pposition|[Rr]uling[- ]party|[Gg]overnment|[Cc]oalition)\s+"
                         r"(?:lawmakers|legislators|MPs|deputies|parties|politicians|leaders)"
                         r"(?:\s+in\s+[A-Z][\w-]+)?")


def _new_source(article: Article, registry: P.Registry, start: int, end: int
                ) -> PartyDraft | None:
    """Make a party of a source no rule introduced: a capitalised name ("Baltgrid said"), a
    body described by its head word ("the regional prosecutor's office said"), a collective
    ("opposition lawmakers")."""
    text = clean(article.text[start:end])
    collective = _COLLECTIVE.fullmatch(text)
    if collective:
        return _made(article, registry, start, end, text, "political_party")
    head = re.fullmatch(r"(?:(?:the|The)\s+|(?=[A-Z])|(?=[a-z][\w-]*\s))(?P<words>\w[\w'’ -]{0,60}?"
                        r"\b(?P<head>\w+))", text)


    if head and head["head"] in HEADS and len(head["words"].split()) >= 2 and \
            not _FUNCTION_WORDS.intersection(head["words"].lower().split()):
        return _made(article, registry, start, end, head["words"], HEADS[head["head"]])
    name = re.sub(r"^(?:the|The)\s+", "", text)
    alias = re.search(r"\s+\((?P<alias>[A-Z][\w&.-]{1,15})\)(?=$|\s+[A-Z])", name)
    if alias:  # "Doctors Without Borders (MSF)", "Kyiv School of Economics (KSE) Institute"
        name = name[:alias.start()] + name[alias.end():]
    inner = re.match(r"^(?:an?|the|its|their)\s+(?P<name>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*)*)"
                     r"\s+(?:poll|survey|data|figures|report|study|analysis|estimate|count|"
                     r"tally|statement|census)\b", text)
    if inner:  # "a YouGov poll published on Monday": YouGov
        return _made(article, registry, start, end, inner["name"], "other")
    described = _DESCRIBED_SOURCE.fullmatch(text)
    if described and not _NOT_SOURCES.match(described["words"]):
        # "the bench said", "a water policy think tank said": a body the story describes
        kind = HEADS.get(described["head"], "other")
        return _made(article, registry, start, end, described["words"], kind)
    if not name or not name[0].isupper() or _NOT_SOURCES.match(name) or \
            len([w for w in name.split() if w not in _NAME_LINKS]) > 7:
        return None
    if name.split()[0] in STOP_CAPS or name.split()[0].lower() in _PRONOUNS:
        return None
    if not all(w[0].isupper() or w[0].isdigit() or w in _NAME_LINKS for w in name.split()):
        return None
    party = _made(article, registry, start, end, P.strip_possessive(name)[0], "other")
    if alias and alias["alias"] not in party.aliases:
        party.aliases.append(alias["alias"])
    return party


#: Lower-case words inside a name: "Consortium for Research on Agroecosystem Monitoring and
#: Modeling from Space", "Fondation pour le logement".
_NAME_LINKS = frozenset({"of", "for", "and", "the", "de", "on", "from", "in", "at", "des",
                         "du", "la", "le", "el", "di", "da", "van", "von", "der", "del", "pour",
                         "y", "e", "et", "und", "für"})


#: A body a source's words describe without naming it; its head is one of these.
_SOURCE_HEADS = ("bench|panel|court|tribunal|board|jury|committee|commission|council|team|"
                 "bureau|agency|office|service|department|ministry|authority|regulator|"
                 "watchdog|monitor|observatory|institute|centre|center|charity|group|firm|"
                 "company|operator|utility|association|federation|union|coalition|network|"
                 "body|consultancy|think\\s+tank|lender|insurer|broker|pollster|tracker")
_DESCRIBED_SOURCE = re.compile(r"(?:[Tt]he|[Aa]n?)\s+(?P<words>(?:(?!(?:and|or|of|to|in|on|"
                               r"for|with|that|which|who)\b)[a-z][\w'’-]*\s+){0,3}"
                               r"(?P<head>" + _SOURCE_HEADS + r"))")


def _made(
article: Article, registry: P.Registry, start: int, end: int, name: str, kind: str
          ) -> PartyDraft:
    """Register a party named only as a source, mentioned where its words are."""
    at = article.text.find(name.split()[0], start, end)
    at = start if at < 0 else at
    stop = at + len(name) if article.text[at:at + len(name)] == name else end
    shown = name[:1].upper() + name[1:]
    party = registry.add(PartyDraft(f"source:{name.casefold()}", shown, kind, confidence=LOW,
                                    heads=(name.split()[-1].lower(),)), (at, stop))
    if not party.notes:
        party.notes.append("named only as a source: check its name and kind")
    return party
