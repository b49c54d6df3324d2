"""Every console block of the README, run on a terminal of the README's width, prints
what the README shows (tests/readme_tour.py; `--update` rewrites the outputs)."""

from __future__ import annotations

import os
import shutil

import pytest
import readme_tour
from conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
BLOCKS = readme_tour.blocks(README)

pytestmark = pytest.mark.skipif(
    readme_tour.KPOS is None, reason="kpos console script not installed"
)


def test_the_readme_has_a_tour():
    assert len(BLOCKS) >= 10 and all(block.commands for block in BLOCKS)


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return str(tmp_path_factory.mktemp("tour-cache"))


@pytest.mark.parametrize("block", BLOCKS, ids=lambda block: block.name[:60])
def test_console_block(block, cache):
    missing = [tool for tool in block.tools() if shutil.which(tool) is None]
    if missing and os.environ.get("CI"):
        pytest.fail(f"{', '.join(missing)} not installed (.ci/run installs them)")
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed")
    block.actual = readme_tour.run(block, cache)
    problems = readme_tour.differences(block)
    assert not problems, (
        "\n\n".join(problems) + "\n\nIf the change is intended: python tests/readme_tour.py "
        "--update README.md"
    )


def test_update_rewrites_outputs_and_leaves_a_failing_block(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(
        "Text.\n\n```console\n$ echo now\nthen\n$ printf 'a\\nb\\n'\n```\n\n"
        "```console\n$ false\nkept\n```\n\n<!-- tour-status: 3 -->\n```console\n"
        "$ (echo out; exit 3)\nold\n```\n",
        encoding="utf-8",
    )
    assert readme_tour.main([str(readme)]) == 1  # stale
    assert readme_tour.main(["--update", str(readme)]) == 1  # `false` exits 1, not 0
    assert readme.read_text(encoding="utf-8") == (
        "Text.\n\n```console\n$ echo now\nnow\n$ printf 'a\\nb\\n'\na\nb\n```\n\n"
        "```console\n$ false\nkept\n```\n\n<!-- tour-status: 3 -->\n```console\n"
        "$ (echo out; exit 3)\nout\n```\n"
    )
