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
