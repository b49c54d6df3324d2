"""Add a source to a knowledge base root (`kpos add source`): its card in seeds/, with the
text's file name and sha256 computed, and its empty data file in data/sources/; the text
itself copied into the root's texts/ only when asked. Or refresh a card's sha256 after its
text changed (`--update`). Nothing existing is overwritten; files are written atomically.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import re
from pathlib import Path
from typing import NamedTuple

from korea_positions.atomic import write_atomically
from korea_positions.errors import UsageError
from korea_positions.kb.yamlwrite import scalar

MAX_TEXT_BYTES = 64 * 1024 * 1024
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SHA_LINE = re.compile(r"^sha256:.*$", re.MULTILINE)
DATA_TEMPLATE = """\
# yaml-language-server: $schema=../../schemas/source-data.schema.json
source: {id}
# The positions: one actor's stance on a step, as this source reports it.
positions:
# The quotations, verbatim, last: `kpos extract {id} --format yaml >> {path}`
# appends drafts of them here.
quotes:
"""


class NewSource(NamedTuple):
    """What the curator says of a new source; the rest is computed."""

    outlet: str
    title: str
    published: str
    authors: tuple[str, ...] = ()
    url: str | None = None
    source_id: str | None = None
    outlet_name: str | None = None
    date_inferred: bool = False


class Added(NamedTuple):
    source_id: str
    card: Path
    data: Path
    copied: Path | None  # where the text was copied, if it was


def add_source(root: Path, text_file: Path, given: NewSource, copy: bool = False) -> Added:
    """Write the card and the empty data file of a new source; copy its text into the
    root's texts/ with `copy`."""
    raw = read_text(text_file)
    _slug(given.outlet, "--outlet", "nyt")
    try:
        published = dt.date.fromisoformat(given.published).isoformat()
    except ValueError:
        raise UsageError(
            f"{given.published!r} is not a date; use YYYY-MM-DD", "--published"
        ) from None
    source_id = given.source_id or f"{given.outlet}-{published}"
    _slug(source_id, "--id", "guardian-2018-10-01")
    cards = existing_cards(root)
    card, data = root / "seeds" / f"{source_id}.yaml", root / "data/sources" / f"{source_id}.yaml"
    for path in (card, data):
        if path.exists() or source_id in cards:
            raise UsageError(
                f"source {source_id!r} already exists ({path.relative_to(root)}); kpos never "
                f"overwrites: choose another --id, or refresh its sha256 with --update {source_id}",
                "--id",
            )
    outlet_name = given.outlet_name or next(
        (c["outlet_name"] for c in cards.values() if c.get("outlet") == given.outlet), None
    )
    if not outlet_name:
        raise UsageError(
            f'outlet {given.outlet!r} is new: give its name, e.g. --outlet-name "The Guardian"',
            "--outlet-name",
        )
    name = text_file.name
    if name.startswith("."):
        raise UsageError(f"the text's file name {name!r} begins with a dot: rename it", "TEXT_FILE")
    copied = _copy(root, text_file, raw) if copy else None
    fields = {
        "id": source_id, "outlet": given.outlet, "outlet_name": outlet_name,
        "title": given.title, "authors": list(given.authors), "published": published,
        "date_inferred": given.date_inferred, "url": given.url, "text": name,
        "sha256": hashlib.sha256(raw).hexdigest(),
    }  # fmt: skip
    lines = ["# yaml-language-server: $schema=../schemas/source-card.schema.json"]
    lines += [f"{key}: {scalar(value)}" for key, value in fields.items()]
    (root / "data/sources").mkdir(parents=True, exist_ok=True)
    card.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(card, ("\n".join(lines) + "\n").encode("utf-8"))
    write_atomically(
        data,
        DATA_TEMPLATE.format(id=source_id, path=f"data/sources/{source_id}.yaml").encode("utf-8"),
    )
    return Added(source_id, card, data, copied)


def update_sha256(root: Path, source_id: str, text_file: Path) -> tuple[Path, str, str]:
    """Refresh the sha256 of a source's card from its text: (card, old, new)."""
    cards = existing_cards(root)
    if source_id not in cards:
        close = difflib.get_close_matches(source_id, list(cards), n=3, cutoff=0.5)
        hint = (
            f"; did you mean {', '.join(close)}?"
            if close
            else f" (known: {', '.join(sorted(cards)) or 'none'})"
        )
        raise UsageError(f"no source card with id {source_id!r}{hint}", "--update")
    card = cards[source_id]
    if text_file.name != card.get("text"):
        raise UsageError(
            f"the card of {source_id!r} names the text {card.get('text')!r}, not "
            f"{text_file.name!r}: give that file, or edit `text:` in {card['path']}",
            "TEXT_FILE",
        )
    new = hashlib.sha256(read_text(text_file)).hexdigest()
    path = root / card["path"]
    content = path.read_text(encoding="utf-8")
    old = card.get("sha256") or ""
    if old != new:
        updated, count = _SHA_LINE.subn(f"sha256: {new}", content, count=1)
        if not count:
            updated = content.rstrip("\n") + f"\nsha256: {new}\n"
        write_atomically(path, updated.encode("utf-8"))
    return path, old, new


def existing_cards(root: Path) -> dict[str, dict]:
    """Source id -> the fields of each readable card in seeds/ (and its `path`); cards that
    cannot be read are left to `kpos validate`."""
    from korea_positions.kb.yamlread import YamlProblem, read_yaml

    cards = {}
    for path in sorted((root / "seeds").glob("*.yaml")):
        try:
            data, _ = read_yaml(path, str(path))
        except YamlProblem:
            continue
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            cards[data["id"]] = data | {"path": f"seeds/{path.name}"}
    return cards


def read_text(text_file: Path) -> bytes:
    """An article's text: a regular UTF-8 file of at most MAX_TEXT_BYTES."""
    try:
        if not text_file.is_file():
            raise UsageError(f"no such file: {text_file}", "TEXT_FILE")
        with text_file.open("rb") as handle:
            raw = handle.read(MAX_TEXT_BYTES + 1)
    except OSError as exc:
        raise UsageError(f"cannot read {text_file}: {exc.strerror or exc}", "TEXT_FILE") from None
    if len(raw) > MAX_TEXT_BYTES:
        raise UsageError(f"{text_file} is larger than {MAX_TEXT_BYTES} bytes", "TEXT_FILE")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(
            f"{text_file} is not UTF-8 (byte 0x{raw[exc.start]:02x} at {exc.start}): save it "
            "as UTF-8 first",
            "TEXT_FILE",
        ) from None
    return raw


def _slug(value: str, option: str, example: str) -> None:
    if not _SLUG.fullmatch(value) or len(value) > 80:
        raise UsageError(
            f"{value!r} is not an id: use lowercase letters, digits and single hyphens, "
            f"like {example}",
            option,
        )


def _copy(root: Path, text_file: Path, raw: bytes) -> Path:
    """The text copied into texts/ (made, with its .gitignore, when missing)."""
    from korea_positions.kb.newroot import TEXTS_GITIGNORE

    texts = root / "texts"
    if not texts.is_dir():
        texts.mkdir()
        write_atomically(texts / ".gitignore", TEXTS_GITIGNORE.encode("utf-8"))
    target = texts / text_file.name
    if target.exists():
        if target.read_bytes() == raw:
            return target
        raise UsageError(
            f"texts/{text_file.name} already exists with another text; rename the file",
            "TEXT_FILE",
        )
    write_atomically(target, raw)
    return target
