"""The layout tree, rendered as plain text, for every example and built-in template."""

from __future__ import annotations

from pathlib import Path

import pytest

import factsheet
from factsheet.layout import tree as t
from factsheet.layout.build import build_document
from factsheet.layout.template import builtin_names, load_template
from factsheet.writers.text import render_text

ROOT = Path(__file__).parent.parent.parent
GOLDEN = ROOT / "tests" / "golden" / "layout"
EXAMPLES = sorted((ROOT / "examples").glob("*/*.yaml"))


def document(example: Path, template: str) -> t.Document:
    spec, labels, _ = load_template(template)
    return build_document(factsheet.load(example), spec, labels)


@pytest.mark.parametrize("template", builtin_names())
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_text_rendering_matches_golden(example: Path, template: str, update_goldens: bool
                                       ) -> None:
    text = render_text(document(example, template)).decode("utf-8")
    golden = GOLDEN / f"{example.stem}.{template}.txt"
    if update_goldens:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_french_labels_and_number_format() -> None:
    spec, _, _ = load_template("briefing")
    french = spec.model_copy(update={"language": "fr"})
    from factsheet.layout.template import labels_for

    doc = build_document(factsheet.load(EXAMPLES[1]), french, labels_for(french))
    text = render_text(doc).decode("utf-8")
    assert "## Engagements" in text and "## Chiffres" in text
    assert "1\u202f000" in text or "2\u202f000" in text
    assert "environ" not in text  # qualifiers are quoted from the article, not translated


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_fact_cites_its_evidence_once_and_notes_are_numbered_in_order(example: Path
                                                                              ) -> None:
    doc = document(example, "briefing")
    cites = [c.number for s in doc.sections for c in _cites(s.blocks)]
    assert cites == list(range(1, len(doc.notes) + 1))
    briefing = factsheet.load(example)
    quotes = {n.quote for n in doc.notes}
    for fact in [*briefing.commitments, *briefing.statistics, *briefing.quotations]:
        assert all(ev.text in quotes for ev in fact.evidence), fact.id


def test_limits_cut_items_and_say_how_many_are_left_out() -> None:
    spec, labels, _ = load_template("brief")
    spec = spec.model_copy(update={"limits": {"commitments": 2}})
    doc = build_document(factsheet.load(EXAMPLES[1]), spec, labels)
    assert [s.id for s in doc.sections] == ["key_points", "commitments", "statistics"]
    table, more = next(s for s in doc.sections if s.id == "commitments").blocks
    assert isinstance(table, t.Table) and len(table.rows) == 2
    assert more == t.Paragraph((t.Run("+ 4 more in the full briefing", italic=True),), "note")


def _cites(blocks: tuple[t.Block, ...]) -> list[t.Cite]:
    found: list[t.Cite] = []
    for block in blocks:
        if isinstance(block, t.Paragraph):
            found += [x for x in block.content if isinstance(x, t.Cite)]
        elif isinstance(block, t.BulletList):
            found += [x for item in block.items for x in item if isinstance(x, t.Cite)]
        elif isinstance(block, t.Figure):
            found += [x for x in block.caption if isinstance(x, t.Cite)]
        elif isinstance(block, t.Table):
            found += [x for row in block.rows for cell in row for x in cell
                      if isinstance(x, t.Cite)]
    return found
