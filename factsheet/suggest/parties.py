"""Parties: the registry every rule family shares, and the finding of states.

Supports: country names (ISO 3166-1 through pycountry, plus the names and adjectival forms in
``data/countries.tsv``), "Serbia's ..." and "French ..." as a party's country, capitals used
for governments ("Washington would ..."), states no list knows, read from possessives
("Arlenia's Prime Minister"), and later mentions of each. Persons are found in
``persons.py``, organisations in ``organisations.py``; both register here.
Does not support: regions and cities as parties, states named only by an adjective.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from itertools import pairwise

from factsheet.suggest.data import Country, gazetteer
from factsheet.suggest.draft import LOW, PartyDraft, Span
from factsheet.suggest.text import Article, Word, adjacent, words

#: Words after a capital that show it stands for a government: "Kyiv said", "Vilnius stands".
GOVERNMENT_VERBS = frozenset(
    ["said", "says", "would", "will", "has", "had", "is", "was", "stands", "stood", "expressed",
     "announced", "agreed", "rejected", "refused", "wants", "wanted", "plans", "planned",
     "warned", "insisted", "accused", "denied", "urged", "called", "offered", "pledged",
     "promised", "welcomed", "confirmed", "responded"])
#: Persons and organisations as ``kind``; states are "state".
PERSON, STATE = "person", "state"


class Registry:
    """The parties found so far, and where each is mentioned."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.parties: list[PartyDraft] = []
        self._by_key: dict[str, PartyDraft] = {}
        self._index_key: tuple[tuple[int, int], ...] = ()
        self._index: tuple[list[int], list[tuple[Span, PartyDraft]]] = ([], [])

    def add(self, party: PartyDraft, span: Span | None = None) -> PartyDraft:
        """Return the registered party with ``party.key`` (this one if new), mentioned at
        ``span``."""
        found = self._by_key.get(party.key)
        if found is None:
            found = self._by_key[party.key] = party
            self.parties.append(party)
        elif party.role and not found.role:
            found.role = party.role
        if span is not None:
            found.add_mention(span)
        return found

    def get(self, key: str) -> PartyDraft | None:
        return self._by_key.get(key)

    def state(self, country: Country | None, name: str, span: Span | None = None
              ) -> PartyDraft:
        """Return the state party for ``country`` (or a state no list knows, by name)."""
        if country is not None:
            return self.add(PartyDraft(f"state:{country.code}", country.name, STATE,
                                       country=country.code), span)
        party = self.add(PartyDraft(f"state:{name.casefold()}", name, STATE,
                                    confidence=LOW), span)
        if "not in the country list" not in " ".join(party.notes):
            party.notes.append("not in the country list: add its code (ISO 3166-1, or a "
                               "user-assigned one such as XA for a fictional state)")
        return party

    def mentions(self) -> Iterator[tuple[Span, PartyDraft]]:
        for party in self.parties:
            for span in party.mentions:
                yield span, party

    def _sorted(self) -> tuple[list[int], list[tuple[Span, PartyDraft]]]:
        """Return every mention by start (and the starts, for bisect), rebuilt only when a
        mention was added or dropped since the last call."""
        key = tuple((id(p.mentions), len(p.mentions)) for p in self.parties)
        if key != self._index_key:
            items = sorted(self.mentions(), key=lambda item: item[0])
            self._index = ([s for (s, _), _ in items], items)
            self._index_key = key
        return self._index

    def within(self, start: int, end: int) -> list[tuple[Span, PartyDraft]]:
        """Return the mentions inside ``[start, end)``, in text order, with their party."""
        starts, items = self._sorted()
        first = bisect.bisect_left(starts, start)
        last = bisect.bisect_left(starts, end)
        return [item for item in items[first:last] if item[0][1] <= end]

    def at(self, start: int, end: int, kinds: tuple[str, ...] | None = None
           ) -> PartyDraft | None:
        """Return the party mentioned in ``[start, end)``: the widest mention, then the last."""
        best: tuple[int, int, PartyDraft] | None = None
        for (s, e), party in self.within(start, end):
            if kinds is None or party.kind in kinds:
                rank = (e - s, e)
                if best is None or rank > best[:2]:
                    best = (rank[0], rank[1], party)
        return best[2] if best else None

    def all_at(self, start: int, end: int, kinds: tuple[str, ...] | None = None
               ) -> list[PartyDraft]:
        """Return the parties mentioned in ``[start, end)`` in text order, outermost only."""
        spans = [item for item in self.within(start, end)
                 if kinds is None or item[1].kind in kinds]
        result: list[PartyDraft] = []
        last_end = -1
        for (s, e), party in spans:
            if s < last_end:
                continue
            if any(s2 <= s and e <= e2 and (s2, e2) != (s, e) for (s2, e2), _ in spans):
                continue
            last_end = e
            if party not in result:
                result.append(party)
        return result

    def last_before(self, pos: int, kinds: tuple[str, ...], floor: int = 0
                    ) -> PartyDraft | None:
        """Return the party of the last mention ending before ``pos`` (not before ``floor``)."""
        best: tuple[int, PartyDraft] | None = None
        for (_, e), party in self.within(floor, pos):
            if party.kind in kinds and (best is None or e > best[0]):
                best = (e, party)
        return best[1] if best else None


def fact_spans(article: Article) -> list[Span]:
    """Return the stretches parties are looked for in: body text (after the dateline) and
    photo captions."""
    spans = []
    for index, (start, end, _) in enumerate(article.paragraphs):
        if article.is_fact_paragraph(index):
            if start == article.structure.dateline_offset:
                start = dateline_end(article.text, start, end)
            spans.append((start, end))
    for caption in article.captions:
        if not any(s <= caption.start < e for s, e in spans):
            spans.append((caption.start, caption.end))
    return sorted(spans)


def dateline_end(text: str, start: int, end: int) -> int:
    """Return where the story begins after "NOVI SAD/BUCHAREST - " or "PARIS (Reuters) - "."""
    match = re.match(r"[^\n]{0,120}?\s[-–—]{1,2}\s+", text[start:end])
    return start + match.end() if match else start


def country_at(tokens: list[Word], i: int) -> tuple[Country, int, bool] | None:
    """Return (country, words used, possessive) for a country name starting at ``tokens[i]``."""
    names = gazetteer().names
    for size in (4, 3, 2, 1):
        if i + size > len(tokens):
            continue
        chunk = tokens[i:i + size]
        if not _adjacent(chunk):
            continue
        phrase = " ".join(t.text for t in chunk)
        plain, possessive = strip_possessive(phrase)
        if plain in names and plain[0].isupper():
            return names[plain], size, possessive
    return None


#: Capitalised words a possessive makes part of a name, not a state: "People's party".
NOT_STATES = frozenset({"People", "Nation", "Women", "Children", "Workers", "Farmers",
                        "Citizens", "Youth", "Labour", "Labor", "Patriots", "Freedom",
                        "Justice", "Peace", "Veterans", "Consumers", "Taxpayers", "Voters",
                        "Parents", "Students", "Teachers", "Doctors", "Nurses", "Miners"})


def strip_possessive(text: str) -> tuple[str, bool]:
    """Return ("Serbia", True) for "Serbia's"; the text unchanged otherwise."""
    for mark in ("'s", "’s"):
        if text.endswith(mark):
            return text[: -len(mark)], True
    if text.endswith(("s'", "s’")):
        return text[:-1], True
    return text, False


def _adjacent(chunk: list[Word]) -> bool:
    return all(adjacent(a, b) for a, b in pairwise(chunk))


def find_states(article: Article, registry: Registry) -> None:
    """Register every state the fact paragraphs name, by name or by capital."""
    capitals = gazetteer().capitals
    for start, end in fact_spans(article):
        tokens = words(article.text, start, end)
        i = 0
        while i < len(tokens):
            found = country_at(tokens, i)
            if found:
                country, size, possessive = found
                span = (tokens[i].start, tokens[i + size - 1].end - (2 if possessive else 0))
                registry.state(country, country.name, span)
                i += size
                continue
            word = tokens[i]
            plain, possessive = strip_possessive(word.text)
            if possessive and _unknown_possessor(tokens, i) and plain not in NOT_STATES:
                registry.state(None, plain, (word.start, word.start + len(plain)))
            if plain in capitals and i + 1 < len(tokens) and \
                    tokens[i + 1].lower in GOVERNMENT_VERBS:
                party = registry.state(capitals[plain], capitals[plain].name,
                                       (word.start, word.start + len(plain)))
                if plain not in party.aliases:
                    party.aliases.append(plain)
            i += 1


def _unknown_possessor(tokens: list[Word], i: int) -> bool:
    """Return True for "Arlenia's" before a title or an organisation: a state no list knows."""
    from factsheet.suggest.organisations import HEADS

    g = gazetteer()
    word = tokens[i]
    plain = strip_possessive(word.text)[0]
    if not plain[:1].isupper() or plain.isupper() or plain in g.organisations or \
            (i > 0 and adjacent(tokens[i - 1], word) and tokens[i - 1].is_capitalised):
        return False
    if i + 1 >= len(tokens) or not adjacent(word, tokens[i + 1]):
        return False
    following = tokens[i + 1].lower
    return following in g.title_words or following in HEADS or following in (
        "foreign", "interior", "defence", "defense", "finance", "energy", "economy")


def find_named_states(article: Article, registry: Registry, person_spans: list[Span]) -> None:
    """Mention states no list knows ("Arlenia") wherever their name recurs."""
    unknown = [p for p in registry.parties if p.kind == STATE and p.country is None]
    for party in unknown:
        pattern = re.compile(r"\b" + re.escape(party.name) + r"\b")
        for start, end in fact_spans(article):
            for match in pattern.finditer(article.text, start, end):
                if not _inside(match.span(), person_spans):
                    party.add_mention(match.span())


def drop_mentions_inside(registry: Registry, names: list[Span]) -> None:
    """Drop state mentions that are part of a person's name ("Jordan" in "Jordan Bardella"),
    and the states left with no mention that nothing else points to."""
    for party in registry.parties:
        if party.kind == STATE:
            party.mentions = [m for m in party.mentions
                              if not any(s <= m[0] and m[1] <= e for s, e in names)]
    pointed = {id(p.affiliation) for p in registry.parties if p.affiliation is not None}
    registry.parties[:] = [p for p in registry.parties
                           if p.kind != STATE or p.mentions or id(p) in pointed]


def _inside(span: Span, spans: list[Span]) -> bool:
    return any(s <= span[0] and span[1] <= e and (s, e) != span for s, e in spans)


def state_for_adjective(word: str, registry: Registry) -> PartyDraft | None:
    """Return the state an adjective names: "French" → France; "Veskovian" → a state
    already found whose name it starts like ("Veskovia")."""
    country = gazetteer().adjectives.get(word)
    if country is not None:
        return registry.state(country, country.name)
    if not re.fullmatch(r"[A-Z][a-z]+(?:ian|ean|ese|ish|an|ic|i)", word):
        return None
    for party in registry.parties:
        if party.kind == STATE and party.country is None and \
                _shared_stem(party.name, word) >= max(4, len(party.name) - 2):
            return party
    return None


def _shared_stem(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n].lower() == b[n].lower():
        n += 1
    return n
