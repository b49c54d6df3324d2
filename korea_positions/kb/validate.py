"""One file's data checked against its pydantic model, record by record, so that one bad
record neither hides the others nor makes every reference to it an error."""

from __future__ import annotations

from pydantic import TypeAdapter, ValidationError

from korea_positions.kb import models
from korea_positions.kb.problems import placement, pydantic_problems
from korea_positions.kb.yamlread import Locator

# Where a kind of file keeps records, as "kind:" prefixes of the ids it would define.
WHOLE_FILE = {
    "source-card": "sources:*",
    "actors": "actors:*",
    "steps": "steps:*",
    "source-data": "quotes:*",
}


class Checked:
    """The validated fields of a file (lists of records as (index, record) pairs), its
    problems as (line, col, message) and the "kind:id" of records that failed."""

    def __init__(self):
        self.fields: dict | None = None
        self.problems: list[tuple[int, int, str]] = []
        self.broken: list[str] = []

    def add(self, problems) -> None:
        self.problems += [(p.line, p.col, p.message) for p in problems]


def validate(kind: str, data, locator: Locator) -> Checked:
    checked = Checked()
    model = models.FILE_MODELS[kind]
    if not isinstance(data, dict):
        line, col = locator.find(())
        checked.problems.append((line, col, f"expected a mapping of {model.__name__} fields "
                                 f"at the top level, found a {_shape(data)}"))  # fmt: skip
        checked.broken.append(WHOLE_FILE[kind])
        return checked
    if kind == "source-card":
        card = _one(checked, models.SourceCard, data, (), locator, "sources")
        checked.fields = None if card is None else {"card": card.model_dump(mode="json")}
        return checked
    checked.fields = _envelope(checked, model, data, locator)
    return checked


def _envelope(checked: Checked, model, data: dict, locator: Locator) -> dict:
    result: dict = {}
    for key in data:
        if key not in model.model_fields:
            line, col = locator.find((key,))
            checked.problems.append((line, col, f"unknown field {key!r}"
                                     f"{placement(model, (), str(key))}"))  # fmt: skip
    for name, field in model.model_fields.items():
        item_model = _item_model(field.annotation)
        value = data.get(name)
        if name not in data and field.is_required():
            checked.problems.append((1, 1, f"missing required field {name!r}"))
            continue
        if item_model is None:
            try:
                result[name] = _adapter(field.annotation).validate_python(value)
            except ValidationError as exc:
                checked.add(pydantic_problems(exc, "", locator, model, (name,)))
            continue
        value = [] if value is None else value
        kind = f"{item_model.__name__.lower()}s"
        if not isinstance(value, list):
            line, col = locator.find((name,))
            checked.problems.append((line, col, f"{name}: expected a list of "
                                     f"{item_model.__name__} records"))  # fmt: skip
            checked.broken.append(f"{kind}:*")
            value = []
        try:  # all at once, inside pydantic-core, when every record is valid
            adapter = _adapter(list[item_model])
            records = adapter.dump_python(adapter.validate_python(value), mode="json")
            result[name] = list(enumerate(records))
        except ValidationError:
            result[name] = [
                (i, record.model_dump(mode="json"))
                for i, item in enumerate(value)
                if (record := _one(checked, item_model, item, (name, i), locator, kind))
            ]
    return result


def _one(checked: Checked, model, item, path: tuple, locator: Locator, kind: str):
    try:
        return model.model_validate(item)
    except ValidationError as exc:
        checked.add(pydantic_problems(exc, "", locator, model, path))
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            checked.broken.append(f"{kind}:{item['id']}")
        return None


def _shape(data) -> str:
    kinds = {list: "list", str: "text value", type(None): "empty document"}
    return kinds.get(type(data), "value")


_ADAPTERS: dict = {}


def _adapter(annotation) -> TypeAdapter:
    """One TypeAdapter per type: building one costs far more than using it."""
    if annotation not in _ADAPTERS:
        _ADAPTERS[annotation] = TypeAdapter(annotation)
    return _ADAPTERS[annotation]


def _item_model(annotation):
    """The record model of a `list[Model]` field, else None."""
    args = getattr(annotation, "__args__", ())
    return args[0] if len(args) == 1 and hasattr(args[0], "model_fields") else None
