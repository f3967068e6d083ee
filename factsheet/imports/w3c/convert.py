"""Step 2: the W3C and Hypothesis model → tool documents (text, spans, relations).

Both formats share the anchoring of targets (anchor.py), the reading of tags and the
drawing of relations; the rules are in the package docstring (w3c/__init__.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from factsheet.diagnostics import Diagnostic
from factsheet.imports.labels import RELATIONS, LabelMapping
from factsheet.imports.model import ToolDocument, ToolRelation, ToolSpan
from factsheet.imports.offsets import TextOffsets
from factsheet.imports.w3c.anchor import anchor
from factsheet.imports.w3c.spec import (
    Annotation,
    AnnotationCollection,
    Article,
    ExternalResource,
    HypothesisRow,
    SpecificResource,
    TextualBody,
    Where,
)
from factsheet.paths import resolve_inside
from factsheet.readers.source import MAX_ARTICLE_BYTES, read_text
from factsheet.readers.tree import SourceMap

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_KEY_VALUE = re.compile(r"^\s*([A-Za-z_][\w-]*)\s*:(?!//)\s*(.*?)\s*$", re.DOTALL)
_CONVENTION = LabelMapping()


def new_errors(diagnostics: list[Diagnostic], before: int) -> bool:
    """True when an error was added after the first ``before`` diagnostics."""
    return any(d.is_error for d in diagnostics[before:])


@dataclass
class _Tags:
    """What an annotation's tags say: its label, attributes, entity and relations."""

    label: str | None = None
    attributes: dict[str, str] = field(default_factory=dict)
    entity: str | None = None
    links: list[tuple[str, str, Where]] = field(default_factory=list)

    @classmethod
    def read(cls, tags: list[tuple[str, Where]]) -> _Tags:
        out, plain = cls(), []
        for tag, at in tags:
            match = _KEY_VALUE.match(tag)
            if match is None:
                if tag.strip():
                    plain.append(tag.strip())
                continue
            key, value = match[1].lower(), match[2]
            if key in RELATIONS:
                out.links.append((key, value, at))
            elif key == "id":
                out.entity = out.entity or value
            else:
                out.attributes.setdefault(key, value)
        known = [t for t in plain if _CONVENTION.span(t) is not None]
        out.label = (known or plain)[0] if plain else None
        return out


@dataclass
class _Document:
    tool: ToolDocument
    offsets: TextOffsets
    entities: dict[str, str] = field(default_factory=dict)  # entity (casefolded) → span id


class _Converter:
    """What both formats share: anchoring targets, reading tags, drawing relations."""

    utf16 = False

    def __init__(self, path: Path, display: str, diagnostics: list[Diagnostic]) -> None:
        self.path, self.display, self.diagnostics = path, display, diagnostics
        self.documents: dict[str, _Document] = {}  # by source
        self.home: dict[str, _Document] = {}  # span id → its document
        self.pending: list[tuple[_Document, str, str, str, Where]] = []  # tag relations
        self.before = len(diagnostics)

    def diag(self, code: str, message: str, at: Where, hint: str | None = None) -> None:
        self.diagnostics.append(Diagnostic(code, message, file=self.display, line=at[0],
                                           column=at[1], hint=hint))

    def beside(self) -> Path | None:
        """The article text beside the export (same stem, .txt), if it is there."""
        found = resolve_inside(self.path.parent, self.path.with_suffix(".txt").name)
        return found if found is not None and found.is_file() else None

    def failed(self) -> bool:
        return new_errors(self.diagnostics, self.before)

    def read_article(self, target: Path, relative: str) -> str | None:
        display = str(Path(self.display).parent / relative)
        source = read_text(target, display, MAX_ARTICLE_BYTES, self.diagnostics, keep_bom=True)
        return None if source is None else source.text

    def add_span(self, ident: str, source: str, targets: list[SpecificResource],
                 tags: _Tags, note: str | None, at: Where) -> None:
        document = self.documents.get(source)
        if document is None:
            return  # its text could not be found: already reported
        if ident in self.home:
            self.diag("FS203", f"annotation id {ident!r} is used twice", at)
            return
        if tags.label is None:
            self.diag("FS117", f"annotation {ident} has no label (a tag such as Party, "
                      "Commitment or Statistic); ignored", at)
            return
        fragments = [anchor(document.offsets, t, ident, self.utf16, self.diag)
                     for t in targets]
        if any(f is None for f in fragments):
            return
        span = ToolSpan(ident, tags.label, [f for f in fragments if f is not None],
                        tags.attributes, note, tags.entity, at[0], at[1])
        document.tool.spans.append(span)
        self.home[ident] = document
        if tags.entity:
            document.entities.setdefault(tags.entity.casefold(), ident)
        for role, value, where in tags.links:
            self.pending.append((document, ident, role, value, where))

    def resolve_links(self) -> None:
        """Turn ``by:X`` tags into relations, X being an id, an entity or a party's words."""
        for document, source, role, value, at in self.pending:
            target = self.find_target(document, value)
            document.tool.relations.append(ToolRelation(
                f"{source}-{role}-{value}", role, source, target or value, at[0], at[1]))

    def find_target(self, document: _Document, value: str) -> str | None:
        key = _local(value)
        if key in self.home:
            return key
        if value.casefold() in document.entities:
            return document.entities[value.casefold()]
        wanted, text = _words(value), document.tool.text
        for party_first in (True, False):
            for span in document.tool.spans:
                is_party = (_CONVENTION.span(span.label) or ("",))[0] == "party"
                if is_party == party_first and wanted in (
                        _words(span.attributes.get("name", "")),
                        _words(" ".join(text[s:e] for s, e in span.fragments))):
                    return span.id
        return None

    def whole_resource(self, ident: str, tags: _Tags, at: Where) -> None:
        """An annotation of a whole page selects no words: skip it, unless it is labelled."""
        if tags.label is not None and _CONVENTION.span(tags.label) is not None:
            self.diag("FS203", f"annotation {ident} is labelled {tags.label} but selects no "
                      "text (it annotates the whole page)", at,
                      hint="select the words that say it, and annotate them")

    def results(self) -> list[ToolDocument]:
        self.resolve_links()
        return [d.tool for d in self.documents.values()]


class W3CConverter(_Converter):
    def __init__(self, path: Path, display: str, diagnostics: list[Diagnostic],
                 collection: AnnotationCollection) -> None:
        super().__init__(path, display, diagnostics)
        self.collection = collection

    def run(self) -> list[ToolDocument] | None:
        marks = [a for a in self.collection.annotations if not _is_linking(a)]
        sources = list(dict.fromkeys(t.source for a in marks for t in a.targets
                                     if isinstance(t, SpecificResource)))
        articles = {a.source: a for a in self.collection.articles}
        for number, source in enumerate(sources, 1):
            first = next(t for a in marks for t in a.targets
                         if isinstance(t, SpecificResource) and t.source == source)
            self.open_document(source, articles.get(source), len(sources), number, first.at)
        for number, annotation in enumerate(self.collection.annotations, 1):
            if _is_linking(annotation):
                continue
            self.mark(annotation, number)
        for number, annotation in enumerate(self.collection.annotations, 1):
            if _is_linking(annotation):
                self.link(annotation, number)
        return None if self.failed() else self.results()

    def open_document(self, source: str, article: Article | None, count: int, number: int,
                      at: Where) -> None:
        text = self.text_of(source, article, count, at)
        if text is None:
            return
        ident = (article.id if article and article.id else None) or _name_of(source) or (
            self.path.stem if count == 1 else f"document-{number}")
        title = article.title if article and article.title else (
            self.collection.label if count == 1 else None)
        url = source if re.match(r"^https?://\S+$", source) else None
        tool = ToolDocument(ident, text, title=title, url=url,
                            language=(article.language if article and article.language
                                      else "en"), line=at[0])
        self.documents[source] = _Document(tool, TextOffsets(text))

    def text_of(self, source: str, article: Article | None, count: int, at: Where
                ) -> str | None:
        tried = []
        if not _SCHEME.match(source) and not source.startswith(("/", "#", "\\")):
            target = resolve_inside(self.path.parent, source)
            if target is None:
                self.diag("FS110", f"target source {source!r} is outside the export's folder",
                          at, hint="put the article text beside the export")
                return None
            if target.is_file():
                return self.read_article(target, source)
            tried.append(f"no file {source!r} beside the export")
        beside = self.beside()
        name = self.path.with_suffix(".txt").name
        if count == 1:
            if beside is not None:
                return self.read_article(beside, name)
            tried.append(f"no {name}")
        if article is not None and article.text is not None:
            return article.text
        tried.append("no text for it in fs:articles")
        hint = (f"put the article text beside the export as {name}" if count == 1 else
                "name a text file beside the export as the target source, or give the "
                "text in fs:articles")
        self.diag("FS100", f"cannot find the text of {source!r}: {', '.join(tried)}", at,
                  hint=hint + " (URLs are not fetched)")
        return None

    def mark(self, annotation: Annotation, number: int) -> None:
        ident = _local(annotation.id) or f"annotation-{number}"
        targets = [t for t in annotation.targets if isinstance(t, SpecificResource)]
        read, note = self.bodies(annotation)
        if len(targets) != len(annotation.targets) or not targets:
            self.whole_resource(ident, read, annotation.at)
            return
        sources = {t.source for t in targets}
        if len(sources) > 1:
            self.diag("FS203", f"annotation {ident}: its targets lie in {len(sources)} "
                      "documents; a fact's evidence is in one", annotation.at)
            return
        self.add_span(ident, targets[0].source, targets, read, note, annotation.at)

    def bodies(self, annotation: Annotation) -> tuple[_Tags, str | None]:
        """Return what the bodies say: tags (label, attributes, entity, links) and note."""
        tags: list[tuple[str, Where]] = []
        notes: list[str] = []
        entity: str | None = None
        attributes: dict[str, str] = {}
        for body in annotation.bodies:
            purpose = body.purpose or next(iter(annotation.motivation), None)
            value = body.value if isinstance(body, TextualBody) else _local_name(body.id)
            if isinstance(body, TextualBody) and body.attribute:
                attributes.setdefault(body.attribute.lower(), value)
            elif purpose in ("tagging", "classifying"):
                tags.append((value, body.at))
            elif purpose == "identifying":
                entity = entity or value
            elif isinstance(body, TextualBody) and purpose in (None, "describing",
                                                               "commenting"):
                notes.append(value)
        read = _Tags.read(tags)
        read.attributes = attributes | read.attributes
        read.entity = entity or read.entity
        return read, "\n".join(notes) or None

    def link(self, annotation: Annotation, number: int) -> None:
        ident = _local(annotation.id) or f"link-{number}"
        labels = [b.value for b in annotation.bodies if isinstance(b, TextualBody)
                  and (b.purpose or "tagging") in ("tagging", "classifying")]
        ends = [_local(b.id) for b in annotation.bodies if isinstance(b, ExternalResource)
                and b.purpose in (None, "linking")]
        starts = [_local(t.id if isinstance(t, ExternalResource) else t.source)
                  for t in annotation.targets]
        if not labels:
            self.diag("FS117", f"linking annotation {ident} has no relation label (a tagging "
                      "body: by, to or pictures); ignored", annotation.at)
            return
        if not ends or not starts:
            self.diag("FS120", f"linking annotation {ident} names no annotation to link "
                      "(a body with the other annotation's id); ignored", annotation.at)
            return
        for start in starts:
            for end in ends:
                document = self.home.get(start) or self.home.get(end) or next(
                    iter(self.documents.values()), None)
                if document is None:
                    return
                suffix = "" if len(starts) * len(ends) == 1 else f"-{start}-{end}"
                document.tool.relations.append(ToolRelation(
                    ident + suffix, labels[0], start, end, annotation.at[0], annotation.at[1]))


class HypothesisConverter(_Converter):
    utf16 = True

    def __init__(self, path: Path, display: str, diagnostics: list[Diagnostic],
                 rows: list[HypothesisRow], smap: SourceMap) -> None:
        super().__init__(path, display, diagnostics)
        self.rows = [r for r in rows if _selects_text(r)]
        self.page_notes = [r for r in rows if not r.is_reply and not _selects_text(r)]
        self.smap = smap

    def run(self) -> list[ToolDocument] | None:
        for note in self.page_notes:
            self.whole_resource(note.id, _Tags.read(note.tags), note.at)
        uris = list(dict.fromkeys(r.uri for r in self.rows))
        if len(uris) > 1:
            shown = ", ".join(repr(u) for u in uris[:3])
            self.diag("FS203", f"the export annotates {len(uris)} documents ({shown}); one "
                      "document per export", self.smap.find(()),
                      hint="export the annotations of each page to its own file, with the "
                      "page's text beside it")
            return None
        if not uris:
            return None if self.failed() else []
        beside, name = self.beside(), self.path.with_suffix(".txt").name
        if beside is None:
            self.diag("FS100", f"cannot find the article text: no {name} beside the export",
                      self.rows[0].at,
                      hint=f"save the text of {uris[0]} as {name} (it is not fetched)")
            return None
        text = self.read_article(beside, name)
        if text is None:
            return None
        title = next((r.title for r in self.rows if r.title), None)
        url = uris[0] if re.match(r"^https?://\S+$", uris[0]) else None
        tool = ToolDocument(_name_of(uris[0]) or self.path.stem, text, title=title, url=url,
                            line=self.rows[0].at[0])
        self.documents[uris[0]] = _Document(tool, TextOffsets(text))
        for row in self.rows:
            self.add_span(row.id, uris[0], row.target[:1], _Tags.read(row.tags),
                          row.text.strip() or None, row.at)
        return None if self.failed() else self.results()


def _selects_text(row: HypothesisRow) -> bool:
    return not row.is_reply and bool(row.target) and bool(row.target[0].selectors
                                                          or row.target[0].other)


def _is_linking(annotation: Annotation) -> bool:
    return "linking" in annotation.motivation or any(
        b.purpose == "linking" for b in annotation.bodies)


def _local(iri: str) -> str:
    """An annotation's id as span ids use it: a same-document IRI without its ``#``."""
    return iri[1:] if iri.startswith("#") else iri


def _local_name(iri: str) -> str:
    """The last segment of an IRI (``.../entity/Q403`` → ``Q403``)."""
    return re.split(r"[#/]", iri.rstrip("/#"))[-1] or iri


def _name_of(source: str) -> str:
    """A document id from its source: a file's stem, a URL's last path segment."""
    base = source.split("?")[0]
    return Path(_local_name(base.split("#")[0] or base)).stem


def _words(text: str) -> str:
    return re.sub(r"(?:'s|’s)$", "", " ".join(text.split())).casefold()
