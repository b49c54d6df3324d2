"""The installed console script, run as a user would: from elsewhere, in a pipe, on a tty."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent
KPOS = shutil.which("kpos", path=str(BIN)) or shutil.which("kpos")

pytestmark = pytest.mark.skipif(KPOS is None, reason="kpos console script not installed")


def run(*args: str, cwd, env=None, **kwargs) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != "KPOS_DATA"} | (env or {})
    return subprocess.run(
        [KPOS, *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        **kwargs,
    )


def test_actors_from_an_unrelated_directory(tmp_path):
    result = run("actors", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split("\t")[:5] == ["id", "name", "kind", "aliases", "speaks_for"]
    ids = {line.split("\t")[0] for line in lines[1:]}
    assert {"us", "dprk", "rok", "china", "unc"} <= ids


def test_python_dash_m(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "korea_positions", "--version"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0 and result.stdout.startswith("kpos ")


def test_pipe_into_head_ends_quietly(tmp_path):
    result = subprocess.run(
        f"'{KPOS}' quotes | head -n 1",
        shell=True,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("id\tsource\tspeaker")
    assert result.stderr == ""


def test_usage_error_exit_2_without_traceback(tmp_path):
    result = run("demands", "--actor", "Narnia", cwd=tmp_path)
    assert result.returncode == 2
    assert "no actor called 'Narnia'" in result.stderr and "Traceback" not in result.stderr


def test_terminal_gets_a_table(tmp_path):
    primary, replica = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "KPOS_DATA"} | {
        "COLUMNS": "100",
        "NO_COLOR": "1",
    }
    process = subprocess.Popen(
        [KPOS, "sources"], stdout=replica, stderr=replica, cwd=tmp_path, env=env
    )
    os.close(replica)
    chunks = []
    while True:
        try:
            chunk = os.read(primary, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(primary)
    screen = b"".join(chunks).decode("utf-8")
    assert process.returncode == 0
    assert "Sources" in screen and "\t" not in screen and "2 sources" in screen
    assert "\x1b[" not in screen  # NO_COLOR
