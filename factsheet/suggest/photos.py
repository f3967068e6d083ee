"""Photo credits: one per caption, with the agency credited and the persons pictured.

The captions and credit forms are read by ``credits.py``; the persons are those
``persons.py`` found in the caption's words ("(From left) Serbia's Prime Minister ...").
"""

from __future__ import annotations

import re

from factsheet.suggest import credits
from factsheet.suggest import parties as P
from factsheet.suggest.draft import HIGH, Draft, FactDraft, PartyDraft
from factsheet.suggest.organisations import HEADS
from factsheet.suggest.text import Article, slug
from factsheet.suggest.timestamps import read_date


def find_photos(article: Article, registry: P.Registry, draft: Draft) -> None:
    """Add a photo credit for every caption."""
    text = article.text
    for caption in article.captions:
        fields: dict[str, object] = {"credit": text[caption.credit[0]:caption.credit[1]]}
        agency = _agency(text, registry, caption)
        if agency is not None:
            fields["agency"] = agency
        pictured = registry.all_at(caption.start, caption.end, (P.PERSON,))
        if pictured:
            fields["pictured"] = pictured
        words = text[caption.start:caption.end]
        place = credits.caption_place(words)
        if place:
            fields["place"] = place
        date = read_date(words)
        if date:
            fields["date"] = date.isoformat()
        notes = [] if pictured else ["no person recognised in the caption: add who is pictured"]
        fact = FactDraft("photos", fields, [(caption.start, caption.end)], HIGH, notes)
        fact.stem = "ph-" + slug(agency.name if agency else "photo", 20)
        draft.facts.append(fact)


def _agency(text: str, registry: P.Registry, caption: credits.Caption) -> PartyDraft | None:
    """Return the agency or supplier the credit names: "VIA AP" → AP, "Photo: Office of the
    President of Ukraine" → that office."""
    if caption.agency is None:
        return _supplier(text, registry, caption)
    printed = text[caption.agency[0]:caption.agency[1]]
    shown, name, country = credits.agency_name(printed)
    return registry.add(PartyDraft(f"org:{name.casefold()}", shown, "news_agency",
                                   country=country), caption.agency)


def _supplier(text: str, registry: P.Registry, caption: credits.Caption) -> PartyDraft | None:
    credit = text[caption.credit[0]:caption.credit[1]]
    match = re.match(r"(?:Photos?|Photograph|Image|Picture|Credit)\s*:\s*(?P<name>[A-Z].*?)\s*$",
                     credit)
    if match is None or len(match["name"].split()) > 8:
        return None
    name = match["name"]
    start = caption.credit[0] + match.start("name")
    known = registry.at(start, start + len(name))
    if known is not None:
        return known
    head = name.split()[0].lower() if " of " in name else name.split()[-1].lower()
    kind = HEADS.get(head, "news_agency")
    return registry.add(PartyDraft(f"org:{name.casefold()}", name, kind), (start,
                                                                           start + len(name)))
