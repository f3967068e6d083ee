"""The bundled examples: golden briefing JSON, YAML and XML agree, output is reproducible."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import factsheet

ROOT = Path(__file__).parent.parent
GOLDEN = Path(__file__).parent / "golden"
EXAMPLES = sorted((ROOT / "examples").glob("*/*.yaml"))
PAIRS = [(y, y.with_suffix(".xml")) for y in EXAMPLES if y.with_suffix(".xml").exists()]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_briefing_matches_golden(example: Path, update_goldens: bool) -> None:
    data = factsheet.render(factsheet.load(example), "json")
    golden = GOLDEN / f"{example.stem}.briefing.json"
    if update_goldens:
        golden.write_bytes(data)
    assert data.decode("utf-8") == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize(("yaml_file", "xml_file"), PAIRS, ids=lambda p: p.name)
def test_yaml_and_inline_xml_give_the_same_briefing(yaml_file: Path, xml_file: Path) -> None:
    from_yaml = json.loads(factsheet.render(factsheet.load(yaml_file), "json"))
    from_xml = json.loads(factsheet.render(factsheet.load(xml_file), "json"))
    # Diagnostics name their own source file and line; everything else must be identical.
    from_yaml.pop("diagnostics")
    from_xml.pop("diagnostics")
    assert from_xml == from_yaml


def test_there_are_at_least_two_examples_with_an_xml_twin() -> None:
    assert len(EXAMPLES) >= 2 and len(PAIRS) >= 1


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_fact_is_traceable_to_the_article(example: Path) -> None:
    briefing = factsheet.load(example)
    texts = {a.id: a.text for a in briefing.articles}
    facts = [*briefing.commitments, *briefing.positions, *briefing.quotations,
             *briefing.statistics, *briefing.photos]
    assert facts
    for fact in facts:
        assert fact.evidence, fact.id
        for ev in fact.evidence:
            assert texts[ev.article][ev.start:ev.end] == ev.text
    for statistic in briefing.statistics:
        assert statistic.attributed_to is not None


def test_build_twice_in_separate_processes_gives_identical_bytes(tmp_path: Path) -> None:
    outputs = []
    for run in ("one", "two"):
        target = tmp_path / run
        subprocess.run([sys.executable, "-m", "factsheet", "build", *map(str, EXAMPLES), "-o",
                        str(target)], check=True, capture_output=True,
                       env={"PYTHONHASHSEED": "1" if run == "one" else "2", "PATH": ""})
        outputs.append({p.name: p.read_bytes() for p in sorted(target.iterdir())})
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) == len(EXAMPLES)
