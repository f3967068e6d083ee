"""Quality of ``factsheet suggest``: its drafts scored against hand-made gold annotations.

    python benchmarks/suggest_quality.py                  # the dev set
    python benchmarks/suggest_quality.py --set heldout    # stories the rules never saw
    python benchmarks/suggest_quality.py --set all --details

A set is a folder under ``benchmarks/suggest/`` (``dev``, ``heldout``). Every annotation file
in it (``*.yaml``, ``*.yml``, ``*.json``, ``*.xml``, ``*.html``, in subfolders too) is a gold
file; its first article's text is the story. For each story the script runs the suggester on
the text, writes the draft to a temporary folder, and loads both the draft and the gold
through factsheet's own pipeline, so every piece of evidence is a ``[start, end)`` span of
the same text. Then, per category:

- header fields (title, byline, agency, published, updated): exact values — text compared
  ignoring case and runs of spaces, an agency by the organisation it names ("AP" = "The
  Associated Press", as factsheet's list of organisations has it); times compared as printed
  (the date and time of day), or as the same instant, since the story often prints no time
  zone;
- datelines and interstitials (related links): the cities and titles, as multisets;
- photo credits: photos matched by overlapping evidence, counted right when the credit line
  is the same (brackets around the whole line aside); pictured persons: the (photo, person)
  pairs;
- parties: matched one to one when a mention overlaps or the names agree (a leading "the"
  aside);
- quotations, statistics, commitments, positions: matched one to one by overlapping
  evidence (statistics prefer the pair with the same value); "right speaker" also needs the
  speaker to be the gold speaker, "right value and source" the same value (a scale word
  allowed: 1.2 million = 1,200,000, 2.33 lakh = 233,000) and the same ``attributed_to``.

Precision is matched / suggested, recall matched / gold. The goals (from the issue) are
checked at the end. Nothing here fails a build: it prints figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _report import heading, table

ROOT = Path(__file__).resolve().parent.parent
SETS = ROOT / "benchmarks" / "suggest"
SUFFIXES = (".yaml", ".yml", ".json", ".xml", ".html", ".htm")
HEADER_FIELDS = ("title", "byline", "agency", "published", "updated")
GOALS = (  # (label, categories whose recall is pooled, goal)
    ("header fields, datelines, photo credits", ("header: title", "header: byline",
     "header: agency", "header: published", "header: updated", "datelines", "photo credits"),
     0.9),
    ("statistics with the right value and source", ("statistics: right value and source",),
     0.8),
    ("quotations with the right speaker", ("quotations: right speaker",), 0.7),
)


@dataclass
class Tally:
    """Counts for one category."""

    gold: int = 0
    suggested: int = 0
    matched: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.gold += other.gold
        self.suggested += other.suggested
        self.matched += other.matched
        self.misses += other.misses


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sets = sorted(p.name for p in SETS.iterdir() if p.is_dir())
    parser.add_argument("--set", choices=(*sets, "all"), default="dev",
                        help="which stories to score (default: dev)")
    parser.add_argument("--story", action="append", default=[],
                        help="score only the stories whose file name contains this")
    parser.add_argument("--details", action="store_true",
                        help="list every miss and every extra, per story")
    args = parser.parse_args()
    names = sets if args.set == "all" else [args.set]
    golds = [p for name in names for p in sorted((SETS / name).rglob("*"))
             if p.suffix.lower() in SUFFIXES and p.is_file()
             and (not args.story or any(s in p.name for s in args.story))]
    if not golds:
        print(f"no gold files in {', '.join(str(SETS / n) for n in names)}")
        return 1
    totals: dict[str, Tally] = {}
    started = time.perf_counter()
    for gold_path in golds:
        scores = score_story(gold_path)
        if scores is None:
            continue
        if args.details:
            _print_details(gold_path, scores)
        for category, tally in scores.items():
            totals.setdefault(category, Tally()).add(tally)
    elapsed = time.perf_counter() - started
    print(heading(f"factsheet suggest against gold: set {args.set}, {len(golds)} "
            f"stor{'y' if len(golds) == 1 else 'ies'}, {elapsed:.1f} s"))
    print(table(["category", "gold", "suggested", "matched", "precision", "recall"],
                [[name, t.gold, t.suggested, t.matched, _ratio(t.matched, t.suggested),
                  _ratio(t.matched, t.gold)] for name, t in totals.items()]))
    print()
    rows = []
    for label, categories, goal in GOALS:
        gold = sum(totals[c].gold for c in categories if c in totals)
        matched = sum(totals[c].matched for c in categories if c in totals)
        recall = matched / gold if gold else None
        rows.append([label, _ratio(matched, gold), f">= {goal:.1f}",
                     "met" if recall is not None and recall >= goal else "MISSED"])
    print(table(["goal (recall)", "measured", "goal", ""], rows))
    return 0


def score_story(gold_path: Path) -> dict[str, Tally] | None:
    """Return the tallies of one story, or None when its gold does not load."""
    from factsheet.pipeline import process

    gold_result = process(gold_path)
    if gold_result.briefing is None:
        errors = [f"{d.location()}: {d.message}" for d in gold_result.diagnostics if d.is_error]
        print(f"skipped {gold_path}: the gold has errors: {errors[:3]}", file=sys.stderr)
        return None
    gold = gold_result.briefing
    suggested = _suggest(gold.articles[0].text, gold.articles[0].id)
    if suggested is None:
        print(f"{gold_path}: the draft does not build", file=sys.stderr)
        return {}
    return compare(gold, suggested)


def _suggest(text: str, article_id: str) -> Any:
    from factsheet.output import write_atomic
    from factsheet.pipeline import process
    from factsheet.suggest import draft_files

    with tempfile.TemporaryDirectory() as folder:
        story = Path(folder) / f"{article_id}.txt"
        story.write_bytes(text.encode("utf-8"))
        output = Path(folder) / "draft.yaml"
        for target, data in draft_files(story, output).items():
            write_atomic(target, data)
        result = process(output)
        if result.briefing is None:
            for d in result.diagnostics:
                if d.is_error:
                    print(f"  {d.location()}: {d.code} {d.message}", file=sys.stderr)
        return result.briefing


def compare(gold: Any, suggested: Any) -> dict[str, Tally]:
    """Return the tally of every category for one story."""
    g_article, s_article = gold.articles[0], suggested.articles[0]
    scores: dict[str, Tally] = {}
    for name in HEADER_FIELDS:
        scores[f"header: {name}"] = _field(name, getattr(g_article, name),
                                           getattr(s_article, name))
    scores["datelines"] = _multiset(g_article.datelines, s_article.datelines, "dateline")
    scores["interstitials"] = _multiset([r.title for r in g_article.related],
                                        [r.title for r in s_article.related], "link")
    photos = _match(gold.photos, suggested.photos)
    scores["photo credits"] = _counted(
        gold.photos, suggested.photos,
        [(g, s) for g, s in photos if _credit(g.credit) == _credit(s.credit)], "photo",
        lambda p: p.credit)
    g_pics = [(g.id, p) for g in gold.photos for p in g.pictured]
    s_pics = [(s, p) for s in suggested.photos for p in s.pictured]
    pictured = [pair for pair in g_pics for s, p in s_pics
                if (_photo_of(pair[0], photos) is s)
                and _same_party(gold.party(pair[1]), suggested.party(p))]
    scores["photos: pictured persons"] = Tally(len(g_pics), len(s_pics), len(set(pictured)))
    scores["parties"] = _parties(gold, suggested)
    quotes = _match(gold.quotations, suggested.quotations)
    scores["quotations"] = _counted(gold.quotations, suggested.quotations, quotes, "quote",
                                    lambda q: q.text)
    scores["quotations: right speaker"] = _counted(
        gold.quotations, suggested.quotations,
        [(g, s) for g, s in quotes if _same_party(gold.party(g.speaker),
                                                  suggested.party(s.speaker))],
        "quote", lambda q: f"{q.speaker}: {q.text}")
    stats = _match(gold.statistics, suggested.statistics, prefer=_same_value)
    scores["statistics"] = _counted(gold.statistics, suggested.statistics, stats, "figure",
                                    _describe_stat)
    scores["statistics: right value and source"] = _counted(
        gold.statistics, suggested.statistics,
        [(g, s) for g, s in stats if _same_value(g, s) and _same_party(
            gold.party(g.attributed_to or ""), suggested.party(s.attributed_to or ""))],
        "figure", _describe_stat)
    for kind in ("commitments", "positions"):
        g_items, s_items = getattr(gold, kind), getattr(suggested, kind)
        scores[kind] = _counted(g_items, s_items, _match(g_items, s_items), kind[:-1],
                                lambda f: f.evidence[0].text[:70])
    return scores


def _field(name: str, gold: Any, suggested: Any) -> Tally:
    tally = Tally(int(gold is not None), int(suggested is not None))
    same = _same_agency if name == "agency" else _same_value_of
    if gold is not None and suggested is not None and same(gold, suggested):
        tally.matched = 1
    elif gold is not None or suggested is not None:
        tally.misses.append(f"{name}: gold {gold!r}, suggested {suggested!r}")
    return tally


def _same_value_of(gold: Any, suggested: Any) -> bool:
    if isinstance(gold, dt.datetime) and isinstance(suggested, dt.datetime):
        return gold == suggested or gold.replace(tzinfo=None) == suggested.replace(tzinfo=None)
    return _norm(str(gold)) == _norm(str(suggested))


def _same_agency(gold: Any, suggested: Any) -> bool:
    """The same outlet under its two names ("AP", "The Associated Press"; "NAN", "News Agency
    of Nigeria"), as factsheet's list of organisations knows them."""
    from factsheet.suggest.data import gazetteer

    known = gazetteer().organisations

    def key(text: str) -> str:
        text = " ".join(str(text).split())
        for name in (text, text.removeprefix("The "), f"The {text}"):
            if name in known:
                return known[name].name.casefold()
        return _norm(text).removeprefix("the ")
    return key(gold) == key(suggested)


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _credit(text: str) -> str:
    """A credit line without the brackets around it: gold writers copy "(Yonhap)" or
    "[File: Name/AFP]" with or without them."""
    text = _norm(text)
    while len(text) > 2 and text[0] + text[-1] in ("()", "[]"):
        text = text[1:-1].strip()
    return text


def _multiset(gold: list[str], suggested: list[str], what: str) -> Tally:
    g, s = Counter(map(_norm, gold)), Counter(map(_norm, suggested))
    common = g & s
    tally = Tally(sum(g.values()), sum(s.values()), sum(common.values()))
    tally.misses += [f"{what} missed: {k}" for k in (g - common)]
    tally.misses += [f"{what} extra: {k}" for k in (s - common)]
    return tally


def _overlap(a: Any, b: Any) -> int:
    best = 0
    for x in a.evidence:
        for y in b.evidence:
            best = max(best, min(x.end, y.end) - max(x.start, y.start))
    return best


def _match(gold: list[Any], suggested: list[Any], prefer: Any = None
           ) -> list[tuple[Any, Any]]:
    """Return one-to-one pairs with overlapping evidence, largest overlap first (pairs for
    which ``prefer`` holds before the others)."""
    pairs = []
    for g in gold:
        for s in suggested:
            size = _overlap(g, s)
            if size > 0:
                pairs.append((bool(prefer and prefer(g, s)), size, g, s))
    pairs.sort(key=lambda p: (p[0], p[1]), reverse=True)
    used_g: set[int] = set()
    used_s: set[int] = set()
    result = []
    for _, _, g, s in pairs:
        if id(g) not in used_g and id(s) not in used_s:
            used_g.add(id(g))
            used_s.add(id(s))
            result.append((g, s))
    return result


def _counted(gold: list[Any], suggested: list[Any], matched: list[tuple[Any, Any]],
             what: str, describe: Any) -> Tally:
    tally = Tally(len(gold), len(suggested), len(matched))
    hit_g = {id(g) for g, _ in matched}
    hit_s = {id(s) for _, s in matched}
    tally.misses += [f"{what} missed: {describe(g)}" for g in gold if id(g) not in hit_g]
    tally.misses += [f"{what} extra: {describe(s)}" for s in suggested if id(s) not in hit_s]
    return tally


def _same_value(gold: Any, suggested: Any) -> bool:
    from factsheet.numbers import middle, same

    a = middle(gold.value, gold.value_range)
    b = middle(suggested.value, suggested.value_range)
    if a is None or b is None:
        return False
    return any(same(a * x, b) or same(a, b * x) for x in (1, 1e3, 1e5, 1e6, 1e7, 1e9, 1e12))


def _describe_stat(stat: Any) -> str:
    return f"{stat.value} {stat.unit or ''} ({stat.attributed_to})"


def _photo_of(gold_id: str, pairs: list[tuple[Any, Any]]) -> Any:
    return next((s for g, s in pairs if g.id == gold_id), None)


def _party_names(party: Any) -> set[str]:
    """A party's names and mentions, without a leading "the" ("the Federal Police")."""
    names = {_norm(party.name), *(_norm(a) for a in party.aliases)}
    names |= {_norm(m.text) for m in party.mentions}
    return {n.removeprefix("the ") for n in names}


def _same_party(gold: Any, suggested: Any) -> bool:
    """Return True when two parties are the same: a shared mention or a shared name."""
    if gold is None or suggested is None:
        return False
    for m in gold.mentions:
        for n in suggested.mentions:
            if min(m.end, n.end) > max(m.start, n.start):
                return True
    return bool(_party_names(gold) & _party_names(suggested)) or (
        gold.kind == suggested.kind == "state" and gold.country is not None
        and gold.country == suggested.country)


def _parties(gold: Any, suggested: Any) -> Tally:
    pairs = [(g, s) for g in gold.parties for s in suggested.parties if _same_party(g, s)]
    used_g: set[str] = set()
    used_s: set[str] = set()
    matched = []
    for g, s in pairs:
        if g.id not in used_g and s.id not in used_s:
            used_g.add(g.id)
            used_s.add(s.id)
            matched.append((g, s))
    return _counted(gold.parties, suggested.parties, matched, "party", lambda p: p.name)


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "-"


def _print_details(path: Path, scores: dict[str, Tally]) -> None:
    print(f"\n{path.relative_to(ROOT)}")
    for category, tally in scores.items():
        for miss in tally.misses:
            print(f"  {category}: {miss}")


if __name__ == "__main__":
    sys.exit(main())
