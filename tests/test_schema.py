"""The committed JSON Schema matches the content model, and the YAML points editors to it."""

from macros.load import ROOT
from macros.schema import SCHEMA_DIR, SCHEMAS


def test_schemas_are_up_to_date():
    for name, make in SCHEMAS.items():
        committed = (SCHEMA_DIR / name).read_text(encoding="utf-8")
        assert committed == make(), f"schema/{name} is out of date: run `make schema`"


def test_data_files_point_editors_to_their_schema():
    for name in SCHEMAS:
        data_file = ROOT / "data" / name.replace(".schema.json", ".yml")
        first_line = data_file.read_text(encoding="utf-8").splitlines()[0]
        assert first_line == f"# yaml-language-server: $schema=../schema/{name}"
