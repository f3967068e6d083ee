"""Step 1: W3C Web Annotation and Hypothesis exports in their own words, with positions.

The classes keep the spec's names (Annotation, SpecificResource, TextQuoteSelector,
TextPositionSelector, TextualBody...) and the Hypothesis API's (a row with ``tags``,
``text``, ``target``). ``Parser`` builds them from the loaded JSON and reports a wrong
structure (FS203) or a missing member (FS202) at the node's line and column.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from factsheet.diagnostics import Diagnostic
from factsheet.readers.tree import Path_, SourceMap

#: Namespace of the ``fs:`` extension terms (``fs:articles``, ``fs:attribute``).
NAMESPACE = "https://example.org/ns/factsheet#"

#: (line, column) of a node in the export, 1-based.
Where = tuple[int | None, int | None]


@dataclass(frozen=True, slots=True)
class TextQuoteSelector:
    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True, slots=True)
class TextPositionSelector:
    start: int
    end: int


Selector = TextQuoteSelector | TextPositionSelector


@dataclass(slots=True)
class SpecificResource:
    """A target: part of the ``source`` document, chosen by alternative selectors."""

    source: str
    selectors: list[Selector]
    other: list[str]  # types of the selectors not read
    at: Where


@dataclass(slots=True)
class ExternalResource:
    """A body or target given by its IRI: another annotation, an entity, a concept."""

    id: str
    purpose: str | None
    at: Where


@dataclass(slots=True)
class TextualBody:
    value: str
    purpose: str | None
    attribute: str | None  # the fs:attribute extension
    at: Where


@dataclass(slots=True)
class Annotation:
    id: str
    motivation: list[str]
    bodies: list[TextualBody | ExternalResource]
    targets: list[SpecificResource | ExternalResource]
    at: Where


@dataclass(slots=True)
class Article:
    """One entry of the ``fs:articles`` extension: what names and holds a source's text."""

    source: str
    id: str | None
    text: str | None
    title: str | None
    language: str | None
    at: Where


@dataclass(slots=True)
class AnnotationCollection:
    annotations: list[Annotation]
    articles: list[Article]
    label: str | None
    at: Where


@dataclass(slots=True)
class HypothesisRow:
    id: str
    uri: str
    text: str
    tags: list[tuple[str, Where]]
    target: list[SpecificResource]
    title: str | None
    is_reply: bool
    at: Where


class Parser:
    """Builds the model from loaded JSON; problems become diagnostics, never exceptions."""

    def __init__(self, smap: SourceMap, diagnostics: list[Diagnostic]) -> None:
        self.smap, self.diagnostics = smap, diagnostics

    def at(self, path: Path_) -> Where:
        return self.smap.find(path)

    def error(self, code: str, message: str, path: Path_, hint: str | None = None) -> None:
        self.diagnostics.append(self.smap.diagnostic(code, message, path, hint=hint))

    def string(self, node: dict[str, Any], key: str, path: Path_, required: bool = False
               ) -> str | None:
        value = node.get(key)
        if value is None:
            if required:
                self.error("FS202", f"{key!r} is missing", path)
            return None
        if not isinstance(value, str):
            self.error("FS203", f"{key!r} must be a string, not {_kind(value)}", (*path, key))
            return None
        return value

    # W3C ----------------------------------------------------------------------------------
    def collection(self, root: Any) -> AnnotationCollection | None:
        annotations: list[Annotation] = []
        label = None
        if isinstance(root, list):
            items: list[tuple[Any, Path_]] = [(v, (i,)) for i, v in enumerate(root)]
        elif isinstance(root, dict) and "AnnotationCollection" in _types(root):
            items = list(self._pages(root.get("first"), ("first",)))
            label = root.get("label") if isinstance(root.get("label"), str) else None
        elif isinstance(root, dict) and "AnnotationPage" in _types(root):
            items = list(self._pages(root, ()))
        elif isinstance(root, dict) and ("target" in root or "Annotation" in _types(root)):
            items = [(root, ())]
        else:
            self.error("FS203", f"the export holds {_kind(root)}: expected an Annotation, a "
                       "list of them or an AnnotationCollection", (),
                       hint="a Hypothesis export? pass --from hypothesis")
            return None
        for node, path in items:
            annotation = self.annotation(node, path)
            if annotation is not None:
                annotations.append(annotation)
        articles = self.articles(root) if isinstance(root, dict) else []
        return AnnotationCollection(annotations, articles, label, self.at(()))

    def _pages(self, page: Any, path: Path_) -> Iterator[tuple[Any, Path_]]:
        """Yield the items of ``page`` and of the pages embedded as its ``next``."""
        while page is not None:
            if not isinstance(page, dict):
                self.error("FS203", "the page is not embedded: pages named by IRI are not "
                           "fetched", path, hint="export the collection with its pages inline")
                return
            yield from _each(page.get("items"), (*path, "items"))
            page, path = page.get("next"), (*path, "next")

    def annotation(self, node: Any, path: Path_) -> Annotation | None:
        if not isinstance(node, dict):
            self.error("FS203", f"an annotation must be an object, not {_kind(node)}", path)
            return None
        types = _types(node)
        if types and "Annotation" not in types:
            self.error("FS203", f"expected an Annotation here, found type {types[0]!r}", path)
            return None
        ident = self.string(node, "id", path) or ""
        motivation = [m for m, _ in self.strings(node.get("motivation"), (*path, "motivation"))]
        bodies = [b for b in (self.body(v, p) for v, p in _each(node.get("body"),
                                                                   (*path, "body"))) if b]
        value = self.string(node, "bodyValue", path)
        if value is not None:
            bodies.append(TextualBody(value, None, None, self.at((*path, "bodyValue"))))
        if "target" not in node:
            self.error("FS202", f"annotation {ident or '(no id)'} has no target", path)
            return None
        targets = [t for t in (self.target(v, p) for v, p in _each(node["target"],
                                                                    (*path, "target"))) if t]
        return Annotation(ident, motivation, bodies, targets, self.at(path))

    def strings(self, node: Any, path: Path_) -> list[tuple[str, Path_]]:
        found = []
        for value, where in _each(node, path):
            if isinstance(value, str):
                found.append((value, where))
            else:
                self.error("FS203", f"expected a string, not {_kind(value)}", where)
        return found

    def body(self, node: Any, path: Path_) -> TextualBody | ExternalResource | None:
        if isinstance(node, str):
            return ExternalResource(node, None, self.at(path))
        if not isinstance(node, dict):
            self.error("FS203", f"a body must be an object or an IRI, not {_kind(node)}", path)
            return None
        purposes = self.strings(node.get("purpose"), (*path, "purpose"))
        purpose = purposes[0][0] if purposes else None
        if "TextualBody" in _types(node) or "value" in node:
            value = node.get("value")
            if not isinstance(value, str):
                self.error("FS203", f"a TextualBody's value must be a string, not "
                           f"{_kind(value)}", (*path, "value"),
                           hint='quote it: "value": "56"' if _is_number(value) else None)
                return None
            attribute = node.get("attribute", node.get("fs:attribute",
                                                      node.get(NAMESPACE + "attribute")))
            return TextualBody(value, purpose, attribute if isinstance(attribute, str) else None,
                               self.at(path))
        ident = node.get("source", node.get("id"))
        if isinstance(ident, str):
            return ExternalResource(ident, purpose, self.at(path))
        self.error("FS203", "a body needs a value (TextualBody) or an IRI (id or source)", path)
        return None

    def target(self, node: Any, path: Path_) -> SpecificResource | ExternalResource | None:
        if isinstance(node, str):
            return ExternalResource(node, None, self.at(path))
        if not isinstance(node, dict):
            self.error("FS203", f"a target must be an object or an IRI, not {_kind(node)}",
                       path)
            return None
        if "source" not in node and "selector" not in node and isinstance(node.get("id"), str):
            return ExternalResource(node["id"], None, self.at(path))
        source = self.string(node, "source", path, required=True)
        if source is None:
            return None
        selectors: list[Selector] = []
        other: list[str] = []
        for value, where in _each(node.get("selector"), (*path, "selector")):
            selector = self.selector(value, where)
            if isinstance(selector, str):
                other.append(selector)
            elif selector is not None:
                selectors.append(selector)
        return SpecificResource(source, selectors, other, self.at(path))

    def selector(self, node: Any, path: Path_) -> Selector | str | None:
        if not isinstance(node, dict):
            self.error("FS203", f"a selector must be an object, not {_kind(node)}", path)
            return None
        kind = _types(node)[0] if _types(node) else "(no type)"
        if kind == "TextQuoteSelector":
            exact = self.string(node, "exact", path, required=True)
            if exact is None:
                return None
            return TextQuoteSelector(exact, self.string(node, "prefix", path) or "",
                                     self.string(node, "suffix", path) or "")
        if kind == "TextPositionSelector":
            for key in ("start", "end"):
                if key not in node:
                    self.error("FS202", f"{key!r} is missing", path)
                    return None
                if not _is_offset(node[key]):
                    self.error("FS203", f"{key!r} must be a whole number >= 0, not "
                               f"{node[key]!r}", (*path, key))
                    return None
            start, end = int(node["start"]), int(node["end"])
            if end < start:
                self.error("FS203", f"end {end} is before start {start}", (*path, "end"))
                return None
            return TextPositionSelector(start, end)
        return kind

    def articles(self, root: dict[str, Any]) -> list[Article]:
        key = next((k for k in ("fs:articles", NAMESPACE + "articles") if k in root), None)
        found = []
        for node, path in _each(root.get(key) if key else None, (key or "",)):
            if not isinstance(node, dict):
                self.error("FS203", f"an fs:articles entry must be an object, not "
                           f"{_kind(node)}", path)
                continue
            source = self.string(node, "source", path, required=True)
            ident, text, title, language = (self.string(node, k, path)
                                            for k in ("id", "text", "title", "language"))
            if source is not None:
                found.append(Article(source, ident, text, title, language, self.at(path)))
        return found

    # Hypothesis ---------------------------------------------------------------------------
    def rows(self, root: Any) -> list[HypothesisRow] | None:
        if isinstance(root, dict) and isinstance(root.get("rows"), list):
            items = _each(root["rows"], ("rows",))
        elif isinstance(root, dict) and isinstance(root.get("annotations"), list):
            items = _each(root["annotations"], ("annotations",))
        elif isinstance(root, list):
            items = _each(root, ())
        elif isinstance(root, dict) and "target" in root:
            items = [(root, ())]
        else:
            self.error("FS203", f"the export holds {_kind(root)}: expected Hypothesis search "
                       'results {"rows": [...]} or an export {"annotations": [...]}', ())
            return None
        return [r for r in (self.row(v, p) for v, p in items) if r is not None]

    def row(self, node: Any, path: Path_) -> HypothesisRow | None:
        if not isinstance(node, dict):
            self.error("FS203", f"an annotation must be an object, not {_kind(node)}", path)
            return None
        ident = self.string(node, "id", path, required=True) or ""
        text = self.string(node, "text", path) or ""
        tags = [(t, self.at(p)) for t, p in self.strings(node.get("tags"), (*path, "tags"))]
        targets = [t for t in (self.target(v, p) for v, p in _each(node.get("target"),
                                                                    (*path, "target")))
                   if isinstance(t, SpecificResource)]
        uri = self.string(node, "uri", path) or (targets[0].source if targets else "")
        title = None
        document = node.get("document")
        if isinstance(document, dict):
            titles = document.get("title")
            title = titles[0] if isinstance(titles, list) and titles else titles
        return HypothesisRow(ident, uri, text, tags, targets,
                             title if isinstance(title, str) else None,
                             bool(node.get("references")), self.at(path))


def _each(node: Any, path: Path_) -> list[tuple[Any, Path_]]:
    """A JSON-LD value as (item, path) pairs: a list's items, or the single value."""
    if node is None:
        return []
    if isinstance(node, list):
        return [(value, (*path, i)) for i, value in enumerate(node)]
    return [(node, path)]


def _types(node: dict[str, Any]) -> list[str]:
    value = node.get("type", node.get("@type"))
    values = value if isinstance(value, list) else [value]
    return [v.removeprefix("oa:") for v in values if isinstance(v, str)]


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    return {dict: "an object", list: "a list", str: "a string", bool: "true or false"}.get(
        type(value), "a number")


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_offset(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0
