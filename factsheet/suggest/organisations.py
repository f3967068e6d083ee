"""Organisations: ministries, agencies, armed forces, parliaments, parties, coalitions,
outlets and companies.

Supports: a country before the body ("Hungary's interior ministry", "the Romanian water
agency", "Estonia's navy"); proper names with a head word ("National Institute of Biology",
"Coalition of the Willing", "Finnish Border Guard"); outlets introduced by what they are
("the Bulgarian daily Dnevnik (Дневник)"); a name before its description ("Baltgrid,
Estonia's grid operator"); the organisations of ``data/organisations.tsv`` (NATO, the EU,
"the UN refugee agency"); later mentions as "the ministry", "the agency". Does not support:
organisations named without a head word or a list entry ("Rosatom said") — those are found
only as speakers and sources, by ``attribution.py``.
"""

from __future__ import annotations

import re
from itertools import pairwise

from factsheet.suggest import parties as P
from factsheet.suggest.data import gazetteer
from factsheet.suggest.draft import HIGH, LOW, PartyDraft, Span
from factsheet.suggest.text import (
    CALENDAR_WORDS,
    Article,
    Word,
    adjacent,
    clean,
    split_sentences,
    words,
)

#: Company suffixes: "Damodar Valley Collieries Ltd" is later "the company".
_COMPANY_SUFFIXES = frozenset({"ltd", "limited", "inc", "plc", "llc", "gmbh", "ag", "corp",
                               "co"})
#: Head words and the party kind they make.
HEADS = {
    **dict.fromkeys(["ministry", "agency", "directorate", "office", "administration", "service",
                     "council", "committee", "commission", "parliament", "assembly", "government",
                     "cabinet", "presidency", "police", "inspectorate", "bureau", "department",
                     "authority", "regulator", "secretariat", "senate", "guard", "embassy",
                     "mission", "delegation", "prosecutor's", "tribunal", "court", "monitor",
                     "prefecture", "municipality", "board",
                     "watchdog", "ombudsman", "trust"],
                    "government_body"),
    **dict.fromkeys(["army", "navy", "military", "forces", "force", "command", "staff"],
                    "armed_forces"),
    "party": "political_party",
    **dict.fromkeys(["coalition", "alliance", "bloc"], "coalition"),
    **dict.fromkeys(["daily", "newspaper", "weekly", "broadcaster", "magazine", "tabloid",
                     "outlet"],
                    "media_outlet"),
    **dict.fromkeys(["company", "operator", "utility", "firm", "corporation", "producer", "maker",
                     "airline", "carrier", "manufacturer", "exporter", "group", "bank",
                     "cooperative", "co-op", "exchange", "railways", "railway", "airways"],
                    "company"),
    **dict.fromkeys(_COMPANY_SUFFIXES, "company"),
    **dict.fromkeys(["institute", "university", "foundation", "association", "federation",
                     "forum", "society",
                     "union", "organisation", "organization"], "other"),
}
_TWO_WORD_HEADS = {"air force": "armed_forces", "armed forces": "armed_forces",
                   "general staff": "armed_forces", "central bank": "government_body",
                   "news agency": "news_agency", "press service": "government_body",
                   "border guard": "government_body", "coast guard": "government_body"}
_MEDIA = re.compile(
    r"\b(?:the\s+|The\s+)?(?P<adj>[A-Z][\w'’.-]*\s+)?(?P<what>daily|newspaper|weekly|"
    r"broadcaster|magazine|tabloid|news agency|news website|TV channel|television channel|"
    r"radio station|outlet)\s+(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"
    r"(?:\s+\((?P<alias>[^()\n]{1,40})\))?")
_NOT_MODIFIERS = frozenset(
    ["the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those",
     "of", "and", "or", "to", "in", "on", "at", "by", "for", "from", "with", "said", "says",
     "told", "is", "was", "are", "were", "has", "have", "had", "will", "would", "could", "should",
     "may", "might", "can", "not", "no", "also", "which", "who", "whose", "as", "but", "than",
     "then", "after", "before", "under", "over", "into", "new"])


def find_organisations(article: Article, registry: P.Registry) -> None:
    """Register the organisations the fact paragraphs name."""
    for start, end in P.fact_spans(article):
        _known(article, registry, start, end)
        _media(article, registry, start, end)
        for s, e in split_sentences(article.text, start, end):
            _headed(article, registry, s, e)


def _known(article: Article, registry: P.Registry, start: int, end: int) -> None:
    known = gazetteer().organisations
    longest = max((len(k.split()) for k in known), default=1)
    tokens = words(article.text, start, end)
    i = 0
    while i < len(tokens):
        for size in range(min(longest, len(tokens) - i), 0, -1):
            chunk = tokens[i:i + size]
            phrase, possessive = P.strip_possessive(" ".join(t.text for t in chunk))
            after = tokens[i + size] if i + size < len(tokens) else None
            if after is not None and adjacent(chunk[-1], after) and after.is_capitalised and \
                    not possessive and after.lower not in gazetteer().title_words:
                continue  # part of a longer name: "Élysée Palace", "European Union Council"
            if phrase in known and all(adjacent(a, b) for a, b in pairwise(chunk)):
                org = known[phrase]
                party = registry.add(PartyDraft(f"org:{org.name.casefold()}", org.name,
                                                org.kind, country=org.country))
                if phrase != org.name and phrase not in party.aliases:
                    party.aliases.append(phrase)
                party.add_mention((chunk[0].start, chunk[-1].end - (2 if possessive else 0)))
                i += size - 1
                break
        i += 1


def _media(article: Article, registry: P.Registry, start: int, end: int) -> None:
    for match in _MEDIA.finditer(article.text, start, end):
        name = match["name"]
        kind = "news_agency" if match["what"] == "news agency" else "media_outlet"
        country = None
        begin = match.start("what")
        if match["adj"]:
            state = P.state_for_adjective(match["adj"].strip(), registry)
            if state is None:
                continue
            country, begin = state.country, match.start("adj")
        shown = f"{name} ({match['alias']})" if match["alias"] else name
        party = registry.add(PartyDraft(f"org:{name.casefold()}", shown, kind,
                                        country=country))
        if match["alias"] and match["alias"] not in party.aliases:
            party.aliases.append(match["alias"])
        party.add_mention((begin, match.end()))
        party.surname = name


def _headed(article: Article, registry: P.Registry, start: int, end: int) -> None:
    tokens = words(article.text, start, end)
    for h, token in enumerate(tokens):
        head, kind, first = _head_at(tokens, h)
        if head is None or kind == "media_outlet":  # outlets are named by _media
            continue
        if h + 1 < len(tokens) and tokens[h + 1].is_capitalised == token.is_capitalised and \
                adjacent(token, tokens[h + 1]) and _head_at(tokens, h + 1)[0]:
            continue  # "Regional Military Administration", "the police union": the last head
        last = _of_extension(tokens, h)
        m = _modifiers_start(tokens, first)
        covering = [p for (s, e), p in registry.within(max(0, tokens[m].start - 80),
                                                         tokens[last].end)
                    if p.key.startswith("org:") and s <= tokens[first].start
                    and tokens[last].end <= e]
        if covering:
            continue  # a name the list knows: "European Union", "Turkish Statistical Institute"
        owner, begin = _owner(article, registry, tokens, m)
        proper = tokens[first].is_capitalised or any(t.is_capitalised for t in tokens[m:first])
        if owner is None and not proper:
            found = _back_reference(registry, head, (tokens[m - 1].start if m and
                                                     tokens[m - 1].lower == "the" else
                                                     tokens[m].start, tokens[last].end))
            if not found and m < first and m > 0 and tokens[m - 1].lower == "the" and \
                    not {t.lower for t in tokens[m:first]} & _VAGUE:
                # "the ecological transition ministry": a body described, named by that
                _register(article, registry, tokens, m, last, tokens[m].start, None, kind,
                          head)
            continue
        if owner is None and not _is_proper_name(tokens, m, last):
            continue
        _register(article, registry, tokens, m, last, begin, owner, kind, head)


def _head_at(tokens: list[Word], h: int) -> tuple[str | None, str, int]:
    """Return (head, kind, index of the head's first word) if ``tokens[h]`` ends a head."""
    low = P.strip_possessive(tokens[h].text)[0].lower()
    if h > 0:
        pair = f"{tokens[h - 1].lower} {low}"
        if pair in _TWO_WORD_HEADS:
            return pair, _TWO_WORD_HEADS[pair], h - 1
    if low in HEADS:
        if low == "agency" and h > 0 and tokens[h - 1].lower == "news":
            return "news agency", "news_agency", h - 1
        return low, HEADS[low], h
    return None, "", h


def _of_extension(tokens: list[Word], h: int) -> int:
    """Return the last word of "Ministry of Agriculture", "Coalition of the Willing"."""
    last = h
    if not tokens[h].is_capitalised:
        return last
    j = h + 1
    while j + 1 < len(tokens) and tokens[j].lower in ("of", "for") and \
            adjacent(tokens[j - 1], tokens[j]):
        k = j + 1
        if k < len(tokens) and tokens[k].lower == "the":
            k += 1
        run = k
        while run < len(tokens) and tokens[run].is_capitalised and \
                adjacent(tokens[run - 1], tokens[run]):
            run += 1
            if run < len(tokens) and tokens[run].lower == "and" and run + 1 < len(tokens) and \
                    tokens[run + 1].is_capitalised:
                run += 1
        if run == k:
            break
        last, j = run - 1, run
    return last


def _modifiers_start(tokens: list[Word], first: int) -> int:
    """Return where the words describing the head begin ("fisheries research agency")."""
    m = first
    joined = 0  # "Nurses and Midwives Organisation": a capitalised name holding "and"
    while m > 0 and first - m < 3 + joined and adjacent(tokens[m - 1], tokens[m]):
        word = tokens[m - 1]
        plain, possessive = P.strip_possessive(word.text)
        if word.lower == "and" and tokens[first].is_capitalised and tokens[m].is_capitalised \
                and m >= 2 and tokens[m - 2].is_capitalised and \
                adjacent(tokens[m - 2], word) and not joined:
            m -= 1
            joined = 1
            continue
        if possessive and not word.is_capitalised:
            m -= 1  # "the regional prosecutor's office"
            continue
        if possessive and word.text[-1] in "'’" and tokens[first].is_capitalised:
            m -= 1  # "Korean Railway Workers' Union"
            continue
        if possessive or word.lower in _NOT_MODIFIERS or word.lower.endswith("ed") or \
                plain in gazetteer().adjectives or plain in gazetteer().names:
            break
        if word.is_capitalised and m - 1 == 0 and plain in ("The", "A", "An"):
            break
        if not word.is_capitalised and tokens[m].is_capitalised and tokens[first].is_capitalised:
            break  # "Environmental group Clean Vistula Foundation": the name is capitalised
        m -= 1
    return m



def _owner(article: Article, registry: P.Registry, tokens: list[Word], m: int
           ) -> tuple[PartyDraft | None, int]:
    """Return the state before the organisation ("Hungary's", "Romanian") and where the
    mention begins."""
    begin = tokens[m].start
    if m == 0 or not adjacent(tokens[m - 1], tokens[m]):
        return None, begin
    word = tokens[m - 1]
    plain, possessive = P.strip_possessive(word.text)
    if possessive:
        first = m - 1
        while first > 0 and tokens[first - 1].is_capitalised and \
                adjacent(tokens[first - 1], tokens[first]):
            first -= 1
        found = P.country_at(tokens, first)
        if found:
            return registry.state(found[0], found[0].name), tokens[first].start
        org = registry.at(tokens[first].start, word.end)
        if org is not None and org.kind != P.PERSON:
            return org, tokens[first].start
        if plain[:1].isupper() and not plain.isupper() and word.text[-1] in "sS" and \
                plain not in P.NOT_STATES:
            return registry.state(None, plain, (word.start, word.start + len(plain))), \
                word.start
        return None, begin
    if word.is_capitalised:
        state = P.state_for_adjective(plain, registry)
        if state is not None:
            return state, word.start
    return None, begin


def _is_proper_name(tokens: list[Word], m: int, last: int) -> bool:
    """Return True for a capitalised name of two words or more ("Finnish Border Guard")."""
    chunk = tokens[m:last + 1]
    capitals = [t for t in chunk if t.is_capitalised]
    return len(capitals) >= 2 and chunk[0].is_capitalised


def _register(article: Article, registry: P.Registry, tokens: list[Word], m: int, last: int,
              begin: int, owner: PartyDraft | None, kind: str, head: str) -> None:
    text = article.text
    core = clean(text[tokens[m].start:tokens[last].end])
    core = P.strip_possessive(core)[0]
    capitals = [t for t in tokens[m:last + 1] if t.is_capitalised]
    if owner is not None and kind in ("company", "other", "political_party"):
        named = _named_before(text, begin)
        if named is not None:
            begin, core = named
    if capitals and (len(capitals) >= 2 or capitals[0] is tokens[m]):
        name = core
    elif owner is not None:
        name = clean(text[begin:tokens[last].end])
        name = P.strip_possessive(name)[0]
    else:
        name = core
    if kind == "political_party" and capitals:
        name = clean(" ".join(t.text for t in capitals))
    country = owner.country if owner is not None and owner.kind == P.STATE else None
    key = f"org:{country or (owner.key if owner else '')}:{core.casefold()}"
    if owner is None:  # "The General Staff" after "Ukraine's General Staff"
        key = next((p.key for p in registry.parties if p.key.startswith("org:")
                    and p.key.endswith(f":{core.casefold()}")), key)
    party = registry.add(PartyDraft(key, name[:1].upper() + name[1:], kind, country=country,
                                    confidence=HIGH if capitals else LOW,
                                    heads=("company", "firm", head) if head in
                                    _COMPANY_SUFFIXES else (head.split()[-1],)))
    if owner is not None and party.affiliation is None and kind != "company":
        party.affiliation = owner
    party.add_mention((begin, tokens[last].end - (2 if P.strip_possessive(
        tokens[last].text)[1] else 0)))


def _named_before(text: str, begin: int) -> tuple[int, str] | None:
    """Return the name in "Baltgrid, Estonia's grid operator" and where it begins."""
    match = re.search(r"(?P<name>\b[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}),\s+$",
                      text[max(0, begin - 60):begin])
    if not match or match["name"] in gazetteer().names or \
            match["name"].split()[0] in _NO_NAMES or re.search(
                r"\b(?:in|on|at|since|by|from|during|until|of)\s+$",
                text[max(0, begin - 60):max(0, begin - 60) + match.start("name")]):
        return None  # "in September, Iraq's State Organization ...": no name
    name = match["name"]
    for lead in ("According to ", "To "):
        name = name.removeprefix(lead)
    offset = max(0, begin - 60) + match.start("name") + (len(match["name"]) - len(name))
    return offset, name




#: Words before a head that say which one, not what it is: "the same agency", "the whole
#: company".
_VAGUE = frozenset({"same", "whole", "entire", "other", "new", "old", "main", "first", "last",
                    "previous", "former", "next", "two", "three", "both", "each", "every",
                    "such", "this", "that", "own", "largest", "biggest", "top", "only"})


#: Capitalised words before a comma that name no organisation: "In September, Iraq's ...".
_NO_NAMES = CALENDAR_WORDS | {"Today", "Yesterday"}


def _back_reference(registry: P.Registry, head: str, span: Span) -> bool:
    """Mention the last organisation with this head where the text says "the ministry";
    return False when there is none."""
    word = head.split()[-1]
    candidates = [p for p in registry.parties if word in p.heads and p.kind != P.PERSON
                  and any(e <= span[0] for _, e in p.mentions)]
    if candidates:
        party = max(candidates, key=lambda p: max(e for _, e in p.mentions if e <= span[0]))
        party.add_mention(span)
    return bool(candidates)

