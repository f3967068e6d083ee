"""W3C Web Annotation (JSON-LD) and Hypothesis API exports.

Supports:

- W3C: one ``Annotation``, a JSON array of them, an ``AnnotationPage``, or an
  ``AnnotationCollection`` whose ``first`` page (and each ``next``) is embedded.
- Targets: ``SpecificResource`` with ``TextPositionSelector`` (code points, as the spec says)
  and/or ``TextQuoteSelector`` (``exact``, ``prefix``, ``suffix``). Selectors on one target
  are alternatives: the position is read first and checked against ``exact``; offsets that
  miss are repaired (UTF-16 units, CRLF as one, UTF-8 bytes, FS118) or re-anchored by the
  quote and its prefix/suffix (FS118); failing both is FS119. A quote alone must occur once
  once its prefix and suffix are weighed (FS302 otherwise); it may differ from the text in
  whitespace only. Quote context cut inside a surrogate pair (Hypothesis keeps 32 UTF-16
  units) is read as U+FFFD and ignored.
- Several targets on one annotation: one fact with one fragment (one piece of evidence) per
  target, all in the same document. The spec relates every body to every target; here every
  body describes the one fact those fragments make.
- Bodies, by ``purpose`` (or the annotation's ``motivation`` when a body has none):
  ``tagging``/``classifying`` give tags (below); ``describing``/``commenting`` (and
  ``bodyValue``) give the note, joined by line breaks, except a describing body with an
  ``attribute`` (``fs:attribute``), which sets that attribute; ``identifying`` names the
  entity (a party's identity: mentions with one entity are one party); ``linking`` names
  another annotation.
- Tags (W3C tagging bodies, Hypothesis ``tags``): ``key:value`` (``value:360``,
  ``unit:drones``, ``stance:oppose``) sets an attribute; ``id:serbia`` names the entity;
  ``by:X``, ``to:X`` and ``pictures:X`` draw a relation to X, an annotation id, an entity
  or a party's words ("by:Serbia"). Any other tag is a label: the first one the label
  convention knows wins; if none does, the first is kept (a mapping file may rename it, or
  FS117 reports it). Other plain tags (topics, workflow marks) are ignored. An annotation
  without a label is ignored (FS117).
- An annotation of a whole page (a W3C target that is only an IRI, a Hypothesis page note)
  selects no words: skipped, or FS203 when it carries a convention label. Hypothesis
  replies are skipped.
- Relations: an annotation with ``motivation: linking`` (or a ``linking`` body) whose
  ``target`` is the *from* annotation's id and whose bodies name the *to* annotation(s),
  with a tagging body for the relation label (by, to, pictures). Unknown ids: FS120.
- The article text, for each target ``source``: the file it names, when it is a relative
  path inside the export's folder (outside: FS110); else, with one source only, the ``.txt``
  beside the export with the same stem; else the text in the ``fs:articles`` extension on
  the top-level object::

      "@context": ["http://www.w3.org/ns/anno.jsonld",
                   {"fs": "https://example.org/ns/factsheet#"}],
      "fs:articles": [{"source": "<the targets' source>", "id": "danube-pact",
                       "text": "...", "title": "...", "language": "en"}]

  ``id``, ``title`` and ``language`` may be given without ``text``: they name the article.
  URLs are never fetched.
- Hypothesis: API search results (``{"rows": [...]}``), the client's export file
  (``{"export_date", "annotations": [...]}``), a list of rows or one row. Positions are
  UTF-16 units into the web page's ``textContent``: converted to code points, verified
  against ``exact`` and re-anchored by the quote when the page and the ``.txt`` differ. The
  row's ``text`` is the note, ``document.title`` the title. One document per export, its
  text in the ``.txt`` beside the export.

Does not support: pages or sources given only by IRI (nothing is fetched), other selector
types (``XPathSelector``, ``RangeSelector``, ``FragmentSelector``...) and ``refinedBy``,
annotations whose targets lie in different documents, several pages in one Hypothesis
export, full JSON-LD processing (keys are read as compacted with the Web Annotation
context; ``type`` may carry the ``oa:`` prefix).
"""


from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from factsheet.diagnostics import Diagnostic
from factsheet.imports.model import ToolDocument
from factsheet.imports.w3c.convert import HypothesisConverter, W3CConverter, new_errors
from factsheet.imports.w3c.spec import Parser
from factsheet.readers.source import MAX_ANNOTATION_BYTES, TextFile, read_text
from factsheet.readers.tree import SourceMap, load_tree

__all__ = ["load_export", "read_hypothesis", "read_w3c"]

# A JSON escape of half a surrogate pair (Hypothesis cuts quote context at 32 UTF-16 units).
_ESCAPES = re.compile(r"\\\\|\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}"
                      r"|\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def read_w3c(path: Path, display: str, diagnostics: list[Diagnostic]
             ) -> list[ToolDocument] | None:
    """Return the documents of a W3C Web Annotation export, or None after diagnostics."""
    tree = load_export(path, display, diagnostics)
    if tree is None:
        return None
    before = len(diagnostics)
    collection = Parser(tree[1], diagnostics).collection(tree[0])
    if collection is None or new_errors(diagnostics, before):
        return None
    return W3CConverter(path, display, diagnostics, collection).run()


def read_hypothesis(path: Path, display: str, diagnostics: list[Diagnostic]
                    ) -> list[ToolDocument] | None:
    """Return the document of a Hypothesis API or client export, or None after diagnostics."""
    tree = load_export(path, display, diagnostics)
    if tree is None:
        return None
    before = len(diagnostics)
    rows = Parser(tree[1], diagnostics).rows(tree[0])
    if rows is None or new_errors(diagnostics, before):
        return None
    return HypothesisConverter(path, display, diagnostics, rows, tree[1]).run()


def load_export(path: Path, display: str, diagnostics: list[Diagnostic]
          ) -> tuple[Any, SourceMap] | None:
    """Return the export's JSON and where each node is, or None after diagnostics."""
    source = read_text(path, display, MAX_ANNOTATION_BYTES, diagnostics, keep_bom=True)
    if source is None:
        return None
    # A BOM is no JSON whitespace, a space is: same columns. Half surrogate pairs in quote
    # context become U+FFFD (same length), so the rest of the export can still be read.
    text = source.text.replace("\ufeff", " ", 1) if source.text[:1] == "\ufeff" else source.text
    text = _ESCAPES.sub(lambda m: m[0] if len(m[0]) != 6 else "\\ufffd", text)
    before = len(diagnostics)
    data, smap = load_tree(TextFile(source.name, text), "json", diagnostics)
    if data is None:
        if not new_errors(diagnostics, before):  # the JSON was a bare null
            diagnostics.append(smap.diagnostic("FS203", "the export holds nothing (null)", (),
                                               hint="export the annotations again"))
        return None
    return data, smap
