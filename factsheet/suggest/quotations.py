"""Direct quotations and who said them.

Supports: curly, straight and guillemet quotation marks; the speaker after the quotation
('..." Marceau told reporters', '..." said the ministry'), before it ('Đorđević said the
network "..."', 'quoted the minister as saying ... "..."'), in the next sentence when the
quotation opens a paragraph ('"..." Kovalenko made the remarks in a video address'), or in
the paragraph before when a quotation stands alone. Quotations of fewer than four words are
left out (they are usually scare quotes or titles). Does not support: quotations that run
over several paragraphs (the first paragraph is taken), nested quotations.
"""

from __future__ import annotations

import re

from factsheet.model.common import Confidence
from factsheet.suggest import attribution as A
from factsheet.suggest import parties as P
from factsheet.suggest.draft import HIGH, LOW, Draft, FactDraft, PartyDraft
from factsheet.suggest.text import Article, Quoted, split_sentences

MIN_WORDS = 4
#: Longer than this, a "quotation" is more likely an unclosed quotation mark than a quote.
MAX_CHARS = 1500
_SPEECH = (r"said|says|told|tells|added|adds|wrote|writes|stressed|noted|declared|warned|"
           r"insisted|explained|argued|stated|posted|tweeted|replied|continued|concluded|"
           r"asked|urged|recalled|acknowledged|admitted|remarked")
_AFTER = re.compile(r"^\s*,?\s*(?P<np>[^,.;:\"“”]{1,90}?)\s+(?:" + _SPEECH + r")\b")
_AFTER_INVERTED = re.compile(r"^\s*,?\s*(?:" + _SPEECH + r")\s+(?P<np>[^,.;:\"“”]{1,90})")
_BEFORE = re.compile(r"(?P<np>[^,;:\"“”]{1,90}?),?\s+(?:" + _SPEECH + r")\b[^\"“”]{0,160}$")
_QUOTED_AS = re.compile(r"quoted\s+(?P<np>[^,;:\"“”]{1,90}?)\s+as\s+saying\b")
_PARTICIPLE = re.compile(r",\s+(?:calling|saying|describing|adding|arguing|warning|"
                         r"insisting|noting)\b[^\"“”]*$")
_NEXT = re.compile(r"^(?P<np>[^,;:\"“”]{2,90}?)\s+(?:" + _SPEECH + r"|made\s+the\s+(?:remarks|"
                   r"comments)|was\s+speaking|spoke)\b")


def find_quotations(article: Article, registry: P.Registry, draft: Draft) -> None:
    """Add a quotation for every quotation in the body, with its speaker when one is found."""
    last: PartyDraft | None = None
    last_paragraph = -1
    for quote in article.quotes:
        inner = _inner(article, quote)
        if inner is None:
            short = _speaker(article, registry, quote) if quote.end - quote.start < 200 else None
            if short is not None:  # '"We are ready," Macron said. "Europe is ..."'
                last, last_paragraph = short[0], quote.paragraph
            continue
        found = _speaker(article, registry, quote)
        if found is None and last is not None and quote.paragraph == last_paragraph:
            found = (last, HIGH, "speaker as for the quotation before it")
        elif found is None and last is not None and quote.paragraph - last_paragraph == 1 \
                and _opens_paragraph(article, quote):
            found = (last, LOW, "speaker taken from the paragraph before: check it")
        if found is None:
            continue
        speaker, confidence, note = found
        last, last_paragraph = speaker, quote.paragraph
        fact = FactDraft("quotations", {"speaker": speaker,
                                        "text": article.text[inner[0]:inner[1]]},
                         [inner], confidence, [note] if note else [])
        fact.stem = speaker.key
        draft.facts.append(fact)


def _inner(article: Article, quote: Quoted) -> tuple[int, int] | None:
    """Return the quoted words without the marks and a trailing comma; None if too short."""
    start, end = quote.inner
    text = article.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    if len(text[start:end].split()) < MIN_WORDS or end - start > MAX_CHARS:
        return None
    return start, end


def _speaker(article: Article, registry: P.Registry, quote: Quoted
             ) -> tuple[PartyDraft, Confidence, str | None] | None:
    """Return (speaker, confidence, note) for a quotation, or None."""
    text = article.text
    p_start, p_end, _ = article.paragraphs[quote.paragraph]
    sentences = split_sentences(text, p_start, p_end)
    current = next(((s, e) for s, e in sentences if s <= quote.start < e), (p_start, p_end))
    close = quote.end
    after = text[close:current[1]]
    for pattern in (_AFTER, _AFTER_INVERTED):
        match = pattern.match(after)
        if match and quote.closed:
            party = A.resolve(article, registry, close + match.start("np"),
                              close + match.end("np"))
            if party is not None:
                return party, HIGH, None
    before = text[current[0]:quote.start]
    participle = _PARTICIPLE.search(before)
    if participle:
        subject = registry.all_at(current[0], current[0] + participle.start())
        if subject:
            return subject[0], HIGH, None
    for pattern in (_QUOTED_AS, _BEFORE):
        match = pattern.search(before)
        if match:
            np = _clause_subject(text, current[0] + match.start("np"),
                                 current[0] + match.end("np"))
            party = A.resolve(article, registry, *np)
            if party is None:  # "The Council, meeting in Port Halden, said ..."
                subject = registry.all_at(current[0], np[1])
                party = subject[0] if subject else None
            if party is not None:
                return party, HIGH, None
    if _opens_paragraph(article, quote):
        following = [(s, e) for s, e in sentences if s >= close]
        if following:
            match = _NEXT.match(text[following[0][0]:following[0][1]])
            if match:
                start = following[0][0]
                party = A.resolve(article, registry, start + match.start("np"),
                                  start + match.end("np"))
                if party is not None:
                    return party, HIGH, "speaker inferred from the next sentence"
    return None


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
