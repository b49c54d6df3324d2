"""Tables at every width from 60 columns up, on a real terminal: every word of every value
shown is on the screen, and a slug is broken only after one of its hyphens.

Run through the installed console script on a pseudo-terminal, on the bundled knowledge
base and on a small one whose ids are longer than a column can hold.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import MINI
from terminal import KPOS, environment, on_a_pty

from korea_positions.output import views
from korea_positions.output.extract_view import EXTRACT
from korea_positions.output.formats import View
from korea_positions.output.formats.layout import LONGEST_PIECE, pieces

pytestmark = pytest.mark.skipif(KPOS is None, reason="kpos console script not installed")

WIDTHS = (60, 80, 100, 120, 200)
LONG = {
    "declaration": "end-of-war-declaration-by-every-party-concerned",
    "inventory": "complete-nuclear-inventory-handed-over-for-verification",
    "ann-example": "ann-example-special-representative-for-north-korea",
    "alpha-us-inventory-first": "alpha-us-wants-the-full-inventory-before-any-declaration",
}
# Which fields of each command's records its table shows.
SHOWN = {
    "actors": ["id", "name", "kind", "speaks_for", "aliases"],
    "steps": ["id", "label", "by", "part_of"],
    "sources": ["id", "outlet", "published", "title", "authors"],
    "demands": [
        *("id", "actor", "stated_by", "reported_by", "stance", "hedge", "step", "before"),
        *("after", "together", "summary", "source"),
    ],
    "quotes": ["id", "speaker", "reported_by", "source", "text", "about"],
    "sequence": ["actor", "stages", "hedged"],
    "conflicts": ["step_a", "step_b", "a_first", "b_first", "together", "positions"],
    "verify": ["quote", "source", "status", "line", "detail"],
    "actor": ["id", "name", "kind", "aliases", "members", "sequence"],
    "show": [
        *("id", "actor", "stated_by", "reported_by", "stance", "hedge", "step", "before"),
        *("after", "together", "summary", "source", "quotes", "date"),
    ],
    "matrix": ["step"],
    "extract": ["text", "speaker", "reported_by", "known"],
}
ARGUMENTS = {"actor": ["us"], "show": [LONG["alpha-us-inventory-first"]], "extract": ["alpha"]}
BUNDLED = ["actors", "steps", "sources", "demands", "quotes", "matrix"]


def long_ids(root: Path) -> Path:
    """A copy of the mini knowledge base with ids longer than any column at 60 columns;
    quoted text (labels, summaries, quotes) is left as it is."""
    shutil.copytree(MINI, root)
    names = "|".join(sorted(map(re.escape, LONG), key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])({names})(?![\w-])")
    for path in [*root.glob("data/**/*.yaml"), *root.glob("seeds/*.yaml")]:
        lines = path.read_text(encoding="utf-8").split("\n")
        for n, line in enumerate(lines):
            parts = line.split('"')  # outside double quotes only
            parts[::2] = [pattern.sub(lambda m: LONG[m[1]], p) for p in parts[::2]]
            lines[n] = '"'.join(parts)
        path.write_text("\n".join(lines), encoding="utf-8")
    return root


def commands(root: Path | None) -> dict[str, list[str]]:
    data = ["--data", str(root)] if root else []
    found = {name: [*data, name, *ARGUMENTS.get(name, ())]
             for name in (BUNDLED if root is None else SHOWN)}  # fmt: skip
    if root is not None:
        found["verify"] += ["--texts", str(root / "texts")]
    return found


def screens(root: Path | None, width: int, cache: Path) -> dict[str, str]:
    """Each command's screen at this width, from one shell on one terminal."""
    script = "".join(
        f"printf '\\n@@@ %s\\n' {name}; {KPOS} {' '.join(map(repr, args))} 2>/dev/null\n"
        for name, args in commands(root).items()
    )
    env = environment(width, XDG_CACHE_HOME=str(cache))
    status, screen = on_a_pty(["bash", "-c", script], env, width)
    assert status == 0, screen
    found = re.split(r"\n@@@ (\w+)\n", screen)
    return dict(zip(found[1::2], found[2::2], strict=True))


def values(name: str, args: list[str], cache: Path, fields: list[str] | None) -> list[str]:
    """The texts of these fields (None: all) of the command's records, from its json."""
    result = subprocess.run(
        [KPOS, *args, "-f", "json"],
        capture_output=True,
        text=True,
        env=environment(100, XDG_CACHE_HOME=str(cache)),
        timeout=120,
    )
    texts: list[str] = []

    def walk(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if fields is None:  # a card's labels; codes as cameo=USA
                    texts.extend([key.replace("_", " "), f"{key}={item}"])
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, bool):
            texts.append("true" if value else "false")
        elif value is not None:
            texts.append(str(value))

    found = json.loads(result.stdout)
    for record in [found] if isinstance(found, dict) else found:
        walk(record if fields is None else [record.get(field) for field in fields])
    return texts


STRIP = "“”()[];:,"


def words(text: str) -> list[str]:
    return [w.strip(STRIP) for w in text.split() if w.strip(STRIP)]


def fragments(word: str) -> set[str]:
    """The parts a word may be shown in: runs of its pieces (cut after hyphens only)."""
    found = pieces(word)
    return {"".join(found[i:j]) for i in range(len(found)) for j in range(i + 1, len(found) + 1)}


def folded(word: str) -> bool:
    """A word with no hyphen too long for a line (a sha256): it may be cut anywhere."""
    return len(word) > LONGEST_PIECE and "-" not in word


def shown_whole_or_at_hyphens(word: str, on_screen: set[str], screen: str) -> bool:
    if folded(word):
        return word in "".join(screen.split())
    found = pieces(word)
    reachable = {0}  # how many pieces can be covered by fragments on the screen
    for end in range(1, len(found) + 1):
        if any("".join(found[start:end]) in on_screen for start in reachable if start < end):
            reachable.add(end)
    return len(found) in reachable


VIEWS = [view for view in vars(views).values() if isinstance(view, View)] + [EXTRACT]
DECORATION = {
    *(w for view in VIEWS for column in view.columns for w in words(column.header)),
    *(w for view in VIEWS for text in (view.title, *view.noun) for w in words(text)),
    *("by", "via", "before", "after", "together", "vs", "first", "→", "+", "hedged"),
    *("cut", "off", "in", "the", "source", "none", "kpos", "all", "verified", "spoken"),
    *("order", "speaks", "for"),
    # the matrix: its title and legend, and cells such as 2, 2? (hedged), 2! (in conflict)
    *("Matrix", "stage", "same", "number", "conflict", "?", "!", "known", "short", "not", "an"),
}


@pytest.fixture(scope="module")
def kbs(tmp_path_factory) -> dict[str, Path | None]:
    return {"bundled": None, "long ids": long_ids(tmp_path_factory.mktemp("widths") / "kb")}


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.mark.parametrize("kb", ["bundled", "long ids"])
def test_every_word_shown_and_slugs_broken_only_after_hyphens(kbs, kb, cache):
    root = kbs[kb]
    expected = {
        name: values(name, args, cache, SHOWN[name]) for name, args in commands(root).items()
    }
    known = {name: values(name, args, cache, None) for name, args in commands(root).items()}
    with ThreadPoolExecutor(max_workers=3) as pool:
        shown = dict(zip(WIDTHS, pool.map(lambda w: screens(root, w, cache), WIDTHS), strict=True))
    for width, by_command in shown.items():
        for name, screen in by_command.items():
            lines = screen.rstrip("\n").split("\n")
            assert max(len(line) for line in lines) <= width, (name, width)
            assert all(line == line.rstrip() for line in lines), (name, width)
            on_screen = set(words(screen))
            value_words = {w for text in expected[name] for w in words(text)}
            missing = [
                w for w in value_words if not shown_whole_or_at_hyphens(w, on_screen, screen)
            ]
            assert not missing, (name, width, missing, screen)
            every_word = {w for text in known[name] for w in words(text)}
            allowed = DECORATION | {f for w in every_word for f in fragments(w)}
            long_words = [w for w in every_word if folded(w)]
            broken = sorted(
                w
                for w in on_screen - allowed
                if not re.fullmatch(r"\d+(\.\d+)?[?!]*", w)
                and not any(w in long for long in long_words)
            )
            assert not broken, (name, width, broken, screen)
