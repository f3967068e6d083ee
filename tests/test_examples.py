"""The bundled examples: golden briefing JSON, YAML, XML and HTML agree, output is reproducible."""

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
#: Inline formats an example may have a twin in (same stem, same folder as the .yaml).
TWIN_SUFFIXES = (".xml", ".html")
PAIRS = [(y, y.with_suffix(suffix)) for suffix in TWIN_SUFFIXES for y in EXAMPLES
         if y.with_suffix(suffix).exists()]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_briefing_matches_golden(example: Path, update_goldens: bool) -> None:
    data = factsheet.render(factsheet.load(example), "json")
    golden = GOLDEN / f"{example.stem}.briefing.json"
    if update_goldens:
        golden.write_bytes(data)
    assert data.decode("utf-8") == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize(("yaml_file", "twin"), PAIRS, ids=lambda p: p.name)
def test_yaml_and_inline_twin_give_the_same_briefing(yaml_file: Path, twin: Path) -> None:
    from_yaml = json.loads(factsheet.render(factsheet.load(yaml_file), "json"))
    from_twin = json.loads(factsheet.render(factsheet.load(twin), "json"))
    # Diagnostics name their own source file and line; everything else must be identical.
    from_yaml.pop("diagnostics")
    from_twin.pop("diagnostics")
    assert from_twin == from_yaml


def test_there_are_at_least_two_examples_and_a_twin_in_each_inline_format() -> None:
    assert len(EXAMPLES) >= 2
    assert {twin.suffix for _, twin in PAIRS} == set(TWIN_SUFFIXES)


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
    assert sorted(outputs[0]) == sorted(f"{e.stem}{suffix}" for e in EXAMPLES
                                        for suffix in (".briefing.json", ".docx", ".pdf"))
