"""Persons: introduced with a title, then mentioned by surname or by role.

Supports: "French President Emmanuel Macron", "Britain's Prime Minister Keir Starmer",
"U.S. ambassador-at-large Daniel Whitmore", "its Environment Minister Petar Vasilev",
"Italy's Undersecretary for Fisheries Niccolò Ferrà", "navy commander Rear Admiral Jüri
Saar", "Jonas Keller, a government spokesman,"; a name without a title when a speech verb
follows ("Karin Dahl said"); later mentions by surname ("Đorđević said") and by role ("the
minister"). Titles come from ``data/titles.txt``. Does not support: persons named only by
first name, two persons who share a surname (they become one party).
"""

from __future__ import annotations

import re
from functools import cache

from factsheet.suggest import parties as P
from factsheet.suggest.data import gazetteer
from factsheet.suggest.draft import HIGH, LOW, PartyDraft, Span
from factsheet.suggest.organisations import HEADS
from factsheet.suggest.text import Article, Word, adjacent, split_sentences, words

SPEECH_VERBS = frozenset(
    ["said", "says", "told", "tells", "added", "adds", "wrote", "writes", "noted", "stressed",
     "announced", "reported", "posted", "warned", "stated", "explained", "insisted", "argued",
     "declared", "tweeted", "replied", "asked", "urged", "emphasised", "emphasized", "underlined",
     "confirmed", "recalled", "acknowledged", "admitted", "claimed", "continued", "concluded",
     "commented", "remarked", "estimated", "spoke"])
STOP_CAPS = frozenset(
    ["The", "A", "An", "In", "On", "At", "But", "And", "As", "After", "Before", "Under", "Over",
     "For", "From", "With", "Without", "By", "To", "Of", "It", "Its", "This", "That", "These",
     "Those", "He", "She", "They", "We", "I", "Our", "His", "Her", "Their", "If", "When", "While",
     "Since", "Although", "Meanwhile", "Separately", "According", "Earlier", "Later", "Last",
     "Next", "Today", "Yesterday", "Tomorrow", "Mr", "Mrs", "Ms", "Dr", "Both", "All", "Some",
     "Many", "Most", "Several", "Such", "Other", "Another", "Each", "Every", "No", "Not", "Also",
     "Yet", "So", "Then", "There", "Here", "Where", "What", "Who", "Why", "How", "Still", "Even",
     "Only", "Despite", "Amid", "Among", "During", "Through", "Across", "Between", "Against",
     "Within", "Around", "Near", "Once", "Until", "Unlike", "Like", "Than", "Just", "Photo",
     "Reuters", "From-left", "Left", "Right", "Center", "Centre", "Leaders", "Officials",
     "Residents", "January", "February", "March", "April", "May", "June", "July", "August",
     "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
     "Friday", "Saturday", "Sunday"])
_PARTICLES = frozenset(["de", "da", "van", "von", "der", "den", "del", "la", "le", "bin", "al",
                        "el", "di", "du", "ter", "dos", "das", "ben", "y"])
_MODIFIERS = frozenset(
    ["regional", "government", "opposition", "navy", "army", "military", "defence", "defense",
     "foreign", "deputy", "acting", "former", "interim", "top", "senior", "chief", "state",
     "presidential", "party", "ruling", "local", "provincial", "district", "city", "police",
     "border", "coast", "national", "federal", "parliamentary", "outgoing", "incoming",
     "then-president", "press", "presidential"])
_DEPARTMENT_HEADS = frozenset({"minister", "ministry", "secretary", "commissioner",
                               "undersecretary", "under-secretary", "spokesman",
                               "spokeswoman", "spokesperson", "chief", "envoy", "mayor",
                               "governor"})
#: Verbs that name what someone said ("called it ...", "described the plan as ...").
_NAMING_VERBS = frozenset(["called", "described", "dubbed", "branded", "termed"])
_ORG_HEADS_IN_TITLES = frozenset({"navy", "army", "police", "ministry", "military"})
_DETERMINERS = frozenset({"its", "his", "her", "their"})
_SUFFIXES = frozenset({"Jr", "Sr", "II", "III", "IV"})
#: Capitalised words that end an organisation's name, never a person's.
_ORGANISATION_WORDS = frozenset(
    ["ministry", "agency", "directorate", "office", "administration", "service", "council",
     "committee", "commission", "parliament", "assembly", "government", "cabinet", "presidency",
     "police", "inspectorate", "bureau", "department", "authority", "regulator", "secretariat",
     "senate", "guard", "embassy", "army", "navy", "military", "forces", "command", "staff",
     "party", "coalition", "alliance", "bloc", "institute", "university", "foundation",
     "association", "federation", "union", "organisation", "organization", "company",
     "corporation", "bank", "group", "court", "fund", "centre", "center", "daily", "newspaper",
     # places: "Benton County Fairgrounds", "Leicester Royal Infirmary"
     "county", "fairgrounds", "city", "town", "village", "province", "district", "region",
     "island", "islands", "river", "lake", "valley", "street", "avenue", "road", "square",
     "hospital", "infirmary", "clinic", "school", "stadium", "airport", "station", "bridge",
     "cathedral", "mosque", "temple", "palace", "market", "plaza", "mall", "arena"])


def title_heads() -> frozenset[str]:
    """Return the words a title ends with ("minister", "president", "admiral")."""
    return frozenset(t.split()[-1] for t in gazetteer().titles) | _DEPARTMENT_HEADS


_ARABIC_PARTICLE = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|abu|abd|bin|ibn|ben|bint|ould)-"
                              r"[A-Z][\w'’-]+")


def is_name_word(word: Word) -> bool:
    """Return True for a word that can be part of a person's name."""
    g = gazetteer()
    plain, _ = P.strip_possessive(word.text)
    if _ARABIC_PARTICLE.fullmatch(plain):
        return True  # "al-Saadi", "el-Sisi", "bin-Salman"
    if not plain or not plain[0].isupper() or plain in STOP_CAPS:
        return False
    if plain.lower() in g.title_words or plain in g.names or plain in g.adjectives:
        return False
    if plain in g.organisations:
        return False
    if re.fullmatch(r"(?:[A-Z]\.){1,3}", plain):
        return True  # initials: "B.R. Gavai"
    if plain.isupper() and len(plain) > 1:
        return False
    if plain.lower() in _ORGANISATION_WORDS or plain.lower() in HEADS or plain in P.NOT_STATES:
        return False
    return not re.search(r"\d", plain)


def find_persons(article: Article, registry: P.Registry) -> list[Span]:
    """Register every person introduced in the fact paragraphs; return where their names are
    (so that "Jordan" in "Jordan Bardella" is not read as a country)."""
    spans: list[Span] = []
    for start, end in P.fact_spans(article):
        for s, e in split_sentences(article.text, start, end):
            spans += _persons_in(article, registry, s, e)
    _surname_mentions(article, registry, spans)
    _role_mentions(article, registry, spans)
    return spans


def _persons_in(article: Article, registry: P.Registry, start: int, end: int) -> list[Span]:
    tokens = words(article.text, start, end)
    found: list[Span] = []
    i = 0
    while i < len(tokens):
        if not is_name_word(tokens[i]) and not _country_as_first_name(tokens, i) and \
                not _surname_he(tokens, i):
            i += 1
            continue
        j = _name_end(tokens, i)
        person = _person(article, registry, tokens, i, j, start)
        if person is not None:
            found.append(person)
        i = j
    return found


def _opens_caption(article: Article, tokens: list[Word], i: int, j: int) -> bool:
    """Return True for a name that a caption's sentence opens with, or lists: "Keir Starmer
    at the summit", "(From left) Jane Doe, John Roe and ..."."""
    start = tokens[i].start
    caption = next((c for c in article.captions if c.start <= start < c.end), None)
    if caption is None:
        return False
    before = article.text[caption.start:start]
    after = article.text[tokens[j - 1].end:tokens[j - 1].end + 12]
    opens = not before.strip() or re.fullmatch(r"\(?(?:From left|L to R|Left to right)\)?[,:]?\s*"
                                                r"|.*(?:,| and)\s*", before, re.IGNORECASE)
    if re.match(r",\s+(?:on|in|at|near|during|after|before|from)\b", after):
        return False  # "... Banjarnegara regency, Central Java, on Dec. 7": a place


    follows = re.match(r"^(?:\s+(?:\(\w+\)\s+)?(?:at|and|in|during|speaks|attends|arrives|"
                       r"meets|shakes|holds|looks|waves|gestures|walks|listens|talks|sits|"
                       r"stands|delivers|is|are)\b|,)", after)
    return bool(opens and follows)


def _surname_he(tokens: list[Word], i: int) -> bool:
    """Return True for "He" in "spokesperson He Lin": the Chinese surname after a title."""
    return (tokens[i].text == "He" and i > 0 and i + 1 < len(tokens)
            and tokens[i - 1].lower in gazetteer().title_words
            and _adjacent(tokens[i - 1], tokens[i]) and _adjacent(tokens[i], tokens[i + 1])
            and is_name_word(tokens[i + 1]))


def _country_as_first_name(tokens: list[Word], i: int) -> bool:
    """Return True for "Jordan" in "lawmaker Jordan Bardella": a country's name between a
    title and a surname is a first name."""
    g = gazetteer()
    return (tokens[i].text in g.names and i > 0 and i + 1 < len(tokens)
            and _adjacent(tokens[i - 1], tokens[i]) and tokens[i - 1].lower in g.title_words
            and _adjacent(tokens[i], tokens[i + 1]) and is_name_word(tokens[i + 1]))


def _name_end(tokens: list[Word], i: int) -> int:
    """Return the index after the name that starts at ``tokens[i]`` (particles allowed)."""
    j = i + 1
    while j < len(tokens) and _adjacent(tokens[j - 1], tokens[j]) and \
            not P.strip_possessive(tokens[j - 1].text)[1]:
        if is_name_word(tokens[j]):
            j += 1
        elif tokens[j].lower in _PARTICLES and j + 1 < len(tokens) and \
                is_name_word(tokens[j + 1]) and _adjacent(tokens[j], tokens[j + 1]):
            j += 2
        else:
            break
    return j


def _adjacent(a: Word, b: Word) -> bool:
    return adjacent(a, b)


def _person(article: Article, registry: P.Registry, tokens: list[Word], i: int, j: int,
            sentence_start: int) -> Span | None:
    """Register the person named by ``tokens[i:j]`` if a title or a speech verb says it is
    a person; return the span of the name."""
    text = article.text
    head_of = _head_of(article, registry, tokens, i)
    if head_of is not None:
        return _introduced(registry, tokens[i:j], head_of)
    k = _title_start(tokens, i)
    while k < i and tokens[i - 1].lower in ("for", "of") and j - i > 2:
        i += 1  # "Undersecretary for Fisheries Niccolò Ferrà": the department is no name
    if i > 0 and tokens[i - 1].lower in ("for", "of") and j - i == 1:
        return None  # "the counsel for Punjab": a place or a body
    if i > 1 and tokens[i - 1].lower in ("for", "of") and tokens[i - 2].is_capitalised and \
            P.strip_possessive(tokens[i - 2].text)[0].lower() in HEADS:
        return None  # "the Federation of Southeast Irrigators": the rest of a name

    if j < len(tokens) and _adjacent(tokens[j - 1], tokens[j]) and tokens[j].is_capitalised \
            and P.strip_possessive(tokens[j].text)[0].lower() in HEADS:
        return None  # "official Korean Central News Agency": the words of a body's name
    title = tokens[k:i]
    after = _appositive_title(text, tokens[j - 1].end)
    speech = j < len(tokens) and tokens[j].lower in SPEECH_VERBS and \
        _adjacent(tokens[j - 1], tokens[j])
    speech = speech or _speaks_after_aside(text, tokens[j - 1].end)
    pictured = j - i >= 2 and _opens_caption(article, tokens, i, j)
    aged = j - i >= 2 and (_AGED.match(text, tokens[j - 1].end) is not None
                           or _opens_with_pronoun_after(text, tokens, i, j))
    kin = _kin(text, tokens[i].start, tokens[j - 1].end)
    if kin is None and _FIRST_NAME.search(text, max(0, tokens[i].start - 60), tokens[i].start):
        kin = "named by first name only"
    if kin is not None and after is None:
        after = kin
    if not title and after is None and not ((speech or aged) and j - i >= 2) and not pictured:
        return None
    if not title and i > 0 and tokens[i - 1].lower in _PLACE_WORDS | {"the"}:
        return None  # "a market in nearby El Alto, said": a place; "the X Y": no person
    if not title and j - i == 1 and kin is None:
        return None
    name_words = tokens[i:j]
    if len(name_words) > 1 and name_words[-1].text.rstrip(".") in _SUFFIXES:
        name_words = name_words[:-1]  # "Ferdinand Marcos Jr.": Marcos is the surname
    name = " ".join(w.text for w in name_words)
    name, _ = P.strip_possessive(name)
    begin = tokens[k].start if title else name_words[0].start
    owner, begin = _owner(article, registry, tokens, k, begin, sentence_start)
    role = " ".join(w.text for w in title) if title else after
    party = registry.get(f"person:{_key(name)}")
    if party is None:
        party = PartyDraft(f"person:{_key(name)}", name, P.PERSON,
                           confidence=HIGH if (title or after) else LOW,
                           surname=P.strip_possessive(name_words[-1].text)[0])
        if not title and after is None:
            party.notes.append("no title printed: check that this is a person")
    if role and not party.role:
        party.role, party.heads = _role(role, owner), _heads(role)
    if owner is None and title:
        owner = _organisation_in_title(registry, title, begin)
    if owner is None and after is not None:
        owner = _appositive_owner(registry, after)
    if owner is not None and party.affiliation is None:
        party.affiliation = owner
        if owner.country and not party.country:
            party.country = owner.country
    if party.affiliation is None and title and _is_government(role or ""):
        context = registry.last_before(tokens[-1].end, (P.STATE,), floor=sentence_start)
        if context is not None:
            party.affiliation, party.country = context, context.country
    name_end = name_words[-1].end - (2 if P.strip_possessive(name_words[-1].text)[1] else 0)
    registry.add(party, (begin, name_end))
    return (name_words[0].start, name_end)


#: Words before a place's name: an untitled name after them is no person.
_PLACE_WORDS = frozenset({"in", "at", "from", "near", "nearby", "outside", "inside", "across",
                          "to", "into", "around", "throughout", "towards", "toward", "via",
                          "neighbouring", "neighboring", "northern", "southern", "eastern",
                          "western", "central", "rural", "downtown", "suburban"})

#: "Kieran Walsh, 40, had brought": an age after a name.
_AGED = re.compile(r",\s+\d{1,3},\s")
#: "Whitfield's mother, Gloria Whitfield," "His partner, Shona,": kin or a partner before a
#: name set off by commas (a single name is enough).
#: "a shopkeeper who gave only his first name, Bakhtiyor,": a single name so introduced.
_FIRST_NAME = re.compile(r"\b(?:first\s+name|surname|last\s+name|identified\s+(?:only\s+)?as|"
                         r"known\s+only\s+as|gave\s+(?:only\s+)?(?:his|her)\s+name\s+as)"
                         r",?\s+$")
_KIN = re.compile(r"\b(?P<kin>(?:[Hh]is|[Hh]er|[Tt]heir|[A-Z][\w'’-]*['’]s?|[Tt]he\s+[a-z]+['’]s?)"
                  r"\s+(?:(?:late|"
                  r"younger|older|elder|eldest|youngest|twin|adult|teenage|\d+-year-old)\s+)?"
                  r"(?:mother|father|wife|husband|partner|son|daughter|brother|sister|"
                  r"grandmother|grandfather|grandson|granddaughter|uncle|aunt|cousin|niece|"
                  r"nephew|fiancée?|girlfriend|boyfriend|widow|widower|mother-in-law|"
                  r"father-in-law|stepfather|stepmother|neighbou?r|friend|colleague|attorney|"
                  r"lawyer|spokesman|spokeswoman|spokesperson|aide|adviser|advisor|deputy|"
                  r"assistant|secretary|envoy|chief\s+of\s+staff))\s*,\s+$")



def _opens_with_pronoun_after(text: str, tokens: list[Word], i: int, j: int) -> bool:
    """Return True for a sentence that opens with a name, a verb, and "his" or "her": "Jess
    Price had brought her three children" (a person the story names without a title)."""
    if i != 0 or j >= len(tokens) or tokens[j].is_capitalised or \
            not _adjacent(tokens[j - 1], tokens[j]):
        return False
    rest = text[tokens[j - 1].end:tokens[-1].end]
    if '"' in rest[:40] or "“" in rest[:40]:
        return False
    if re.search(r"^\s+\w+(?:\s+\w+)?\s+(?:\w+\s+){0,3}?(?:his|her|he|she|him)\b", rest):
        return True
    # "Wilbert Clarke has fished crab for 31 years. He says ...": the next sentence opens with
    # "He" or "She" (or the sentence speaks of "his" or "her" ...)
    after = text[tokens[-1].end:tokens[-1].end + 160]
    return bool(re.match(r"[.!?\"”’]*\s+(?:He|She)\s+[a-z]", after) or
                re.search(r"\b(?:his|her)\b", rest))


@cache
def _role_before() -> re.Pattern[str]:
    """ "Murcia's regional president, Fernando Ortuño": an owner, a title, a comma."""
    heads = "|".join(sorted((re.escape(h) for h in title_heads() if h.isalpha()),
                            key=len, reverse=True))
    return re.compile(r"\b(?P<kin>(?:[A-Z][\w'’-]*['’]s?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|"
                      r"[Tt]he\s+[a-z]+['’]s)\s+"
                      r"(?:[A-Za-z][\w-]*\s+){0,2}(?:" + heads + r"))\s*,\s+$")


def _kin(text: str, start: int, end: int) -> str | None:
    """Return "Whitfield's mother" (or "Murcia's regional president") when the name at
    ``[start, end)`` is introduced so, set off by commas."""
    match = _KIN.search(text, max(0, start - 60), start) or \
        _role_before().search(text, max(0, start - 80), start)
    if match is None or match.end() != start or not re.match(r"\s*(?:,|\.|\s(?:and|who|"
                                                             r"said|says|of|from|at)\b)",
                                                             text[end:]):
        return None
    return match["kin"]


_ASIDE = re.compile(r",\s+(?:\d{1,3},\s+)?(?:(?:who|whose)\b[^,.;:\"“”]{0,120},\s+|"
                    r"(?:a|an|the)\s+[^,.;:\"“”]{1,80},\s+)?(?P<verb>[a-z]+)\b")


def _speaks_after_aside(text: str, end: int) -> bool:
    """Return True when a speech or naming verb follows the name after a comma, an age or
    a relative clause ("Carol Whitby, 67, who has lived there for 40 years, said"; "its
    president, Christophe Renaud, called it"): the untitled name is then a person."""
    match = _ASIDE.match(text, end)
    if match is None:
        return False
    return match["verb"] in SPEECH_VERBS or match["verb"] in _NAMING_VERBS


def _introduced(registry: P.Registry, name_words: list[Word],
                found: tuple[str, PartyDraft, int]) -> Span:
    """Register a person introduced as the head of an organisation."""
    role, org, begin = found
    name = P.strip_possessive(" ".join(w.text for w in name_words))[0]
    party = registry.get(f"person:{_key(name)}") or PartyDraft(
        f"person:{_key(name)}", name, P.PERSON, surname=P.strip_possessive(
            name_words[-1].text)[0])
    if not party.role:
        party.role, party.heads = role, _heads(role)
    if party.affiliation is None:
        party.affiliation, party.country = org, org.country
    registry.add(party, (begin, name_words[-1].end))
    return (name_words[0].start, name_words[-1].end)


def _title_start(tokens: list[Word], i: int) -> int:
    """Return where the title before ``tokens[i]`` begins (``i`` when there is none)."""
    g = gazetteer()
    heads = title_heads()
    k = i
    while k > 0 and i - k < 8 and _adjacent(tokens[k - 1], tokens[k]):
        word = tokens[k - 1]
        low = word.lower
        if P.strip_possessive(word.text)[1] or low in _DETERMINERS or low in ("the", "a", "an"):
            break
        of_head = low in ("for", "of") and k >= 2 and tokens[k - 2].lower in heads
        if low in g.title_words or low in _MODIFIERS or of_head:
            k -= 1
        elif word.is_capitalised and word.text not in g.adjectives and \
                word.text not in g.names and (tokens[k].lower in _DEPARTMENT_HEADS or (
                    k >= 2 and tokens[k - 2].lower in ("for", "of", "and"))):
            k -= 1  # a department: "Interior Minister", "Undersecretary for Fisheries"
        else:
            break
    while k < i and tokens[k].lower in ("of", "and", "for", "the"):
        k += 1  # "supporters of leftist Elena Mamani": "of" joins, it is no title
    return k if any(t.lower in heads for t in tokens[k:i]) else i


def _appositive_title(text: str, end: int) -> str | None:
    """Return the title in ", a government spokesman," right after a name, if any."""
    match = re.match(r",\s+(?:(?:a|an|the)\s+)?(?P<title>(?:[^,.;()]|\([^()]{1,20}\)){2,90}?)"
                     r"(?=,|\.|;|$|\s+(?:who|whose)\b)", text[end:end + 110])
    if not match:
        return None
    title = match["title"]
    first = title.split()
    heads = title_heads()
    if len(first) > 12 or not any(P.strip_possessive(w)[0].lower() in heads for w in first[:5]):
        return None
    return title.strip()


def _owner(article: Article, registry: P.Registry, tokens: list[Word], k: int, begin: int,
           sentence_start: int) -> tuple[PartyDraft | None, int]:
    """Return the state or organisation before a title ("Serbia's", "French", "its") and
    where the introducing words begin."""
    if k == 0 or not _adjacent(tokens[k - 1], tokens[k]):
        return None, begin
    word = tokens[k - 1]
    plain, possessive = P.strip_possessive(word.text)
    if word.lower in _DETERMINERS:
        owner = registry.last_before(word.start, ("state", "government_body",
                                                  "international_organisation", "coalition",
                                                  "armed_forces", "political_party", "company",
                                                  "other"),
                                     floor=max(0, sentence_start - 400))
        return owner, word.start
    if possessive:
        first = k - 1
        while first > 0 and _adjacent(tokens[first - 1], tokens[first]) and \
                tokens[first - 1].is_capitalised and tokens[first - 1].text not in STOP_CAPS:
            first -= 1
        phrase = " ".join(t.text for t in tokens[first:k])
        name, _ = P.strip_possessive(phrase)
        found = P.country_at(tokens, first)
        if found:
            return registry.state(found[0], found[0].name), tokens[first].start
        org = registry.at(tokens[first].start, tokens[k - 1].end)
        if org is not None:
            return org, tokens[first].start
        if name[:1].isupper() and name not in STOP_CAPS:
            return registry.state(None, name, (tokens[first].start,
                                               tokens[first].start + len(name))), \
                tokens[first].start
        return None, begin
    if word.is_capitalised:
        state = P.state_for_adjective(plain, registry)
        if state is not None:
            return state, word.start
        ending = _organisation_ending_at(registry, word.end)
        if ending is not None:
            return ending
    return None, begin


def _organisation_ending_at(registry: P.Registry, end: int) -> tuple[PartyDraft, int] | None:
    """Return an organisation mentioned right before a title ("European Commission President")
    and where that mention begins."""
    for (s, e), party in registry.mentions():
        if e == end and party.kind not in (P.PERSON, P.STATE):
            return party, s
    return None


_HEAD_OF = re.compile(r"(?P<title>(?:[Hh]ead|[Cc]hief|[Dd]irector|[Cc]hairman|[Cc]hairwoman|"
                      r"[Cc]hair|[Cc]ommander|[Ss]pokes(?:man|woman|person)|[Ss]ecretary|"
                      r"[Pp]resident|[Gg]overnor|[Dd]eputy\s+[Hh]ead)\s+of\s+(?:the\s+)?)$")


def _head_of(article: Article, registry: P.Registry, tokens: list[Word], i: int
             ) -> tuple[str, PartyDraft, int] | None:
    """Return (title, organisation, where the words begin) for "Head of the Kherson Regional
    Military Administration Oleksandr Prokudin"."""
    if i == 0:
        return None
    found = _organisation_ending_at(registry, tokens[i - 1].end)
    if found is None:
        return None
    org, start = found
    title = _HEAD_OF.search(article.text[max(0, start - 40):start])
    if title is None:
        return None
    begin = max(0, start - 40) + title.start()
    return f"{title['title'].strip()} {org.name}", org, begin


def _appositive_owner(registry: P.Registry, title: str) -> PartyDraft | None:
    """Return the state an appositive title names: "Ukraine's president", "the French
    foreign minister"."""
    first = title.split()[0]
    name, possessive = P.strip_possessive(first)
    g = gazetteer()
    if possessive and name in g.names:
        return registry.state(g.names[name], g.names[name].name)
    if first in g.adjectives:
        return registry.state(g.adjectives[first], g.adjectives[first].name)
    return None


def _organisation_in_title(registry: P.Registry, title: list[Word], before: int
                           ) -> PartyDraft | None:
    """Return the organisation a title names ("navy commander" → the navy found before)."""
    heads = {w.lower for w in title} & _ORG_HEADS_IN_TITLES
    if not heads:
        return None
    candidates = [p for p in registry.parties if p.kind != P.PERSON and set(p.heads) & heads
                  and any(e <= before for _, e in p.mentions)]
    return max(candidates, default=None,
               key=lambda p: max(e for _, e in p.mentions if e <= before))


def _role(title: str, owner: PartyDraft | None) -> str:
    role = " ".join(title.split())
    if owner is not None and " of " not in role and " for " not in role:
        return f"{role} of {owner.name}"
    return role


#: Abbreviated titles and the role words later mentions use: "Gov. X" is "the governor".
_ABBREVIATED = {"gov.": "governor", "sen.": "senator", "rep.": "representative",
                "gen.": "general", "col.": "colonel", "capt.": "captain", "sgt.": "sergeant",
                "adm.": "admiral", "maj.": "major", "prof.": "professor", "dr.": "doctor",
                "supt.": "superintendent", "det.": "detective", "insp.": "inspector"}


def _heads(role: str) -> tuple[str, ...]:
    """Return the role words later mentions use. A government secretary ("Environment
    Secretary") is also "the minister", as the press calls one."""
    heads = title_heads()
    found = tuple(_ABBREVIATED.get(w.lower(), w.lower()) for w in role.split()
                  if w.lower() in heads)
    low = role.lower()
    if "secretary" in found and "minister" not in found and not re.search(
            r"general|press|party|permanent|private|executive", low):
        found += ("minister",)
    return found


def _is_government(role: str) -> bool:
    low = role.lower()
    return any(w in low for w in ("minister", "president", "premier", "chancellor",
                                  "ambassador", "envoy", "secretary", "spokes", "king",
                                  "queen", "governor"))


def _key(name: str) -> str:
    from factsheet.suggest.text import slug

    return slug(name.split()[-1] if name.split() else name)


def _surname_mentions(article: Article, registry: P.Registry, spans: list[Span]) -> None:
    """Mention each person wherever their surname recurs."""
    persons = {p.surname: p for p in registry.parties if p.kind == P.PERSON and p.surname}
    for start, end in P.fact_spans(article):
        for word in words(article.text, start, end):
            plain, _ = P.strip_possessive(word.text)
            person = persons.get(plain)
            span = (word.start, word.start + len(plain))
            if person is not None and not any(s <= span[0] and span[1] <= e
                                              for s, e in person.mentions):
                person.add_mention(span)
                spans.append(span)


_ROLE = re.compile(r"\bthe (?P<adj>[A-Z][a-z]+ )?(?P<head>prime minister|minister|president|"
                   r"governor|spokesman|spokeswoman|spokesperson|ambassador|envoy|commander|mayor|chancellor|"
                   r"premier)\b(?! of)", re.IGNORECASE)


def _role_mentions(article: Article, registry: P.Registry, spans: list[Span]) -> None:
    """Mention a person where the text says "the minister" after introducing them."""
    for start, end in P.fact_spans(article):
        for match in _ROLE.finditer(article.text, start, end):
            head = match["head"].lower().split()[-1]
            person = registry.last_before(match.start(), (P.PERSON,))
            candidates = [p for p in registry.parties if p.kind == P.PERSON and head in p.heads
                          and any(e <= match.start() for _, e in p.mentions)]
            if match["adj"]:  # "the Iraqi minister": the minister of Iraq
                state = P.state_for_adjective(match["adj"].strip(), registry)
                if state is None:
                    continue
                candidates = [p for p in candidates if p.country == state.country]
                person = candidates[-1] if len(candidates) == 1 else None

            if person not in candidates:
                person = max(candidates, default=None, key=lambda p: max(
                    e for _, e in p.mentions if e <= match.start()))
            if person is not None:
                person.add_mention(match.span())
                spans.append(match.span())
