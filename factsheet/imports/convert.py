"""Turn tool documents into our annotation mapping (the AnnotationFile shape).

Parties: spans labelled Party (or PER, GPE, ORG...) with the same entity id, or else the same
normalised name, become one party with several mentions; a country name gets kind "state"
and its ISO code. Facts take their party ids from relations (by, to, pictures), their fields
from attributes, and their evidence from their fragments: a fact marked by two fragments is
one fact with two pieces of evidence. What had to be guessed is reported (FS121).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from factsheet.diagnostics import Diagnostic
from factsheet.imports.labels import LabelMapping
from factsheet.imports.model import ToolDocument, ToolSpan
from factsheet.readers.tree import SourceMap

_LISTS = {"commitment": "commitments", "position": "positions", "statistic": "statistics",
          "quote": "quotations", "photocredit": "photos"}
_MODALITY_CUES = (("refusal", r"\b(?:will not|won't|refuse[sd]?|reject(?:s|ed)?|declined?)\b"),
                  ("readiness", r"\b(?:ready|readiness|prepared to)\b"),
                  ("pledge", r"\b(?:pledge[sd]?|promise[sd]?|vow(?:s|ed)?)\b"),
                  ("binding", r"\b(?:signed|agreed|treaty|accord|compact|binding)\b"))
_STANCES = {"support": "support", "supports": "support", "pro": "support", "for": "support",
            "oppose": "oppose", "opposes": "oppose", "against": "oppose", "con": "oppose",
            "neutral": "neutral", "conditional": "conditional"}


@dataclass
class Converter:
    mapping: LabelMapping
    file: str
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.smap = SourceMap(self.file)
        self.data: dict[str, Any] = {"factsheet": 1, "articles": [], "parties": []}
        self.party_of_key: dict[str, int] = {}
        self.used_ids: set[str] = set()

    def convert(self, documents: list[ToolDocument]) -> tuple[dict[str, Any], SourceMap,
                                                               dict[str, str]]:
        texts = {}
        for number, document in enumerate(documents, 1):
            document = self._without_bom(document)
            article_id = self._unique(_slug(document.id) or f"document-{number}")
            texts[article_id] = document.text
            self._article(article_id, document)
            self._document(article_id, document)
        for name in _LISTS.values():
            self.data.setdefault(name, [])
        return self.data, self.smap, texts

    def _without_bom(self, document: ToolDocument) -> ToolDocument:
        """Drop a leading BOM, as native text files do, shifting every offset by one."""
        if not document.text.startswith("\ufeff"):
            return document
        self.diagnostics.append(self._diag(
            "FS118", f"document {document.id}: the text starts with a byte-order mark; it was "
            "removed and every offset moved back by one", document.line, None))
        for span in document.spans:
            span.fragments = [(max(0, s - 1), max(0, e - 1)) for s, e in span.fragments]
        document.text = document.text[1:]
        return document

    # -- articles and parties -----------------------------------------------------------------
    def _article(self, article_id: str, document: ToolDocument) -> None:
        title = document.title or _first_line(document.text) or article_id
        article: dict[str, Any] = {"id": article_id, "title": title, "text": document.text,
                                   "language": document.language}
        if document.url and re.match(r"^https?://\S+$", document.url):
            article["url"] = document.url
        self._at(("articles", len(self.data["articles"])), document.line, None)
        self.data["articles"].append(article)

    def _document(self, article_id: str, document: ToolDocument) -> None:
        spans = {s.id: s for s in document.spans}
        kinds: dict[str, tuple[str, str | None]] = {}
        for span in document.spans:
            found = self.mapping.span(span.label)
            if found is None:
                self._warn_label(span)
            else:
                kinds[span.id] = found
        party_ids = {sid: self._party(article_id, document.text, spans[sid], kind[1])
                     for sid, kind in kinds.items() if kind[0] == "party"}
        links = self._relations(document, kinds, party_ids)
        for span in document.spans:
            kind = kinds.get(span.id)
            if kind is not None and kind[0] != "party":
                self._fact(article_id, document.text, span, kind[0], links.get(span.id, {}))

    def _party(self, article_id: str, text: str, span: ToolSpan, label_kind: str | None
               ) -> str:
        words = " ".join(" ".join(text[s:e] for s, e in span.fragments).split())
        name = span.attributes.get("name") or _strip_possessive(words)
        keys = [k.casefold() for k in (span.entity, name) if k]
        evidence = [_evidence(article_id, s, e) for s, e in span.fragments]
        known = next((self.party_of_key[k] for k in keys if k in self.party_of_key), None)
        if known is not None:
            index = known
            for k in keys:  # "Serbia" and its normalisation both lead here from now on
                self.party_of_key.setdefault(k, index)
            self.data["parties"][index]["mentions"].extend(evidence)
            return str(self.data["parties"][index]["id"])
        # An explicit plain id wins; a namespaced one (Wikidata:Q403) makes a poor id.
        plain = span.entity if span.entity and ":" not in span.entity else None
        party: dict[str, Any] = {"id": self._unique(_slug(plain or name) or "party"),
                                 "name": name, "mentions": evidence}
        kind = self._attr(span, "kind") or label_kind
        country = self._attr(span, "country")
        if kind in (None, "state") and country is None:
            code = _country_code(name)
            if code is not None:
                kind, country = "state", code
        if kind is None:
            kind = "other"
            self._note(span, f"party {name!r}: kind not given, taken as 'other'",
                       "give it a 'kind' attribute (state, person, government_body...)")
        party["kind"] = kind
        if country:
            party["country"] = country.upper()
        if self._attr(span, "role"):
            party["role"] = self._attr(span, "role")
        index = len(self.data["parties"])
        self._at(("parties", index), span.line, span.column)
        self.data["parties"].append(party)
        for k in keys:
            self.party_of_key.setdefault(k, index)
        return str(party["id"])

    def _relations(self, document: ToolDocument, kinds: dict[str, tuple[str, str | None]],
                   party_ids: dict[str, str]) -> dict[str, dict[str, list[str]]]:
        links: dict[str, dict[str, list[str]]] = {}
        for rel in document.relations:
            role = self.mapping.relation(rel.label)
            if role is None:
                self.diagnostics.append(self._diag(
                    "FS117", f"relation label {rel.label!r} is not in the convention (by, to, "
                    "pictures); relation ignored", rel.line, rel.column,
                    "map it with --mapping FILE: {relations: {" + rel.label + ": <by, to or "
                    "pictures>}}"))
                continue
            source, target = rel.source, rel.target
            if source in party_ids and target not in party_ids:
                source, target = target, source  # drawn from the party to the fact
            missing = [x for x in (source, target) if x not in kinds]
            if missing:
                self.diagnostics.append(self._diag(
                    "FS120", f"relation {rel.id} points at {missing[0]!r}, which is not a "
                    "span of this document (or has an unknown label); relation ignored",
                    rel.line, rel.column))
                continue
            if target not in party_ids:
                self.diagnostics.append(self._diag(
                    "FS120", f"relation {rel.id} ({rel.label}) must join a fact to a party; "
                    "relation ignored", rel.line, rel.column))
                continue
            links.setdefault(source, {}).setdefault(role, []).append(party_ids[target])
        return links

    # -- facts ------------------------------------------------------------------------------
    def _fact(self, article_id: str, text: str, span: ToolSpan, kind: str,
              links: dict[str, list[str]]) -> None:
        words = " ".join(" ".join(text[s:e] for s, e in span.fragments).split())
        name = _LISTS[kind]
        facts = self.data.setdefault(name, [])
        path = (name, len(facts))
        slug = _slug(span.id) or "x"
        fact: dict[str, Any] = {"id": self._unique(slug if slug.startswith(f"{kind}-")
                                                   else f"{kind}-{slug}")}
        by = list(dict.fromkeys(links.get("by", [])))
        if kind == "commitment":
            fact |= {"by": by, "to": list(dict.fromkeys(links.get("to", []))),
                     "action": self._attr(span, "action") or words,
                     "modality": self._modality(span, words)}
            for key in ("condition", "instrument"):
                if self._attr(span, key):
                    fact[key] = self._attr(span, key)
        elif kind == "position":
            fact |= {"topic": self._attr(span, "topic") or words,
                     "stance": self._stance(span),
                     "summary": self._attr(span, "summary") or words}
            if by:
                fact["holder"] = by[0]
        elif kind == "quote":
            # The exact words, spacing included: a quotation must be verbatim (FS409).
            fact["text"] = self._attr(span, "text") or " ".join(text[s:e] for s, e in
                                                                span.fragments)
            if by:
                fact["speaker"] = by[0]
        elif kind == "statistic":
            fact |= self._statistic(span, words, by)
        else:  # photo credit
            fact["credit"] = self._attr(span, "credit") or words
            fact["pictured"] = list(dict.fromkeys(links.get("pictures", [])))
            if by:
                fact["agency"] = by[0]
            if span.note:
                fact["caption"] = span.note
        fact["evidence"] = [_evidence(article_id, s, e) for s, e in span.fragments]
        self._at(path, span.line, span.column)
        facts.append(fact)

    def _statistic(self, span: ToolSpan, words: str, by: list[str]) -> dict[str, Any]:
        from factsheet import numbers

        out: dict[str, Any] = {"measure": self._attr(span, "measure") or words}
        given = self._attr(span, "value")
        if given is not None:
            out |= _value(given)
        else:
            stated = numbers.find_numbers(words)
            if stated:
                out["value"] = _plain(stated[0].number)
                self._note(span, f"statistic {span.id}: value {stated[0]} taken from its words",
                           "give it a 'value' attribute to be sure")
        for key in ("unit", "period", "channel"):
            if self._attr(span, key):
                out[key] = self._attr(span, key)
        if by:
            out["attributed_to"] = by[0]
        return out

    def _modality(self, span: ToolSpan, words: str) -> str:
        given = self._attr(span, "modality")
        if given:
            return given.lower()
        modality = next((m for m, cue in _MODALITY_CUES if re.search(cue, words, re.IGNORECASE)),
                        "intent")
        self._note(span, f"commitment {span.id}: modality taken as {modality!r} from its words",
                   "give it a 'modality' attribute (binding, pledge, intent, readiness, refusal)")
        return modality

    def _stance(self, span: ToolSpan) -> str:
        given = self._attr(span, "stance")
        if given:
            return _STANCES.get(given.lower(), given.lower())
        self._note(span, f"position {span.id}: stance not given, taken as 'neutral'",
                   "give it a 'stance' attribute (support, oppose, neutral, conditional)")
        return "neutral"

    # -- helpers ----------------------------------------------------------------------------
    def _attr(self, span: ToolSpan, name: str) -> str | None:
        for key, value in span.attributes.items():
            if self.mapping.attribute(key) == name and str(value).strip():
                return str(value).strip()
        return None

    def _unique(self, base: str) -> str:
        candidate, n = base, 1
        while candidate in self.used_ids:
            n += 1
            candidate = f"{base}-{n}"
        self.used_ids.add(candidate)
        return candidate

    def _at(self, path: tuple[Any, ...], line: int | None, column: int | None) -> None:
        if line is not None:
            self.smap.values[path] = (line, column or 1)

    def _diag(self, code: str, message: str, line: int | None, column: int | None,
              hint: str | None = None) -> Diagnostic:
        return Diagnostic(code, message, file=self.file, line=line, column=column, hint=hint)

    def _note(self, span: ToolSpan, message: str, hint: str) -> None:
        self.diagnostics.append(self._diag("FS121", message, span.line, span.column, hint))

    def _warn_label(self, span: ToolSpan) -> None:
        from factsheet.validation import did_you_mean

        known = ("Party", "Commitment", "Position", "Statistic", "PhotoCredit", "Quote")
        guess = did_you_mean(span.label, known)
        hint = (guess + "; or " if guess else "") + (
            "map it with --mapping FILE: {labels: {" + span.label + ": <one of "
            + ", ".join(known) + ">}}")
        self.diagnostics.append(self._diag(
            "FS117", f"label {span.label!r} of {span.id} is not in the convention; span ignored",
            span.line, span.column, hint))


def _evidence(article_id: str, start: int, end: int) -> dict[str, Any]:
    return {"article": article_id, "start": start, "end": end}


def _value(given: str) -> dict[str, Any]:
    text = given.replace(",", "").replace("\u2009", "").strip()
    match = re.fullmatch(r"(-?\d+(?:\.\d+)?)\s*(?:-|–|to)\s*(-?\d+(?:\.\d+)?)", text)
    if match:
        return {"value_range": [_plain(float(match[1])), _plain(float(match[2]))]}
    try:
        return {"value": _plain(float(text))}
    except ValueError:
        return {"value": given}  # validation reports it with its position


def _plain(number: float) -> int | float:
    return int(number) if float(number).is_integer() else number


# Letters NFKD does not decompose into a base letter.
_LETTERS = str.maketrans({"Đ": "D", "đ": "d", "Ł": "L", "ł": "l", "Ø": "O", "ø": "o",
                          "ß": "ss", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "Þ": "Th",
                          "þ": "th", "ı": "i", "Ħ": "H", "ħ": "h"})


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text.translate(_LETTERS)).encode(
        "ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60]


def _strip_possessive(name: str) -> str:
    return re.sub(r"(?:'s|’s|')$", "", name).strip()


_NOT_TITLE = re.compile(r"^(?:published|updated|by)\b|^\(|^[A-Z /'.-]+ [-–—] ", re.IGNORECASE)


def _first_line(text: str) -> str:
    """Return the article's headline: its first line that is not a date, byline or caption."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines[:6]:
        if not _NOT_TITLE.match(line):
            return line[:200]
    return lines[0][:200] if lines else ""


def _country_code(name: str) -> str | None:
    import pycountry

    try:
        return str(pycountry.countries.lookup(name).alpha_2)
    except LookupError:
        return None
