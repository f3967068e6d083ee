"""Write a draft as native YAML an analyst can correct: every item marked ``suggested``,
comments saying what each rule was unsure of, evidence as quoted words.

Evidence is written the way ``factsheet import`` writes it (``native_out``): the words
themselves, with ``occurrence`` when they occur more than once. Ids are made from names
("serbia", "dordevic", "s-towns"), so the same article gives the same ids.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import yaml

from factsheet.anchoring import ArticleText
from factsheet.imports.native_out import quote_evidence
from factsheet.output import unique
from factsheet.suggest.draft import Draft, FactDraft, PartyDraft, Span
from factsheet.suggest.text import slug

_SECTIONS = (
    ("commitments", "Commitments (low confidence: found from cue phrases): who commits (by), "
     "to whom (to), what, and how firmly."),
    ("positions", "Positions (low confidence: found from cue phrases): holder, topic, stance "
     "and a one-line summary."),
    ("quotations", "Quotations: the speaker's exact words."),
    ("statistics", "Statistics: every figure says who claims it (attributed_to)."),
    ("photos", "Photo credits: the credit line as printed and who is pictured."),
)
_HEADER_ORDER = ("title", "byline", "agency", "published", "updated", "datelines", "related")
_PARTY_REFS = ("by", "to", "holder", "speaker", "attributed_to", "reported_via", "agency",
               "pictured")
_MAX_MENTIONS = 6


def write_draft(draft: Draft, text_file: str, source: str) -> str:
    """Return the YAML text of ``draft``; its article text is ``text_file`` beside it."""
    article = ArticleText(draft.article_id, draft.text)
    kept, left = _referenced(draft)
    _assign_ids(draft, kept + left + [p for p in draft.parties if p not in kept + left])
    out = [f"# Draft annotations for {source}, suggested by `factsheet suggest`.",
           "# Rules found every item below; no person has checked them yet. Check each item",
           "# marked `suggested` against the article, correct it, then delete the `suggested`",
           "# line. `factsheet validate` lists what is left (FS411); `--strict` fails until",
           "# nothing is.",
           "factsheet: 1", "", "articles:"]
    out += _article(draft, text_file)
    out += ["", "# Parties: states, bodies, people, outlets. Mentions are where the article "
            "names them.", "parties:" if kept else "parties: []"]
    for party in kept:
        out += _party(party, article)
    for kind, comment in _SECTIONS:
        facts = sorted(draft.of_kind(kind), key=lambda f: f.evidence[0])
        if facts:
            out += ["", f"# {comment}", f"{kind}:"]
            for fact in facts:
                out += _fact(fact, article)
    if left:
        out += ["", "# Also named in the article, but no suggested fact refers to them. To keep "
                "one, move it", "# into `parties:` and name it in a fact (FS408 warns about a "
                "party nothing refers to)."]
        for party in left:
            out += ["# " + line if line.strip() else "#" for line in _party(party, article)]
    return "\n".join(out).rstrip("\n") + "\n"


def _referenced(draft: Draft) -> tuple[list[PartyDraft], list[PartyDraft]]:
    """Return (the parties facts refer to, with their affiliations; the others)."""
    used: list[PartyDraft] = []
    for fact in draft.facts:
        for party in _refs(fact.fields):
            if party not in used:
                used.append(party)
    for party in used:  # grows while it runs: affiliations of affiliations
        if party.affiliation is not None and party.affiliation not in used:
            used.append(party.affiliation)
    order = {id(p): i for i, p in enumerate(_by_first_mention(draft.parties))}
    kept = sorted(used, key=lambda p: (p.kind != "state", order.get(id(p), 0)))
    left = [p for p in _by_first_mention(draft.parties) if p not in used and p.mentions]
    return kept, left


def _by_first_mention(parties: list[PartyDraft]) -> list[PartyDraft]:
    return sorted(parties, key=lambda p: p.mentions[0] if p.mentions else (10**12, 0))


def _refs(fields: dict[str, Any]) -> Iterable[PartyDraft]:
    for key in _PARTY_REFS:
        value = fields.get(key)
        values = value if isinstance(value, list) else [value]
        yield from (v for v in values if isinstance(v, PartyDraft))


def _assign_ids(draft: Draft, parties: list[PartyDraft]) -> None:
    taken: set[str] = set()
    for party in parties:
        base = slug(party.surname if party.kind == "person" and party.surname else party.name,
                    30)
        party.id = unique(base, taken)
    for fact in sorted(draft.facts, key=lambda f: (f.kind, f.evidence[0])):
        stem = fact.stem or fact.kind[0]
        if fact.kind == "quotations":
            stem = f"q-{fact.fields['speaker'].id}"
        fact.id = unique(stem, taken)


def _article(draft: Draft, text_file: str) -> list[str]:
    header = draft.header
    lines = [f"  - id: {draft.article_id}", f"    text_file: {_scalar(text_file)}"]
    for name in _HEADER_ORDER:
        if name not in header.values:
            continue
        value = header.values[name]
        note = header.notes.get(name)
        if name == "related":
            lines.append(f"    related:{_comment(note)}")
            lines += [f"      - title: {_scalar(link['title'])}" for link in value]
        elif name == "datelines":
            lines.append(f"    datelines: [{', '.join(_scalar(c) for c in value)}]"
                         f"{_comment(note)}")
        else:
            lines.append(f"    {name}: {_scalar(value)}{_comment(note)}")
    marked = [n for n in _HEADER_ORDER if n in header.confidence]
    if marked:
        lines.append("    suggested:  # delete each line once the field is checked")
        lines += [f"      {n}: {header.confidence[n].value}" for n in marked]
    return lines


def _party(party: PartyDraft, article: ArticleText) -> list[str]:
    lines = [f"  # {note}" for note in party.notes]
    lines += [f"  - id: {party.id}", f"    suggested: {party.confidence.value}",
              f"    name: {_scalar(party.name)}", f"    kind: {party.kind}"]
    if party.country:
        lines.append(f"    country: {_scalar(party.country)}")
    if party.role:
        lines.append(f"    role: {_scalar(party.role)}")
    if party.affiliation is not None and party.affiliation.id:
        lines.append(f"    affiliation: {party.affiliation.id}")
    if party.aliases:
        lines.append(f"    aliases: [{', '.join(_scalar(a) for a in party.aliases)}]")
    mentions = _distinct(article, party.mentions)
    if mentions:
        lines.append("    mentions:")
        lines += _evidence(mentions, article, "      ")
    return lines


def _distinct(article: ArticleText, spans: list[Span]) -> list[Span]:
    """Return the first mention of each way the article names a party."""
    seen: set[str] = set()
    result = []
    for start, end in spans:
        words = article.text[start:end]
        if words not in seen:
            seen.add(words)
            result.append((start, end))
    return result[:_MAX_MENTIONS]


def _fact(fact: FactDraft, article: ArticleText) -> list[str]:
    lines = [f"  # {note}" for note in fact.notes]
    lines += [f"  - id: {fact.id}", f"    suggested: {fact.confidence.value}"]
    for key, value in fact.fields.items():
        lines += _field(key, value, "    ")
    if fact.kind == "quotations" and _once(article, fact.fields["text"]):
        return lines
    lines.append("    evidence:")
    lines += _evidence(fact.evidence, article, "      ")
    return lines


def _once(article: ArticleText, words: str) -> bool:
    spans, note = article.find(words)
    return note is None and len(spans) == 1


def _field(key: str, value: Any, indent: str) -> list[str]:
    if isinstance(value, PartyDraft):
        return [f"{indent}{key}: {value.id}"]
    if isinstance(value, list):
        items = [v.id if isinstance(v, PartyDraft) else _scalar(v) for v in value]
        return [f"{indent}{key}: [{', '.join(items)}]"]
    if isinstance(value, dict):
        lines = [f"{indent}{key}:"]
        for inner, item in value.items():
            lines += _field(inner, item, indent + "  ")
        return lines
    return [f"{indent}{key}: {_scalar(value)}"]


def _evidence(spans: list[Span], article: ArticleText, indent: str) -> list[str]:
    lines = []
    for start, end in spans:
        quoted = quote_evidence({"article": article.id, "start": start, "end": end},
                        {article.id: article}, True)
        if isinstance(quoted, str):
            lines.append(f"{indent}- {_scalar(quoted)}")
            continue
        first = True
        for key, value in quoted.items():
            lead = f"{indent}- " if first else f"{indent}  "
            lines.append(f"{lead}{key}: {_scalar(value)}")
            first = False
    return lines


def _scalar(value: Any) -> str:
    """Return ``value`` as one line of YAML (quoted when YAML would misread it)."""
    if isinstance(value, str) and _is_timestamp(value):
        return value
    style = '"' if isinstance(value, str) and ("\n" in value or "\r" in value) else None
    text: str = yaml.safe_dump(value, allow_unicode=True, width=10**9,
                               default_flow_style=True, default_style=style)
    return text.removesuffix("\n").removesuffix("\n...").strip()


def _is_timestamp(value: str) -> bool:
    import re

    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2}))?",
                             value))


def _comment(note: str | None) -> str:
    return f"  # {note}" if note else ""
