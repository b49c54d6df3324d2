"""Prove every quote against its source's text: the records of `kpos verify`.

Pure: the texts come in as bytes (or None when missing); reading files is the caller's job.
"""

from __future__ import annotations

import hashlib

from korea_positions.analysis.textmatch import Normalized, closest_words, find
from korea_positions.kb.knowledge import KnowledgeBase, Record

OK, NOT_FOUND, NO_TEXT, SHA_MISMATCH = "ok", "not-found", "no-text", "sha-mismatch"


def verify(
    kb: KnowledgeBase, texts: dict[str, bytes | None], update: str = "kpos add source --update"
) -> list[Record]:
    """One record per quote, then one per hedged position: quote (the id checked), source,
    status, detail, line (in the text), kind (`quote` or `hedge`), id, origin (FILE:LINE
    where the quote or hedge is written). A sha256 mismatch suggests `update` followed by
    the source's id, the command that updates its card."""
    prepared: dict[str, tuple[Normalized | None, str]] = {}
    for source in kb.sources:
        card = kb.origin("sources", source["id"])[0]
        fix = f"{update} {source['id']}"
        prepared[source["id"]] = _prepare(source, texts.get(source["id"]), card, fix)
    checked = [(q["id"], q["source"], q["text"], "quote") for q in kb.quotes]
    checked += [(p["id"], p["source"], p["hedge"], "hedge") for p in kb.positions if p.get("hedge")]
    records = []
    for record_id, source, words, kind in checked:
        haystack, trouble = prepared.get(source, (None, "source has no card"))
        file, line, _ = kb.origin("quotes" if kind == "quote" else "positions", record_id)
        record = {"quote": record_id, "source": source} | _check(words, haystack, trouble, kind)
        if record["status"] == NOT_FOUND:  # where to correct it
            record["detail"] = f"{file}:{line}: {record['detail']}"
        records.append(record | {"kind": kind, "id": record_id, "origin": f"{file}:{line}"})
    return records


def _prepare(
    source: Record, raw: bytes | None, card: str, fix: str
) -> tuple[Normalized | None, str]:
    """The text ready for matching, and a problem with it ("" when none): a sha256
    mismatch gives both hashes in full and the command that updates the card."""
    if raw is None:
        return None, f"text file {source['text']!r} not found"
    digest = hashlib.sha256(raw).hexdigest()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, f"text file {source['text']!r} is not UTF-8"
    if digest != source["sha256"]:
        return Normalized(text), (
            f"{source['text']} has sha256 {digest}, but the source card says "
            f"{source['sha256']} ({card}); if the text changed on purpose, update the card: "
            f"{fix}"
        )
    return Normalized(text), ""


def _check(words: str, haystack: Normalized | None, trouble: str, kind: str) -> Record:
    """status, detail and line of the words in the text."""
    record: Record = {}
    if haystack is None:
        return record | {"status": NO_TEXT, "detail": trouble, "line": None}
    match = find(words, haystack)
    line = match.line(haystack.original)
    if trouble:  # the text is not the one the card describes: no result can be trusted
        found = "found" if match.found else "not found"
        return record | {
            "status": SHA_MISMATCH,
            "detail": f"{trouble}; {kind} {found} in it",
            "line": line,
        }
    if match.found:
        return record | {"status": OK, "detail": "", "line": line}
    passage, difference = closest_words(words, haystack.original[match.start : match.end])
    flat = " ".join(passage.split())
    return record | {
        "status": NOT_FOUND,
        "detail": (
            f"not in the text; closest passage ({match.similarity:.0%} similar) at line "
            f"{line}: {flat!r}; difference: {difference}"
        ),
        "line": line,
    }


MAX_TEXT_BYTES = 64 * 1024 * 1024


def read_texts(kb: KnowledgeBase, directory) -> dict[str, bytes | None]:
    """Read each source's text file from `directory` (I/O kept out of verify()): regular
    files only, and at most MAX_TEXT_BYTES of each (a larger one cannot match its sha256
    card anyway, and is reported as a mismatch)."""
    import stat

    texts: dict[str, bytes | None] = {}
    for source in kb.sources:
        path = directory / source["text"]
        try:
            if not stat.S_ISREG(path.stat().st_mode):
                raise OSError("not a regular file")
            with path.open("rb") as handle:
                texts[source["id"]] = handle.read(MAX_TEXT_BYTES + 1)
        except OSError:
            texts[source["id"]] = None
    return texts
