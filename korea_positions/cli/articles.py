"""Which article `kpos extract` means: an existing file, else a source (id or outlet key)
whose text is looked up in --texts, KPOS_TEXTS, then the knowledge base's texts/."""

from __future__ import annotations

from pathlib import Path

from korea_positions.cli.session import Session
from korea_positions.errors import UsageError


def article(s: Session, kb, given: str, texts: str | None) -> tuple[str, str | None]:
    """The article's text and its source id (None when no card describes a file)."""
    from korea_positions.analysis.drafts import source_of_text
    from korea_positions.analysis.names import resolve_sources
    from korea_positions.kb.newsource import read_text

    path = Path(given).expanduser()
    if path.is_file():
        raw = read_text(path)
        return raw.decode("utf-8"), source_of_text(kb, path.name, raw)
    try:
        found = sorted(resolve_sources(kb, given))
    except UsageError as exc:
        raise UsageError(f"no such file, and {exc}", "FILE_OR_SOURCE") from None
    if len(found) > 1:
        raise UsageError(f"{given!r} names {len(found)} sources: {', '.join(found)}; give one id",
                         "FILE_OR_SOURCE")  # fmt: skip
    source = kb.source_by_id[found[0]]
    directory, said_by = s.texts(texts)
    path = directory / source["text"]
    if not path.is_file():
        raise UsageError(
            f"the text of {source['id']} ({source['text']}) is not in {directory} ({said_by}); "
            "give --texts DIR or set KPOS_TEXTS to its directory, or give the file itself",
            "FILE_OR_SOURCE",
        )
    return read_text(path).decode("utf-8"), source["id"]
