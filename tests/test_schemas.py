"""The committed editor schemas are the models' schemas, and every data file points at one."""

from __future__ import annotations

import json

import pytest
from conftest import REPO

from korea_positions.output import schemas

KINDS = ["source-card", "actors", "steps", "source-data"]


@pytest.mark.parametrize("kind", KINDS)
def test_committed_schema_is_up_to_date(kind):
    committed = (REPO / "schemas" / schemas.file_name(kind)).read_text(encoding="utf-8")
    assert committed == schemas.schema_text(kind), (
        f"schemas/{schemas.file_name(kind)} is out of date: run `kpos schema --output-dir schemas`"
    )


def test_every_data_file_points_at_its_schema():
    expected = {"seeds": "source-card", "data/sources": "source-data"}
    files = [(p, expected["seeds"]) for p in (REPO / "seeds").glob("*.yaml")]
    files += [(p, expected["data/sources"]) for p in (REPO / "data/sources").glob("*.yaml")]
    files += [(REPO / "data/actors.yaml", "actors"), (REPO / "data/steps.yaml", "steps")]
    for path, kind in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        prefix = "# yaml-language-server: $schema="
        assert first.startswith(prefix), path
        target = (path.parent / first[len(prefix) :]).resolve()
        assert target == (REPO / "schemas" / schemas.file_name(kind)).resolve(), path


def test_schema_command(kpos):
    everything = json.loads(kpos("schema").stdout)
    assert list(everything) == KINDS
    actors = json.loads(kpos("schema", "actors").stdout)
    assert actors["additionalProperties"] is False and "actors" in actors["required"]
    assert kpos("schema", "nonsense").exit_code == 2


def test_schema_rejects_what_the_loader_rejects():
    actor = schemas.schema("actors")["$defs"]["Actor"]
    assert actor["additionalProperties"] is False
    assert set(actor["properties"]["kind"]["$ref"].split("/")[-1:]) == {"ActorKind"}


def properties(schema: dict):
    """(where, property schema) of every property of a schema and of its $defs."""
    for name, prop in schema.get("properties", {}).items():
        yield name, prop
    for model, definition in schema.get("$defs", {}).items():
        for name, prop in definition.get("properties", {}).items():
            yield f"{model}.{name}", prop


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_is_described_with_an_example(kind):
    for where, prop in properties(schemas.schema(kind)):
        assert prop.get("description"), where
        if where not in ("actors", "steps", "quotes", "positions"):  # the lists of records
            assert "Example: " in prop["description"], where


@pytest.mark.parametrize("kind, enum", [("actors", "ActorKind"), ("source-data", "Stance")])
def test_every_stance_and_kind_is_described(kind, enum):
    definition = schemas.schema(kind)["$defs"][enum]
    assert definition["description"]
    described = definition["enumDescriptions"]
    assert len(described) == len(definition["enum"]) and all("Example: " in d for d in described)


def test_the_order_keys_and_the_newer_fields_are_described():
    position = schemas.schema("source-data")["$defs"]["Position"]["properties"]
    order = schemas.schema("source-data")["$defs"]["Order"]["properties"]
    actor = schemas.schema("actors")["$defs"]["Actor"]["properties"]
    for prop in (*order.values(), position["hedge"], position["date"], position["supersedes"],
                 actor["speaks_for"]):  # fmt: skip
        assert "Example: " in prop["description"]
    assert "a list" in actor["speaks_for"]["description"]
