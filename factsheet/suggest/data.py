"""The maintained word lists the rules read: countries, titles, organisations.

Country names come from pycountry's ISO 3166-1 table (read as JSON, as
``factsheet.model.common`` does); ``data/countries.tsv`` adds what ISO does not have —
adjectival forms ("French"), the names the press uses ("Britain", "U.S.") and capitals used
for governments ("Washington said"). Each file says where its entries come from.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str  # the name a briefing shows: ISO's common name where it has one


@dataclass(frozen=True, slots=True)
class KnownOrganisation:
    name: str
    kind: str
    country: str | None


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Every lookup the rules need, by the exact words the press prints."""

    names: dict[str, Country]  # "Serbia", "Britain", "U.S." → country
    adjectives: dict[str, Country]  # "Serbian", "French" → country
    capitals: dict[str, Country]  # "Belgrade" → country
    titles: frozenset[str]  # lower case
    title_words: frozenset[str]  # every word of a title, lower case
    organisations: dict[str, KnownOrganisation]  # "NATO", "European Union" → organisation


def _lines(name: str) -> list[list[str]]:
    text = files("factsheet.suggest").joinpath("data", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines()
            if line.strip() and not line.startswith("#")]


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(",") if part.strip()]


@cache
def gazetteer() -> Gazetteer:
    """Return the lookups, read once per process."""
    iso = json.loads(files("pycountry").joinpath("databases", "iso3166-1.json").read_bytes())
    names: dict[str, Country] = {}
    by_code: dict[str, Country] = {}
    for entry in iso["3166-1"]:
        shown = entry.get("common_name") or entry["name"]
        country = Country(entry["alpha_2"], _plain(shown))
        by_code[country.code] = country
        for key in ("name", "common_name", "official_name"):
            if entry.get(key) and "," not in entry[key]:
                names.setdefault(_plain(entry[key]), country)
    by_code.setdefault("XK", Country("XK", "Kosovo"))
    adjectives: dict[str, Country] = {}
    capitals: dict[str, Country] = {}
    for row in _lines("countries.tsv"):
        row += [""] * (4 - len(row))
        shown = next((w[1:] for w in _split(row[2]) if w.startswith("=")), None)
        country = by_code[row[0]]
        if shown:
            country = by_code[row[0]] = Country(row[0], shown)
        for word in _split(row[1]):
            adjectives.setdefault(word, country)
        for word in _split(row[2]):
            names[word.removeprefix("=")] = country
        for word in _split(row[3]):
            capitals[word] = country
    for key, country in list(names.items()):
        names[key] = by_code.get(country.code, country)
    titles = frozenset(line[0].strip().lower() for line in _lines("titles.txt"))
    title_words = frozenset(w for t in titles for w in t.split())
    organisations: dict[str, KnownOrganisation] = {}
    for row in _lines("organisations.tsv"):
        row += [""] * (4 - len(row))
        org = KnownOrganisation(row[0], row[1], row[2] or None)
        for word in [row[0], *_split(row[3])]:
            organisations[word] = org
    return Gazetteer(names, adjectives, capitals, titles, title_words, organisations)


def _plain(name: str) -> str:
    """Return ``name`` without a parenthesised qualifier ("Bonaire (Sint Eustatius...)")."""
    return re.sub(r"\s*\(.*?\)", "", name).strip()
