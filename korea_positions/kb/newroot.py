"""Write a new knowledge base root (`kpos init`): a copy of the bundled one, or a skeleton
holding only the five parties; with the schemas, so editors' schema links work, and a texts/
directory that version control ignores (article texts are usually not ours to publish).

The root is built in a sibling directory and renamed into place, so a failure leaves
nothing half-written; a directory that exists and is not empty is never written into.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from korea_positions.errors import UsageError
from korea_positions.kb.files import bundled_root, files_of
from korea_positions.kb.yamlwrite import mapping_lines

# The five parties to the negotiations; --empty keeps their records as the template has them.
PARTIES = ("us", "dprk", "rok", "china", "unc")
TEXTS_GITIGNORE = """\
# Article texts are usually not ours to publish: kept here for `kpos verify` and
# `kpos extract`, out of version control.
*
!.gitignore
"""
ACTORS_HEADER = """\
# yaml-language-server: $schema=../schemas/actors.schema.json
# The parties. Add the people and groups who speak about them after them, each with
# `speaks_for:` the id of the party (or a list of the parties) they speak for.
actors:
"""
STEPS_SKELETON = """\
# yaml-language-server: $schema=../schemas/steps.schema.json
# The agenda items that can be sequenced, for example:
#   - id: peace-treaty
#     label: A peace treaty replacing the armistice
#     by: [us, dprk, rok, china]
steps:
"""


def init_root(target: Path, empty: bool = False, template: Path | None = None) -> Path:
    """Write a new root at `target` from `template` (default: the bundled root): a copy of
    its YAML files and schemas, or with `empty` only its parties. Returns `target`."""
    template = template or bundled_root()
    _refuse_existing(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.parent / f".{target.name}.kpos-init-{os.getpid()}"
    os.mkdir(staging)
    try:
        _copy(template, staging, [path for _, path in files_of(template)] if not empty else [])
        _copy(template, staging, [f"schemas/{p.name}" for p in _schemas(template)])
        for directory in ("seeds", "data/sources"):
            (staging / directory).mkdir(parents=True, exist_ok=True)
        if empty:
            (staging / "data/actors.yaml").write_text(_parties(template), encoding="utf-8")
            (staging / "data/steps.yaml").write_text(STEPS_SKELETON, encoding="utf-8")
        (staging / "texts").mkdir()
        (staging / "texts/.gitignore").write_text(TEXTS_GITIGNORE, encoding="utf-8")
        if target.exists():
            target.rmdir()  # empty, as checked
        os.rename(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


def _refuse_existing(target: Path) -> None:
    try:
        if target.exists() and not target.is_dir():
            raise UsageError(f"{target} exists and is not a directory", "DIR")
        if target.is_dir() and any(target.iterdir()):
            raise UsageError(
                f"{target} already exists and is not empty; kpos init never overwrites: "
                "name a new directory",
                "DIR",
            )
    except OSError as exc:
        raise UsageError(f"cannot use {target}: {exc.strerror or exc}", "DIR") from None


def _schemas(template: Path) -> list[Path]:
    return sorted((template / "schemas").glob("*.schema.json"))


def _copy(template: Path, staging: Path, paths: list[str]) -> None:
    for path in paths:
        (staging / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(template / path, staging / path)


def _parties(template: Path) -> str:
    """data/actors.yaml holding only the five parties, as the template writes them."""
    from korea_positions.kb.yamlread import read_yaml

    data, _ = read_yaml(template / "data/actors.yaml", "data/actors.yaml")
    lines = [ACTORS_HEADER.rstrip("\n")]
    for actor in data["actors"]:
        if actor.get("id") in PARTIES:
            kept = {key: value for key, value in actor.items() if value not in (None, [], {})}
            lines += mapping_lines(kept, indent=2, item=True)
    return "\n".join(lines) + "\n"
