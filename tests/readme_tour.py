"""The README's console blocks, run as a reader would run them, compared with what they
show, and rewritten from what the commands print now.

    python tests/readme_tour.py README.md            # check: print what differs
    python tests/readme_tour.py --update README.md   # rewrite the blocks' outputs

Each ```console block runs in a new empty directory (also $HOME), in one bash on a
terminal WIDTH columns wide without colour, with the installed kpos first on PATH and its
bundled knowledge base. Every `$ ` line is a command; the lines after it, up to the next,
are what it prints (standard output and error, as on the terminal).

HTML comments directly above a block, hidden when the README is shown, prepare it:
`<!-- tour-setup ... -->` holds shell commands run first, silently (`$TOUR_KB` is the
root of the bundled knowledge base, whose data/ and seeds/ a setup may copy);
`<!-- tour-status: N -->` says the block's last command exits N (any other command of a
block, and every command by default, exits 0). --update leaves a block whose commands
exit otherwise as it is, and says so. `<!-- tour-elsewhere: ... -->` after a `## `
heading leaves the blocks of that section to another test. The temporary home directory
is shown as /home/me.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from terminal import KPOS, environment, on_a_pty  # noqa: E402

WIDTH = 100
HOME = "/home/me"  # the temporary home directory, as the README shows it
FENCE = "```console"
TOOLS = ("jq", "dot")  # programs outside kpos that blocks pipe into
_MARK = "\x1etour"
_MARKS = re.compile(rf"\n?{_MARK} (\d+) (\d+)\n")


@dataclass
class Command:
    line: str  # as typed, without "$ "
    expected: list[str]  # the lines it prints


@dataclass
class Block:
    start: int  # index of the fence line in the README's lines
    end: int  # index of the closing fence
    commands: list[Command]
    setup: str = ""
    status: int = 0
    actual: list[tuple[int, list[str]]] = field(default_factory=list)  # (status, lines)

    @property
    def name(self) -> str:
        return self.commands[0].line if self.commands else f"line {self.start + 1}"

    def tools(self) -> list[str]:
        """The outside programs its commands run."""
        text = " ".join(c.line for c in self.commands)
        return [t for t in TOOLS if re.search(rf"(^|[|&;]\s*){t}\s", text)]

    def expected_status(self, n: int) -> int:
        return self.status if n == len(self.commands) - 1 else 0


def _directives(lines: list[str], fence: int) -> tuple[str, int]:
    """The setup and status of the comments ending directly above the fence."""
    setup, status, n = [], 0, fence - 1
    while n >= 0 and lines[n].rstrip().endswith("-->"):
        first = n
        while "<!--" not in lines[first]:
            first -= 1
        comment = "\n".join(lines[first : n + 1]).strip()[4:-3].strip()
        if comment.startswith("tour-setup"):
            setup.insert(0, comment[len("tour-setup") :].lstrip(":").strip())
        elif comment.startswith("tour-status:"):
            status = int(comment.split(":", 1)[1])
        n = first - 1
    return "\n".join(setup), status


def blocks(text: str) -> list[Block]:
    lines = text.split("\n")
    found = []
    n, elsewhere = 0, False
    while n < len(lines):
        if lines[n].startswith("## "):
            elsewhere = False
        elif lines[n].startswith("<!-- tour-elsewhere"):
            elsewhere = True  # another test runs this section's blocks
        if lines[n].strip() != FENCE or elsewhere:
            n += 1
            continue
        end = next(i for i in range(n + 1, len(lines)) if lines[i].strip() == "```")
        commands: list[Command] = []
        for line in lines[n + 1 : end]:
            if line.startswith("$ "):
                commands.append(Command(line[2:], []))
            elif commands:
                commands[-1].expected.append(line)
        setup, status = _directives(lines, n)
        found.append(Block(n, end, commands, setup, status))
        n = end + 1
    return found


def bundled_kb() -> str:
    from korea_positions.kb.files import bundled_root

    return str(bundled_root())


def run(block: Block, cache: str, width: int = WIDTH) -> list[tuple[int, list[str]]]:
    """Each command's exit status and the lines it printed (`cache`: XDG_CACHE_HOME, which
    blocks may share)."""
    with tempfile.TemporaryDirectory(prefix="kpos-tour-") as home:
        script = ["set +e", f"( {block.setup}\n) >/dev/null 2>&1" if block.setup else ""]
        for n, command in enumerate(block.commands):
            script.append(command.line)
            script.append(f"printf '\\n{_MARK} {n} %d\\n' $?")
        env = environment(width, HOME=home, XDG_CACHE_HOME=cache, TOUR_KB=bundled_kb())
        _, screen = on_a_pty(["bash", "--norc", "--noprofile", "-c", "\n".join(script)], env,
                             width, cwd=home)  # fmt: skip
        screen = screen.replace(os.path.realpath(home), HOME).replace(home, HOME)
    results, start = [], 0
    for match in _MARKS.finditer(screen):
        output = screen[start : match.start()]
        output = output[:-1] if output.endswith("\n") else output
        results.append((int(match[2]), output.split("\n") if output else []))
        start = match.end()
    rest = screen[start:].rstrip("\n")
    while len(results) < len(block.commands):  # the shell ended early (`exit`)
        results.append((-1, rest.split("\n") if rest else []))
        rest = ""
    return results


def differences(block: Block) -> list[str]:
    """What the block's commands print otherwise than it shows, or exit with otherwise."""
    problems = []
    for n, (command, (status, lines)) in enumerate(zip(block.commands, block.actual, strict=True)):
        if status != block.expected_status(n):
            problems.append(f"$ {command.line}\nexited {status}:\n" + "\n".join(lines))
        elif lines != command.expected:
            import difflib

            diff = difflib.unified_diff(command.expected, lines, "README", "now", lineterm="")
            problems.append(f"$ {command.line}\n" + "\n".join(diff))
    return problems


def updated(text: str, done: list[Block]) -> str:
    """The README with the outputs of the blocks whose commands exit as expected."""
    lines = text.split("\n")
    for block in sorted(done, key=lambda b: b.start, reverse=True):
        body = []
        for command, (_, output) in zip(block.commands, block.actual, strict=True):
            body += [f"$ {command.line}", *output]
        lines[block.start + 1 : block.end] = body
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    update = "--update" in argv
    path = Path(next((a for a in argv if not a.startswith("--")), "README.md"))
    if KPOS is None:
        sys.stderr.write("readme_tour: install kpos first (pip install -e .)\n")
        return 2
    text = path.read_text(encoding="utf-8")
    good, bad = [], []
    cache = tempfile.TemporaryDirectory(prefix="kpos-tour-cache-")
    for block in blocks(text):
        missing = [t for t in block.tools() if shutil.which(t) is None]
        if missing:
            sys.stderr.write(f"skipped (no {', '.join(missing)}): $ {block.name}\n")
            continue
        block.actual = run(block, cache.name)
        statuses = all(s == block.expected_status(n) for n, (s, _) in enumerate(block.actual))
        (good if statuses else bad).append(block)
        for problem in differences(block):
            sys.stderr.write(problem + "\n\n")
    if update:
        path.write_text(updated(text, good), encoding="utf-8")
        for block in bad:
            sys.stderr.write(f"left as it was (a command exited otherwise): $ {block.name}\n")
        return 1 if bad else 0
    return 1 if any(differences(b) for b in good + bad) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
