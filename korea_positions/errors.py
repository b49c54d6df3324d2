"""Exit statuses and the errors a user can cause; mapped to exit codes in one place (cli.errors)."""

from __future__ import annotations

from enum import IntEnum
from typing import NamedTuple


class ExitStatus(IntEnum):
    SUCCESS = 0
    PROBLEMS = 1  # the knowledge base is invalid, or a check found problems
    USAGE = 2
    INTERNAL = 70  # a bug in kpos itself
    IO_ERROR = 74  # output could not be written (a full disk, a closed stdout, a path of
    # the wrong kind)
    INTERRUPTED = 130


class Problem(NamedTuple):
    """One defect in the knowledge base, located in its file."""

    file: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.message}"


class KposError(Exception):
    """An error caused by the user or their data; never shown as a traceback."""

    exit_status = ExitStatus.PROBLEMS


class InvalidKnowledgeBase(KposError):
    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(f"the knowledge base has {len(problems)} problem(s)")


class UsageError(KposError):
    """A bad argument: unknown or ambiguous name, missing directory..."""

    exit_status = ExitStatus.USAGE

    def __init__(self, message: str, param_hint: str | None = None):
        self.param_hint = param_hint
        super().__init__(message)


class CannotWrite(KposError):
    """An output file or directory cannot be written: a path of the wrong kind (a file
    where a directory is needed, or the reverse), no permission, a full disk."""

    exit_status = ExitStatus.IO_ERROR
