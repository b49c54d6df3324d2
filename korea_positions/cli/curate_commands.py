"""The curation commands: start a knowledge base of your own, add a source to it, and
draft the quotations of an article with their speakers."""

# No `from __future__ import annotations`: Typer reads these annotations at start-up.
from pathlib import Path
from typing import Annotated, Optional

import typer

from korea_positions.cli import options
from korea_positions.cli.output import emit
from korea_positions.cli.session import Session, session
from korea_positions.errors import ExitStatus, InvalidKnowledgeBase, UsageError
from korea_positions.output.extract_view import EXTRACT
from korea_positions.output.formats import OutputFormat


def init(
    ctx: typer.Context,
    directory: Annotated[str, typer.Argument(metavar="DIR", help="The new root to write.")],
    empty: Annotated[
        bool,
        typer.Option("--empty", help="Only the five parties: no sources, steps or people."),
    ] = False,
) -> None:
    """Write a new knowledge base root: a copy of the bundled one, or --empty.

    The copy holds the bundled YAML files, source cards and schemas (so editors' schema
    links work), and a texts/ directory for the article texts, which version control
    ignores. DIR must be new or empty: nothing is overwritten. The new root is validated
    at once.

    Example: kpos init ~/korea-kb && cd ~/korea-kb && kpos validate
    """
    from korea_positions.kb.newroot import init_root

    env = session(ctx).env
    target = init_root(Path(directory).expanduser(), empty)
    new = Session(env, data=str(target))
    env.stderr.write(f"kpos: wrote {target}\n")
    kb = _checked(new, "kpos: the new knowledge base")
    counts = ", ".join(f"{n} {kind}" for kind, n in kb.counts().items())
    env.stderr.write(
        f"kpos: ok: {counts}\n"
        f"Next: cd {target}, then add an article: kpos add source ARTICLE.txt --outlet KEY "
        '--outlet-name NAME --title "..." --published YYYY-MM-DD --copy\n'
    )


def add_source(
    ctx: typer.Context,
    text_file: Annotated[
        Optional[str],
        typer.Argument(metavar="TEXT_FILE", help="The article's text (UTF-8)."),
    ] = None,
    outlet: Annotated[
        Optional[str], typer.Option("--outlet", metavar="KEY", help="Outlet key, e.g. nyt.")
    ] = None,
    outlet_name: Annotated[
        Optional[str],
        typer.Option(
            "--outlet-name",
            metavar="NAME",
            help="The outlet's name [default: that of its other sources].",
        ),
    ] = None,
    title: Annotated[Optional[str], typer.Option("--title", help="The article's title.")] = None,
    published: Annotated[
        Optional[str], typer.Option("--published", metavar="DATE", help="YYYY-MM-DD.")
    ] = None,
    author: Annotated[
        Optional[list[str]], typer.Option("--author", help="An author (repeatable).")
    ] = None,
    url: Annotated[Optional[str], typer.Option("--url", help="Where it was published.")] = None,
    source_id: Annotated[
        Optional[str],
        typer.Option("--id", metavar="ID", help="The source's id [default: OUTLET-DATE]."),
    ] = None,
    date_inferred: Annotated[
        bool, typer.Option("--date-inferred", help="The text prints no date: it was inferred.")
    ] = False,
    copy: Annotated[
        bool, typer.Option("--copy", help="Copy the text into the knowledge base's texts/.")
    ] = False,
    update: Annotated[
        Optional[str],
        typer.Option(
            "--update",
            metavar="ID",
            help="Refresh the sha256 of source ID's card after its text changed.",
        ),
    ] = None,
    texts: options.Texts = None,
) -> None:
    """Add a source: write its card (sha256 computed) and its empty data file.

    Writes seeds/ID.yaml and data/sources/ID.yaml into the knowledge base (never the
    bundled one: make your own with `kpos init DIR`) and prints the next steps. The text is
    copied into the knowledge base's texts/ only with --copy. With --update ID, TEXT_FILE
    may be left out: it is looked up in --texts, KPOS_TEXTS, then texts/.

    Example: kpos add source guardian.txt --outlet guardian --outlet-name "The Guardian" --title "Talks resume" --published 2018-10-01 --copy
    """
    from korea_positions.kb import newsource

    s = session(ctx)
    root = _writable(s)
    if update:
        card = newsource.existing_cards(root).get(update, {})
        directory, said_by = s.texts(texts)
        given = Path(text_file).expanduser() if text_file else directory / str(card.get("text"))
        if card and not text_file and not given.is_file():
            raise UsageError(f"the text of {update} ({card.get('text')}) is not in {directory} "
                             f"({said_by}): give TEXT_FILE, or --texts DIR", "--update")  # fmt: skip
        path, old, new = newsource.update_sha256(root, update, given)
        said = "already" if old == new else f"was {old or 'missing'}, now"
        s.env.stderr.write(f"kpos: {path}: sha256 {said} {new}\n")
        return
    missing = [name for name, value in (("TEXT_FILE", text_file), ("--outlet", outlet),
               ("--title", title), ("--published", published)) if not value]  # fmt: skip
    if missing:
        raise UsageError(f"missing {', '.join(missing)} (or --update ID)", missing[0])
    given = newsource.NewSource(outlet, title, published, tuple(author or ()), url,
                                source_id, outlet_name, date_inferred)  # fmt: skip
    added = newsource.add_source(root, Path(text_file).expanduser(), given, copy)
    s.env.stderr.write(_next_steps(s, added, Path(text_file).expanduser(), texts))


def extract(
    ctx: typer.Context,
    file_or_source: Annotated[
        str,
        typer.Argument(
            metavar="FILE_OR_SOURCE", help="An article's text file, else a source id or outlet key."
        ),
    ],  # fmt: skip
    new: Annotated[
        bool, typer.Option("--new", help="Only quotations not yet in the knowledge base.")
    ] = False,
    texts: options.Texts = None,
    fmt: options.Format = None,
) -> None:
    """Find every direct quotation of an article and draft it, with its likely speaker.

    An existing file wins; else the text of the source (id or outlet key) is looked up in
    --texts, KPOS_TEXTS, then the knowledge base's texts/. `known` names the quote already
    curated with the same words (of this source, or of any when the file has no card).
    --format yaml prints quote stubs with fresh ids, to append to the source's data file
    (its `quotes:` come last); a stub whose speaker is unknown says so and does not
    validate until it is settled.

    Example: kpos extract guardian --new --format yaml >> data/sources/guardian-2018-10-01.yaml
    """
    from korea_positions.analysis import drafts
    from korea_positions.cli.articles import article

    s = session(ctx)
    kb = s.kb()
    text, source_id = article(s, kb, file_or_source, texts)
    records = drafts.extraction(kb, text, source_id, new)
    if fmt != OutputFormat.yaml:
        emit(records, EXTRACT, fmt, s.env)
        return
    from korea_positions.output.stubs import render_stubs

    taken = {q["id"] for q in kb.quotes}
    actor_ids = {a["id"] for a in kb.actors}
    stubs = drafts.quote_stubs(records, drafts.id_prefix(kb, source_id), taken, actor_ids)
    data_file = f"data/sources/{source_id}.yaml" if source_id else None
    render_stubs(stubs, [r for r in records if r["known"]], data_file, s.env.stdout)


def _writable(s: Session) -> Path:
    """The root, unless it is the bundled one (not the user's to write: exit 2)."""
    if s.place.bundled:
        raise UsageError(
            f"the knowledge base is the bundled one ({s.root}), which kpos does not write to: "
            "make your own with `kpos init DIR`, then work inside DIR (or give --data DIR)"
        )
    from korea_positions.kb.files import is_root

    if not is_root(s.root):
        raise UsageError(f"{s.root} has no data/actors.yaml and seeds/: `kpos init DIR` "
                         "makes a knowledge base", "--data")  # fmt: skip
    return s.root


def _checked(s: Session, what: str):
    """The knowledge base, valid; else its problems on stderr and exit 1."""
    from korea_positions.cli.errors import report_problems

    try:
        return s.checked()
    except InvalidKnowledgeBase as exc:
        report_problems(exc.problems, s.env.stderr)
        s.env.stderr.write(f"{what} has {len(exc.problems)} problem(s)\n")
        raise typer.Exit(ExitStatus.PROBLEMS) from None


def _next_steps(s: Session, added, text_file: Path, texts: str | None) -> str:
    from korea_positions.kb.files import shown_path

    sid = added.source_id
    lines = [f"kpos: wrote {shown_path(added.card)} and {shown_path(added.data)}"]
    found_in, _ = s.texts(texts)
    if added.copied:
        lines.append(f"kpos: copied the text to {shown_path(added.copied)}")
    elif not (found_in / text_file.name).is_file():
        lines.append(f"kpos: the text stays in {text_file.parent}: give `--texts "
                     f"{text_file.parent}` to extract and verify, or set KPOS_TEXTS")  # fmt: skip
    data = shown_path(added.data)
    lines += [
        "Next steps:",
        f"  1. See its quotations and their likely speakers: {s.command('extract')} {sid}",
        "  2. Add the people it quotes by name to data/actors.yaml.",
        f"  3. Append quote stubs to its data file: {s.command('extract')} {sid} --new -f yaml "
        f">> {data}",
        f"  4. Edit {data}: settle each stub's speaker and `about`, add the positions.",
        f"  5. Check: {s.command('validate')} && {s.command('verify')}",
    ]
    return "\n".join(lines) + "\n"
