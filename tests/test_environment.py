"""The Environment handed to a command decides how it prints: a terminal of a given
width gets a table, a pipe gets tsv, NO_COLOR gets no escape sequences; and `run`
returns the exit status for every way a command can end."""

from __future__ import annotations

import io

from conftest import MINI
from typer.testing import CliRunner

from korea_positions.cli.app import app
from korea_positions.cli.environment import Environment
from korea_positions.cli.run import run
from korea_positions.errors import ExitStatus


def invoke(env: Environment, *args: str):
    return CliRunner().invoke(app, ["--data", str(MINI), *args], obj=env)


def test_a_terminal_gets_a_table_at_its_width():
    for width in (60, 120):
        env = Environment(stdout=io.StringIO(), terminal=True, width=width, colour=False)
        result = invoke(env, "steps")
        assert result.exit_code == 0
        lines = env.stdout.getvalue().splitlines()
        assert lines[0].startswith("Steps") and "Full nuclear inventory" in env.stdout.getvalue()
        assert max(len(line) for line in lines) <= width
        assert not any("\t" in line for line in lines)


def test_a_pipe_gets_tsv():
    env = Environment(stdout=io.StringIO(), terminal=False)
    assert invoke(env, "steps").exit_code == 0
    assert env.stdout.getvalue().splitlines()[0].split("\t")[:2] == ["id", "label"]


def test_colour_off_means_no_escape_sequences():
    coloured = Environment(stdout=io.StringIO(), terminal=True, width=100, colour=True)
    plain = Environment(stdout=io.StringIO(), terminal=True, width=100, colour=False)
    invoke(coloured, "steps")
    invoke(plain, "steps")
    assert "\x1b[" in coloured.stdout.getvalue() and "\x1b" not in plain.stdout.getvalue()


def test_run_returns_the_exit_status_of_each_outcome(tmp_path):
    def status(*args):
        env = Environment(stdout=io.StringIO(), stderr=io.StringIO(), cache_dir=tmp_path)
        return run(["--data", str(MINI), *args], env), env.stderr.getvalue()

    assert status("steps") == (ExitStatus.SUCCESS, "")
    code, err = status("actor", "nobody")
    assert code == ExitStatus.USAGE and "no actor called 'nobody'" in err
    code, err = status("no-such-command")
    assert code == ExitStatus.USAGE and "No such command" in err
    code, err = status("sequence", "--as-of", "soon")
    assert code == ExitStatus.USAGE and "use YYYY-MM-DD" in err
    code, _ = status("--version")
    assert code == ExitStatus.SUCCESS


def test_the_cache_goes_where_the_environment_says(tmp_path):
    env = Environment(stdout=io.StringIO(), stderr=io.StringIO(), cache_dir=tmp_path / "here")
    assert run(["--data", str(MINI), "steps"], env) == ExitStatus.SUCCESS
    assert list((tmp_path / "here").glob("kb-*.sqlite3"))
