"""Read a doccano sequence-labelling export: JSONL, one example (one document) a line.

Supported:

- Both export shapes: the classic ``{"text", "label": [[start, end, "Label"], ...]}`` and,
  with relations, ``{"text", "entities": [{"id", "label", "start_offset", "end_offset"}],
  "relations": [{"id", "from_id", "to_id", "type"}]}``. Older keys are read too: ``data``
  for the text, ``labels`` and ``annotations`` for the spans (a numeric label id becomes the
  label ``"3"``: rename it with ``--mapping``).
- Each line is one document: its id is ``"id"`` (else ``line-N``), its title ``"title"`` or
  ``meta.title``, its address ``"url"`` or ``meta.url``. Blank lines are skipped.
- Offsets. doccano stores no span text, so a span cannot be checked against its words; the
  offsets are read in the unit doccano counts, UTF-16 code units (JavaScript string
  indices, doccano#2290). They equal code points unless the text has characters outside
  the Basic Multilingual Plane (emoji, some CJK): then every offset is converted from UTF-16
  and the document gets one FS118 saying how many spans moved. An offset that falls inside
  such a character or past the end is an error (FS119).
- Every malformed line is reported at its line and column (FS101), a missing or mistyped
  field at the field (FS202, FS203); a repeated entity id is FS401.

Not supported:

- Projects set to count grapheme clusters (``grapheme_mode``) and exports whose offsets
  are code points although the text has astral characters (written by another program):
  both are read as UTF-16, which moves spans after such characters.
- Texts with CRLF are counted as stored, CR included; offsets counted by a browser that
  dropped the CRs (doccano#2114) shift, and without span text that cannot be detected.
- Text-classification exports (``"label": ["Politics"]``): they hold no spans (FS203).
- The per-example ``Comments`` list is ignored. doccano has no attributes, notes or
  discontinuous spans; what the convention needs from them is inferred (FS121).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factsheet.diagnostics import Diagnostic, has_errors
from factsheet.imports.model import ToolDocument, ToolRelation, ToolSpan
from factsheet.imports.offsets import SpanError, TextOffsets
from factsheet.readers.source import MAX_ANNOTATION_BYTES, TextFile, read_text
from factsheet.readers.tree import Path_, SourceMap, load_tree

_SPAN_KEYS = ("entities", "label", "labels", "annotations")
_YAML_BREAK = re.compile("\r\n|[\r\x85\u2028\u2029]")


# -- step 1: each line in doccano's own words ------------------------------------------------
@dataclass(frozen=True, slots=True)
class DoccanoEntity:
    """One labelled span: ``{"id", "label", "start_offset", "end_offset"}`` or
    ``[start_offset, end_offset, label]`` (then ``id`` is made up: ``span-N``)."""

    id: str
    label: str
    start_offset: int
    end_offset: int
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class DoccanoRelation:
    """``{"id", "from_id", "to_id", "type"}``: from an entity to an entity."""

    id: str
    type: str
    from_id: str
    to_id: str
    line: int
    column: int


@dataclass(slots=True)
class DoccanoExample:
    """One JSONL line: an example's text, spans and relations."""

    line: int
    id: str | None
    text: str
    entities: list[DoccanoEntity] = field(default_factory=list)
    relations: list[DoccanoRelation] = field(default_factory=list)
    title: str | None = None
    url: str | None = None


class _Bad(Exception):
    def __init__(self, code: str, message: str, where: Path_, hint: str | None = None
                 ) -> None:
        super().__init__(message)
        self.code, self.where, self.hint = code, where, hint


def read_doccano(path: Path, display: str, diagnostics: list[Diagnostic]
                 ) -> list[ToolDocument] | None:
    """Return one document per example of a doccano JSONL export, or None after errors."""
    before = len(diagnostics)
    source = read_text(path, display, MAX_ANNOTATION_BYTES, diagnostics)
    if source is None:
        return None
    examples = parse_jsonl(source, diagnostics)
    if has_errors(diagnostics[before:]):
        return None
    documents = [to_tool_document(example, display, diagnostics) for example in examples]
    return None if has_errors(diagnostics[before:]) else documents


def parse_jsonl(source: TextFile, diagnostics: list[Diagnostic]) -> list[DoccanoExample]:
    """Return the examples of a JSONL text; every bad line is reported, at its line."""
    examples = []
    for number, line in enumerate(source.text.split("\n"), 1):
        if not line.strip():
            continue
        found: list[Diagnostic] = []
        data, smap = load_tree(TextFile(source.name, line), "json", found)
        for d in found:  # positions are within the line: move them to the file
            d.line, d.column = number, _column(line, d.line, d.column)
            diagnostics.append(d)
        if data is None:
            continue
        try:
            examples.append(_example(data, number, smap, line))
        except _Bad as bad:
            diagnostics.append(Diagnostic(bad.code, str(bad), file=source.name, line=number,
                                          column=_column(line, *smap.find(bad.where)),
                                          hint=bad.hint))
    return examples


def _column(line: str, row: int | None, column: int | None) -> int:
    """Return the column in a JSONL line of a position counted as libyaml counts: it
    takes CR, NEL, U+2028 and U+2029 inside a string for line breaks."""
    start = 0
    for _ in range((row or 1) - 1):
        found = _YAML_BREAK.search(line, start)
        if found is None:
            break
        start = found.end()
    return start + (column or 1)


def _example(data: Any, number: int, smap: SourceMap, line: str) -> DoccanoExample:
    if not isinstance(data, dict):
        raise _Bad("FS203", "each line of a doccano export must be a JSON object", ())
    key = "text" if "text" in data else "data" if "data" in data else None
    if key is None:
        raise _Bad("FS202", "the example has no \"text\"", (),
                   "doccano examples hold their text under \"text\"")
    text = data[key]
    if not isinstance(text, str):
        raise _Bad("FS203", f"\"{key}\" must be a string", (key,))
    example = DoccanoExample(number, _scalar(data.get("id")), text,
                             title=_meta(data, "title"), url=_meta(data, "url"))

    def at(path: Path_) -> int:
        return _column(line, *smap.find(path))

    for span_key in _SPAN_KEYS:
        items = data.get(span_key)
        if items is None:
            continue
        if not isinstance(items, list):
            raise _Bad("FS203", f"\"{span_key}\" must be a list", (span_key,))
        for index, item in enumerate(items):
            where = (span_key, index)
            example.entities.append(_entity(item, where, len(example.entities), number,
                                            at(where)))
    relations = data.get("relations", [])
    if not isinstance(relations, list):
        raise _Bad("FS203", "\"relations\" must be a list", ("relations",))
    for index, item in enumerate(relations):
        where = ("relations", index)
        example.relations.append(_relation(item, where, index, number, at(where)))
    return example


def _entity(item: Any, where: Path_, count: int, number: int, column: int) -> DoccanoEntity:
    made_up = f"span-{count + 1}"
    if isinstance(item, list):
        if len(item) != 3:
            raise _Bad("FS203", "a span must be [start_offset, end_offset, label]", where)
        start, end, label = item
        ident = made_up
    elif isinstance(item, dict):
        for name in ("start_offset", "end_offset", "label"):
            if name not in item:
                raise _Bad("FS202", f"the span has no {name!r}", where)
        start, end, label = item["start_offset"], item["end_offset"], item["label"]
        ident = _scalar(item.get("id")) or made_up
    elif isinstance(item, str):
        raise _Bad("FS203", f"label {item!r} is a category, not a span: this looks like a "
                   "text-classification export", where,
                   "export a sequence-labelling project (spans with start and end offsets)")
    else:
        raise _Bad("FS203", "a span must be [start_offset, end_offset, label] or an object",
                   where)
    for name, value in (("start_offset", start), ("end_offset", end)):
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise _Bad("FS203", f"{name} must be a whole number ≥ 0, not {value!r}", where)
    if end < start:
        raise _Bad("FS203", f"end_offset {end} is before start_offset {start}", where)
    if _scalar(label) is None:
        raise _Bad("FS203", f"label must be a string, not {label!r}", where)
    return DoccanoEntity(ident, str(_scalar(label)), start, end, number, column)


def _relation(item: Any, where: Path_, index: int, number: int, column: int
              ) -> DoccanoRelation:
    if not isinstance(item, dict):
        raise _Bad("FS203", "a relation must be an object {from_id, to_id, type}", where)
    for name in ("from_id", "to_id", "type"):
        if _scalar(item.get(name)) is None:
            raise _Bad("FS202", f"the relation has no {name!r}", where)
    return DoccanoRelation(_scalar(item.get("id")) or f"relation-{index + 1}",
                           str(item["type"]), str(_scalar(item["from_id"])),
                           str(_scalar(item["to_id"])), number, column)


def _scalar(value: Any) -> str | None:
    """Return an id or label as text (doccano ids are numbers), or None."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    return str(value)


def _meta(data: dict[str, Any], name: str) -> str | None:
    meta = data.get("meta")
    value = data.get(name, meta.get(name) if isinstance(meta, dict) else None)
    return value.strip() or None if isinstance(value, str) else None


# -- step 2: doccano → ToolDocument ----------------------------------------------------------
def to_tool_document(example: DoccanoExample, display: str, diagnostics: list[Diagnostic]
                     ) -> ToolDocument:
    """Return the example as a document, its offsets read as UTF-16 units (FS118, FS119)."""
    offsets = TextOffsets(example.text)
    astral = any(ord(char) > 0xFFFF for char in example.text)
    spans: list[ToolSpan] = []
    seen: set[str] = set()
    moved: list[str] = []
    for entity in example.entities:
        if entity.id in seen:
            diagnostics.append(Diagnostic(
                "FS401", f"entity id {entity.id} is used twice in this example; the second "
                "is ignored", file=display, line=entity.line, column=entity.column))
            continue
        seen.add(entity.id)
        placed = _place(entity, offsets, astral, display, diagnostics)
        if placed is None:
            continue
        if placed != (entity.start_offset, entity.end_offset):
            moved.append(f"{entity.id} [{entity.start_offset}, {entity.end_offset}) → "
                         f"[{placed[0]}, {placed[1]})")
        spans.append(ToolSpan(entity.id, entity.label, [placed], line=entity.line,
                              column=entity.column))
    if moved:
        shown = "; ".join(moved[:3]) + ("; ..." if len(moved) > 3 else "")
        diagnostics.append(Diagnostic(
            "FS118", f"example {example.id or example.line}: the text has characters outside "
            f"the Basic Multilingual Plane (emoji...), so its offsets were read as UTF-16 "
            f"units, as doccano counts them; {len(moved)} span(s) moved: {shown}",
            file=display, line=example.line, column=1))
    relations = [ToolRelation(r.id, r.type, r.from_id, r.to_id, r.line, r.column)
                 for r in example.relations]
    return ToolDocument(example.id or f"line-{example.line}", example.text, spans, relations,
                        title=example.title, url=example.url, line=example.line)


def _place(entity: DoccanoEntity, offsets: TextOffsets, astral: bool, display: str,
           diagnostics: list[Diagnostic]) -> tuple[int, int] | None:
    """Return the code-point span of an entity, or None after an FS119."""
    start, end = entity.start_offset, entity.end_offset
    try:
        if astral:
            converted = offsets.utf16_to_code_points(start, end)
            if converted is None:
                raise SpanError(f"offsets [{start}, {end}) read as UTF-16 units fall inside "
                                "a character or past the end of the text")
            start, end = converted
        fixed = offsets.fix(start, end, None)
    except SpanError as error:
        diagnostics.append(Diagnostic(
            "FS119", f"{entity.id} ({entity.label}): {error}", file=display,
            line=entity.line, column=entity.column,
            hint="check that the example's text is the one that was annotated"))
        return None
    return fixed.start, fixed.end
