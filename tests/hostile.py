"""Hostile YAML shared by the reader's tests and the command line's."""

from __future__ import annotations


def billion_laughs() -> str:
    """Nine levels of nine aliases each: a billion strings if they were ever expanded."""
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        name, previous = chr(ord("a") + i), chr(ord("a") + i - 1)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\n"
