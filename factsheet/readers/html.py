"""Inline-annotated HTML articles: ``data-fact`` attributes on ordinary HTML elements.

Supports (docs/formats/inline-html.md): one ``<article data-id ...>`` per article, metadata in
its ``data-*`` attributes; paragraphs from block elements (p, h1–h6, li, blockquote,
figcaption, pre...), joined by blank lines, with whitespace collapsed as a browser shows it;
``data-fact="party|commitment|position|quote|statistic|photo"`` with the fact's fields as
``data-*`` attributes; ``data-ref`` for more evidence of a fact; empty elements with
``data-begin``/``data-end`` for overlapping spans; facts outside the article (metadata only);
``<section data-summary>`` with ``data-point`` items; ``data-related`` on the link of an
"ALSO READ:" paragraph (title from its words, URL from ``href``). Compiled through the XML
vocabulary, so both formats mean exactly the same thing.
Does not support: scripts or styles (ignored), iframes, remote resources (never fetched).
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree, html

from factsheet.diagnostics import Diagnostic
from factsheet.readers.base import Loaded
from factsheet.readers.source import TextFile, describe_char, find_bad_chars, line_col
from factsheet.readers.tree import SourceMap
from factsheet.readers.xml import FACTS, Compiler, Refused, checked
from factsheet.validation import did_you_mean

BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption",
                    "pre", "dt", "dd", "header", "footer", "figure", "div", "section", "ul",
                    "ol", "dl", "table", "tr", "td", "th", "aside", "address", "hr"})
SKIPPED = frozenset({"script", "style", "template", "noscript", "iframe", "object", "embed"})
_SPACE = re.compile(r"[ \t\n\r\f]+")


def read_html(source: TextFile, diagnostics: list[Diagnostic]) -> Loaded:
    """Return the annotation mapping compiled from an inline-annotated HTML article."""
    smap = SourceMap(source.name)
    bad = find_bad_chars(source.text)  # as in YAML and JSON files: the parser would keep them
    for offset in bad:
        line, col = line_col(source.text, offset)
        diagnostics.append(Diagnostic(
            "FS107", f"control character {describe_char(source.text[offset])} in file",
            file=source.name, line=line, column=col))
    if bad:
        return Loaded(None, smap, {})
    parser = html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True,
                             recover=True, default_doctype=False)
    try:
        document = html.document_fromstring(source.text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        diagnostics.append(Diagnostic("FS101", f"invalid HTML: {exc}", file=source.name,
                                      line=1, column=1))
        return Loaded(None, smap, {})
    converter = _Converter()
    compiler = Compiler(source, smap)
    try:
        _refuse_control_characters(document, compiler)
        root = converter.convert(document, compiler)
        origins = _start_tags(source.text, document)
        compiler.starts = {el: origins[id(html_el)] for el, html_el in converter.origin.items()
                           if id(html_el) in origins}
        data = compiler.compile(root)
    except Refused as refused:
        diagnostics.append(refused.diagnostic)
        return Loaded(None, smap, {})
    return checked(Loaded(data, smap, compiler.texts), diagnostics)


class _Converter:
    """Rewrites the HTML tree into the XML vocabulary, remembering each element's origin.

    The article body is first flattened into a stream of tokens (text, open, close, empty),
    where whitespace is collapsed and paragraph breaks placed as a browser would show them;
    the stream is then built into the ``<text>`` element the XML compiler reads.
    """

    def __init__(self) -> None:
        self.origin: dict[Any, Any] = {}
        self.tokens: list[tuple[Any, ...]] = []
        self.space = True  # the text so far ends in whitespace (collapse what follows)
        self.written = False  # some text has been written into the current article
        self.related: list[Any] = []  # <related> elements of the current article

    def convert(self, document: Any, compiler: Compiler) -> Any:
        self.compiler = compiler
        root = etree.Element("factsheet", version="1")
        self.origin[root] = document
        articles = document.xpath("//article[@data-id]")
        if not articles:
            raise compiler.fail(document, "FS113", "no <article data-id=...> element",
                                'wrap the article in <article data-id="ID" data-title=...>')
        # Document order, as in the XML vocabulary: a fact outside the articles counts where it
        # stands. ``data-summary`` on a fact element is the fact's field, not a summary section.
        for el in document.xpath("//article[@data-id] | //*[@data-fact]"
                                 " | //*[@data-summary][not(@data-fact)]"):
            # ``articles`` holds the proxies, so lxml hands back the same objects here.
            if el in articles:
                root.append(self._article(el, compiler))
            elif el.get("data-fact") is None:
                root.append(self._summary(el))
            elif not any(a in articles for a in el.iterancestors()):
                root.append(self._element(self._fact_tag(el, compiler), el,
                                          _fields(el)))
        return root

    def _element(self, tag: str, source: Any, attrs: dict[str, str]) -> Any:
        el = etree.Element(tag)
        for name, value in attrs.items():
            try:
                el.set(name, value)
            except ValueError:  # HTML allows attribute names XML does not (data-1x, data-a:b)
                raise _fail(self.compiler, source, f"unknown attribute {name!r} on <{tag}>",
                            None) from None
        self.origin[el] = source
        return el

    def _article(self, article: Any, compiler: Compiler) -> Any:
        out = self._element("article", article, _data_attrs(article))
        text = self._element("text", article, {})
        out.append(text)
        self.tokens, self.space, self.written, self.related = [], True, False, []
        self._walk(article, compiler, preformatted=False)
        self._break("\n")
        _build(text, self.tokens, self._element)
        out.extend(self.related)
        return out

    def _fact_tag(self, el: Any, compiler: Compiler) -> str:
        kind = el.get("data-fact")
        if kind not in FACTS:
            raise _fail(compiler, el, f"unknown data-fact {kind!r}",
                        did_you_mean(kind or "", FACTS))
        return str(kind)

    def _summary(self, el: Any) -> Any:
        out = self._element("summary", el, {})
        for point in el.xpath(".//*[@data-point]"):
            item = self._element("point", point, {})
            item.text = _SPACE.sub(" ", point.text_content()).strip()
            out.append(item)
        return out

    def _walk(self, el: Any, compiler: Compiler, preformatted: bool) -> None:
        preformatted = preformatted or el.tag == "pre"
        text = el.text
        if el.tag == "pre" and text and text.startswith("\n"):
            text = text[1:]  # browsers drop a line break right after <pre>; libxml2 keeps it
        self._text(text, preformatted)
        for child in el:
            if isinstance(child.tag, str) and child.tag not in SKIPPED:
                self._child(child, compiler, preformatted)
            self._text(child.tail, preformatted)

    def _child(self, child: Any, compiler: Compiler, preformatted: bool) -> None:
        for marker in ("begin", "end"):
            if child.get(f"data-{marker}") is not None:
                if len(child) or child.text:  # its words would vanish from the text
                    raise _fail(compiler, child, f"an element with data-{marker} must be empty",
                                f'write <span data-{marker}="ID"></span> where the span '
                                f"{'starts' if marker == 'begin' else 'ends'}")
                self.tokens.append(("empty", marker, {"ref": child.get(f"data-{marker}")},
                                    child))
                return
        if child.tag == "br":
            self._break("\n", strip=" ")
            return
        if child.get("data-related") is not None:
            attrs = {"title": _SPACE.sub(" ", child.text_content()).strip()}
            if child.get("href"):
                attrs["url"] = child.get("href")
            self.related.append(self._element("related", child, attrs))
        block = child.tag in BLOCKS
        if block:
            self._break("\n\n")
        opened = False
        if child.get("data-fact") is not None:
            self.tokens.append(("open", self._fact_tag(child, compiler), _fields(child), child))
            opened = True
        elif child.get("data-ref") is not None:
            self.tokens.append(("open", "span", {"ref": child.get("data-ref")}, child))
            opened = True
        self._walk(child, compiler, preformatted)
        if opened:
            self._close()
        if block:
            self._break("\n\n")

    def _text(self, text: str | None, preformatted: bool) -> None:
        if not text:
            return
        if not preformatted:
            text = _SPACE.sub(" ", text)
            if self.space:
                text = text.lstrip(" ")
            elif text.startswith(" ") and self.tokens[-1][0] == "open":
                # Move a leading space out of the elements just opened (their span starts at
                # a word), as _close does at the end.
                i = len(self.tokens)
                while self.tokens[i - 1][0] == "open":
                    i -= 1
                self.tokens.insert(i, ("text", " "))
                self.space = True
                text = text[1:]
        if text:
            self.tokens.append(("text", text))
            self.space = text[-1] in " \n"
            self.written = True

    def _close(self) -> None:
        """Close an element, moving a trailing space out of it (its span ends at a word)."""
        last = self.tokens[-1]
        if last[0] == "pending-space":  # moved out of an element nested at its very end
            self.tokens.pop()
        elif last[0] == "text" and last[1].endswith(" "):
            self.tokens[-1] = ("text", last[1][:-1])  # one space: <pre> keeps the others
        else:
            self.tokens.append(("close",))
            return
        self.tokens += [("close",), ("pending-space",)]

    def _break(self, separator: str, strip: str = " \n") -> None:
        if not self.written:
            return
        # Drop trailing spaces (wherever they sit among tags), then end with the separator.
        # A <br> keeps the line breaks before it (strip=" "), so <br><br> shows an empty line.
        for i in range(len(self.tokens) - 1, -1, -1):
            kind = self.tokens[i][0]
            if kind == "pending-space":
                self.tokens[i] = ("text", "")
            elif kind == "text":
                stripped = self.tokens[i][1].rstrip(strip)
                self.tokens[i] = ("text", stripped)
                if stripped:
                    break
        self.tokens.append(("text", separator))
        self.space = True


def _fail(compiler: Compiler, el: Any, message: str, hint: str | None,
          code: str = "FS113") -> Refused:
    """Refuse ``el`` while converting, before the compiler knows where elements start."""
    found = _start_tags(compiler.source.text, el.getroottree().getroot())
    compiler.starts = {el: found[id(el)]} if id(el) in found else {}
    return compiler.fail(el, code, message, hint)


def _refuse_control_characters(document: Any, compiler: Compiler) -> None:
    """Refuse control characters written as character references (``&#7;``)."""
    for el in document.iter():
        if not isinstance(el.tag, str):
            continue
        for value, where in ((el.text, el), (el.tail, el.getparent()),
                             *((v, el) for v in el.attrib.values())):
            bad = find_bad_chars(value) if value else []
            if bad:
                raise _fail(compiler, el if where is None else where,
                            f"control character {describe_char(value[bad[0]])} in the document",
                            "remove it; character references cannot write control characters",
                            code="FS107")


_START_TAG = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<[!?][^>]*>|<([A-Za-z][\w:-]*)",
                        re.DOTALL)


def _start_tags(text: str, document: Any) -> dict[int, int]:
    """Map the id of each element of ``document`` to the offset of its start tag in ``text``.

    The HTML parser adds elements the source never wrote (html, head, body): each element is
    matched to the next start tag of the same name, and elements with none are left out.
    """
    tags = [(m.group(1).lower(), m.start()) for m in _START_TAG.finditer(text) if m.group(1)]
    found: dict[int, int] = {}
    position = 0
    for el in document.iter():
        if not isinstance(el.tag, str):
            continue
        name = el.tag.lower()
        for i in range(position, min(len(tags), position + 64)):
            if tags[i][0] == name:
                found[id(el)] = tags[i][1]
                position = i + 1
                break
    return found


def _fields(el: Any) -> dict[str, str]:
    return {k: v for k, v in _data_attrs(el).items() if k != "fact"}


def _data_attrs(el: Any) -> dict[str, str]:
    return {k[5:]: v for k, v in el.attrib.items() if k.startswith("data-")}


def _build(root: Any, tokens: list[tuple[Any, ...]], make: Any) -> None:
    """Build ``root``'s content from the token stream."""
    stack = [root]
    for token in tokens:
        kind = token[0]
        if kind in ("text", "pending-space"):
            text = token[1] if kind == "text" else " "
            top = stack[-1]
            if len(top):
                top[-1].tail = (top[-1].tail or "") + text
            else:
                top.text = (top.text or "") + text
        elif kind == "open":
            el = make(token[1], token[3], token[2])
            stack[-1].append(el)
            stack.append(el)
        elif kind == "close":
            stack.pop()
        else:  # empty
            stack[-1].append(make(token[1], token[3], token[2]))
