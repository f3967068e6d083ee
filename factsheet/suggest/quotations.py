"""Direct quotations and who said them.

Supports: curly, straight and guillemet quotation marks; the speaker after the quotation
('..." Marceau told reporters', '..." said the ministry'), before it ('Đorđević said the
network "..."', 'quoted the minister as saying ... "..."'), in the next sentence when the
quotation opens a paragraph ('"..." Kovalenko made the remarks in a video address'), or in
the paragraph before when a quotation stands alone. Quotations of fewer than four words are
left out (they are usually scare quotes or titles). Does not support: nested quotations as
quotations of their own (they stay part of the quotation around them).

A quotation that runs on into the next paragraph (an opening mark with no closing one, the
wire convention) keeps its speaker in the next paragraph. A quotation that is a paragraph of
its own may be attributed at the start of the next paragraph ("Tarriela wrote this on X").
Speakers found through a pronoun ("she said") or a role ("the minister said") are marked
low, with a note naming the rule, since they are guesses about who was last named.
"""

from __future__ import annotations

import re

from factsheet.model.common import Confidence
from factsheet.suggest import attribution as A
from factsheet.suggest import parties as P
from factsheet.suggest.draft import HIGH, LOW, Draft, FactDraft, PartyDraft
from factsheet.suggest.text import Article, Quoted

MIN_WORDS = 4
#: Longer than this, a "quotation" is more likely an unclosed quotation mark than a quote.
MAX_CHARS = 1500
_SPEECH = (r"said|says|told|tells|added|adds|wrote|writes|stressed|noted|declared|warned|"
           r"insisted|explained|argued|stated|posted|tweeted|replied|continued|concluded|"
           r"asked|urged|recalled|acknowledged|admitted|remarked|chanted|shouted|sang|vowed|"
           r"pledged|promised|accused|conceded|cautioned|predicted|maintained|countered|"
           r"complained|pleaded|announced|demanded|called\s+on|appealed\s+to|put\s+it|"
           r"attributed")
#: A noun phrase's characters: no clause punctuation, but the dot of "Dr." or "K.S.".
_NP = r"(?:[^,.;:\"“”]|\.(?=\s?[A-Z]))"
_AFTER = re.compile(r"^\s*(?:,\s*)?(?P<np>(?=\S)" + _NP + r"{1,90}?)\s+(?:" + _SPEECH + r")\b")
#: '"...," its spokesperson, Nikos Alexiou, told ...': a role and the name set off by commas.
_AFTER_APPOSED = re.compile(r"^\s*(?:,\s*)?(?P<np>(?=\S)[^.;:\"“”]{1,120}?,\s+[^.;:\"“”]{1,60}?),?"
                            r"\s+(?:"
                            + _SPEECH + r")\b")
_AFTER_INVERTED = re.compile(r"^\s*(?:,\s*)?(?:" + _SPEECH + r")\s+(?P<np>" + _NP + r"{1,90})")

_BEFORE = re.compile(r"(?P<np>[^,;:\"“”]{1,90}?),?\s+(?:" + _SPEECH + r")\b[^\"“”]{0,160}$")
_QUOTED_AS = re.compile(r"quoted\s+(?P<np>[^,;:\"“”]{1,90}?)\s+as\s+saying\b")
_PARTICIPLE = re.compile(r",\s+(?:calling|saying|describing|adding|arguing|warning|"
                         r"insisting|noting|chanting|shouting|telling|urging|vowing|"
                         r"promising|accusing|observing|stating|remarking|asserting|"
                         r"pointing\s+out|declaring|writing)\b[^\"“”]*$")
#: A crowd that chants or shouts a quotation: "protesters waving flags chanted "..."".
_CROWDS = (r"protesters|protestors|demonstrators|workers|students|supporters|crowds?|marchers|"
           r"strikers|activists|villagers|fans|mourners|residents|farmers|miners|nurses|"
           r"teachers|union\s+members")
_CROWD = re.compile(r"(?:[Tt]he\s+|[Ss]ome\s+|[Hh]undreds\s+of\s+|[Tt]housands\s+of\s+)?"
                    r"(?:[a-z][\w-]*\s+)?(?P<head>" + _CROWDS + r")\b"
                    r"(?:\s+(?:waving|carrying|holding|marching|gathered|outside|in|at|on|"
                    r"near|who)\b.*)?")
#: "In Kinshasa, several hundred students marched on the embassy, chanting "..."".
_CROWD_SUBJECT = re.compile(r"\b(?P<head>" + _CROWDS + r")\s+(?:[a-z]+ed|marched|gathered|"
                            r"rallied|sang|stood|held|waved|blocked|burned|threw)\b")
#: 'Defence Minister X, who ..., said: "..."': the subject before the aside speaks.
_SUBJECT_ASIDE = re.compile(r"^(?P<np>[^,;:\"“”]{2,90}?),\s+[^\"“”]{1,300}?,\s+(?:" + _SPEECH +
                            r")\b[^\"“”]{0,160}$")
#: "what its president, X, called "..."", "what he described as "..."".
_WHAT_CALLED = re.compile(r"\bwhat\s+(?P<np>[^\"“”]{1,90}?),?\s+(?:called|termed|dubbed|"
                          r"described\s+as|referred\s+to\s+as)\s*$")
#: "X called it "..."", "X described the visit as "..."", "X branded the plan "..."".
_NAMING = re.compile(r"\b(?:called|described|dubbed|branded|termed|labelled|labeled|welcomed|"
                     r"hailed|praised|denounced|dismissed|condemned|critici[sz]ed)\s+"
                     r"(?:(?:it|him|her|them|this|that|the\s+[\w'’ -]{1,40}?|his\s+[\w'’ -]{1,40}?"
                     r"|their\s+[\w'’ -]{1,40}?|its\s+[\w'’ -]{1,40}?)\s+)?(?:as\s+)?$")
#: 'According to Melnyk, "..."'.
_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\s+(?P<np>[^,;:\"“”]{1,90}?)\s*[,:]?\s*$")
#: A speaker named by a pronoun or by a role only: a guess about who was last named.
_GUESSED = re.compile(r"(?:he|she|they|it|the\s+[\w-]+(?:\s+[\w-]+)?)", re.IGNORECASE)
#: '"..." The warning came from Health Minister Chikondi Banda, who ...'.
_CAME_FROM = re.compile(r"^(?:(?:The|That|This|Those|These)\s+(?:warning|remarks?|comments?|appeal|"
                        r"call|plea|words|message|assessment|admission)\s+came\s+from\s+|"
                        r"(?:That|This|Those|These)\s+(?:was|were|is|are)\s+(?:the\s+)?"
                        r"(?:[\w-]+\s+){0,2}?(?:assessment|verdict|view|message|warning|words?|"
                        r"reaction|response|plea|answer|promise)\s+of\s+)"
                        r"(?P<np>[^,;:\"“”]{2,90}?)(?=,|\.|\s+(?:who|at|in|on|during|as|when|after|while)\b)")
_NEXT = re.compile(r"^(?:(?:That|This|So)\s+(?:was|is)\s+how\s+)?(?P<np>[^,;:\"“”]{2,90}?)"
                   r"(?:,\s+[^;:\"“”]{1,150}?)?,?\s+(?:" + _SPEECH +

                   r"|made\s+the\s+(?:remarks?|comments?)|was\s+speaking|spoke|summed\s+"
                   r"(?:it\s+)?up|described\s+it)\b")


#: 'said the improvement was "real but fragile"': the words someone said something was.
_SAID_IT_WAS = re.compile(r"\b(?:said|says|told\s+\w+)\s+(?:that\s+)?(?:the|its|his|her|their|it|"
                          r"he|she|they)\b[^\"“”.,;]{0,50}?\s(?:was|is|were|are|remained|"
                          r"remains|had\s+been|would\s+be)\s+[\"“]?$")
#: '"Every ship counts," he said.': a short sentence attributed after it.
_SAID_AFTER = re.compile(r"[ \t]{0,3},?[ \t]{0,3}(?:he|she|they|[A-Z][\w'’-]+"
                         r"(?:\s+[A-Z][\w'’-]+){0,2})\s+(?:said|says|added|told|wrote)\b")
#: Verbs that make the short quotation after them someone's words.
_SPOKEN_SHORT = re.compile(r"\b(?:" + _SPEECH + r"|rejected|welcomed|called|described|"
                           r"dismissed|condemned|hailed|praised|criticised|criticized|saying|"
                           r"adding|noting|arguing|insisting|warning)\b")
#: A speech verb shortly before a short quotation makes it one.
_SPOKEN = re.compile(r"\b(?:" + _SPEECH + r"|backed|supported|rejected|welcomed|called)\b")

Found = tuple[PartyDraft, Confidence, str | None]


def find_quotations(article: Article, registry: P.Registry, draft: Draft) -> None:
    """Add a quotation for every quotation in the body, with its speaker when one is found."""
    for sentence in article.sentences:  # unnamed sources "he" and "she" may point back to
        opening = A.ANONYMOUS_OPENING.match(article.text, sentence.start, sentence.end)
        if opening and sentence.start >= article.header_end:
            A.resolve(article, registry, sentence.start, opening.end("np"))

    last: PartyDraft | None = None
    last_paragraph = -1
    runs_on = False  # the last quotation had no closing mark at its paragraph's end
    for quote in article.quotes:
        inner = _inner(article, quote)
        if inner is None:
            short = _speaker(article, registry, quote) if quote.end - quote.start < 200 else None
            if short is not None:  # '"We are ready," Macron said. "Europe is ..."'
                last, last_paragraph = short[0], quote.paragraph
            runs_on = not quote.closed
            continue
        found = _speaker(article, registry, quote)
        guess = None
        if found is None:
            found = _from_before(article, quote, last, last_paragraph, runs_on)
            if found is not None and found[1] is LOW:  # a name in the next paragraph wins
                guess, found = found, None
        if found is None:
            found = _from_next_paragraph(article, registry, quote, guess is not None) or guess
        if found is None:
            found = _from_sentence_before(article, registry, quote)
        if found is None:
            found = _from_paragraph_before(article, registry, quote)
        runs_on = not quote.closed
        if found is None:
            continue
        speaker, confidence, note = found
        last, last_paragraph = speaker, quote.paragraph
        fact = FactDraft("quotations", {"speaker": speaker,
                                        "text": article.text[inner[0]:inner[1]]},
                         [inner], confidence, [note] if note else [])
        fact.stem = speaker.key
        draft.facts.append(fact)


def _from_before(article: Article, quote: Quoted, last: PartyDraft | None,
                 last_paragraph: int, runs_on: bool) -> Found | None:
    """Return the speaker of the quotation before, when this one continues it: in the same
    paragraph, or as the next paragraph of a quotation left open (sure), or as a quotation
    standing alone just after (a guess)."""
    if last is None:
        return None
    if quote.paragraph == last_paragraph:
        return last, HIGH, "speaker as for the quotation before it"
    if quote.paragraph - last_paragraph == 1 and _opens_paragraph(article, quote):
        if runs_on:
            return last, HIGH, "quotation continued from the paragraph before"
        return last, LOW, "speaker taken from the paragraph before: check it"
    return None


def _from_sentence_before(article: Article, registry: P.Registry, quote: Quoted
                          ) -> Found | None:
    """Return the person a sentence of the same paragraph opens with when the quotation
    follows it unattributed ('Political analyst Gonzalo Paredes was blunt. "..."')."""
    text = article.text
    sentences = article.paragraph_sentences(quote.paragraph)
    before = [(s, e) for s, e in sentences if e <= quote.start + 1]
    if not before or text[before[-1][1]:quote.start].strip() not in ("", ":"):
        return None
    s, e = before[-1]
    if text[s:min(e, s + 60)].count('"') + text[s:e].count("“"):
        return None
    anonymous = A.ANONYMOUS_OPENING.match(text, s, e)
    if anonymous:  # 'A resident of Ryazan's southern district told Astra ... "..."'
        party = A.resolve(article, registry, s, s + len(anonymous["np"]))
        if party is not None:
            return party, LOW, "speaker: the source the sentence before opens with; check it"
    said = [source.party for source in A.sources_in(article, registry, s, e)
            if source.how == "said" and source.party.kind == P.PERSON]
    if said:  # 'At a shelter, Maria Kontou, 67, said she had fled. "The sky turned black."'
        return said[0], LOW, "speaker: who speaks in the sentence before; check it"
    pronoun = re.match(r"(?:He|She)\b", text[s:e])

    if pronoun:  # 'He was blunt about the cause. "..."'
        person = A.person_for_pronoun(article, registry, s, "m" if pronoun.group() == "He"
                                      else "f")
        return (person, LOW, "speaker: the person 'he' or 'she' of the sentence before "
                "points to; check it") if person else None
    opening = registry.all_at(s, min(e, s + 60), (P.PERSON,))
    if not opening:
        return None
    return opening[0], LOW, "speaker: the person the sentence before opens with; check it"


def _from_paragraph_before(article: Article, registry: P.Registry, quote: Quoted
                           ) -> Found | None:
    """Return the speaker of the paragraph before when the quotation is a paragraph of its
    own after it ('Sheriff Paul Medina, who ..., said:' then '"What happened ..."'): sure
    after a colon, a guess after a sentence that reports speech."""
    if quote.paragraph == 0 or not _opens_paragraph(article, quote):
        return None
    p_start, p_end, _ = article.paragraphs[quote.paragraph - 1]
    if any(p_start <= q.start < p_end for q in article.quotes):
        return None
    sentences = article.paragraph_sentences(quote.paragraph - 1)
    if not sentences:
        return None
    s, e = sentences[-1]
    sources = [source for source in A.sources_in(article, registry, s, e)
               if source.how == "said"]
    if not sources and len(sentences) == 1:  # 'Local fisherman Mehmet Kaya was the first ...'
        opening = registry.all_at(s, min(e, s + 60), (P.PERSON,))
        persons = registry.all_at(s, e, (P.PERSON,))
        if len(persons) == 1 and opening and not any(c in article.text[s:e] for c in '"“”'):
            return opening[0], LOW, "speaker: the person the paragraph before opens with; " \
                "check it"
    if not sources:
        return None
    if article.text[s:e].rstrip().endswith(":"):
        return sources[0].party, HIGH, "speaker introduced at the end of the paragraph before"
    return sources[0].party, LOW, "speaker: who speaks in the paragraph before; check it"


def _from_next_paragraph(article: Article, registry: P.Registry, quote: Quoted,
                         continues: bool = False) -> Found | None:
    """Return the speaker named at the start of the next paragraph when the quotation is a
    paragraph of its own ('"..."' then "Tarriela wrote this on X on Thursday."). When the
    quotation may continue the paragraph before (``continues``), a next paragraph that says
    something new ("X said the figures showed ...") names a new speaker, not this one's."""
    p_end = article.paragraphs[quote.paragraph][1]
    if not _opens_paragraph(article, quote) or article.text[quote.end:p_end].strip():
        return None
    following = [s for s in article.sentences if s.paragraph > quote.paragraph]
    if not following or following[0].paragraph != quote.paragraph + 1:
        return None
    start, end = following[0].start, following[0].end
    match = _NEXT.match(article.text[start:end])
    if not match:
        return None
    said = article.text[start + match.end():end]
    if continues and len(said.split()) >= 5 and not re.match(
            r"\s*(?:this|so|these|those|it|on|in|at|to|during|"
            r"after|before|when|while|as)\b", said):
        return None
    party = A.resolve(article, registry, start + match.start("np"), start + match.end("np"))
    if party is None:
        return None
    return party, LOW, "speaker inferred from the next paragraph: check it"


def _speaker(article: Article, registry: P.Registry, quote: Quoted) -> Found | None:
    """Return (speaker, confidence, note) for a quotation, or None."""
    text = article.text
    p_start, p_end, _ = article.paragraphs[quote.paragraph]
    sentences = article.paragraph_sentences(quote.paragraph)
    current = next(((s, e) for s, e in sentences if s <= quote.start < e), (p_start, p_end))
    close = quote.end
    after = text[close:min(current[1], close + 400)]  # a speaker is named close after
    for pattern in (_AFTER, _AFTER_INVERTED):
        match = pattern.match(after)
        if match and pattern is _AFTER and re.match(
                r"(?:to|for|in|on|at|with|from|of|into|by|against|over|about)\b",
                match["np"].strip()):
            continue  # '"a grave threat" to Japan's security and said': no speaker after
        if match and re.match(r"(?:and|but|while|whereas)\s", match["np"].strip()):
            continue  # '"...", and the European Council on Refugees said': the next clause's
        if match and quote.closed:
            found = _named(article, registry, close + match.start("np"), close + match.end("np"))
            if found is not None:
                return found
    apposed = _AFTER_APPOSED.match(after)
    if apposed and quote.closed:  # the person named in the role, else what the role names
        np = (close + apposed.start("np"), close + apposed.end("np"))
        persons = registry.all_at(*np, (P.PERSON,))
        if persons:
            return persons[-1], HIGH, None
        name = re.match(r"[A-Z][\w&'’.-]*(?:\s[A-Z][\w&'’.-]*){0,4}(?=,)", apposed["np"])
        if name:  # '"...," IG Metall, Germany's largest industrial union, said'
            found = _named(article, registry, np[0], np[0] + name.end())
            if found is not None:
                return found
    before = text[current[0]:quote.start]
    if re.search(r"[.!?][\"”’]?\s+$", before) and quote.start > current[0]:
        before = ""  # '..., said in a post on X. "Brussels must not blink."': a new sentence
    participle = _PARTICIPLE.search(before)
    if participle:
        crowd = _CROWD_SUBJECT.search(before, 0, participle.start())
        if crowd:
            return _crowd(registry, current[0] + crowd.start("head"),
                          current[0] + crowd.end("head"), crowd["head"])
        said = [source for source in A.sources_in(article, registry, current[0],
                                                  current[0] + participle.start() + 1)
                if source.how == "said"]
        if said:  # "Chile agreed ..., Chilean Foreign Minister X said, calling the review"
            return said[0].party, HIGH, None
        subject = [p for p in registry.all_at(_after_dateline(article, current[0]),
                                              current[0] + participle.start())
                   if p.kind != "news_agency"]
        if subject:
            return subject[0], HIGH, None
    found = _naming(article, registry, current[0], before)
    if found is not None:
        return found
    aside = _SUBJECT_ASIDE.match(before)
    if aside:
        found = _named(article, registry, current[0] + aside.start("np"),
                       current[0] + aside.end("np"))
        if found is not None:
            return found
    for pattern in (_QUOTED_AS, _BEFORE):
        match = pattern.search(before)
        if match:
            np = _clause_subject(text, current[0] + match.start("np"),
                                 current[0] + match.end("np"))
            words = text[np[0]:np[1]].lstrip()
            if re.match(r"(?!(?:the|a|an|its|his|her|their|our)\b)[a-z]", words):
                # 'X, ..., did not comment but posted a photo with the caption: "..."'
                persons = registry.all_at(_after_dateline(article, current[0]), np[0],
                                          (P.PERSON,))
                if persons:
                    return persons[0], HIGH, None
            found = _named(article, registry, *np)
            if found is None:  # "The Council, meeting in Port Halden, said ..."
                subject = registry.all_at(current[0], np[1])
                found = (subject[0], HIGH, None) if subject else None
            if found is not None:
                return found
    if _opens_paragraph(article, quote):
        following = [(s, e) for s, e in sentences if s >= close]
        if following:
            sentence = text[following[0][0]:following[0][1]]
            match = _NEXT.match(sentence) or _CAME_FROM.match(sentence)
            if match:
                start = following[0][0]
                party = A.resolve(article, registry, start + match.start("np"),
                                  start + match.end("np"))
                if party is not None:
                    return party, HIGH, "speaker inferred from the next sentence"
    return None


_DATELINE_PREFIX = re.compile(r"[^\n]{0,80}?(?:\([^()\n]{1,30}\)\s*[-–—:]*|\s[-–—]{1,2}|:)\s+")


def _after_dateline(article: Article, start: int) -> int:
    """Return where the words after the dateline begin ("New Delhi, Nov 4 (PTI) The Supreme
    Court ...": "The"), or ``start`` when the sentence does not open the story."""
    if start != article.structure.dateline_offset:
        return start
    match = _DATELINE_PREFIX.match(article.text, start)
    return match.end() if match else start


def _named(
article: Article, registry: P.Registry, start: int, end: int) -> Found | None:
    """Return the party a speaker's noun phrase names; low, with a note, when the phrase is
    only a pronoun or a role, since the rule then takes the last party that fits."""
    phrase = article.text[start:end]
    lead = len(phrase) - len(phrase.lstrip())
    crowd = _CROWD.fullmatch(phrase.strip())
    if crowd and not registry.at(start, end):
        return _crowd(registry, start + lead + crowd.start("head"),
                      start + lead + crowd.end("head"), crowd["head"])
    party = A.resolve(article, registry, start, end)
    if party is None:
        return None
    phrase = " ".join(article.text[start:end].split())
    if _GUESSED.fullmatch(phrase) and not registry.at(start, end):
        return party, LOW, f"speaker: the last {_kind_word(party)} named before '{phrase}'"
    if _GUESSED.fullmatch(phrase):
        return party, LOW, f"speaker: '{phrase}' read as {party.name}: check it"
    return party, HIGH, None


def _crowd(registry: P.Registry, start: int, end: int, head: str) -> Found:
    """A crowd that voices a quotation: a party of its own, for an analyst to name."""
    name = head[:1].upper() + head[1:]
    party = registry.add(PartyDraft(f"crowd:{head.casefold()}", name, "other",
                                    confidence=LOW), (start, end))
    if not party.notes:
        party.notes.append("a crowd that voiced a quotation: check its name and kind")
    return party, LOW, None


def _kind_word(party: PartyDraft) -> str:
    return "person" if party.kind == P.PERSON else "party"


def _naming(article: Article, registry: P.Registry, start: int, before: str) -> Found | None:
    """Return the speaker when a naming verb leads into the quotation: 'what its president,
    X, called "..."', 'according to X, "..."', 'X described the visit as "..."'."""
    for pattern in (_WHAT_CALLED, _ACCORDING):
        match = pattern.search(before)
        if match:
            np = (start + match.start("np"), start + match.end("np"))
            persons = registry.all_at(*np, (P.PERSON,))
            if persons:
                return persons[-1], HIGH, None
            return _named(article, registry, *np)
    match = _NAMING.search(before)
    if not match:
        return None
    pronoun = re.search(r"\b(?P<p>he|she)\s+(?:\w+\s+)?$", before[:match.start()])
    if pronoun:  # "water, which he described as "...""
        person = A.person_for_pronoun(article, registry, start + pronoun.start(),
                                      "m" if pronoun["p"] == "he" else "f")
        if person is not None:
            return person, LOW, "speaker: the person 'he' or 'she' points to; check it"
    subject = registry.all_at(start, start + match.start())
    persons = [p for p in subject if p.kind == P.PERSON]
    if persons:
        return persons[-1], HIGH, None
    aside = re.match(r"(?P<np>[^,;:\"“”]{2,90}?),\s+(?:who|whose)\b", before)
    if aside:  # 'A lineman from a Missouri crew, who ..., called it "..."'
        found = _named(article, registry, start + aside.start("np"), start + aside.end("np"))
        if found is not None:
            return found
    said = [source for source in A.sources_in(article, registry, start, start + match.start())
            if source.how == "said"]
    if said:  # "Turkey's defence ministry said in a statement that described the work as"
        return said[0].party, HIGH, None
    if subject:
        return subject[0], HIGH, None
    named = re.search(r"(?:^|[.;]\s+)(?P<np>[A-Z][\w&'’.-]*(?:\s[A-Z][\w&'’.-]*){0,5})\s+$",
                      before[:match.start()])
    if named:  # 'Amnesty International called the hubs "..."': a name no rule introduced
        party = A.resolve(article, registry, start + named.start("np"), start + named.end("np"))
        if party is not None:
            return party, HIGH, None
    return None


def _inner(article: Article, quote: Quoted) -> tuple[int, int] | None:
    """Return the quoted words without the marks and a trailing comma; None if too short."""
    start, end = quote.inner
    text = article.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    count = len(text[start:end].split())
    if end - start > MAX_CHARS or count < 2 or (count < MIN_WORDS and not (
            text[end - 1] in ".!?" and _SPOKEN.search(text, max(0, quote.start - 120),
                                                     quote.start)) and
            not _SAID_IT_WAS.search(text, max(0, quote.start - 80), quote.start) and
            not _spoken_in_clause(text, quote.start) and
            not _SAID_AFTER.match(text, quote.end)):
        return None  # 'a "historic step"' is a scare quote; 'backed it "without
        # reservations."' closes a sentence someone said

    return start, end


def _spoken_in_clause(text: str, start: int) -> bool:
    """Return True when the words before a short quotation, in its own sentence, report
    speech ('said it would "respect every word"', 'called the ruling "a long-overdue
    correction"'), and the quotation is no "so-called" label."""
    before = text[max(0, start - 200):start]
    if re.search(r"\bso-called\s*$", before):
        return False
    # the sentence so far, without the quotations in it: 'said its forces had carried out a
    # "massive strike" on "military-industrial facilities"'
    before = re.sub(r"[\"“][^\"“”]{0,200}[\"”]", " ", before)
    cut = max(before.rfind(". "), before.rfind("\n"), before.rfind('"'), before.rfind("”"),
              before.rfind("“"))
    return bool(_SPOKEN_SHORT.search(before[cut + 1:]))


def _clause_subject(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the subject of the last clause in ``[start, end)`` ("... and Ferrà" → "Ferrà")."""
    chunk = text[start:end]
    cut = max(chunk.rfind(" that "), chunk.rfind(" and "), chunk.rfind(" but "))
    if cut >= 0:
        head = chunk[cut:].split(maxsplit=1)
        if len(head) == 2:
            return start + cut + chunk[cut:].find(head[1]), end
    return start, end


def _opens_paragraph(article: Article, quote: Quoted) -> bool:
    start = article.paragraphs[quote.paragraph][0]
    return not article.text[start:quote.start].strip()
