"""The anchor step: turn a validated annotation file into a briefing whose every fact has
evidence ``[start, end)`` in its article. Problems become diagnostics; facts whose evidence
failed keep the rest so later checks can still speak about them."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from factsheet import numbers
from factsheet.anchoring import AnchorError, ArticleText, anchor, clip
from factsheet.article import read_structure
from factsheet.diagnostics import Diagnostic
from factsheet.model import annotations as ann
from factsheet.model import briefing as out
from factsheet.model.common import Direction, ParagraphKind
from factsheet.readers.tree import SourceMap

_RISE = re.compile(r"\b(?:rose|risen|rises|rising|increased|increases|climbed|jumped|grew|"
                   r"up from|higher than|soared|surged)\b", re.IGNORECASE)
_FALL = re.compile(r"\b(?:fell|fallen|falls|falling|decreased|decreases|declined|dropped|"
                   r"down from|lower than|shrank|slumped|plunged)\b", re.IGNORECASE)
_FLAT = re.compile(r"\b(?:unchanged|flat|steady|held at|stayed at)\b", re.IGNORECASE)


@dataclass
class Assembler:
    doc: ann.AnnotationFile
    texts: dict[str, str]
    smap: SourceMap
    diagnostics: list[Diagnostic] = field(default_factory=list)
    articles: dict[str, ArticleText] = field(default_factory=dict)
    languages: dict[str, str] = field(default_factory=dict)

    def run(self) -> out.Briefing:
        sources = [self._article(i, a) for i, a in enumerate(self.doc.articles)]
        construct = _construct
        briefing = construct(
            out.Briefing,
            articles=sources,
            parties=[self._party(i, p) for i, p in enumerate(self.doc.parties)],
            commitments=[self._fact(out.Commitment, "commitments", i, c)
                         for i, c in enumerate(self.doc.commitments)],
            positions=[self._fact(out.Position, "positions", i, p)
                       for i, p in enumerate(self.doc.positions)],
            quotations=[self._quotation(i, q) for i, q in enumerate(self.doc.quotations)],
            statistics=[self._statistic(i, s) for i, s in enumerate(self.doc.statistics)],
            photos=[self._fact(out.PhotoCredit, "photos", i, p)
                    for i, p in enumerate(self.doc.photos)],
            summary=self.doc.summary,
        )
        return _mark_captions(briefing)

    # -- articles -------------------------------------------------------------------------
    def _article(self, index: int, article: ann.ArticleIn) -> out.SourceArticle:
        text = self.texts[article.id]
        structure = read_structure(text)
        self.articles.setdefault(article.id, ArticleText(
            article.id, text, [(p.start, p.end) for p in structure.paragraphs]))
        self.languages[article.id] = article.language
        related = [_construct(out.RelatedLink, label=label, title=title, url=None, start=start,
                              end=end) for label, title, start, end in structure.related]
        for link in article.related:
            match = next((r for r in related if r.title.casefold() == link.title.casefold()), None)
            if match is not None:
                related[related.index(match)] = match.model_copy(update={"url": link.url})
            else:
                related.append(_construct(out.RelatedLink, label="RELATED", title=link.title,
                                          url=link.url, start=None, end=None))
        return _construct(
            out.SourceArticle,
            **article.model_dump(exclude={"text", "text_file", "related", "datelines"}),
            datelines=article.datelines if article.datelines is not None else
            structure.datelines,
            related=related,
            text=text,
            paragraphs=[_construct(out.Paragraph, number=n, start=p.start, end=p.end,
                                   kind=p.kind) for n, p in enumerate(structure.paragraphs, 1)],
            sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        )

    # -- evidence -------------------------------------------------------------------------
    def evidence(self, refs: list[ann.EvidenceRef], path: tuple[Any, ...]) -> list[out.Evidence]:
        result = []
        for i, ref in enumerate(refs):
            found = self._anchor(ref, (*path, i))
            if found is not None:
                result.append(found)
        return result

    def _anchor(self, ref: ann.EvidenceRef, path: tuple[Any, ...]) -> out.Evidence | None:
        article_id = ref.article or self.doc.articles[0].id
        article = self.articles.get(article_id)
        if article is None:
            self.diagnostics.append(self.smap.diagnostic(
                "FS307", f"evidence names article {article_id!r}, which is not defined",
                (*path, "article"), hint=_known(article_id, self.articles)))
            return None
        try:
            span = anchor(article, ref.quote, prefix=ref.prefix, suffix=ref.suffix,
                          occurrence=ref.occurrence, start=ref.start, end=ref.end)
        except AnchorError as err:
            where = (*path, "quote") if ref.quote is not None else (*path, "start")
            self.diagnostics.append(self.smap.diagnostic(err.code, err.message, where,
                                                         hint=err.hint))
            return None
        if span.note:
            message = ("quote matched after normalising whitespace and typographic marks"
                       if span.note == "FS305" else "quote matched only inside longer words")
            self.diagnostics.append(self.smap.diagnostic(
                span.note, message, (*path, "quote"),
                hint=f'the article says: "{clip(article.text[span.start:span.end], 160)}"'))
        return _construct(out.Evidence, article=article_id, start=span.start, end=span.end,
                          text=article.text[span.start:span.end],
                          paragraph=article.paragraph_of(span.start))

    # -- facts ----------------------------------------------------------------------------
    def _party(self, index: int, party: ann.PartyIn) -> out.Party:
        mentions = self.evidence(party.mentions, ("parties", index, "mentions"))
        return _construct(out.Party, **_fields(party, "mentions"), mentions=mentions)

    def _fact(self, cls: type[Any], name: str, index: int, fact: Any) -> Any:
        evidence = self.evidence(fact.evidence, (name, index, "evidence"))
        values = _fields(fact, "evidence")
        if cls is out.PhotoCredit and values["caption"] is None and evidence:
            values["caption"] = evidence[0].text  # the caption is what the credit sits in
        return _construct(cls, **values, evidence=evidence)

    def _quotation(self, index: int, quote: ann.QuotationIn) -> out.Quotation:
        refs = quote.evidence or [ann.EvidenceRef.model_construct(
            quote=quote.text, prefix=None, suffix=None, occurrence=None, start=None, end=None,
            article=None)]
        path: tuple[Any, ...] = ("quotations", index, "evidence")
        evidence = (self.evidence(refs, path) if quote.evidence else
                    [e for e in [self._anchor(refs[0], ("quotations", index, "text"))] if e])
        return _construct(out.Quotation, **_fields(quote, "evidence"), evidence=evidence)

    def _statistic(self, index: int, stat: ann.StatisticIn) -> out.Statistic:
        evidence = self.evidence(stat.evidence, ("statistics", index, "evidence"))
        stated = [s for e in evidence for s in numbers.find_numbers(
            e.text, self.languages.get(e.article, "en"))]
        wanted = stat.value if stat.value is not None else (
            stat.value_range[0] if stat.value_range else None)
        said = numbers.stated_in(wanted, stated) if wanted is not None else None
        qualifier = said.qualifier if said else None
        approximate = stat.approximate if stat.approximate is not None else bool(
            said and said.approximate)
        comparison = None
        if stat.comparison is not None:
            comparison = _construct(
                out.Comparison, **stat.comparison.model_dump(exclude={"direction"}),
                direction=stat.comparison.direction or _direction(stat, evidence))
        return _construct(out.Statistic, **_fields(stat, "evidence", "approximate",
                                                   "comparison"),
                          approximate=approximate, qualifier=qualifier, comparison=comparison,
                          evidence=evidence)


def stated_cue(evidence: list[out.Evidence]) -> tuple[Direction, str] | None:
    """Return the direction the evidence words state and the words ("up from"), if exactly
    one direction is stated."""
    text = " ".join(e.text for e in evidence)
    found = {}
    for direction, cue in ((Direction.ROSE, _RISE), (Direction.FELL, _FALL),
                           (Direction.UNCHANGED, _FLAT)):
        match = cue.search(text)
        if match:
            found[direction] = match.group()
    return next(iter(found.items())) if len(found) == 1 else None


def stated_direction(evidence: list[out.Evidence]) -> Direction | None:
    """Return the direction the evidence words state ("fell", "up from"...), if exactly one."""
    cue = stated_cue(evidence)
    return cue[0] if cue else None


def values_direction(value: float, baseline: float) -> Direction:
    """Return the direction from ``baseline`` to ``value``."""
    if numbers.same(value, baseline):
        return Direction.UNCHANGED
    return Direction.ROSE if value > baseline else Direction.FELL


def _direction(stat: ann.StatisticIn, evidence: list[out.Evidence]) -> Direction | None:
    said = stated_direction(evidence)
    if said is not None:
        return said
    assert stat.comparison is not None
    value = numbers.middle(stat.value, stat.value_range)
    baseline = numbers.middle(stat.comparison.value, stat.comparison.value_range)
    if value is None or baseline is None:
        return None
    return values_direction(value, baseline)


def _mark_captions(briefing: out.Briefing) -> out.Briefing:
    """Header paragraphs that hold a photo credit's evidence are captions."""
    for photo in briefing.photos:
        for ev in photo.evidence:
            article = next(a for a in briefing.articles if a.id == ev.article)
            p = article.paragraphs[ev.paragraph - 1]
            if p.kind is ParagraphKind.HEADER:
                article.paragraphs[ev.paragraph - 1] = p.model_copy(
                    update={"kind": ParagraphKind.CAPTION})
    return briefing


def _fields(model: Any, *skip: str) -> dict[str, Any]:
    return {name: getattr(model, name) for name in type(model).model_fields if name not in skip}


def _construct(cls: type[Any], **values: Any) -> Any:
    """Build an output model from values that validation already checked."""
    return cls.model_construct(**values)


def _known(word: str, choices: Any) -> str | None:
    from factsheet.validation import did_you_mean

    return did_you_mean(word, choices) or f"defined articles: {', '.join(sorted(choices))}"
