"""Read a Label Studio JSON export (the full "JSON" export: a list of tasks).

Supported:

- the full JSON export: a list of tasks, each ``{id, data, annotations, predictions, meta}``;
- span regions on a ``<Text>`` tag (``type: "labels"``): one span per label, so a region
  with two labels becomes two spans (the second one's id is ``<region id>#2``), and a
  relation to that region holds for each of them;
- per-region controls (``perRegion="true"``): ``number``, ``textarea``, ``choices`` (and
  ``rating``, ``datetime``, ``taxonomy`` by the same rule) results that share a region's
  ``id`` become attributes of its spans, named by their ``from_name``. A textarea's
  ``value.text`` is a list of strings: they are joined with "; "; several choices are
  joined with ", ". A control named ``entity`` gives the party's identity instead, so
  mentions written differently ("Jelena Đorđević", "Đorđević") make one party;
- a region's meta text (the region's note in the editor) becomes the span's note;
- relations (``type: "relation"``): ``direction`` "right" reads from_id → to_id, "left"
  to_id → from_id, "bi" as drawn (the end that is a party decides anyway); one relation per
  entry of ``labels``, and "by" when ``labels`` is empty or missing;
- one annotation per task: cancelled ones (``was_cancelled: true``, the "Skip" button) are
  left out; of the others the ground-truth one wins, then the most recently updated
  (``updated_at``, then the highest ``id``). ``predictions`` are read only when a task has no
  annotation at all, the best-scoring first, and that is reported (FS121);
- tasks without any annotation or prediction are not annotated yet, and tasks whose
  annotations are all cancelled were skipped by their annotators: both are left out (an
  export where that leaves nothing is an error, FS203);
- the text is ``data[to_name]``, else ``data.text``, else the one field of ``data`` that
  holds the regions' words; the title, url and language come from ``data`` or ``meta``;
- offsets: current Label Studio writes code points, exports made before 2021 UTF-16 units
  (label-studio#1008, #1347). Each region is checked against its ``value.text``; a region
  placed by another reading is repaired (FS118), one that cannot be placed is an error
  (FS119). ``\\r\\n`` counts as two characters, as Label Studio counts it, and so does a
  byte-order mark that starts a text (the article drops it later, moving the offsets).

Not supported:

- JSON_MIN and CSV exports (they drop region ids and relations), snapshot ``drafts``;
- regions on other tags (``hypertextlabels``, ``paragraphlabels``, ``rectanglelabels``...):
  reported (FS117) and left out, as are regions on a second text of the same task; a
  ``labels`` region without whole-number offsets (audio seconds) is an error (FS203);
- a text given by URL (``valueType="url"``): the export holds the URL, not the words;
- task-level classifications (controls without a region): left out.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factsheet.diagnostics import Diagnostic
from factsheet.imports.model import ToolDocument, ToolRelation, ToolSpan
from factsheet.imports.offsets import SpanError, TextOffsets
from factsheet.readers.source import MAX_ANNOTATION_BYTES, read_text
from factsheet.readers.tree import Path_, SourceMap, load_tree

DIRECTIONS = ("right", "left", "bi")
#: The relation label when the project has no ``<Relations>`` labels.
DEFAULT_RELATION = "by"
#: Fields of ``data`` and ``meta`` that describe the article rather than hold its text.
_METADATA = ("title", "url", "language", "lang", "source", "date", "published", "author")
_EXPORT_HINT = "export the project as JSON (Export → JSON), not JSON_MIN or CSV"

Where = tuple[int | None, int | None]


# -- step 1: the export in Label Studio's own words ------------------------------------------
@dataclass(slots=True)
class Result:
    """One item of an annotation's ``result``: a region's labels, or one per-region control."""

    id: str
    type: str
    from_name: str
    to_name: str
    value: dict[str, Any]
    meta: dict[str, Any]
    at: Where


@dataclass(slots=True)
class Relation:
    """A ``type: "relation"`` item: an arrow between two region ids."""

    from_id: str
    to_id: str
    direction: str
    labels: list[str]
    at: Where


@dataclass(slots=True)
class Annotation:
    """One annotation (or prediction) of a task."""

    id: int | str | None
    was_cancelled: bool
    ground_truth: bool
    updated_at: str
    score: float | None  # predictions only
    model_version: str | None  # predictions only
    results: list[Result] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)


@dataclass(slots=True)
class Task:
    id: str
    data: dict[str, Any]
    meta: dict[str, Any]
    annotations: list[Annotation]
    predictions: list[Annotation]
    at: Where
    path: Path_


def read_labelstudio(path: Path, display: str, diagnostics: list[Diagnostic]
                     ) -> list[ToolDocument] | None:
    """Return one document per annotated task of the export at ``path``, or None on errors."""
    # A BOM before the JSON marks the file's encoding, not the data (task texts are strings
    # inside it and keep theirs); the JSON parser refuses it, so it is not kept.
    source = read_text(path, display, MAX_ANNOTATION_BYTES, diagnostics)
    if source is None:
        return None
    before = len(diagnostics)
    root, smap = load_tree(source, "json", diagnostics)
    if root is None and len(diagnostics) > before:
        return None
    tasks = _Parser(smap, diagnostics).tasks(root)
    if tasks is None:
        return None
    documents = []
    for task in tasks:
        document = _TaskConverter(task, smap, diagnostics).convert()
        if document is not None:
            documents.append(document)
    if tasks and not documents and not any(d.is_error for d in diagnostics):
        diagnostics.append(smap.diagnostic(
            "FS203", f"no task of the export has an annotation ({len(tasks)} task"
            f"{'s' if len(tasks) > 1 else ''}; cancelled annotations are left out)", (),
            hint="annotate the tasks in Label Studio, then export again"))
        return None
    return documents


class _Parser:
    """Builds the step-1 model, reporting wrong structure (FS203) where it was written."""

    def __init__(self, smap: SourceMap, diagnostics: list[Diagnostic]) -> None:
        self.smap = smap
        self.diagnostics = diagnostics

    def tasks(self, root: Any) -> list[Task] | None:
        if not isinstance(root, list):
            self._error((), f"a Label Studio export is a list of tasks, not {_kind(root)}",
                        _EXPORT_HINT)
            return None
        tasks = [self._task(node, index) for index, node in enumerate(root)]
        return [task for task in tasks if task is not None]

    def _task(self, node: Any, index: int) -> Task | None:
        path = (index,)
        if not self._is(node, dict, path, "a task"):
            return None
        data = node.get("data")
        if not isinstance(data, dict):
            where = (*path, "data") if "data" in node else path
            self._error(where, "a task needs a 'data' mapping that holds its text",
                        None if "data" in node else _EXPORT_HINT)
            return None
        meta = node.get("meta")
        task_id = node.get("id")
        return Task(
            id=str(task_id) if _is_id(task_id) else f"task-{index + 1}",
            data=data, meta=meta if isinstance(meta, dict) else {},
            annotations=self._annotations(node, path, "annotations"),
            predictions=self._annotations(node, path, "predictions"),
            at=self.smap.find(path), path=path)

    def _annotations(self, task: dict[str, Any], path: Path_, key: str) -> list[Annotation]:
        nodes = self._list(task.get(key), (*path, key), f"'{key}'")
        found = (self._annotation(node, (*path, key, i)) for i, node in enumerate(nodes))
        return [annotation for annotation in found if annotation is not None]

    def _annotation(self, node: Any, path: Path_) -> Annotation | None:
        if not self._is(node, dict, path, "an annotation"):
            return None
        score = node.get("score")
        version = node.get("model_version")
        annotation = Annotation(
            id=node.get("id") if _is_id(node.get("id")) else None,
            was_cancelled=node.get("was_cancelled") is True,
            ground_truth=node.get("ground_truth") is True,
            updated_at=str(node.get("updated_at") or node.get("created_at") or ""),
            score=float(score) if _is_number(score) else None,
            model_version=str(version) if version is not None else None)
        results = self._list(node.get("result"), (*path, "result"), "'result'")
        for index, item in enumerate(results):
            parsed = self._result(item, (*path, "result", index))
            if isinstance(parsed, Relation):
                annotation.relations.append(parsed)
            elif parsed is not None:
                annotation.results.append(parsed)
        return annotation

    def _result(self, node: Any, path: Path_) -> Result | Relation | None:
        if not self._is(node, dict, path, "a result"):
            return None
        kind = node.get("type")
        if not isinstance(kind, str):
            self._error(path, "a result needs a 'type' (labels, choices, relation...)")
            return None
        if kind == "relation":
            return self._relation(node, path)
        if not _is_id(node.get("id")):
            self._error(path, f"a {kind!r} result needs an 'id' (its region id)")
            return None
        value = node.get("value")
        if not self._is(value, dict, (*path, "value"), "a result's 'value'"):
            return None
        if kind == "labels" and not self._span_value(value, (*path, "value")):
            return None
        meta = node.get("meta")
        return Result(id=str(node["id"]), type=kind, from_name=str(node.get("from_name", "")),
                      to_name=str(node.get("to_name", "")), value=value,
                      meta=meta if isinstance(meta, dict) else {}, at=self.smap.find(path))

    def _span_value(self, value: dict[str, Any], path: Path_) -> bool:
        for key in ("start", "end"):
            if not isinstance(value.get(key), int) or isinstance(value.get(key), bool):
                self._error((*path, key) if key in value else path,
                            f"a 'labels' region needs '{key}', a whole number (a character "
                            "offset into the text)",
                            "regions on HyperText or Paragraphs are not read; use a <Text> tag")
                return False
        if value["start"] > value["end"]:
            self._error(path, f"region starts after it ends ([{value['start']}, "
                              f"{value['end']}))")
            return False
        labels = value.get("labels")
        if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
            self._error((*path, "labels") if "labels" in value else path,
                        "a 'labels' region needs 'labels', a list of label names")
            return False
        return True

    def _relation(self, node: dict[str, Any], path: Path_) -> Relation | None:
        for key in ("from_id", "to_id"):
            if not _is_id(node.get(key)):
                self._error((*path, key) if key in node else path,
                            f"a relation needs '{key}', the id of a region")
                return None
        direction = node.get("direction", "right")
        if direction not in DIRECTIONS:
            self._error((*path, "direction"), f"relation direction {direction!r} is not one of "
                        "right, left, bi")
            return None
        labels = node.get("labels") or []
        if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
            self._error((*path, "labels"), "a relation's 'labels' is a list of label names")
            return None
        return Relation(str(node["from_id"]), str(node["to_id"]), direction, labels,
                        self.smap.find(path))

    # -- helpers --------------------------------------------------------------------------
    def _list(self, node: Any, path: Path_, what: str) -> list[Any]:
        if node is None:
            return []
        return node if self._is(node, list, path, what) else []

    def _is(self, node: Any, kind: type, path: Path_, what: str) -> bool:
        if isinstance(node, kind):
            return True
        wanted = "a mapping" if kind is dict else "a list"
        self._error(path, f"{what} must be {wanted}, not {_kind(node)}")
        return False

    def _error(self, path: Path_, message: str, hint: str | None = None) -> None:
        self.diagnostics.append(self.smap.diagnostic("FS203", message, path, hint=hint))


# -- step 2: one task → one ToolDocument -------------------------------------------------------
class _TaskConverter:
    def __init__(self, task: Task, smap: SourceMap, diagnostics: list[Diagnostic]) -> None:
        self.task = task
        self.smap = smap
        self.diagnostics = diagnostics

    def convert(self) -> ToolDocument | None:
        """Return the task as a document, or None when it has nothing annotated (or errors)."""
        annotation = self._chosen()
        if annotation is None:
            return None
        found = self._text(annotation)
        if found is None:
            return None
        key, text = found
        document = ToolDocument(id=self.task.id, text=text, line=self.task.at[0],
                                title=self._about("title"), url=self._about("url"))
        language = self._about("language") or self._about("lang")
        if language:
            document.language = language
        offsets = TextOffsets(text)
        span_ids: dict[str, list[str]] = {}
        for region_id, results in _regions(annotation.results).items():
            spans = self._spans(region_id, results, key, offsets)
            span_ids[region_id] = [span.id for span in spans]
            document.spans.extend(spans)
        for relation in annotation.relations:
            document.relations.extend(_relations(relation, span_ids))
        return document

    def _chosen(self) -> Annotation | None:
        """Return the annotation to read: see the module's checklist for the order."""
        kept = [a for a in self.task.annotations if not a.was_cancelled]
        if kept:
            return max(kept, key=lambda a: (a.ground_truth, a.updated_at, _order(a.id)))
        if self.task.annotations or not self.task.predictions:
            return None  # skipped by every annotator, or not annotated yet
        best = max(self.task.predictions,
                   key=lambda a: (a.score if a.score is not None else float("-inf"),
                                  a.updated_at, _order(a.id)))
        model = f" of model {best.model_version!r}" if best.model_version else ""
        self.diagnostics.append(Diagnostic(
            "FS121", f"task {self.task.id} has no annotation: the prediction{model} was read "
            "instead", file=self.smap.file, line=self.task.at[0], column=self.task.at[1],
            hint="review the prediction in Label Studio and submit it as an annotation"))
        return best

    def _text(self, annotation: Annotation) -> tuple[str, str] | None:
        """Return (field of data, text) that the annotation's regions are on."""
        data, path = self.task.data, (*self.task.path, "data")
        names = Counter(r.to_name for r in annotation.results if r.type == "labels")
        preferred = [name for name, _ in names.most_common()] + ["text"]
        key = next((k for k in preferred if isinstance(data.get(k), str)), None)
        if key is None:
            key = _field_with_words(data, annotation.results)
        if key is None:
            fields = ", ".join(repr(k) for k in data) or "none"
            self._error(path, "cannot tell which field of 'data' holds the annotated text "
                        f"(fields: {fields})",
                        "name the <Text> tag after its data field: <Text name=\"text\" "
                        "value=\"$text\"/>")
            return None
        text = data[key]
        if re.fullmatch(r"\s*(?:https?|s3|gs)://\S+\s*", text):
            self._error((*path, key), f"data.{key} is a link to the text, not the text",
                        "import the texts inline in Label Studio (not valueType=\"url\"), "
                        "then export again")
            return None
        return key, text

    def _about(self, name: str) -> str | None:
        for where in (self.task.data, self.task.meta):
            value = where.get(name)
            if isinstance(value, str) and value.strip():
                return value.strip()
        return None

    def _spans(self, region_id: str, results: list[Result], key: str, offsets: TextOffsets
               ) -> list[ToolSpan]:
        """Return one span per label of a region, with the region's per-region controls."""
        labelled = [r for r in results if r.type == "labels"]
        if not labelled:
            self._unsupported(region_id, results)
            return []
        first = labelled[0]
        if first.to_name and first.to_name != key and first.to_name in self.task.data:
            self._warn(first, f"region {region_id} is on data.{first.to_name}, not on the "
                       f"text read (data.{key}); left out")
            return []
        placed = self._place(first, offsets)
        if placed is None:
            return []
        attributes, entity = _attributes(r for r in results if r.type != "labels")
        labels = list(dict.fromkeys(label for r in labelled for label in r.value["labels"]))
        if not labels:
            self._warn(first, f"region {region_id} has no label; left out")
        note = _note(first.meta)
        return [ToolSpan(id=region_id if n == 1 else f"{region_id}#{n}", label=label,
                         fragments=[placed], attributes=dict(attributes), note=note,
                         entity=entity, line=first.at[0], column=first.at[1])
                for n, label in enumerate(labels, 1)]

    def _place(self, result: Result, offsets: TextOffsets) -> tuple[int, int] | None:
        """Return the region's verified code-point offsets (FS118 repaired, FS119 lost)."""
        start, end = result.value["start"], result.value["end"]
        words = result.value.get("text")
        expected = words if isinstance(words, str) else None
        try:
            fixed = offsets.fix(start, end, expected)
        except SpanError as exc:
            self.diagnostics.append(Diagnostic(
                "FS119", f"region {result.id}: {exc}", file=self.smap.file, line=result.at[0],
                column=result.at[1], hint="was the task's text changed after it was "
                "annotated? Export the task together with the text it was annotated on"))
            return None
        if fixed.how is not None:
            self.diagnostics.append(Diagnostic(
                "FS118", f"region {result.id}: offsets [{start}, {end}) do not select "
                f"{expected!r}; repaired to [{fixed.start}, {fixed.end}) ({fixed.how})",
                file=self.smap.file, line=result.at[0], column=result.at[1]))
        return fixed.start, fixed.end

    def _unsupported(self, region_id: str, results: list[Result]) -> None:
        for result in results:
            if result.type.endswith("labels"):
                self._warn(result, f"region {region_id} is a {result.type!r} region; only "
                           "spans on a <Text> tag ('labels') are read, so it is left out")
                return
        # Controls without a region are task-level classifications: not facts, left out.

    def _warn(self, result: Result, message: str) -> None:
        self.diagnostics.append(Diagnostic("FS117", message, file=self.smap.file,
                                           line=result.at[0], column=result.at[1]))

    def _error(self, path: Path_, message: str, hint: str | None = None) -> None:
        self.diagnostics.append(self.smap.diagnostic("FS203", message, path, hint=hint))


def _regions(results: list[Result]) -> dict[str, list[Result]]:
    """Group results by region id, in the order the regions first appear."""
    regions: dict[str, list[Result]] = {}
    for result in results:
        regions.setdefault(result.id, []).append(result)
    return regions


def _attributes(controls: Any) -> tuple[dict[str, str], str | None]:
    """Return a region's per-region control values by from_name, and its entity, if any."""
    attributes: dict[str, str] = {}
    entity = None
    for result in controls:
        # Result.serialize() stores a control's answer under its value type: the type's own
        # name, except TextArea, whose value type is "text".
        key = "text" if result.type == "textarea" else result.type
        value = _plain_text(result.value.get(key), "; " if key == "text" else ", ")
        if value is None or not result.from_name:
            continue
        if result.from_name.strip().lower() == "entity":
            entity = value
        else:
            attributes[result.from_name] = value
    return attributes, entity


def _plain_text(value: Any, separator: str) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float, str)):
        return str(value).strip() or None
    if isinstance(value, list):
        parts = [_plain_text(item, "/") for item in value]  # taxonomy: a list of paths
        joined = separator.join(p for p in parts if p)
        return joined or None
    return None


def _note(meta: dict[str, Any]) -> str | None:
    return _plain_text(meta.get("text"), " ")


def _relations(relation: Relation, span_ids: dict[str, list[str]]) -> list[ToolRelation]:
    """Return the relation as tool relations: one per label and per span of each end."""
    source, target = relation.from_id, relation.to_id
    if relation.direction == "left":
        source, target = target, source
    labels = relation.labels or [DEFAULT_RELATION]
    # An end that is no region (or a region left out) is kept as written: the conversion
    # reports it as a broken relation, with this line.
    return [ToolRelation(id=f"{source}->{target}", label=label, source=a, target=b,
                         line=relation.at[0], column=relation.at[1])
            for label in labels
            for a in span_ids.get(source) or [source]
            for b in span_ids.get(target) or [target]]


def _field_with_words(data: dict[str, Any], results: list[Result]) -> str | None:
    """Return the field of ``data`` in which most regions' words are found, if any."""
    words = [r.value["text"] for r in results
             if r.type == "labels" and isinstance(r.value.get("text"), str)]
    candidates = {k: v for k, v in data.items()
                  if isinstance(v, str) and k.lower() not in _METADATA}
    if len(candidates) == 1:
        return next(iter(candidates))
    scores = {k: sum(w in v for w in words) for k, v in candidates.items()}
    best = max(scores, key=lambda k: scores[k], default=None)
    return best if best is not None and scores[best] > 0 else None


def _order(value: int | str | None) -> int:
    return value if isinstance(value, int) else -1


def _is_id(value: Any) -> bool:
    return isinstance(value, (str, int)) and not isinstance(value, bool) and str(value) != ""


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _kind(node: Any) -> str:
    if isinstance(node, dict):
        return "a mapping"
    if isinstance(node, list):
        return "a list"
    if isinstance(node, str):
        return "a string"
    if node is None:
        return "null"
    return "a number" if _is_number(node) else type(node).__name__
