"""JSON Schema for the content files, so editors get completion and checks as they type.

`python -m macros.content.schema` (or `make schema`) rewrites `schema/`; a test fails when it is stale.
"""

from __future__ import annotations

import json
import sys

from macros.content.glossary import Glossary
from macros.content.markers import Content
from macros.content.shape import json_schema
from macros.content.source import ROOT
from macros.content.templates import Templates

SCHEMA_DIR = ROOT / "schema"


def model_schema(model: type, title: str) -> str:
    schema = {**json_schema(model), "$schema": "https://json-schema.org/draft/2020-12/schema", "title": title}
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def markers_schema() -> str:
    return model_schema(Content, "data/markers.yml: the Serious Case Review Quality Markers")


def templates_schema() -> str:
    return model_schema(Templates, "data/templates.yml: meeting templates made from the markers")


def glossary_schema() -> str:
    return model_schema(Glossary, "data/glossary.yml: the terms the pages use, then and now")


SCHEMAS = {"markers.schema.json": markers_schema, "templates.schema.json": templates_schema,
           "glossary.schema.json": glossary_schema}


def main() -> int:
    SCHEMA_DIR.mkdir(exist_ok=True)
    for name, make in SCHEMAS.items():
        (SCHEMA_DIR / name).write_text(make(), encoding="utf-8")
        print(f"wrote schema/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
