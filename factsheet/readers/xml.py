"""Inline-annotated XML articles: the article text with elements around annotated spans.

Supports (vocabulary in docs/formats/inline-xml.md): ``<factsheet>`` with ``<article>``
(metadata as attributes, the text in ``<text>``), fact elements ``party``, ``commitment``,
``position``, ``quote``, ``statistic``, ``photo`` inside the text (their content is evidence)
or outside it (metadata only); ``<span ref>`` for more evidence of a fact; ``<begin ref/>`` …
``<end ref/>`` milestones for spans that overlap other elements; ``<summary>``.
Does not support: DTDs, entities other than the predefined five and character references,
XInclude, namespaces, encodings other than UTF-8. Parsing never touches the network.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from lxml import etree

from factsheet.diagnostics import Diagnostic
from factsheet.readers.base import Loaded
from factsheet.readers.source import TextFile, line_col
from factsheet.readers.tree import SourceMap, check_strings
from factsheet.validation import did_you_mean

# element → (list in the annotation file, attributes holding space-separated lists)
FACTS: dict[str, tuple[str, frozenset[str]]] = {
    "party": ("parties", frozenset({"aliases"})),
    "commitment": ("commitments", frozenset({"by", "to"})),
    "position": ("positions", frozenset()),
    "quote": ("quotations", frozenset()),
    "statistic": ("statistics", frozenset({"value_range"})),
    "photo": ("photos", frozenset({"pictured"})),
}
ARTICLE_ATTRS = frozenset({"id", "title", "publisher", "byline", "agency", "url", "language",
                           "published", "updated", "datelines"})
NESTED = {"comparison": frozenset({"value", "value_range", "period", "direction"}),
          "image": frozenset({"path", "alt"})}
MARKERS = frozenset({"span", "begin", "end"})
_DOCTYPE = re.compile(r"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_DECL_ENCODING = re.compile(r"^<\?xml[^>]*encoding=[\"']([^\"']+)[\"']")
# Comments, CDATA and processing instructions, or the "<" that opens an element's start tag.
_MARKUP = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<(?=[^\s/!?])", re.DOTALL)


class Refused(Exception):
    """The document cannot be compiled; carries the one diagnostic that says why."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        self.diagnostic = diagnostic


def read_xml(source: TextFile, diagnostics: list[Diagnostic]) -> Loaded:
    """Return the annotation mapping compiled from an inline-annotated XML article."""
    smap = SourceMap(source.name)
    try:
        root = _parse(source)
        compiler = Compiler(source, smap)
        compiler.starts = _start_tags(source.text, root)
        data = compiler.compile(root)
    except Refused as refused:
        diagnostics.append(refused.diagnostic)
        return Loaded(None, smap, {})
    return checked(Loaded(data, smap, compiler.texts), diagnostics)


def checked(loaded: Loaded, diagnostics: list[Diagnostic]) -> Loaded:
    """Refuse control characters that character references (&#x7F;) let into the data."""
    before = len(diagnostics)
    check_strings(loaded.data, (), loaded.smap, diagnostics)
    return loaded if len(diagnostics) == before else Loaded(None, loaded.smap, {})


def _start_tags(text: str, root: Any) -> dict[Any, int]:
    """Map each element of ``root`` to the offset of the "<" that opens it in ``text``.

    lxml's ``sourceline`` is the line where a start tag ends, which misplaces tags written
    over several lines; the start tags are found in the source instead, in document order.
    """
    offsets = (m.start() for m in _MARKUP.finditer(text) if m.group() == "<")
    return dict(zip(root.iter(), offsets, strict=False))


def _parse(source: TextFile) -> Any:
    text = source.text
    found = _DOCTYPE.search(text)
    if found:
        line, col = line_col(text, found.start())
        raise Refused(Diagnostic("FS106", "DTDs and entity declarations are not allowed",
                                  file=source.name, line=line, column=col,
                                  hint="remove the <!DOCTYPE ...>; write characters directly"))
    declared = _DECL_ENCODING.match(text)
    if declared and declared[1].lower().replace("_", "-") not in {"utf-8", "utf8"}:
        raise Refused(Diagnostic("FS102", f"declared encoding {declared[1]!r}; files must be "
                                  "UTF-8", file=source.name, line=1, column=1))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             dtd_validation=False, huge_tree=False, remove_pis=True,
                             remove_comments=True, strip_cdata=True)
    try:
        return etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (None, None)
        message = exc.msg.split(", line ")[0] if exc.msg else "malformed XML"
        if "Excessive depth" in message:  # libxml2's own limit (256 without huge_tree)
            raise Refused(Diagnostic("FS109", "nesting deeper than 256 elements",
                                     file=source.name, line=line, column=col)) from None
        raise Refused(Diagnostic("FS101", f"invalid XML: {message}", file=source.name,
                                  line=line, column=col)) from None


class Compiler:
    """Walks the XML tree once, building the annotation mapping and the article texts."""

    def __init__(self, source: TextFile, smap: SourceMap) -> None:
        self.source, self.smap = source, smap
        self.line_starts = [0, *(m.end() for m in re.finditer("\n", source.text))]
        self.starts: dict[Any, int] = {}  # element → offset of its "<" in the source
        self.data: dict[str, Any] = {"articles": []}
        self.facts: dict[str, tuple[str, int]] = {}  # id → (list name, index)
        self.pending: list[tuple[str, dict[str, Any], Any]] = []  # evidence for refs
        self.texts: dict[str, str] = {}
        self.quote_texts: list[tuple[dict[str, Any], dict[str, Any]]] = []
        self.length = 0

    # -- positions -------------------------------------------------------------------------
    def where(self, el: Any) -> tuple[int, int]:
        """Return the line and column of the "<" that opens ``el``'s start tag."""
        offset = self.starts.get(el)
        if offset is None:
            return el.sourceline or 1, 1
        line = bisect.bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def fail(self, el: Any, code: str, message: str, hint: str | None = None) -> Refused:
        line, col = self.where(el)
        return Refused(Diagnostic(code, message, file=self.source.name, line=line, column=col,
                                   hint=hint))

    # -- the document ----------------------------------------------------------------------
    def compile(self, root: Any) -> dict[str, Any]:
        if root.tag != "factsheet":
            raise self.fail(root, "FS113", f"root element is <{root.tag}>, expected <factsheet>")
        self.smap.values[()] = self.where(root)
        self._attrs(root, {"version"}, ())
        if root.get("version") not in (None, "1"):
            raise self.fail(root, "FS203", f"version {root.get('version')!r} is not supported",
                            'use version="1"')
        for child in root:
            if child.tag == "article":
                self._article(child)
            elif child.tag in FACTS:
                self._fact(child, None)
            elif child.tag == "summary":
                self._summary(child)
            else:
                raise self._unknown(child, (*FACTS, "article", "summary"))
        for ref, evidence, el in self.pending:
            if ref not in self.facts:
                raise self.fail(el, "FS402", f"ref {ref!r} names no fact or party",
                                did_you_mean(ref, self.facts))
            name, index = self.facts[ref]
            key = "mentions" if name == "parties" else "evidence"
            self.data[name][index].setdefault(key, []).append(evidence)
        return self.data

    def _unknown(self, el: Any, allowed: Any) -> Refused:
        return self.fail(el, "FS113", f"unknown element <{el.tag}>",
                         did_you_mean(str(el.tag), allowed))

    def _attrs(self, el: Any, allowed: frozenset[str] | set[str], path: tuple[Any, ...]
               ) -> dict[str, str]:
        values = {}
        for name, value in el.attrib.items():
            key = name.replace("-", "_")
            base = key.split("_", 1)[0] if key.split("_", 1)[0] in NESTED else key
            if key not in allowed and base not in allowed:
                raise self.fail(el, "FS113", f"unknown attribute {name!r} on <{el.tag}>",
                                did_you_mean(key, allowed))
            values[key] = value
        return values

    def _article(self, el: Any) -> None:
        path = ("articles", len(self.data["articles"]))
        self.smap.values[path] = self.where(el)
        article: dict[str, Any] = self._attrs(el, ARTICLE_ATTRS, path)
        if "datelines" in article:
            article["datelines"] = [c.strip() for c in article["datelines"].split("/")]
        article_id = article.get("id", "")
        self.data["articles"].append(article)
        for child in el:
            if child.tag == "related":
                link = self._attrs(child, {"title", "url"}, path)
                article.setdefault("related", []).append(link)
            elif child.tag == "text":
                if child.attrib:
                    raise self.fail(child, "FS113", "<text> takes no attributes")
                if child.text and child.text.startswith("\n"):
                    child.text = child.text[1:]  # the line break after <text> is layout
                text = re.sub(r"[ \t]+\Z", "", self._text(child, article_id))
                article["text"] = text
                self.texts[article_id] = text
                for fact, evidence in self.quote_texts:
                    fact.setdefault("text", text[evidence["start"]:evidence["end"]])
                self.quote_texts.clear()
            else:
                raise self._unknown(child, ("related", "text"))

    # -- the text and the elements inside it ------------------------------------------------
    def _text(self, el: Any, article_id: str) -> str:
        pieces: list[str] = []
        self.length = 0
        open_begins: dict[str, tuple[int, Any]] = {}
        self._walk(el, pieces, article_id, open_begins)
        for ref, (_, marker) in open_begins.items():
            raise self.fail(marker, "FS113", f"<begin ref={ref!r}/> has no matching <end/>")
        return "".join(pieces)

    def _add(self, pieces: list[str], text: str | None) -> None:
        if text:
            pieces.append(text)
            self.length += len(text)

    def _walk(self, el: Any, pieces: list[str], article_id: str,
              open_begins: dict[str, tuple[int, Any]]) -> None:
        self._add(pieces, el.text)
        for child in el:
            start = self.length
            if child.tag in ("begin", "end"):
                ref = self._attrs(child, {"ref"}, ()).get("ref")
                if not ref:
                    raise self.fail(child, "FS202", f"<{child.tag}> needs ref=\"ID\"")
                if len(child) or child.text:
                    raise self.fail(child, "FS113", f"<{child.tag}/> must be empty")
                if child.tag == "begin":
                    if ref in open_begins:  # a second begin would silently drop the first
                        raise self.fail(child, "FS113", f"<begin ref={ref!r}/> is already open",
                                        "close it with <end/> before opening it again")
                    open_begins[ref] = (start, child)
                elif ref not in open_begins:
                    raise self.fail(child, "FS113", f"<end ref={ref!r}/> without <begin/>")
                else:
                    begin, marker = open_begins.pop(ref)
                    self.pending.append((ref, self._span(article_id, begin, start), marker))
            else:
                self._walk(child, pieces, article_id, open_begins)
                evidence = self._span(article_id, start, self.length)
                if child.tag == "span":
                    ref = self._attrs(child, {"ref"}, ()).get("ref")
                    if not ref:
                        raise self.fail(child, "FS202", '<span> needs ref="ID"')
                    self.pending.append((ref, evidence, child))
                elif child.tag in FACTS:
                    self._fact(child, evidence)
                else:
                    raise self._unknown(child, (*FACTS, *MARKERS))
            self._add(pieces, child.tail)

    @staticmethod
    def _span(article_id: str, start: int, end: int) -> dict[str, Any]:
        return {"article": article_id, "start": start, "end": end}

    def _fact(self, el: Any, evidence: dict[str, Any] | None) -> None:
        name, lists = FACTS[el.tag]
        if "ref" in el.attrib and evidence is not None:
            if len(el.attrib) > 1:
                raise self.fail(el, "FS113", f"<{el.tag} ref=...> takes no other attributes",
                                "fields go on the element that has the id")
            self.pending.append((el.get("ref"), evidence, el))
            return
        facts = self.data.setdefault(name, [])
        path = (name, len(facts))
        self.smap.values[path] = self.where(el)
        fact: dict[str, Any] = {}
        for key, value in self._attrs(el, _fields(el.tag), path).items():
            if key in NESTED:
                fields = ", ".join(f"{key}-{f.replace('_', '-')}" for f in sorted(NESTED[key]))
                raise self.fail(el, "FS113", f"attribute {key!r} cannot take a value on <{el.tag}>",
                                f"give its fields instead: {fields}")
            head, _, rest = key.partition("_")
            if head in NESTED and rest in NESTED[head]:
                fact.setdefault(head, {})[rest] = _split(value) if rest == "value_range" else value
            else:
                fact[key] = _split(value) if key in lists else value
        if "aliases" in fact:
            fact["aliases"] = [a.strip() for a in el.get("aliases").split(";") if a.strip()]
        if el.tag == "quote" and "text" not in fact and evidence is not None:
            self.quote_texts.append((fact, evidence))
        if evidence is not None and evidence["end"] > evidence["start"]:
            fact["mentions" if name == "parties" else "evidence"] = [evidence]
        fact_id = fact.get("id")
        if isinstance(fact_id, str) and fact_id not in self.facts:
            self.facts[fact_id] = (name, len(facts))
        facts.append(fact)

    def _summary(self, el: Any) -> None:
        self.smap.values[("summary",)] = self.where(el)
        summary: dict[str, Any] = {"key_points": []}
        self._attrs(el, set(), ("summary",))
        for child in el:
            if child.tag == "text":
                summary["text"] = "".join(child.itertext()).strip()
            elif child.tag == "point":
                summary["key_points"].append(" ".join("".join(child.itertext()).split()))
            else:
                raise self._unknown(child, ("text", "point"))
        self.data["summary"] = summary


def _fields(tag: str) -> frozenset[str]:
    from factsheet.model import annotations as model

    cls = {"party": model.PartyIn, "commitment": model.CommitmentIn,
           "position": model.PositionIn, "quote": model.QuotationIn,
           "statistic": model.StatisticIn, "photo": model.PhotoIn}[tag]
    names = set(cls.model_fields) - {"evidence", "mentions"}
    names.add("ref")
    return frozenset(names)


def _split(value: str) -> list[str]:
    return value.split()
