"""The README's "Curating a new article", run: every `$ kpos` command of its console blocks,
in order, in a fresh directory holding the article, on a terminal 100 columns wide; its
output must be the one the README shows. Its YAML blocks are the edits, applied where the
README shows them (the first line of each says to which file, and where); the one edit
the README says in words (settling the stubs whose speaker is unknown) is made here.
Spaces at the ends of lines are not compared."""

from __future__ import annotations

import io
import re
import shlex
import shutil
from pathlib import Path

from conftest import FIXTURES, REPO
from typer.testing import CliRunner

from korea_positions.cli.app import app
from korea_positions.cli.environment import Environment

HOME = "/home/me"  # where the README's session runs
BLOCK = re.compile(r"^```(console|yaml)\n(.*?)^```\n", re.MULTILINE | re.DOTALL)


def section() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index("\n## Curating a new article\n")
    end = readme.index("\n## ", start + 1)
    return readme[start:end]


def sessions(text: str) -> list[tuple[str, str, str]]:
    """(command, expected output, kind) of each console command; ("", yaml, "yaml") for an
    edit."""
    steps = []
    for kind, body in BLOCK.findall(text):
        if kind == "yaml":
            steps.append(("", body, "yaml"))
            continue
        for chunk in re.split(r"^\$ ", body, flags=re.MULTILINE)[1:]:
            command, _, output = chunk.partition("\n")
            steps.append((command, output, "console"))
    return steps


def run(command: str, cwd: Path) -> tuple[str, Path]:
    """Run `kpos ... [>> FILE]` parts joined by && (and `cd DIR`): (output, new cwd)."""
    shown = ""
    for part in command.split(" && "):
        words = shlex.split(part)
        if words[0] == "cd":
            cwd = cwd / words[1]
            continue
        assert words[0] == "kpos", command
        target = None
        if ">>" in words:
            target = cwd / words[words.index(">>") + 1]
            words = words[: words.index(">>")]
        env = Environment(stdout=io.StringIO(), stderr=io.StringIO(), terminal=target is None,
                          width=100, colour=False, cwd=cwd)  # fmt: skip
        result = CliRunner().invoke(app, words[1:], obj=env, catch_exceptions=False)
        out, err = env.stdout.getvalue(), env.stderr.getvalue() + result.output
        if target is not None:
            with target.open("a", encoding="utf-8") as handle:
                handle.write(out)
            out = ""
        shown += out + err
    return shown, cwd


def shown(output: str) -> str:
    """The output as the README shows it: no spaces at the ends of lines."""
    return "".join(line.rstrip() + "\n" for line in output.splitlines())


def apply(edit: str, cwd: Path) -> None:
    """A YAML block: its first line says `# FILE, at the end` or `# FILE, under KEY:`."""
    first, _, body = edit.partition("\n")
    where = re.fullmatch(r"# (\S+), (at the end|under (\w+):)", first)
    assert where, first
    path = cwd / where.group(1)
    text = path.read_text(encoding="utf-8")
    if where.group(3):
        key = f"\n{where.group(3)}:\n"
        assert key in text, (path, key)
        text = text.replace(key, key + body, 1)
    else:
        text += body
    path.write_text(text, encoding="utf-8")


def settle(cwd: Path) -> None:
    """As the README says: the official's quotes to `us`, the joint statement's stub out."""
    path = cwd / "data/sources/herald-2018-10-02.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept, skip = [], 0
    for number, line in enumerate(lines):
        if skip:
            skip -= 1
            continue
        if "printed as 'a senior State Department official'" in line:
            line = "    speaker: us\n"
        if number + 1 < len(lines) and "printed as 'the joint statement'" in lines[number + 1]:
            skip = 3  # the stub's speaker, text and about
            continue
        kept.append(line)
    path.write_text("".join(kept), encoding="utf-8")


def test_the_walkthrough_runs_as_written(tmp_path, monkeypatch):
    monkeypatch.delenv("KPOS_DATA", raising=False)
    monkeypatch.delenv("KPOS_TEXTS", raising=False)
    home = tmp_path / "me"
    home.mkdir()
    shutil.copy(FIXTURES / "curate" / "envoys.txt", home)
    cwd = home
    steps = sessions(section())
    assert [c for c, _, _ in steps if c.startswith("kpos validate")], "no validate in README"
    settled = False
    for command, expected, kind in steps:
        if kind == "yaml":
            apply(expected, cwd)
            continue
        if command == "kpos validate" and not settled and "problem(s) found" not in expected:
            settle(cwd)
            settled = True
        monkeypatch.chdir(cwd)
        output, cwd = run(command, cwd)
        assert shown(output.replace(str(home), HOME)) == expected, command
    assert settled
