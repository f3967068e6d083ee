"""Build the document tree from a briefing and a template: every decision about order,
grouping, numbering and wording is made here, once, so every writer says the same thing."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from factsheet.layout import tree as t
from factsheet.layout import wording as w
from factsheet.layout.template import Template
from factsheet.model.briefing import Briefing, Evidence, Statistic
from factsheet.numbers import middle

Labels = dict[str, Any]
_EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def build_document(briefing: Briefing, template: Template, labels: Labels,
                   logo: bytes | None = None, fallback_fonts: tuple[bytes, ...] = ()
                   ) -> t.Document:
    """Return the document tree for ``briefing`` drawn with ``template``.

    Characters no document can carry are dropped and listed in ``document.diagnostics``.
    """
    from factsheet.layout.clean import clean_document

    document = _Builder(briefing, template, labels).build(logo)
    if fallback_fonts:
        page = dataclasses.replace(document.page, fallback_fonts=fallback_fonts)
        document = dataclasses.replace(document, page=page)
    document, dropped = clean_document(document)
    return dataclasses.replace(document, diagnostics=tuple(dropped)) if dropped else document


class _Builder:
    def __init__(self, briefing: Briefing, template: Template, labels: Labels) -> None:
        self.b, self.template, self.labels = briefing, template, labels
        self.notes: list[t.Note] = []
        self.articles = {a.id: a for a in briefing.articles}
        self.names = {p.id: p.name for p in briefing.parties}

    # -- the whole document ---------------------------------------------------------------
    def build(self, logo: bytes | None) -> t.Document:
        sections = []
        for section_id in self.template.sections:
            blocks = tuple(getattr(self, f"_{section_id}")())
            if blocks:
                heading = t.Heading(str(self.labels[section_id]), 1, f"sec-{section_id}")
                sections.append(t.Section(section_id, heading, blocks))
        spec = self.template
        page = t.Page(
            size=spec.page.size, margins_mm=spec.page.margins_mm, body_font=spec.fonts.body,
            heading_font=spec.fonts.heading, body_size_pt=spec.fonts.size_pt,
            colours=t.Colours(**spec.colours.model_dump()), banner=spec.banner, logo=logo)
        return t.Document(self._meta(), page, self._title_block(), tuple(sections),
                          tuple(self.notes), self.labels)

    def _meta(self) -> t.Meta:
        first = self.b.articles[0]
        stamp = _timestamp(first.published, first.updated)
        parties = [p.name for p in self.b.parties if p.kind.value in ("state", "coalition",
                                                                      "international_organisation")]
        return t.Meta(
            title=first.title,
            subject=f"{self.labels['briefing']}: {first.title}",
            author=first.agency or first.publisher or first.byline or "",
            keywords=tuple(dict.fromkeys(parties)),
            language=self.template.language,
            created=stamp[0], modified=stamp[1])

    def _title_block(self) -> tuple[t.Block, ...]:
        first = self.b.articles[0]
        blocks: list[t.Block] = [t.Paragraph((t.Run(first.title),), "title")]
        by = first.agency or first.publisher
        line = [str(self.labels["briefing"])] + ([by] if by else [])
        if first.published:
            line.append(w.date(first.published, self.labels))
        blocks.append(t.Paragraph((t.Run(" · ".join(line)),), "subtitle"))
        if first.datelines:
            cities = list(dict.fromkeys(first.datelines))
            blocks.append(t.Paragraph((t.Run(f"{self.labels['datelines']}: ", bold=True),
                                       t.Run(", ".join(cities))), "meta"))
        return tuple(blocks)

    # -- citations ------------------------------------------------------------------------
    def cite(self, evidence: Iterable[Evidence]) -> tuple[t.Inline, ...]:
        """Return citation markers for ``evidence``, numbering a note for each span."""
        marks: list[t.Inline] = []
        seen: set[tuple[str, int, int]] = set()
        for ev in evidence:
            key = (ev.article, ev.start, ev.end)
            if key in seen:
                continue
            seen.add(key)
            article = self.articles[ev.article]
            number = len(self.notes) + 1
            self.notes.append(t.Note(number, ev.text, article.title, ev.paragraph, article.url,
                                     article.publisher or article.agency))
            marks.append(t.Cite(number))
        return tuple(marks)

    def name(self, party_id: str | None) -> str:
        return self.names.get(party_id or "", party_id or "")

    def names_of(self, ids: Sequence[str]) -> str:
        return w.join([self.name(i) for i in ids], self.labels)

    def _limited(self, section: str, items: Sequence[Any]) -> tuple[Sequence[Any], int]:
        limit = self.template.limits.get(section)  # type: ignore[call-overload]
        if limit is None or len(items) <= limit:
            return items, 0
        return items[:limit], len(items) - limit

    def _more(self, hidden: int) -> list[t.Block]:
        more = self.labels.get("more", "more")
        return [t.Paragraph((t.Run(f"+ {hidden} {more}", italic=True),), "note")] if hidden else []

    # -- sections -------------------------------------------------------------------------
    def _key_points(self) -> list[t.Block]:
        summary = self.b.summary
        if summary is not None and (summary.key_points or summary.text):
            blocks: list[t.Block] = []
            if summary.text:
                blocks.append(t.Paragraph((t.Run(summary.text),)))
            points, hidden = self._limited("key_points", summary.key_points)
            if points:
                blocks.append(t.BulletList(tuple((t.Run(p),) for p in points)))
            return blocks + self._more(hidden)
        points = self._generated_points()
        chosen, hidden = self._limited("key_points", points)
        if not chosen:
            return []
        return [t.BulletList(tuple(p() for p in chosen)), *self._more(hidden)]

    def _generated_points(self) -> list[Callable[[], t.Inlines]]:
        """Key points from the facts: commitments (refusals and binding first), then the
        statistics that compare. Built lazily so only shown points number citations."""
        order = {"refusal": 0, "binding": 1, "pledge": 2, "readiness": 3, "intent": 4}
        commitments = sorted(self.b.commitments, key=lambda c: order[c.modality.value])
        points: list[Callable[[], t.Inlines]] = []
        for c in commitments:
            def point(c: Any = c) -> t.Inlines:
                text = f"{self.names_of(c.by)}: {self._action(c)}"
                if c.condition:
                    text = f"{text.rstrip('.')} ({c.condition})."
                return (t.Run(text), *self.cite(c.evidence))
            points.append(point)
        for s in self.b.statistics:
            if s.comparison is not None:
                points.append(lambda s=s: (t.Run(w.sentence(self._comparison_sentence(s))),
                                           *self.cite(s.evidence)))
        return points

    def _comparison_sentence(self, s: Statistic) -> str:
        c = s.comparison
        assert c is not None
        value = w.amount(s.value, s.value_range, s.unit, self.labels, s.qualifier)
        base = w.amount(c.value, c.value_range, s.unit, self.labels)
        direction = self.labels["direction"][c.direction.value] if c.direction else ""
        when = f" ({s.period})" if s.period else ""
        then = f" ({c.period})" if c.period else ""
        claim = f", {self.labels['according_to']} {self.name(s.attributed_to)}"
        return f"{s.measure}: {direction} {value}{when} {self.labels['from']} {base}{then}{claim}"

    def _commitments(self) -> list[t.Block]:
        items, hidden = self._limited("commitments", self.b.commitments)
        if not items:
            return []
        rows = []
        for c in items:
            what: list[t.Inline] = [t.Run(self._action(c))]
            if c.instrument:
                what.append(t.Run(f" {self.labels['instrument']}: {c.instrument}.", italic=True))
            what.extend(self.cite(c.evidence))
            rows.append(((t.Run(self.names_of(c.by), bold=True),), tuple(what),
                         (t.Run(self.names_of(c.to) or "—"),),
                         (t.Run(self.labels["modality"][c.modality.value]),),
                         (t.Run(c.condition or "—"),)))
        header = tuple(self.labels[k] for k in ("col_by", "col_commitment", "col_to",
                                                "col_modality", "col_condition"))
        return [t.Table(header, tuple(rows), (0.17, 0.36, 0.14, 0.15, 0.18)),
                *self._more(hidden)]

    def _action(self, c: Any) -> str:
        """Return the action as a sentence that says its modality: "Refuses to send ..."."""
        prefix = self.labels["action_prefix"][c.modality.value]
        return w.sentence(f"{prefix} {c.action}" if prefix else c.action)

    def _positions(self) -> list[t.Block]:
        items, hidden = self._limited("positions", self.b.positions)
        blocks: list[t.Block] = []
        for p in items:
            holder = self.b.party(p.holder)
            role = f" ({holder.role})" if holder is not None and holder.role else ""
            stance = self.labels["stance"][p.stance.value]
            blocks.append(t.Paragraph((t.Run(self.name(p.holder), bold=True),
                                       t.Run(f"{role} {stance} {p.topic}. "),
                                       t.Run(w.sentence(p.summary)), *self.cite(p.evidence))))
        return blocks + self._more(hidden)

    def _quotations(self) -> list[t.Block]:
        items, hidden = self._limited("quotations", self.b.quotations)
        blocks: list[t.Block] = []
        for q in items:
            speaker = self.b.party(q.speaker)
            who = self.name(q.speaker) + (f", {speaker.role}" if speaker and speaker.role else "")
            blocks.append(t.Paragraph((t.Run(f"“{q.text.strip()}”"), *self.cite(q.evidence),
                                       t.Run(f" — {who}", italic=True)), "quote"))
        return blocks + self._more(hidden)

    def _statistics(self) -> list[t.Block]:
        items, hidden = self._limited("statistics", self.b.statistics)
        if not items:
            return []
        rows = []
        charts: list[t.Block] = []
        for s in items:
            cites = self.cite(s.evidence)
            value = w.amount(s.value, s.value_range, s.unit, self.labels, s.qualifier)
            claim = self.name(s.attributed_to) or "—"
            if s.channel:
                claim += f", {s.channel}"
            if s.reported_via:
                claim += f" ({self.labels['reported_via']} {self.name(s.reported_via)})"
            measure = w.sentence(s.measure).rstrip(".")
            # Where the figure holds, unless the measure says it: "Households evacuated
            # (Romania)", but not "Sardine landings in Croatia (Croatia)".
            if s.scope and s.scope.casefold() not in measure.casefold():
                measure += f" ({s.scope})"
            rows.append(((t.Run(measure),), (t.Run(value), *cites),
                         (t.Run(s.period or "—"),), (t.Run(claim),),
                         (t.Run(self._change(s)),)))
            chart = self._chart(s, cites) if self.template.charts else None
            if chart is not None:
                charts.append(chart)
        header = tuple(self.labels[k] for k in ("col_measure", "col_value", "col_period",
                                                "col_claimed_by", "col_change"))
        return [t.Table(header, tuple(rows), (0.26, 0.2, 0.12, 0.24, 0.18)), *charts,
                *self._more(hidden)]

    def _change(self, s: Statistic) -> str:
        c = s.comparison
        if c is None:
            return "—"
        base = w.amount(c.value, c.value_range, s.unit, self.labels)
        then = f" ({c.period})" if c.period else ""
        direction = self.labels["direction"][c.direction.value] if c.direction else ""
        text = f"{direction} {self.labels['from']} {base}{then}".strip()
        value, baseline = middle(s.value, s.value_range), middle(c.value, c.value_range)
        if value is not None and baseline is not None:
            text += f": {w.change(value, baseline, self.labels, s.unit)}"
        return text

    def _chart(self, s: Statistic, cites: tuple[t.Inline, ...]) -> t.Chart | None:
        c = s.comparison
        value, baseline = middle(s.value, s.value_range), middle(c.value, c.value_range) if c \
            else None
        if c is None or value is None or baseline is None:
            return None
        source = f"{self.labels['source']}: {self.name(s.attributed_to)}"
        if s.channel:
            source += f" ({s.channel})"
        bars = (t.Bar(c.period or "—", baseline, w.amount(c.value, c.value_range, s.unit,
                                                           self.labels)),
                t.Bar(s.period or "—", value, w.amount(s.value, s.value_range, s.unit,
                                                       self.labels, s.qualifier)))
        numbers = tuple(x.number for x in cites if isinstance(x, t.Cite))
        return t.Chart(w.sentence(s.measure).rstrip("."), s.unit, bars, source, numbers)

    def _parties(self) -> list[t.Block]:
        items, hidden = self._limited("parties", self.b.parties)
        if not items:
            return []
        rows = []
        for p in items:
            role = p.role or ""
            if p.affiliation and not role:
                role = self.name(p.affiliation)
            name: list[t.Inline] = [t.Run(p.name, bold=True)]
            aliases = [a for a in p.aliases if a not in p.name]
            if aliases:
                name.append(t.Run(f" ({', '.join(aliases)})"))
            rows.append((tuple(name), (t.Run(self.labels["kind"][p.kind.value]),),
                         (t.Run(w.country_name(p.country) or "—"),), (t.Run(role or "—"),)))
        header = tuple(self.labels[k] for k in ("col_party", "col_kind", "col_country",
                                                "col_role"))
        return [t.Table(header, tuple(rows), (0.3, 0.2, 0.18, 0.32)), *self._more(hidden)]

    def _photos(self) -> list[t.Block]:
        blocks: list[t.Block] = []
        for p in self.b.photos:
            caption = (t.Run(p.caption or ""), *self.cite(p.evidence))
            image = self._image(p.image.path) if p.image is not None else None
            if image is not None and p.image is not None:
                blocks.append(t.Figure(image.data, image.kind, p.image.alt, caption,
                                       f"{self.labels['credit']}: {p.credit}", image.width,
                                       image.height))
            else:
                blocks.append(t.Paragraph(caption, "caption"))
            details = [f"{self.labels['credit']}: {p.credit}"]
            if p.pictured:
                details.append(f"{self.labels['pictured']}: {self.names_of(p.pictured)}")
            if p.place or p.date:
                details.append(", ".join(x for x in (p.place, p.date and w.date(p.date,
                                                                             self.labels)) if x))
            blocks.append(t.Paragraph((t.Run(" · ".join(details)),), "meta"))
        return blocks

    def _image(self, relative: str) -> Any:
        """Return the checked image, or None when there is no folder or it fails a check
        (validation has already reported why)."""
        from factsheet.images import ImageRefused, check_image

        folder = self.b.source_folder
        if folder is None:
            return None
        try:
            return check_image(folder, relative)
        except ImageRefused:
            return None

    def _sources(self) -> list[t.Block]:
        blocks: list[t.Block] = []
        for a in self.b.articles:
            title: t.Inline = t.Link(a.title, a.url) if a.url else t.Run(a.title)
            blocks.append(t.Paragraph((title,)))
            facts = [x for x in (a.agency or a.publisher,) if x]
            if a.published:
                facts.append(f"{self.labels['published']} {w.date(a.published, self.labels)}")
            if a.updated:
                facts.append(f"{self.labels['updated']} {w.date(a.updated, self.labels)}")
            if facts:
                blocks.append(t.Paragraph((t.Run(" · ".join(facts)),), "meta"))
            related = [(t.Run(f"{r.label}: "), t.Link(r.title, r.url) if r.url
                        else t.Run(r.title)) for r in a.related]
            if related:
                blocks.append(t.BulletList(tuple(related)))
        return blocks


def _timestamp(published: dt.datetime | None, updated: dt.datetime | None
               ) -> tuple[dt.datetime, dt.datetime]:
    """Return (created, modified): SOURCE_DATE_EPOCH if set, else the article's own times."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        stamp = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
        return stamp, stamp
    created = published or updated or _EPOCH
    return created, updated or created
