"""Commitments and positions, from cue phrases. Always low confidence: a cue says where to
look, not what was promised.

Supports, for commitments: "agreed to", "signed a declaration ... committing them to",
"pledged to", "promised to", "offered", "will", "would", "plans to", "invited X to",
"stands ready to", "is prepared to", "expressed readiness to", "will not", "refused to",
"ruled out"; the condition ("once ...", "if ...", "subject to ..."), the instrument (a named
pact or declaration in the article, or "in a joint declaration"), the date ("on Thursday",
counted back from the publication date) and the parties named in the action as ``to``. For
positions: "opposition to", "opposes", "criticised", "condemned", "rejected" (oppose);
"welcomed", "backed", "praised", "thanked", "support for" (support); "only if", "on
condition that" (conditional). Does not support: commitments whose subject is not a party
the rules found ("the network will ..."), cues inside quotations.
"""

from __future__ import annotations

import datetime as dt
import re

from factsheet.suggest import attribution as A
from factsheet.suggest import parties as P
from factsheet.suggest.attribution import ORGANISATION_KINDS
from factsheet.suggest.draft import LOW, Draft, FactDraft, PartyDraft
from factsheet.suggest.text import Article, Sentence, clean, slug
from factsheet.suggest.timestamps import day_before

_COMMITMENT_CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (modality, re.compile(pattern, re.IGNORECASE)) for modality, pattern in (
        ("readiness", r"\b(?:stands?|stood)\s+ready\s+to\b|\b(?:is|are|was|were|remains?)\s+"
                      r"(?:ready|prepared|willing)\s+to\b|\bexpressed\s+(?:its\s+|their\s+|"
                      r"his\s+|her\s+)?(?:readiness|willingness)\s+to\b"),
        ("refusal", r"\b(?:will|would|does|did|do|shall|could)\s+not\s+(?!only\b|be\b|have\b)|"
                    r"\bwon't\s+|\b(?:refused|declined)\s+to\b|\bruled\s+out\b|"
                    r"\bhas\s+no\s+plans?\s+to\b"),
        ("binding", r"\bagreed\s+(?:on\s+\w+\s+)?(?:to|on)\b|\bsigned\s+(?:a|an|the)\s+"
                    r"(?:[\w-]+\s+){0,4}?(?:declaration|agreement|accord|treaty|memorandum|"
                    r"pact|deal|compact|communique)\b(?:[^.,]*?\b(?:committing\s+\w+\s+to|"
                    r"pledging\s+to|to)\b(?!\s+be\b))?|\bcommitted\s+(?:\w+\s+)?to\b"),
        ("pledge", r"\b(?:pledged|promised|vowed|undertook|pledging)(?:\s+to)?\b|\boffered\b"),
        ("intent", r"\b(?:plans?|planned|intends?|intended|aims?)\s+to\b|\binvited\s+"
                   r"(?:[A-Z][\w-]*\s+){1,3}to\b"),
        ("pledge", r"\bwill\s+(?!not\b|be\b|have\b|also\s+be\b)"),
        ("intent", r"\bwould\s+(?!not\b|be\b|have\b)"),
    ))
_POSITION_CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (stance, re.compile(pattern, re.IGNORECASE)) for stance, pattern in (
        ("oppose", r"\bopposition\s+to\b|\boppos(?:es|ed)\b|\bcritici[sz](?:ed|es)\b|"
                   r"\bcondemned\b|\bdenounced\b|\bobjected\s+to\b|\brejected\b|\brejects\b|"
                   r"\bprotested\b|\baccused\b|\baccuses\b|\bdenie[sd]\b|\bdismissed\b|"
                   r"\b(?:voiced|expressed)\s+(?:deep\s+|grave\s+|serious\s+)?concern\b|"
                   r"\bwarned\s+against\b"),
        ("support", r"\bwelcomed\b|\bbacked\b|\bendorsed\b|\bpraised\b|\bhailed\b|"
                    r"\bthank(?:ed|ing)\b|\bsupport\s+for\b|\bsupports\b|\bcalled\s+(?:on|for)\b|"
                    r"\burged\b|\burges\b|\bappealed\s+(?:to|for)\b|\bpressed\s+for\b|"
                    r"\bdemanded\b|\bdefended\b|\binsisted\b"),
        ("conditional", r"\bonly\s+if\b|\bon\s+condition\s+that\b"),
    ))
_CONDITION = re.compile(r"[,]?\s+(?P<condition>(?:once|if|provided(?:\s+that)?|subject\s+to|"
                        r"on\s+condition\s+that|as\s+soon\s+as|as\s+long\s+as|until)\s+[^,;.]+)")
_CLAUSE_STOP = re.compile(r",\s+(?:[^,]{1,60}?\s+(?:said|told|wrote|added|reported)\b|"
                          r"according\s+to|citing|adding|arguing|saying|calling)|;|"
                          r"\.(?!\d)|\s+but\s+|"
                          r",\s+(?:though|although|while|which)\b|\s+—\s+|\s+and\s+(?=(?:would|"
                          r"will|is|are|was|were|has|have|had|plans|pledged|promised|agreed|"
                          r"offered|stands|said)\b)|,?\s+and\s+that\b")
_SUBJECT_START = re.compile(r"(?:\b(?:said|says|told\s+\w+|wrote|added|stated|announced)\s+"
                            r"(?:that\s+)?|\bthat\s+|;\s*|\bbut\s+|\s—\s|,\s+(?:while|whereas)\s+)")
_VERB = re.compile(r"\b(?:will|would|has|have|had|is|are|was|were|agreed|signed|pledged|"
                   r"promised|offered|invited|stands?|expressed|refused|declined|ruled|"
                   r"plans?|intends?|reiterated|voiced|welcomed|said)\b")
_INSTRUMENT = re.compile(r"\b(?P<name>(?:[A-Z][\w'’-]*\s+){1,5}(?:Pact|Accord|Agreement|"
                         r"Declaration|Treaty|Memorandum(?:\s+of\s+[A-Z]\w+)?|Compact|"
                         r"Communique|Convention|Charter|Protocol)|Memorandum\s+of\s+"
                         r"[A-Z]\w+(?:\s+[A-Z]\w+)?)\b")
_INSTRUMENT_NOUN = re.compile(r"\b(?:in|under|according\s+to|signed)\s+(?:a|an|the)\s+"
                              r"(?P<noun>(?:joint\s+)?(?:declaration|statement|communique|"
                              r"agreement|accord|pact|memorandum|treaty|deal))\b", re.IGNORECASE)
_WEEKDAY = re.compile(r"\bon\s+(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                      r"Sunday)\b")
_PARTY_KINDS = (*ORGANISATION_KINDS, P.PERSON)


def find_commitments(article: Article, registry: P.Registry, draft: Draft,
                     published: dt.date | None) -> None:
    """Add a low-confidence commitment for every cue with a party as its subject."""
    instrument = _named_instrument(article)
    for sentence in article.sentences:
        taken: list[tuple[int, int]] = []
        for modality, cue in _COMMITMENT_CUES:
            for match in cue.finditer(article.text, sentence.start, sentence.end):
                if any(s <= match.start() < e for s, e in taken) or \
                        article.in_quote(match.start(), match.end()):
                    continue
                fact = _commitment(article, registry, sentence, match, modality, instrument,
                                   published)
                if fact is not None:
                    taken.append((match.start(), match.end()))
                    draft.facts.append(fact)


def find_positions(article: Article, registry: P.Registry, draft: Draft) -> None:
    """Add a low-confidence position for every stance cue with a party as its holder, and
    for every refusal a person voices ("X will not ..., minister Y said")."""
    _refusal_positions(article, registry, draft)
    for sentence in article.sentences:
        if any(f.kind == "positions" and sentence.start <= f.evidence[0][0] < sentence.end
               for f in draft.facts):
            continue
        for stance, cue in _POSITION_CUES:
            match = cue.search(article.text, sentence.start, sentence.end)
            if match is None or article.in_quote(match.start(), match.end()):
                continue
            holders = _subject(article, registry, sentence, match.start())
            if not holders:
                continue
            end = _clause_end(article.text, match.end(), sentence.end)
            topic = clean(article.text[match.end():end]).strip(" ,") or clean(match.group())
            holder = _voice(article, registry, sentence, holders[0])
            fact = FactDraft("positions", {
                "holder": holder, "topic": _shorten(topic, 12), "stance": stance,
                "summary": _shorten(clean(article.text[sentence.start:sentence.end]), 40)},
                [(_evidence_start(registry, holders, sentence, match.start()), end)], LOW,
                [f'cue "{clean(match.group())}": check the holder, topic and stance'])
            fact.stem = f"p-{slug(holder.name, 20)}"
            draft.facts.append(fact)
            break


def _refusal_positions(article: Article, registry: P.Registry, draft: Draft) -> None:
    for refusal in [f for f in draft.of_kind("commitments") if f.fields["modality"] == "refusal"]:
        sentence = article.sentence_at(refusal.evidence[0][0])
        if sentence is None:
            continue
        speaker = _voice(article, registry, sentence, refusal.fields["by"][0])
        if speaker.kind != P.PERSON:
            continue
        end = sentence.end
        while end > sentence.start and article.text[end - 1] in " \n":
            end -= 1
        fact = FactDraft("positions", {
            "holder": speaker, "topic": _shorten(str(refusal.fields["action"]), 12),
            "stance": "oppose",
            "summary": _shorten(clean(article.text[sentence.start:sentence.end]), 40)},
            [(sentence.start, end)], LOW,
            [f"a refusal {speaker.name} voices: check the topic, and whether it is a position"])
        fact.stem = f"p-{slug(speaker.name, 20)}"
        draft.facts.append(fact)


def _voice(article: Article, registry: P.Registry, sentence: Sentence, subject: PartyDraft
           ) -> PartyDraft:
    """Return the person who voices a state's stance in the sentence ("..., its minister X
    said"), or the state itself."""
    for source in A.sources_in(article, registry, sentence.start, sentence.end):
        person = source.party
        if person.kind == P.PERSON and (person.affiliation is subject or (subject.kind != P.PERSON
                                        and person.country == subject.country is not None)):
            return person
    return subject


def _commitment(article: Article, registry: P.Registry, sentence: Sentence,
                match: re.Match[str], modality: str, instrument: str | None,
                published: dt.date | None) -> FactDraft | None:
    text = article.text
    by = _subject(article, registry, sentence, match.start())
    if not by:
        return None
    end = _clause_end(text, match.end(), sentence.end)
    action_text = text[match.end():end]
    condition = _CONDITION.search(action_text)
    if condition:
        action_text = action_text[:condition.start()]
    action = _action(action_text, match.group(), modality)
    if not action or action[0] in "\"“”«":
        return None
    fields: dict[str, object] = {"by": by, "action": action, "modality": modality}
    action_end = match.end() + (condition.start() if condition else len(action_text))
    targets = [p for p in registry.all_at(match.end(), action_end, ("state",)) if p not in by]
    if targets:
        fields["to"] = targets
    if condition:
        fields["condition"] = clean(condition["condition"])
    noun = _INSTRUMENT_NOUN.search(text, sentence.start, sentence.end)
    named = _INSTRUMENT.search(text, sentence.start, sentence.end)
    if named:
        instrument = re.sub(r"^(?:The|A|An)\s+", "", clean(named["name"]))
    if modality == "binding" and (instrument or noun):
        fields["instrument"] = instrument or clean(noun["noun"])  # type: ignore[index]
    elif noun:
        fields["instrument"] = clean(noun["noun"])
    day = _WEEKDAY.search(text, sentence.start, end)
    if day and published is not None and modality == "binding":
        date = day_before(published, day["day"])
        if date is not None:
            fields["date"] = date.isoformat()
    fact = FactDraft("commitments", fields,
                     [(_evidence_start(registry, by, sentence, match.start()), end)], LOW,
                     [f'cue "{clean(match.group())}": check who commits, the action and the '
                      f"modality ({modality})"])
    fact.stem = f"c-{slug(by[0].name, 20)}-{slug(' '.join(action.split()[:2]), 20)}"
    return fact


def _subject(article: Article, registry: P.Registry, sentence: Sentence, cue: int
             ) -> list[PartyDraft]:
    """Return the parties the clause before ``cue`` names as its subject."""
    text = article.text
    start = sentence.start
    for found in _SUBJECT_START.finditer(text, sentence.start, cue):
        start = found.end()
    if start == sentence.start and sentence.start == article.structure.dateline_offset:
        start = P.dateline_end(text, sentence.start, sentence.end)
    verb = _VERB.search(text, start, cue)
    stop = verb.start() if verb else cue
    if not text[start:stop].strip() and start > sentence.start:
        # "... but will host": the subject of the clause before
        bounds = [m.end() for m in _SUBJECT_START.finditer(text, sentence.start, start - 1)]
        start = bounds[-1] if bounds else sentence.start
        if start == article.structure.dateline_offset:
            start = P.dateline_end(text, sentence.start, sentence.end)
        verb = _VERB.search(text, start, cue)
        stop = verb.start() if verb else cue
    parties = registry.all_at(start, stop, _PARTY_KINDS)
    group = A.GROUP.search(text, start, stop)
    if group and not parties:
        party = A.group_party(article, registry, group.start(), group.end(), group["count"])
        return party.members if party is not None else []
    if not parties and text[start:stop].strip():
        named = A.resolve(article, registry, start, start + len(text[start:stop].rstrip()))
        if named is not None:
            return named.members or [named]
    if not parties:
        pronoun = re.match(r"\s*(?:it|he|she)\b", text[start:cue], re.IGNORECASE)
        if pronoun:
            kinds = (P.PERSON,) if pronoun.group().strip().lower() in ("he", "she") else \
                ORGANISATION_KINDS
            before = registry.last_before(start, kinds, floor=max(0, start - 400))
            return [before] if before else []
        if verb is None or verb.start() == cue:
            return []
        first = registry.all_at(sentence.start, cue, ORGANISATION_KINDS)
        clause = text[start:cue].strip().lower()
        return first[:1] if clause.startswith(("but", "and")) or clause == "" else []
    return parties


#: Longest action or topic taken from one clause.
_LONGEST_CLAUSE = 400


def _clause_end(text: str, start: int, end: int) -> int:
    stop = _CLAUSE_STOP.search(text, start, min(end, start + _LONGEST_CLAUSE))
    result = stop.start() if stop else min(end, start + _LONGEST_CLAUSE)
    while result > start and text[result - 1] in " ,.":
        result -= 1
    return result


def _action(text: str, cue: str, modality: str) -> str:
    action = clean(text)
    action = re.sub(r"^(?:on\s+\w+day\s+|for\s+now\s+)", "", action)
    action = re.sub(r"^(?:to\s+|on\s+)", "", action)
    action = re.sub(r"\s+(?:for\s+now|on\s+\w+day)$", "", action)
    if modality == "binding" and re.search(r"signed", cue, re.IGNORECASE) and not \
            re.search(r"\bto$", cue.strip()):
        return clean(f"sign {cue.split(' ', 1)[1]} {text}") if " " in cue.strip() else ""
    return action[:1].lower() + action[1:] if action else ""


def _evidence_start(registry: P.Registry, parties: list[PartyDraft], sentence: Sentence,
                    cue: int) -> int:
    spans = [s for p in parties for s, e in p.mentions if max(sentence.start, cue - 300) <= s
             < cue]
    return min(spans) if spans else cue


def _named_instrument(article: Article) -> str | None:
    for start, end in P.fact_spans(article):
        match = _INSTRUMENT.search(article.text, start, end)
        if match:
            return re.sub(r"^(?:The|A|An)\s+", "", clean(match["name"]))
    return None


def _shorten(text: str, limit: int) -> str:
    words = text.split()
    return " ".join(words[:limit]) + ("..." if len(words) > limit else "")

