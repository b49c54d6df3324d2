"""pydantic's validation errors as FILE:LINE:COL problems in the curator's terms: the place
of the value in the YAML file, and for an unknown field the fields that are valid there."""

from __future__ import annotations

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
        if error["type"] == "extra_forbidden":
            message = (
                f"unknown field {loc[-1]!r}{_expected_fields(model, tuple(error['loc'])[:-1])}"
            )
        elif error["type"] == "missing":
            message = f"missing required field {where!r}"
        else:
            value = error.get("input")
            shown_value = f" (got {value!r})" if isinstance(value, str) and len(value) < 60 else ""
            if error["type"] == "value_error":  # our own validators' words, which quote it
                message = f"{where}: {error['msg'].removeprefix('Value error, ')}"
            else:
                message = f"{where}: {error['msg']}{shown_value}"
        problems.append(Problem(shown, line, col, message))
    return problems


def _expected_fields(model, loc: tuple) -> str:
    """Name the valid fields at the place of an unknown one, to make typos obvious."""
    for part in loc:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        if field is None:
            return ""
        annotation = field.annotation
        inner = getattr(annotation, "__args__", (annotation,))[0]
        if not isinstance(inner, type):
            return ""
        model = inner
    if not hasattr(model, "model_fields"):
        return ""
    return f"; valid fields: {', '.join(model.model_fields)}"
