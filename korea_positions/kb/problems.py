"""pydantic's validation errors as FILE:LINE:COL problems in the curator's terms: the place
of the value in the YAML file; for an unknown field the fields valid there and, when it is
a field of a record nearby, where it belongs (`before:` goes under `order:`); a value of
the wrong form said in words (never a regular expression), with the nearest valid choice."""

from __future__ import annotations

import difflib
import re

from pydantic import ValidationError

from korea_positions.errors import Problem
from korea_positions.kb.yamlread import Locator


def pydantic_problems(
    exc: ValidationError, shown: str, locator: Locator, model, prefix: tuple = ()
) -> list[Problem]:
    problems = []
    for error in exc.errors(include_url=False):
        loc = prefix + tuple(error["loc"])
        if prefix and not error["loc"]:
            error = dict(error, msg=error["msg"].replace("Input should be", "should be"))
        line, col = locator.find(loc)
        where = ".".join(str(part) for part in loc)
        value = error.get("input")
        shown_value = f" (got {value!r})" if isinstance(value, str) and len(value) < 60 else ""
        if error["type"] == "extra_forbidden":
            inside = tuple(error["loc"])[:-1]
            message = f"unknown field {loc[-1]!r}" + placement(model, inside, str(loc[-1]))
        elif error["type"] == "missing":
            message = f"missing required field {where!r}"
        elif value is None and error["type"].endswith("_type"):
            message = f"{where} is empty: give it a value"
        elif error["type"] == "string_pattern_mismatch":
            message = f"{where}: should be {_pattern_words(error, value)}{shown_value}"
        elif error["type"] == "value_error":  # our own validators' words, which quote it
            message = f"{where}: {error['msg'].removeprefix('Value error, ')}"
        else:
            message = f"{where}: {error['msg']}{shown_value}{_closest(error, value)}"
        problems.append(Problem(shown, line, col, message))
    return problems


def placement(model, loc: tuple, field: str) -> str:
    """`; valid fields: ...` at the place of an unknown field, and where it belongs when
    a record nearby has such a field: a record inside this one (`order:`), the one around
    it, or the other kind of record of the same file (a quote's field in a position)."""
    chain = [model]
    for part in loc:
        if isinstance(part, int):
            continue
        inner = _record_model(getattr(chain[-1], "model_fields", {}).get(part))
        if inner is None:
            return ""
        chain.append(inner)
    here = chain[-1]
    if not hasattr(here, "model_fields"):
        return ""
    text = f"; valid fields: {', '.join(here.model_fields)}"
    close = difflib.get_close_matches(field, list(here.model_fields), n=1, cutoff=0.75)
    if close:
        return f"; did you mean {close[0]!r}? (valid fields: {', '.join(here.model_fields)})"
    for name, info in here.model_fields.items():
        inner = _record_model(info)
        if inner is not None and field in inner.model_fields:
            if _is_list(info):
                return f"{text}; it belongs in a record of `{name}:`: indent it like its fields"
            return (
                f"{text}; put it under `{name}:` (write `{name}:` and indent `{field}:` under it)"
            )
    if len(chain) > 1 and field in chain[-2].model_fields:
        key = next(p for p in reversed(loc) if not isinstance(p, int))
        return f"{text}; it belongs one level up, beside `{key}:`: indent it like `{key}:`"
    for other, kind in _SIBLINGS.get(here, ()):
        if field in other.model_fields:
            return f"{text}; `{field}` is a field of {kind}: does this record belong there?"
    return text


def _record_model(info):
    """The record model of a field (Order, or list[Quote]'s Quote), else None."""
    if info is None:
        return None
    for inner in (info.annotation, *getattr(info.annotation, "__args__", ())):
        if isinstance(inner, type) and hasattr(inner, "model_fields"):
            return inner
    return None


def _is_list(info) -> bool:
    return getattr(info.annotation, "__origin__", None) is list


def _siblings() -> dict:
    """For each record model kept in a list of a file, the other lists' models there."""
    from korea_positions.kb.models import FILE_MODELS

    found: dict = {}
    for file_model in FILE_MODELS.values():
        lists = [(n, _record_model(i)) for n, i in file_model.model_fields.items() if _is_list(i)]
        lists = [(name, inner) for name, inner in lists if inner is not None]
        for _, inner in lists:
            found[inner] = [(other, name) for name, other in lists if other is not inner]
    return found


_SIBLINGS = _siblings()


def _pattern_words(error: dict, value) -> str:
    from korea_positions.kb.models import PATTERN_WORDS, SLUG

    pattern = (error.get("ctx") or {}).get("pattern")
    words = PATTERN_WORDS.get(pattern, "of another form")
    if pattern == SLUG and isinstance(value, str):
        slug = "-".join(re.findall(r"[a-z0-9]+", value.lower()))
        if slug and slug != value:
            words += f"; here perhaps {slug!r}"
    return words


def _closest(error: dict, value) -> str:
    """`; did you mean 'demand'?` for a word of a closed vocabulary that is nearly right."""
    expected = (error.get("ctx") or {}).get("expected")
    if error["type"] != "enum" or not isinstance(value, str) or not expected:
        return ""
    choices = re.findall(r"'([^']*)'", expected)
    close = difflib.get_close_matches(value.lower(), choices, n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""
