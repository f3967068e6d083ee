"""Read brat standoff: ``DOC.ann`` and the ``DOC.txt`` beside it that it annotates.

Supported:

- ``T`` text-bound annotations, discontinuous ones included (``T2<TAB>Commitment 0 7;12 30``):
  one span with several fragments. Each fragment is checked against the stored text, which
  brat writes as the fragments joined with one space (files older than brat 1.3 joined them
  with none; both are read).
- ``R`` relations: ``Arg1`` is the source (the fact), ``Arg2`` the target (the party). Other
  role names, from a project's own ``annotation.conf``, are read in the order written.
- ``A`` attributes (``A1<TAB>stance T1 oppose``: the value is everything after the target,
  spaces included) and legacy ``M`` modifiers. An attribute without a value is binary and
  reads ``"true"``.
- ``#`` notes (``AnnotatorNotes``): the span's note (a photo credit's caption). Several
  notes on one span are joined with a space.
- ``N`` normalisations (``N1<TAB>Reference T1 Wikidata:Q403``): the span's entity, here
  ``"Wikidata:Q403"``; mentions with the same entity become one party. The first one of a
  span wins.
- Offsets are code points into the ``.txt`` exactly as read: a byte-order mark and every CR
  count, as the brat server counts them. Offsets counted in UTF-16 units (the brat client
  after an emoji, brat#1115), with CRLF as one character (brat#853) or in UTF-8 bytes are
  repaired and reported (FS118); a span found nowhere is an error (FS119).

Not supported:

- ``E`` events are skipped without a message, with the attributes, notes and normalisations
  on them: the convention has no events (mark the fact as a ``T`` span instead).
- ``*`` equivalences (``Equiv T1 T2``) are skipped: mentions merge by entity (``N``) or by
  name.
- ``annotation.conf`` is not read: labels follow the convention or ``--mapping``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from factsheet.diagnostics import Diagnostic, has_errors
from factsheet.imports.model import ToolDocument, ToolRelation, ToolSpan
from factsheet.imports.offsets import Fixed, SpanError, TextOffsets
from factsheet.paths import resolve_inside
from factsheet.readers.source import (
    MAX_ANNOTATION_BYTES,
    MAX_ARTICLE_BYTES,
    TextFile,
    describe_char,
    find_bad_chars,
    line_col,
    read_text,
)

_ID = re.compile(r"(?:[A-Za-z]+|#[A-Za-z]*)[0-9]+\S*")
_HINT = "brat lines are ID<TAB>DATA[<TAB>TEXT]; see the brat standoff format"


# -- step 1: the .ann in brat's own words ----------------------------------------------------
@dataclass(frozen=True, slots=True)
class BratTextBound:
    """``T1<TAB>Party 0 7;12 20<TAB>Serbia Romania``: a labelled run of the text."""

    id: str
    type: str
    spans: tuple[tuple[int, int], ...]
    text: str
    line: int
    column: int  # of the offsets


@dataclass(frozen=True, slots=True)
class BratRelation:
    """``R1<TAB>by Arg1:T1 Arg2:T3``: exactly two arguments, in the order written."""

    id: str
    type: str
    args: tuple[tuple[str, str], tuple[str, str]]  # (role, target id)
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class BratAttribute:
    """``A1<TAB>stance T1 oppose`` (value None: binary, as ``M1<TAB>Negated T1``)."""

    id: str
    type: str
    target: str
    value: str | None
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class BratNote:
    """``#1<TAB>AnnotatorNotes T1<TAB>free text``."""

    id: str
    type: str
    target: str
    text: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class BratNormalization:
    """``N1<TAB>Reference T1 Wikidata:Q403<TAB>Serbia``."""

    id: str
    type: str
    target: str
    resource: str
    entry: str
    text: str
    line: int
    column: int


@dataclass(slots=True)
class BratAnnotations:
    """Every line of a ``.ann`` file that the import reads, and the ids it skips."""

    text_bounds: list[BratTextBound] = field(default_factory=list)
    relations: list[BratRelation] = field(default_factory=list)
    attributes: list[BratAttribute] = field(default_factory=list)
    notes: list[BratNote] = field(default_factory=list)
    normalizations: list[BratNormalization] = field(default_factory=list)
    skipped: set[str] = field(default_factory=set)  # event ids
    lines: dict[str, int] = field(default_factory=dict)  # id → line, for duplicates


class _Malformed(Exception):
    def __init__(self, message: str, column: int) -> None:
        super().__init__(message)
        self.column = column


def read_brat(path: Path, display: str, diagnostics: list[Diagnostic]
              ) -> list[ToolDocument] | None:
    """Return the one document of a ``.ann`` file and its ``.txt``, or None after errors."""
    before = len(diagnostics)
    source = read_text(path, display, MAX_ANNOTATION_BYTES, diagnostics)
    annotations = parse_ann(source, diagnostics) if source is not None else None
    text = _read_txt(path, display, diagnostics)
    if annotations is None or text is None or has_errors(diagnostics[before:]):
        return None
    document = to_tool_document(path.stem, text, annotations, display, diagnostics)
    return None if has_errors(diagnostics[before:]) else [document]


def _read_txt(path: Path, display: str, diagnostics: list[Diagnostic]) -> str | None:
    """Return the text the ``.ann`` annotates (BOM kept: brat counts it), or None."""
    name = path.stem + ".txt"
    shown = str(Path(display).parent / name)
    target = resolve_inside(path.parent, name)
    if target is None:
        diagnostics.append(Diagnostic(
            "FS110", f"the text {name!r} leads outside the folder of {Path(display).name!r}",
            file=display, hint="put the .txt itself beside the .ann, not a link elsewhere"))
        return None
    found: list[Diagnostic] = []
    source = read_text(target, shown, MAX_ARTICLE_BYTES, found, keep_bom=True)
    for d in found:
        if d.code == "FS100":  # name the .ann too: that is the file the user gave
            d = Diagnostic("FS100", f"cannot read {name!r}, the text this file annotates: "
                           + d.message.removeprefix("cannot read file: "), file=display,
                           hint=f"brat keeps the text beside the .ann as {name}")
        diagnostics.append(d)
    if source is None:
        return None
    bad = find_bad_chars(source.text)
    for offset in bad:
        line, column = line_col(source.text, offset)
        diagnostics.append(Diagnostic(
            "FS107", f"control character {describe_char(source.text[offset])} in article "
            "text", file=shown, line=line, column=column, offset=offset))
    return None if bad else source.text


def parse_ann(source: TextFile, diagnostics: list[Diagnostic]) -> BratAnnotations:
    """Return the annotations of a ``.ann`` text; each malformed line is an FS101."""
    annotations = BratAnnotations()
    for offset in find_bad_chars(source.text):
        row, column = line_col(source.text, offset)
        diagnostics.append(Diagnostic(
            "FS107", f"control character {describe_char(source.text[offset])} in file",
            file=source.name, line=row, column=column))
    for number, line in enumerate(source.text.split("\n"), 1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        try:
            _parse_line(line, number, annotations, source.name, diagnostics)
        except _Malformed as bad:
            diagnostics.append(Diagnostic("FS101", f"malformed brat line: {bad}",
                                          file=source.name, line=number, column=bad.column,
                                          hint=_HINT))
    return annotations


def _parse_line(line: str, number: int, out: BratAnnotations, file: str,
                diagnostics: list[Diagnostic]) -> None:
    ident, tab, rest = line.partition("\t")
    if ident == "*":
        return  # an equivalence: not read (module docstring)
    if not tab:
        raise _Malformed("no TAB after the id", len(ident) + 1)
    if not _ID.fullmatch(ident):
        raise _Malformed(f"{ident!r} is not a brat id (T1, R1, E1, A1, M1, N1, #1)", 1)
    data, second_tab, tail = rest.partition("\t")
    column = len(ident) + 2  # where DATA starts
    if ident in out.lines:
        diagnostics.append(Diagnostic(
            "FS401", f"id {ident} is used twice (first at line {out.lines[ident]}); this line "
            "is ignored", file=file, line=number, column=1))
        return
    out.lines[ident] = number
    kind = ident[0]
    if kind == "T":
        out.text_bounds.append(_text_bound(ident, data, tail if second_tab else None, number,
                                           column))
    elif kind == "R":
        out.relations.append(_relation(ident, data, number, column))
    elif kind in "AM":
        out.attributes.append(_attribute(ident, data, number, column))
    elif kind == "#":
        out.notes.append(_note(ident, data, tail, number, column))
    elif kind == "N":
        out.normalizations.append(_normalization(ident, data, tail, number, column))
    elif kind == "E":
        out.skipped.add(ident)
    else:
        raise _Malformed(f"unknown annotation type {kind!r} (T, R, E, A, M, N, # are brat's)",
                         1)


def _words(data: str, column: int) -> list[tuple[str, int]]:
    """Return the space-separated words of ``data`` with their columns."""
    out, position = [], 0
    for word in data.split(" "):
        if word:
            out.append((word, column + position))
        position += len(word) + 1
    return out


def _text_bound(ident: str, data: str, tail: str | None, number: int, column: int
                ) -> BratTextBound:
    label, _, offsets = data.partition(" ")
    if not label or not offsets:
        raise _Malformed(f"{ident} needs a label and offsets: 'Label START END'", column)
    spans: list[tuple[int, int]] = []
    at = column + len(label) + 1
    for fragment in offsets.split(";"):
        parts = _words(fragment, at)
        if len(parts) != 2:
            raise _Malformed(f"fragment {fragment!r} of {ident} is not 'START END'", at)
        pair = []
        for word, where in parts:
            if not word.isascii() or not word.isdigit():
                raise _Malformed(f"offset {word!r} of {ident} is not a number", where)
            pair.append(int(word))
        if pair[0] > pair[1]:
            raise _Malformed(f"fragment {fragment.strip()!r} of {ident} ends before it starts",
                             at)
        if any(s < pair[1] and pair[0] < e for s, e in spans):
            raise _Malformed(f"fragments of {ident} overlap", at)
        spans.append((pair[0], pair[1]))
        at += len(fragment) + 1
    if tail is None:
        raise _Malformed(f"{ident} has no text after its offsets (ID<TAB>Label S E<TAB>TEXT)",
                         column + len(data))
    return BratTextBound(ident, label, tuple(spans), tail, number, column + len(label) + 1)


def _relation(ident: str, data: str, number: int, column: int) -> BratRelation:
    words = _words(data, column)
    if len(words) != 3:
        raise _Malformed(f"{ident} must be 'Type Arg1:T1 Arg2:T2' (two arguments)", column)
    args = []
    for word, where in words[1:]:
        role, colon, target = word.partition(":")
        if not colon or not role or not target:
            raise _Malformed(f"argument {word!r} of {ident} is not ROLE:ID", where)
        args.append((role, target))
    if args[0][0] == "Arg2" and args[1][0] == "Arg1":
        args.reverse()  # the roles say which end is which, not their order
    if args[0][0] == args[1][0]:
        raise _Malformed(f"the two arguments of {ident} have the same role {args[0][0]!r}",
                         words[2][1])
    return BratRelation(ident, words[0][0], (args[0], args[1]), number, column)


def _attribute(ident: str, data: str, number: int, column: int) -> BratAttribute:
    # brat's (.+?) (.+?) (.+?)$: the value is everything after the target, spaces included.
    name, _, rest = data.partition(" ")
    target, _, value = rest.partition(" ")
    if not name or not target:
        raise _Malformed(f"{ident} must be 'Name TARGET [VALUE]'", column)
    if ident.startswith("M") and value:
        raise _Malformed(f"modifier {ident} takes no value ('Name TARGET')",
                         column + len(name) + len(target) + 2)
    return BratAttribute(ident, name, target, value or None, number, column)


def _note(ident: str, data: str, tail: str, number: int, column: int) -> BratNote:
    words = _words(data, column)
    if len(words) != 2:
        raise _Malformed(f"{ident} must be 'AnnotatorNotes TARGET<TAB>note'", column)
    return BratNote(ident, words[0][0], words[1][0], tail, number, column)


def _normalization(ident: str, data: str, tail: str, number: int, column: int
                   ) -> BratNormalization:
    words = _words(data, column)
    if len(words) != 3 or ":" not in words[2][0].strip(":"):
        raise _Malformed(f"{ident} must be 'Reference TARGET RESOURCE:ENTRY'", column)
    resource, _, entry = words[2][0].partition(":")
    return BratNormalization(ident, words[0][0], words[1][0], resource, entry, tail, number,
                             column)


# -- step 2: brat → ToolDocument -------------------------------------------------------------
def to_tool_document(doc_id: str, text: str, ann: BratAnnotations, display: str,
                     diagnostics: list[Diagnostic]) -> ToolDocument:
    """Return the document with every span verified against ``text`` (FS118, FS119)."""
    offsets = TextOffsets(text)
    spans: dict[str, ToolSpan] = {}
    for bound in ann.text_bounds:
        fragments = _place(bound, offsets, display, diagnostics)
        if fragments is not None:
            spans[bound.id] = ToolSpan(bound.id, bound.type, fragments, line=bound.line,
                                       column=bound.column)
    known = set(spans) | {r.id for r in ann.relations} | ann.skipped
    known |= {b.id for b in ann.text_bounds}  # unplaced spans are reported already

    def target(item: BratAttribute | BratNote | BratNormalization, what: str
               ) -> ToolSpan | None:
        if item.target not in known:
            diagnostics.append(Diagnostic(
                "FS120", f"{what} {item.id} points at {item.target!r}, which is not in the "
                "document; ignored", file=display, line=item.line, column=item.column))
        return spans.get(item.target)

    for attribute in ann.attributes:
        span = target(attribute, "attribute")
        if span is not None:
            span.attributes[attribute.type] = attribute.value or "true"
    for note in ann.notes:
        span = target(note, "note")
        if span is not None and note.text.strip():
            span.note = f"{span.note} {note.text.strip()}" if span.note else note.text.strip()
    for norm in ann.normalizations:
        span = target(norm, "normalisation")
        if span is not None and span.entity is None:
            span.entity = f"{norm.resource}:{norm.entry}"
    relations = [ToolRelation(r.id, r.type, r.args[0][1], r.args[1][1], r.line, r.column)
                 for r in ann.relations]
    return ToolDocument(doc_id, text, list(spans.values()), relations, line=1)


def _place(bound: BratTextBound, offsets: TextOffsets, display: str,
           diagnostics: list[Diagnostic]) -> list[tuple[int, int]] | None:
    """Return the verified fragments of a T annotation, or None after an FS119."""
    def fail(reason: str) -> None:
        diagnostics.append(Diagnostic(
            "FS119", f"{bound.id} ({bound.type}): {reason}", file=display, line=bound.line,
            column=bound.column,
            hint="check that the .txt is the file that was annotated, byte for byte"))

    pieces = _pieces(bound.text, bound.spans)
    if pieces is None:
        fail(f"its text {bound.text!r} does not split into its {len(bound.spans)} fragments")
        return None
    try:
        fixed = [offsets.fix(s, e, piece) for (s, e), piece in zip(bound.spans, pieces,
                                                                    strict=True)]
    except SpanError as error:
        fail(str(error))
        return None
    repairs = sorted({f.how for f in fixed if f.how})
    if repairs:
        diagnostics.append(Diagnostic(
            "FS118", f"{bound.id} ({bound.type}): offsets {_show(bound.spans)} did not select "
            f"{bound.text!r}; read as {' and '.join(repairs)} they do: {_show(fixed)}",
            file=display, line=bound.line, column=bound.column))
    return [(f.start, f.end) for f in fixed]


def _show(spans: tuple[tuple[int, int], ...] | list[Fixed]) -> str:
    pairs = [(s.start, s.end) if isinstance(s, Fixed) else s for s in spans]
    return ";".join(f"{s} {e}" for s, e in pairs)


def _pieces(text: str, spans: tuple[tuple[int, int], ...]) -> list[str] | None:
    """Return the stored text of each fragment: brat joins them with one space (or, before
    brat 1.3, none), and lengths may be in code points, UTF-16 units or UTF-8 bytes."""
    if len(spans) == 1:
        return [text]
    for separator in (" ", ""):
        for width in (_code_point, _utf16, _utf8):
            pieces = _split(text, spans, separator, width)
            if pieces is not None:
                return pieces
    return None


def _split(text: str, spans: tuple[tuple[int, int], ...], separator: str,
           width: Callable[[str], int]) -> list[str] | None:
    pieces, position = [], 0
    for index, (start, end) in enumerate(spans):
        if index and separator:
            if not text.startswith(separator, position):
                return None
            position += len(separator)
        begin, units = position, 0
        while units < end - start and position < len(text):
            units += width(text[position])
            position += 1
        if units != end - start:
            return None
        pieces.append(text[begin:position])
    return pieces if position == len(text) else None


def _code_point(char: str) -> int:
    return 1


def _utf16(char: str) -> int:
    return 2 if ord(char) > 0xFFFF else 1


def _utf8(char: str) -> int:
    return len(char.encode("utf-8", "surrogatepass"))
