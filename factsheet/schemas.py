"""JSON Schemas of the annotation file (input) and the briefing (output)."""

from __future__ import annotations

import json
from typing import Any

SCHEMAS = ("annotations", "briefing", "label-mapping")


def schema(name: str) -> dict[str, Any]:
    """Return the JSON Schema called ``name`` ("annotations" or "briefing")."""
    from factsheet.model import AnnotationFile, Briefing
    from factsheet.model.common import SCHEMA_VERSION

    if name == "annotations":
        result = AnnotationFile.model_json_schema(mode="validation")
        title = "factsheet annotation file"
    elif name == "briefing":
        result = Briefing.model_json_schema(mode="serialization")
        title = f"factsheet briefing, schema version {SCHEMA_VERSION}"
    elif name == "label-mapping":
        from factsheet.imports.labels import LabelMapping

        result = LabelMapping.model_json_schema(mode="validation")
        title = "factsheet label mapping for annotation-tool exports"
    else:
        raise KeyError(name)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"https://factsheet.invalid/schemas/{name}.schema.json",
            **result, "title": title}


def schema_text(name: str) -> str:
    """Return the schema as the canonical text stored under ``schemas/``."""
    return json.dumps(schema(name), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
