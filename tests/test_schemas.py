"""The published JSON Schemas match the models, and outputs validate against them."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import factsheet
from factsheet.schemas import SCHEMAS, schema_text

ROOT = Path(__file__).parent.parent


@pytest.mark.parametrize("name", SCHEMAS)
def test_published_schema_matches_the_models(name: str) -> None:
    published = (ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8")
    assert published == schema_text(name), (
        f"schemas/{name}.schema.json is stale: run "
        f"`factsheet schema {name} > schemas/{name}.schema.json` and bump SCHEMA_VERSION "
        "if a released field changed")


@pytest.mark.parametrize("name", SCHEMAS)
def test_schemas_are_valid_draft_2020_12(name: str) -> None:
    jsonschema.Draft202012Validator.check_schema(json.loads(schema_text(name)))


def test_example_briefings_validate_against_the_briefing_schema() -> None:
    validator = jsonschema.Draft202012Validator(json.loads(schema_text("briefing")))
    for example in sorted((ROOT / "examples").glob("*/*.yaml")):
        data = json.loads(factsheet.render(factsheet.load(example), "json"))
        errors = [e.message for e in validator.iter_errors(data)]
        assert errors == [], example


def test_annotation_schema_accepts_the_json_form_of_the_examples() -> None:
    from factsheet.readers.source import read_text
    from factsheet.readers.tree import load_tree

    validator = jsonschema.Draft202012Validator(json.loads(schema_text("annotations")))
    for example in sorted((ROOT / "examples").glob("*/*.yaml")):
        diagnostics: list[factsheet.Diagnostic] = []
        source = read_text(example, example.name, 10**7, diagnostics)
        assert source is not None
        data, _ = load_tree(source, "yaml", diagnostics)
        errors = [e.message for e in validator.iter_errors(data)]
        assert errors == [], example


def test_schema_rejects_unknown_keys_like_the_model() -> None:
    validator = jsonschema.Draft202012Validator(json.loads(schema_text("annotations")))
    data = {"articles": [{"id": "a", "text": "x", "title": "t", "tittle": "t"}]}
    assert not validator.is_valid(data)


def test_diagnostics_reference_is_current() -> None:
    from factsheet.report import codes_markdown

    published = (ROOT / "docs" / "diagnostics.md").read_text(encoding="utf-8")
    assert published == codes_markdown(), (
        "docs/diagnostics.md is stale: run `factsheet codes --markdown > docs/diagnostics.md`")
