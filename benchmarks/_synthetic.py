"""Synthetic wire stories, quotes picked from them, and annotation files that cite them.

Shared by the benchmarks that need articles of any size (``anchoring.py``, ``scaling.py``)
and by ``generate.py``, which builds realistic briefings and fills them with these sentences.
Everything is made by a seeded ``random.Random``: the same seed always gives the same bytes.
"""

from __future__ import annotations

import cProfile
import json
import pstats
import random
import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from _report import ms, table

# -- a synthetic wire story -----------------------------------------------------------------

# -- a synthetic wire story -------------------------------------------------------------------

FIRST = ("Jelena", "Ioana", "Ákos", "Petar", "Marta", "Tomáš", "Zoë", "Łukasz", "Nikola",
         "Ana", "Mihai", "Dragan", "Katalin", "Stefan", "Elena", "Goran", "Irina", "Bogdan",
         "Vesna", "Andrei", "Milena", "Radu", "Žofia", "Dimitar", "Sára", "Luka", "Ivana",
         "Florin", "Nadia", "Viktor", "Olga", "Emil", "Teodora", "Marek", "Daria", "Hristo")
LAST = ("Đorđević", "Știrbu", "Bérczi", "Vasilev", "Novak", "Dvořák", "Popescu", "Kovačić",
        "Horváth", "Petrović", "Ionescu", "Nagy", "Georgiev", "Wąsik", "Marković", "Tóth",
        "Dumitrescu", "Ivanova", "Jovanović", "Szabó", "Stoica", "Dimitrov", "Babić", "Farkas",
        "Radu", "Kostova", "Nikolić", "Varga", "Constantin", "Todorova", "Šimić", "Molnár")
ROLES = ("Prime Minister", "Foreign Minister", "Interior Minister", "Finance Minister",
         "Environment Minister", "Defence Minister", "spokesperson", "deputy mayor",
         "chief negotiator", "central bank governor", "energy regulator", "party leader")
COUNTRIES = ("Serbia", "Romania", "Hungary", "Bulgaria", "Croatia", "Slovakia", "Austria",
             "Moldova", "Ukraine", "Slovenia", "Montenegro", "North Macedonia", "Greece")
CITIES = ("Novi Sad", "Bucharest", "Budapest", "Sofia", "Zagreb", "Bratislava", "Vienna",
          "Chișinău", "Kyiv", "Ljubljana", "Podgorica", "Skopje", "Thessaloniki", "Belgrade",
          "Timișoara", "Debrecen", "Varna", "Osijek", "Košice", "Galați", "Vidin", "Ruse")
ORGS = ("the water agency", "the interior ministry", "the statistics office", "the central bank",
        "the port authority", "the grid operator", "the election commission", "the EU mission",
        "the river commission", "the health ministry", "the rail operator", "parliament")
OUTLETS = ("the daily Dnevnik (Дневник)", "Politika (Политика)", "the weekly Vreme (Време)",
           "the broadcaster Nova", "Adriatic Wire Service", "the news agency Danubia Press",
           "Ukrainska Pravda (Українська правда)", "the portal Index", "Capital (Капитал)")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
SUBJECTS = ("flood defences", "the gas interconnector", "grain exports", "the border crossing",
            "river dredging", "the pension reform", "the budget deficit", "rail freight",
            "the power plant", "the fishing quota", "the bridge project", "water levels",
            "the refugee centre", "the wage agreement", "the customs union", "the fuel subsidy",
            "the election law", "the hydropower dam", "the port expansion", "vaccine supplies")
THINGS = ("mobile pumps", "volunteers", "households", "tonnes of grain", "kilometres of levee",
          "police officers", "evacuees", "vessels", "megawatts", "jobs", "teachers",
          "doctors", "riverside towns", "trucks", "beds", "students", "pensioners")
UNITS = ("million euros", "billion dinars", "million leva", "million lei", "billion forints",
         "percent", "tonnes", "million cubic metres", "kilometres")
VERBS = ("agreed to", "pledged to", "refused to", "promised to", "threatened to", "plans to",
         "is ready to", "declined to", "vowed to", "hopes to", "offered to", "voted to")
ACTIONS = ("expand", "review", "suspend", "finance", "inspect", "modernise", "close",
           "reopen", "share data on", "cut spending on", "speed up work on", "audit")
QUALIFIERS = ("about", "nearly", "more than", "almost", "at least", "roughly", "some",
              "up to", "fewer than", "")
MOODS = ("cautious", "upbeat", "sceptical", "defiant", "conciliatory", "firm", "hopeful")
SYLLABLES = ("ve", "sko", "ar", "len", "dra", "mi", "tor", "va", "ni", "gor", "ub", "ka", "zel",
             "ost", "ri", "ba", "mon", "te", "li", "sar", "du", "pe", "no", "vich", "ia")


def person_name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def place_name(rng: random.Random) -> str:
    """A village or river-port name: the rare proper nouns real copy is full of."""
    word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
    return word.capitalize()


def figure(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.4:
        return str(rng.randint(2, 999))
    if kind < 0.7:
        return f"{rng.randint(1, 99)},{rng.randint(0, 999):03d}"
    if kind < 0.9:
        return f"{rng.randint(1, 99)}.{rng.randint(1, 9)}"
    return rng.choice(("two", "three", "four", "five", "a dozen", "fifty-six", "twenty"))


def amount(rng: random.Random) -> str:
    qualifier = rng.choice(QUALIFIERS)
    return f"{qualifier} {figure(rng)}".strip()


def sentence(rng: random.Random) -> str:
    name, country, city = person_name(rng), rng.choice(COUNTRIES), rng.choice(CITIES)
    role, subject, org = rng.choice(ROLES), rng.choice(SUBJECTS), rng.choice(ORGS)
    day, month = rng.choice(DAYS), rng.choice(MONTHS)
    year = rng.randint(2019, 2027)
    pick = rng.randrange(10)
    if pick == 0:
        return (f"{country}'s {role} {name} said on {day} that {subject} would be "
                f"{rng.choice(('finished', 'reviewed', 'delayed', 'funded'))} by {month} {year}.")
    if pick == 1:
        return (f"{org.capitalize()} said {amount(rng)} {rng.choice(THINGS)} had been moved to "
                f"{place_name(rng)} and {place_name(rng)} since {month}, up from {figure(rng)} "
                "a year earlier.")
    if pick == 2:
        return (f"\u201cWe will not accept {subject} on these terms,\u201d {name} told "
                f"{rng.choice(OUTLETS)} in {city}.")
    if pick == 3:
        return (f"{country} {rng.choice(VERBS)} {rng.choice(ACTIONS)} {subject}, according to a "
                f"statement issued by {org} in {city} late on {day}.")
    if pick == 4:
        verb = rng.choice(("fell", "rose", "stayed at"))
        return (f"Spending on {subject} {verb} {amount(rng)} {rng.choice(UNITS)} in {year} from "
                f"{figure(rng)} {rng.choice(UNITS)} in {year - 1}, {org} said on its website.")
    if pick == 5:
        return (f"{name}, who took office in {month} {year}, struck a {rng.choice(MOODS)} tone "
                f"after talks with {person_name(rng)} in {city}.")
    if pick == 6:
        return (f"Residents of {place_name(rng)}, a village of {figure(rng)} people near {city}, "
                f"said {subject} had been discussed for {rng.randint(2, 30)} years.")
    if pick == 7:
        return (f"The {rng.choice(MOODS)} mood in {city} contrasted with {rng.choice(OUTLETS)}, "
                f"which reported that {org} {rng.choice(VERBS)} {rng.choice(ACTIONS)} "
                f"{subject}.")
    if pick == 8:
        return (f"Officials in {rng.choice(COUNTRIES)} and {country} are due to meet again on "
                f"{day}, {month} {rng.randint(1, 28)}, to discuss {subject}.")
    return (f"{org.capitalize()} estimated the cost at {amount(rng)} {rng.choice(UNITS)}, "
            f"{name} said \u2014 a figure {rng.choice(OUTLETS)} could not verify.")


def make_article(target_bytes: int, seed: int) -> str:
    """A wire story of at least ``target_bytes`` UTF-8 bytes, the same for the same seed."""
    rng = random.Random(f"article-{seed}-{target_bytes}")
    cities = "/".join(c.upper() for c in rng.sample(CITIES, 2))
    header = [f"{rng.choice(DAYS)}, {rng.choice(MONTHS)} {rng.randint(1, 28)}, 2027",
              f"{rng.choice(COUNTRIES)} and {rng.choice(COUNTRIES)} agree on "
              f"{rng.choice(SUBJECTS)}",
              f"By {person_name(rng)}",
              f"(From left) {person_name(rng)} and {person_name(rng)} in {rng.choice(CITIES)}. "
              "(PHOTO / DANUBIA PRESS)"]
    paragraphs = ["\n".join(header), f"{cities} - {sentence(rng)} {sentence(rng)}"]
    size = sum(len(p.encode()) + 2 for p in paragraphs)
    while size < target_bytes:
        roll = rng.random()
        if roll < 0.03:
            block = f"ALSO READ: {rng.choice(COUNTRIES)} weighs {rng.choice(SUBJECTS)}"
        elif roll < 0.06:
            block = f"{rng.choice(SUBJECTS).capitalize()} in {rng.choice(CITIES)}"
        else:
            block = " ".join(sentence(rng) for _ in range(rng.randint(1, 4)))
        paragraphs.append(block)
        size += len(block.encode()) + 2
    return "\n\n".join(paragraphs) + "\n"


_WORD = re.compile(r"\w+")


def pick_quotes(text: str, count: int, seed: int) -> list[tuple[str, int]]:
    """Return ``count`` (quote, start) pairs: 4-12 words within one paragraph, unambiguous.

    A quote's first four words occur together only there, so no other place in the text
    holds the quote at word boundaries. Start positions are distinct while they last.
    """
    rng = random.Random(f"quotes-{seed}-{len(text)}-{count}")
    tokens = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    words = [t[2] for t in tokens]
    grams = Counter(zip(words, words[1:], words[2:], words[3:], strict=False))
    starts = [i for i in range(len(tokens) - 3)
              if grams[(words[i], words[i + 1], words[i + 2], words[i + 3])] == 1]
    rng.shuffle(starts)
    picked: list[tuple[str, int]] = []
    rounds = 0
    while len(picked) < count:
        rounds += 1
        if rounds > 20 or not starts:
            raise SystemExit(f"cannot find {count} unambiguous quotes in a {len(text):,}-character "
                             "article; lower the quote count")
        for i in starts:
            quote = _span(text, tokens, i, rng.randint(4, 12))
            if quote is not None:
                picked.append((quote, tokens[i][0]))
                if len(picked) == count:
                    break
    return picked


def _span(text: str, tokens: list[tuple[int, int, str]], first: int, length: int) -> str | None:
    for n in range(min(length, len(tokens) - first), 3, -1):
        quote = text[tokens[first][0]:tokens[first + n - 1][1]]
        if "\n" not in quote:
            return quote
    return None


# -- anchoring and the pipeline on them -----------------------------------------------------


def anchor_quotes(text: str, quotes: Sequence[tuple[str, int]], label: str = "") -> tuple[
        float, float]:
    """Time (structure, anchoring) for one pass over ``quotes``; check every span.

    structure: ``read_structure(text)`` and ``ArticleText``; anchoring: ``anchor()`` for
    every quote, the word index (built on first use) included.
    """
    from factsheet.anchoring import AnchorError, ArticleText, anchor
    from factsheet.article import read_structure

    t0 = time.perf_counter()
    structure = read_structure(text)
    article = ArticleText("bench", text, [(p.start, p.end) for p in structure.paragraphs])
    t1 = time.perf_counter()
    wrong = 0
    for quote, start in quotes:
        try:
            span = anchor(article, quote)
        except AnchorError:
            wrong += 1
            continue
        wrong += span.start != start or span.end != start + len(quote)
    t2 = time.perf_counter()
    if wrong:
        raise SystemExit(f"{wrong} of {len(quotes)} quotes did not anchor where they were "
                         f"taken from ({label or f'{len(text):,} characters'})")
    return t1 - t0, t2 - t1


# -- annotation files that cite the quotes --------------------------------------------------

#: Country codes given to the parties of a mixed file, so that validation checks them.
_CODES = ("RS", "RO", "HU", "BG", "HR", "SK", "AT", "MD", "UA", "SI", "ME", "MK", "GR", "IT")
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:,\d{3})*(?:\.\d+)?(?![\w]|[.,]\d)")
_STANCES = ("support", "oppose", "neutral", "conditional")
_MODALITIES = ("binding", "pledge", "intent", "readiness", "refusal")


def write_annotations(folder: Path, text: str, quotes: Sequence[tuple[str, int]],
                      mixed: bool = False) -> Path:
    """Write ``article.txt`` and ``bench.yaml`` citing every quote once; return the YAML path.

    Plain: one party and one commitment per quote. ``mixed``: one party per 10 quotes (at
    least 1, at most 200, each a state with a country code) and the quotes shared in turn
    among commitments, positions, quotations and statistics (a quote with a figure in it
    becomes a statistic whose value is that figure), so that every kind of check runs.
    """
    (folder / "article.txt").write_bytes(text.encode("utf-8"))
    parties = max(1, min(len(quotes) // 10, 200)) if mixed else 1
    lines = ["factsheet: 1", "articles:", "  - id: bench", "    text_file: article.txt",
             "    title: Synthetic wire story", "    language: en", "parties:"]
    for p in range(1, parties + 1):
        lines += [f"  - id: p{p}", f"    name: Example State {p}", "    kind: state"]
        if mixed:
            lines.append(f"    country: {_CODES[p % len(_CODES)]}")
    facts: dict[str, list[str]] = {"commitments": [], "positions": [], "quotations": [],
                                   "statistics": []}
    for n, (quote, _) in enumerate(quotes, 1):
        who = f"p{(n - 1) % parties + 1}"
        cited = json.dumps(quote, ensure_ascii=False)
        kind = ("commitments", "positions", "quotations", "statistics")[n % 4] if mixed \
            else "commitments"
        number = _NUMBER.search(quote) if kind == "statistics" else None
        if kind == "statistics" and number is None:
            kind = "commitments"
        if kind == "commitments":
            facts[kind] += [f"  - id: c{n}", f"    by: [{who}]",
                            f"    action: commitment number {n}",
                            f"    modality: {_MODALITIES[n % 5] if mixed else 'pledge'}",
                            f"    evidence: [{cited}]"]
        elif kind == "positions":
            facts[kind] += [f"  - id: p-{n}", f"    holder: {who}", f"    topic: topic {n}",
                            f"    stance: {_STANCES[n % 4]}", f"    summary: position {n}",
                            f"    evidence: [{cited}]"]
        elif kind == "quotations":
            facts[kind] += [f"  - id: q{n}", f"    speaker: {who}", f"    text: {cited}"]
        else:
            assert number is not None
            value = number.group().replace(",", "")
            facts[kind] += [f"  - id: s{n}", f"    measure: measure number {n}",
                            f"    value: {value}", "    unit: units",
                            f"    attributed_to: {who}", f"    evidence: [{cited}]"]
    for kind, entries in facts.items():
        if entries:
            lines += [f"{kind}:", *entries]
    path = folder / "bench.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def count_evidence(briefing: object) -> int:
    """Return how many pieces of evidence the briefing's facts hold (mentions not counted)."""
    return sum(len(fact.evidence) for kind in ("commitments", "positions", "quotations",
                                                "statistics", "photos")
               for fact in getattr(briefing, kind))


def run_pipeline(path: Path, quotes: int) -> float:
    """Time ``factsheet.pipeline.process(path)``; check it succeeded with every quote anchored."""
    from factsheet.pipeline import process

    t0 = time.perf_counter()
    result = process(path)
    elapsed = time.perf_counter() - t0
    errors = [d for d in result.diagnostics if d.severity == "error"]
    if errors or result.briefing is None:
        raise SystemExit(f"pipeline failed on {path}: {errors[:3]}")
    anchored = count_evidence(result.briefing)
    if anchored != quotes:
        raise SystemExit(f"pipeline anchored {anchored} of {quotes} quotes")
    return elapsed


# -- cProfile -------------------------------------------------------------------------------


def profile(fn: Callable[[], object], top: int) -> str:
    """Run ``fn`` under cProfile; return the functions with the most own time."""
    profiler = cProfile.Profile()
    profiler.runcall(fn)
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    total = sum(entry[2] for entry in stats.values())
    rows = []
    for (file, line, name), (_, calls, own, cumulative, _) in sorted(
            stats.items(), key=lambda item: item[1][2], reverse=True)[:top]:
        where = short_path(file)
        rows.append([f"{where}:{line}({name})" if line else name, f"{calls:,}", ms(own),
                     f"{100 * own / total:.0f}%", ms(cumulative)])
    return table(["function", "calls", "own ms", "own %", "cumulative ms"], rows)


def short_path(file: str) -> str:
    """A source path without the site-packages or repository prefix."""
    for marker in ("site-packages/", "/lib/python"):
        if marker in file:
            return file.split(marker, 1)[1]
    root = str(Path(__file__).resolve().parent.parent) + "/"
    return file.removeprefix(root)
