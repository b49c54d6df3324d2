"""Help for every command, the README's reference, shell completion, format registries."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys

import pytest
from conftest import MINI, REPO

from korea_positions.cli import reference
from korea_positions.output import exports, formats
from korea_positions.output.exports import ExportFormat
from korea_positions.output.formats import OutputFormat


@pytest.mark.parametrize("command", reference.COMMANDS)
def test_every_command_has_a_purpose_and_an_example(command):
    text = reference.help_text(command.split())
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert lines[0].startswith(f"Usage: kpos {command}")
    assert lines[1].endswith(".")  # the one-line purpose
    assert any(line.startswith("Example: kpos ") for line in lines)


def test_readme_reference_is_up_to_date():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert reference.current(readme) == reference.reference(), (
        "README's command reference is stale: run "
        "`python -m korea_positions.cli.reference README.md`"
    )


def test_every_command_is_in_the_reference():
    from korea_positions.cli.app import app

    names = {c.name or c.callback.__name__ for c in app.registered_commands}
    for group in app.registered_groups:
        names |= {f"{group.name} {c.name}" for c in group.typer_instance.registered_commands}
    assert names == set(reference.COMMANDS)


def parameters(function) -> list[str]:
    import inspect

    return list(inspect.signature(function).parameters)


def test_every_output_format_is_mapped_to_a_renderer_of_the_interface():
    assert set(formats.MODULES) == set(OutputFormat)
    expected = parameters(formats.Renderer.__call__)[1:]
    for fmt in OutputFormat:
        assert parameters(formats.renderer(fmt)) == expected, fmt


def test_every_export_format_is_mapped_to_a_writer_of_the_interface():
    assert set(exports.MODULES) == set(ExportFormat)
    expected = parameters(exports.Writer.__call__)[1:]
    for fmt in ExportFormat:
        assert parameters(exports.writer(fmt)) == expected, fmt


def complete(words: str, tmp_path) -> list[str]:
    env = os.environ | {
        "_KPOS_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    env.pop("KPOS_DATA", None)
    result = subprocess.run(
        [sys.executable, "-c", "from korea_positions.cli.run import main; main()"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stderr == ""
    return result.stdout.split()


def test_completes_commands_and_options(tmp_path):
    assert "demands" in complete("kpos dem", tmp_path)
    assert "--actor" in complete("kpos demands --ac", tmp_path)


def test_completes_actor_names_from_the_bundled_kb(tmp_path):
    assert complete("kpos demands --actor kim", tmp_path) == [
        "kim-il-sung",
        "kim-jong-un",
        "kim-sung-han",
    ]
    assert complete("kpos actor moon", tmp_path) == ["moon-chung-in", "moon-jae-in"]


def test_completes_steps_and_sources_of_another_kb(tmp_path):
    assert complete(f"kpos --data {MINI} demands --step inv", tmp_path) == ["inventory"]
    assert complete(f"kpos --data {MINI} quotes --source al", tmp_path) == [
        "alpha",
        "alpha-2018-01-02",
    ]


def test_completion_on_a_broken_kb_is_silent(tmp_path):
    assert complete(f"kpos --data {tmp_path} demands --actor a", tmp_path) == []


def bash_complete(words: list[str], tmp_path) -> list[str]:
    """COMPREPLY after the completion function that `kpos --show-completion bash` installs
    runs on these words, in a real bash, as on a Tab."""
    from terminal import BIN, KPOS

    if KPOS is None or shutil.which("bash") is None:
        pytest.skip("needs the kpos console script and bash")
    quoted = " ".join(shlex.quote(w) for w in words)
    script = (
        "source <(kpos --show-completion bash)\n"
        f"COMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}\n"
        "_kpos_completion kpos\n"
        "printf '%s\\n' \"${COMPREPLY[@]}\"\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "KPOS_DATA"} | {
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    result = subprocess.run(["bash", "-c", script], env=env, capture_output=True, text=True,
                            timeout=60)  # fmt: skip
    assert result.returncode == 0 and result.stderr == "", result.stderr
    return [line for line in result.stdout.split("\n") if line]


@pytest.mark.parametrize(
    "words,expected",
    [
        (["kpos", "demands", "--actor", "Mo"], ["moon-chung-in", "moon-jae-in"]),
        (["kpos", "demands", "--actor", "Kim"], ["kim-il-sung", "kim-jong-un", "kim-sung-han"]),
        (["kpos", "actor", "trum"], ["donald-trump", "trump-administration-officials"]),
        (["kpos", "actor", "TRUMP"], ["donald-trump", "trump-administration-officials"]),
        (["kpos", "quotes", "--actor", "Pyong"], ["dprk"]),
        (["kpos", "demands", "--step", "End-Of-War"], ["end-of-war-declaration"]),
        (["kpos", "quotes", "--source", "NYT"], ["nyt", "nyt-2018-09-17"]),
        (["kpos", "demands", "--stance", "DEM"], ["demand"]),
        (["kpos", "show", "Quote:atl-us-sin"], ["quote:atl-us-sincerity"]),
    ],
)
def test_bash_completion_ignores_case_and_matches_names(words, expected, tmp_path):
    assert bash_complete(words, tmp_path) == expected
