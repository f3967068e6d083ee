"""Load YAML or JSON into plain Python data plus a map of where every node was written.

YAML is read event by event from libyaml (no recursion, so no stack overflow on deep input),
with a deliberately small schema: no aliases or anchors, no explicit tags, one document, and
YAML 1.2 scalars (``no``, ``on`` and ``NO`` stay strings: Norway's country code survives).
JSON is parsed by the standard library; its node positions come from the same event walk.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from factsheet.diagnostics import Diagnostic
from factsheet.readers.source import TextFile, describe_char, find_bad_chars, line_col

MAX_DEPTH = 64

Path_ = tuple[str | int, ...]

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False,
         "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_NOT_LINE_BREAKS = str.maketrans({"\t": " ", "\r": " ", "\x85": " ", "\u2028": " ",
                                  "\u2029": " "})
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_CORE_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "map",
                                                  "seq")}

try:
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader


@dataclass(slots=True)
class SourceMap:
    """Where each node of a loaded document was written (1-based line, column)."""

    file: str
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def find(self, path: Path_, key: bool = False) -> tuple[int | None, int | None]:
        """Return the position of ``path``, or of its nearest recorded ancestor."""
        if key and path in self.keys:
            return self.keys[path]
        while True:
            if path in self.values:
                return self.values[path]
            if not path:
                return None, None
            path = path[:-1]

    def diagnostic(self, code: str, message: str, path: Path_, key: bool = False,
                   hint: str | None = None) -> Diagnostic:
        line, col = self.find(path, key)
        return Diagnostic(code, message, file=self.file, line=line, column=col, hint=hint)


class _Stop(Exception):
    def __init__(self, diagnostic: Diagnostic) -> None:
        self.diagnostic = diagnostic


def load_tree(source: TextFile, kind: str, diagnostics: list[Diagnostic]) -> tuple[Any, SourceMap]:
    """Parse ``source`` as ``kind`` ("yaml" or "json"); return (data, positions).

    On failure a diagnostic is appended and ``data`` is None.
    """
    smap = SourceMap(source.name)
    text = source.text
    for offset in find_bad_chars(text):
        line, col = line_col(text, offset)
        diagnostics.append(Diagnostic(
            "FS107", f"control character {describe_char(text[offset])} in file",
            file=source.name, line=line, column=col))
    if any(d.code == "FS107" for d in diagnostics):
        return None, smap
    json_data: Any = None
    duplicates: list[str] = []
    if kind == "json":
        json_data = _load_json(source, diagnostics, duplicates)
        if json_data is None:
            return None, smap
        # Literal tabs in valid JSON are whitespace between tokens; libyaml refuses them.
        # Surrogate escapes become a same-length harmless escape, and characters libyaml
        # takes for line breaks (CR, NEL, LS, PS; JSON only breaks lines at LF) a space:
        # only positions are wanted, and they must count lines as messages do.
        text = _SURROGATE_ESCAPE.sub(r"\\u0041", text.translate(_NOT_LINE_BREAKS))
    try:
        data = _walk_events(text, smap)
    except _Stop as stop:
        # For JSON the data is already good and positions are a nicety, unless the walk
        # found what JSON's parser lets through: excessive depth or a repeated key.
        if kind == "json" and stop.diagnostic.code not in ("FS108", "FS109"):
            if duplicates:
                diagnostics.append(Diagnostic("FS108", f"duplicate key {duplicates[0]!r}",
                                              file=source.name, line=1, column=1))
                return None, smap
            return json_data, smap
        diagnostics.append(stop.diagnostic)
        return None, smap
    result = json_data if kind == "json" else data
    before = len(diagnostics)
    check_strings(result, (), smap, diagnostics)
    return (None if len(diagnostics) > before else result), smap


def check_strings(node: Any, path: Path_, smap: SourceMap, diagnostics: list[Diagnostic]) -> None:
    """Report control characters and lone surrogates that escapes smuggled into strings."""
    stack = [(node, path)]
    while stack:
        node, path = stack.pop()
        if isinstance(node, str):
            bad = find_bad_chars(node)
            if bad:
                diagnostics.append(smap.diagnostic(
                    "FS107", f"control character {describe_char(node[bad[0]])} in a string",
                    path))
        elif isinstance(node, dict):
            stack.extend((value, (*path, key)) for key, value in node.items())
        elif isinstance(node, list):
            stack.extend((value, (*path, i)) for i, value in enumerate(node))


def _load_json(source: TextFile, diagnostics: list[Diagnostic], duplicates: list[str]) -> Any:
    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in pairs:
            if key in result:
                duplicates.append(key)  # reported with its position by the event walk
            result[key] = value
        return result

    try:
        data = json.loads(source.text, object_pairs_hook=no_duplicates,
                          parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        diagnostics.append(Diagnostic("FS101", f"invalid JSON: {exc.msg}", file=source.name,
                                      line=exc.lineno, column=exc.colno))
        return None
    except RecursionError:
        diagnostics.append(Diagnostic("FS109", "JSON nests too deeply", file=source.name,
                                      line=1, column=1))
        return None
    except ValueError as exc:
        diagnostics.append(Diagnostic("FS101", str(exc), file=source.name, line=1, column=1))
        return None
    return data


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _mark(event: Any) -> tuple[int, int]:
    mark = event.start_mark
    return mark.line + 1, mark.column + 1


def _walk_events(text: str, smap: SourceMap) -> Any:
    """Build plain data from libyaml events, refusing aliases, anchors and tags."""
    stack: list[tuple[Any, Path_, list[Any]]] = []  # (container, path, [pending key])
    root: Any = None
    documents = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise _Stop(_at(smap, event, "FS112", "a second YAML document starts here",
                                    "keep one document per file (remove the extra '---')"))
                continue
            if isinstance(event, yaml.AliasEvent):
                raise _Stop(_at(smap, event, "FS104", f"YAML alias *{event.anchor} is not allowed",
                                "write the value out in full"))
            if isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent,
                                  yaml.SequenceStartEvent)):
                _refuse_anchor_and_tag(event, smap)
            if isinstance(event, yaml.ScalarEvent):
                value = _resolve(event)
                if stack and isinstance(stack[-1][0], dict) and not stack[-1][2]:
                    _take_key(stack[-1], str(value) if value is not None else "", event, smap)
                    continue
                root = _place(stack, value, event, smap, root)
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if stack and isinstance(stack[-1][0], dict) and not stack[-1][2]:
                    raise _Stop(_at(smap, event, "FS101", "a mapping key must be a plain value"))
                container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
                path = _place_path(stack)
                root = _place(stack, container, event, smap, root)
                if len(stack) >= MAX_DEPTH:
                    raise _Stop(_at(smap, event, "FS109", f"nesting deeper than {MAX_DEPTH}"))
                stack.append((container, path, []))
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        problem = exc.problem or exc.context or "malformed YAML"
        if "depth" in problem:  # libyaml's own nesting limit
            raise _Stop(Diagnostic("FS109", f"nesting deeper than {MAX_DEPTH}", file=smap.file,
                                   line=line, column=col)) from None
        raise _Stop(Diagnostic("FS101", f"invalid YAML: {problem}", file=smap.file, line=line,
                               column=col)) from None
    except yaml.YAMLError as exc:
        raise _Stop(Diagnostic("FS101", f"invalid YAML: {exc}", file=smap.file)) from None
    return root


def _at(smap: SourceMap, event: Any, code: str, message: str, hint: str | None = None
        ) -> Diagnostic:
    line, col = _mark(event)
    return Diagnostic(code, message, file=smap.file, line=line, column=col, hint=hint)


def _refuse_anchor_and_tag(event: Any, smap: SourceMap) -> None:
    if event.anchor is not None:
        raise _Stop(_at(smap, event, "FS104", f"YAML anchor &{event.anchor} is not allowed",
                        "write values out in full; anchors and aliases are refused"))
    tag = event.tag
    explicit = tag is not None and not (
        isinstance(event, yaml.ScalarEvent) and event.implicit[0] and tag == "!")
    if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
        explicit = tag is not None and not event.implicit
    if explicit and tag not in _CORE_TAGS:
        shown = tag.replace("tag:yaml.org,2002:", "!!")
        raise _Stop(_at(smap, event, "FS105", f"YAML tag {shown} is not allowed",
                        "annotation files hold plain data: remove the tag"))


def _resolve(event: Any) -> Any:
    """Resolve a scalar with the YAML 1.2 core schema (minus octal/hex)."""
    value = event.value
    if event.style or not event.implicit[0]:
        if event.tag == "tag:yaml.org,2002:int" and _INT.match(value):
            return int(value)
        if event.tag == "tag:yaml.org,2002:float" and _FLOAT.match(value):
            return float(value)
        return value
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    return value


def _place_path(stack: list[tuple[Any, Path_, list[Any]]]) -> Path_:
    if not stack:
        return ()
    container, path, pending = stack[-1]
    if isinstance(container, dict):
        return (*path, pending[0])
    return (*path, len(container))


def _take_key(frame: tuple[Any, Path_, list[Any]], key: str, event: Any, smap: SourceMap) -> None:
    container, path, pending = frame
    if key in container:
        first = smap.keys.get((*path, key))
        where = f" (first at line {first[0]})" if first else ""
        raise _Stop(_at(smap, event, "FS108", f"duplicate key {key!r}{where}",
                        "remove one of the two"))
    pending.append(key)
    smap.keys[(*path, key)] = _mark(event)


def _place(stack: list[tuple[Any, Path_, list[Any]]], value: Any, event: Any, smap: SourceMap,
           root: Any) -> Any:
    path = _place_path(stack)
    smap.values[path] = _mark(event)
    if not stack:
        return value
    container, _, pending = stack[-1]
    if isinstance(container, dict):
        container[pending.pop()] = value
    else:
        container.append(value)
    return root
