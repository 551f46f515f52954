"""The JSON Schemas in schema/ match the content models, and each data file points at its own."""

import pytest

from macros.content.source import ROOT
from macros.content.schema import SCHEMA_DIR, SCHEMAS

DATA_FILES = {"markers.schema.json": "data/markers.yml", "templates.schema.json": "data/templates.yml",
              "glossary.schema.json": "data/glossary.yml"}


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schema_file_is_up_to_date(name):
    path = SCHEMA_DIR / name
    assert path.exists() and path.read_text(encoding="utf-8") == SCHEMAS[name](), (
        f"schema/{name} is out of date: run `make schema`")


@pytest.mark.parametrize("name", sorted(DATA_FILES))
def test_data_file_names_its_schema_for_editors(name):
    first = (ROOT / DATA_FILES[name]).read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=../schema/{name}"


def test_every_schema_has_a_data_file():
    assert set(SCHEMAS) == set(DATA_FILES)
