"""A briefing as a W3C Web Annotation collection, which ``factsheet.imports.w3c`` reads back.

Writes one ``AnnotationCollection`` with one embedded ``AnnotationPage``:

- one Annotation per party mention (``#party-<id>``, then ``#party-<id>/2``...) and one per
  fact (``#commitment-<id>``, ``#position-<id>``, ``#quote-<id>``, ``#statistic-<id>``,
  ``#photocredit-<id>``), with one target per piece of evidence;
- each target: ``source`` = the article's URL (or its id), a ``TextQuoteSelector`` (exact,
  and 32 code points of prefix and suffix) and a ``TextPositionSelector`` (code points);
- bodies: a tagging body with the label (Party, Commitment, Position, Quote, Statistic,
  PhotoCredit), one tagging body ``key:value`` per field (``id``, ``name``, ``kind``,
  ``country``, ``role`` for parties; ``value``, ``unit``, ``period``, ``stance``,
  ``modality``, ``condition``... for facts), and a photo's caption as a describing body;
- one ``linking`` Annotation per link (``#commitment-<id>/by/<party>``): its target is the
  fact, a tagging body gives by, to or pictures, a linking body names the party's first
  mention. by: commitment makers, a position's holder, a quotation's speaker, a statistic's
  source, a photo's agency; to: a commitment's beneficiaries; pictures: people in a photo;
- ``fs:articles``: each article's source, id, title and language (and text, if asked).

Not exported: a statistic's comparison and reported_via, a party's aliases, images, the
summary, article metadata beyond title and language. A party never mentioned has no
annotation, so links to it dangle (FS120 on import). The output holds no clock value:
the same briefing gives the same collection; serialise it with ``dump_w3c``.
"""

from __future__ import annotations

import json
from typing import Any

from factsheet.imports.w3c.spec import NAMESPACE
from factsheet.model.briefing import Briefing, Evidence, SourceArticle

CONTEXT: list[Any] = ["http://www.w3.org/ns/anno.jsonld", {"fs": NAMESPACE}]
#: Code points of quote context on each side.
CONTEXT_CHARS = 32

#: Fact list → (label, id prefix, fields written as key:value tags, links).
_FACTS: tuple[tuple[str, str, str, tuple[str, ...], tuple[tuple[str, str], ...]], ...] = (
    ("commitments", "Commitment", "commitment",
     ("action", "modality", "condition", "instrument", "date"), (("by", "by"), ("to", "to"))),
    ("positions", "Position", "position", ("topic", "stance", "summary"),
     (("holder", "by"),)),
    ("quotations", "Quote", "quote", ("text",), (("speaker", "by"),)),
    ("statistics", "Statistic", "statistic",
     ("measure", "value", "value_range", "unit", "period", "scope", "channel"),
     (("attributed_to", "by"),)),
    ("photos", "PhotoCredit", "photocredit", ("credit", "place", "date"),
     (("agency", "by"), ("pictured", "pictures"))),
)
_PARTY_FIELDS = ("id", "name", "kind", "country", "role", "affiliation")


def export_w3c(briefing: Briefing, *, embed_text: bool = False) -> dict[str, Any]:
    """Return ``briefing`` as a W3C AnnotationCollection (JSON-ready data).

    ``embed_text`` also puts each article's text in ``fs:articles``, so the export reads
    back without the ``.txt`` beside it.
    """
    articles = {a.id: a for a in briefing.articles}
    items = [_party(briefing, articles, p.id, n, m) for p in briefing.parties
             for n, m in enumerate(p.mentions, 1)]
    links: list[dict[str, Any]] = []
    for name, label, prefix, fields, roles in _FACTS:
        for fact in getattr(briefing, name):
            iri = f"#{prefix}-{fact.id}"
            note = fact.caption if name == "photos" else None
            items.append(_annotation(iri, label, _tags(fact, fields), fact.evidence, articles,
                                     note))
            for field, role in roles:
                links.extend(_link(iri, role, party) for party in _ids(getattr(fact, field)))
    items.extend(links)
    return {
        "@context": CONTEXT,
        "id": "#annotations",
        "type": "AnnotationCollection",
        "label": briefing.articles[0].title,
        "total": len(items),
        "fs:articles": [_article(a, embed_text) for a in briefing.articles],
        "first": {"id": "#page-1", "type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def dump_w3c(collection: dict[str, Any]) -> bytes:
    """Return the collection as canonical JSON: sorted keys, UTF-8, two-space indent."""
    text = json.dumps(collection, sort_keys=True, ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def _party(briefing: Briefing, articles: dict[str, SourceArticle], party_id: str, number: int,
           mention: Evidence) -> dict[str, Any]:
    party = briefing.party(party_id)
    assert party is not None
    iri = _party_iri(party_id) + ("" if number == 1 else f"/{number}")
    return _annotation(iri, "Party", _tags(party, _PARTY_FIELDS), [mention], articles, None)


def _annotation(iri: str, label: str, tags: list[str], evidence: list[Evidence],
                articles: dict[str, SourceArticle], note: str | None) -> dict[str, Any]:
    bodies = [_tag(label)] + [_tag(t) for t in tags]
    if note:
        bodies.append({"type": "TextualBody", "purpose": "describing", "value": note})
    return {"id": iri, "type": "Annotation", "motivation": "tagging", "body": bodies,
            "target": [_target(e, articles[e.article]) for e in evidence]}


def _target(evidence: Evidence, article: SourceArticle) -> dict[str, Any]:
    text, start, end = article.text, evidence.start, evidence.end
    return {"type": "SpecificResource", "source": _source(article), "selector": [
        {"type": "TextQuoteSelector", "exact": text[start:end],
         "prefix": text[max(0, start - CONTEXT_CHARS):start],
         "suffix": text[end:end + CONTEXT_CHARS]},
        {"type": "TextPositionSelector", "start": start, "end": end}]}


def _link(fact_iri: str, role: str, party_id: str) -> dict[str, Any]:
    return {"id": f"{fact_iri}/{role}/{party_id}", "type": "Annotation",
            "motivation": "linking", "target": fact_iri,
            "body": [_tag(role), {"type": "SpecificResource", "purpose": "linking",
                                  "source": _party_iri(party_id)}]}


def _article(article: SourceArticle, embed_text: bool) -> dict[str, Any]:
    entry = {"source": _source(article), "id": article.id, "title": article.title,
             "language": article.language}
    if embed_text:
        entry["text"] = article.text
    return entry


def _tags(item: Any, fields: tuple[str, ...]) -> list[str]:
    tags = []
    for name in fields:
        value = getattr(item, name)
        if value is None or value == "":
            continue
        if name == "value_range":
            name, value = "value", f"{_number(value[0])} to {_number(value[1])}"
        elif isinstance(value, int | float) and not isinstance(value, bool):
            value = _number(value)
        elif hasattr(value, "isoformat"):
            value = value.isoformat()
        tags.append(f"{name}:{value}")
    return tags


def _tag(value: str) -> dict[str, Any]:
    return {"type": "TextualBody", "purpose": "tagging", "value": value}


def _ids(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(dict.fromkeys(value))


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _party_iri(party_id: str) -> str:
    return f"#party-{party_id}"


def _source(article: SourceArticle) -> str:
    return article.url or article.id
