"""Read a knowledge base directory (data/ and seeds/) into a validated KnowledgeBase.

Every problem in every file is collected and reported together as FILE:LINE:COL.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from korea_positions import checks, models
from korea_positions.errors import InvalidKnowledgeBase, Problem
from korea_positions.kb import KINDS, KnowledgeBase
from korea_positions.kbfiles import files_of
from korea_positions.names import actor_index
from korea_positions.parallel import PARALLEL_FROM, read_clean
from korea_positions.validation_problems import pydantic_problems
from korea_positions.yamlread import Locator, YamlProblem, file_locator, read_yaml


def shown_path(path: Path) -> str:
    """The path as the user can open it: relative to the working directory when inside it."""
    try:
        absolute = os.path.abspath(path)
        cwd = os.getcwd()
        inside = absolute.startswith(cwd.rstrip(os.sep) + os.sep)
        # (The same as os.path.relpath inside the directory, for a fraction of the cost:
        # this runs for every file of the knowledge base.)
        return absolute[len(cwd.rstrip(os.sep)) + 1:] if inside else str(path)
    except (OSError, ValueError):
        return str(path)


class _Collector:
    def __init__(self):
        self.kb = KnowledgeBase()
        # The knowledge base's own lists and index, looked up once (tens of thousands of
        # records are added).
        self.records = {kind: getattr(self.kb, kind) for kind in KINDS}
        self.origins = self.kb.origins
        self.problems: list[Problem] = []
        self.source_refs: list[tuple[str, str, Locator]] = []
        # "kind:id" -> (file shown, locator, path of the record inside the file)
        self.where: dict[str, tuple[str, Locator, tuple]] = {}
        # "kind:id" of records that failed validation: references to them are not reported
        # again as unknown.
        self.broken: set[str] = set()

    def read(self, kind: str, path: Path):
        """Read, check and add one file, collecting its problems."""
        got = self.validated(kind, path)
        if got is not None:
            self.add(kind, *got)

    def validated(self, kind: str, path: Path, rapid: bool = True):
        """(fields, file shown, locator) of a file, its problems collected; None when
        nothing in it can be used."""
        shown = shown_path(path)
        if not path.is_file():
            self.problems.append(Problem(shown, 1, 1, "file is missing"))
            return None
        try:
            data, locator = read_yaml(path, shown, rapid)
        except YamlProblem as exc:
            self.problems.append(exc.problem)
            # Its records are unknown: do not report every reference to them as well.
            self.broken.add(_WHOLE_KIND[kind])
            return None
        problems, broken = len(self.problems), set(self.broken)
        fields = self._validate_file(kind, data, shown, locator)
        if locator.provisional and len(self.problems) > problems:
            # Say what is wrong in the careful read's words, lines and columns.
            del self.problems[problems:]
            self.broken = broken
            return self.validated(kind, path, rapid=False)
        return None if fields is None else (fields, shown, locator)

    def add(self, kind: str, fields: dict, shown: str, locator: Locator):
        getattr(self, f"_add_{kind.replace('-', '_')}")(fields, shown, locator)

    def _validate_file(self, kind: str, data, shown: str, locator: Locator) -> dict | None:
        """The file's validated fields, records as (index, record as stored) pairs;
        problems are collected, and None is returned when nothing in the file can be used."""
        model = models.FILE_MODELS[kind]
        if not isinstance(data, dict):
            line, col = locator.find(())
            self.problems.append(Problem(shown, line, col, f"expected a mapping of {model.__name__} "
                                         f"fields at the top level, found a {_shape(data)}"))
            return None
        if kind == "source-card":
            card = self._validate(models.SourceCard, data, (), shown, locator, "sources")
            return None if card is None else {"card": card.model_dump(mode="json")}
        fields = self._envelope(model, data, shown, locator)
        # Here rather than when the records are added, so that a second process can do it.
        if kind == "source-data":
            _as_stored(fields)
        elif kind == "actors":
            fields["actor_names"] = actor_index([actor for _, actor in fields.get("actors", [])])
        return fields

    def _envelope(self, model, data: dict, shown: str, locator: Locator) -> dict:
        """Check a file's top level, then validate its records one by one, so that one bad
        record neither hides the others nor makes every reference to them an error."""
        result: dict = {}
        for key in data:
            if key not in model.model_fields:
                line, col = locator.find((key,))
                self.problems.append(Problem(shown, line, col, f"unknown field {key!r}; valid "
                                             f"fields: {', '.join(model.model_fields)}"))
        for name, field in model.model_fields.items():
            item_model = _item_model(field.annotation)
            value = data.get(name)
            if name not in data and field.is_required():
                self.problems.append(Problem(shown, 1, 1, f"missing required field {name!r}"))
                continue
            if item_model is None:
                try:
                    result[name] = _adapter(field.annotation).validate_python(value)
                except ValidationError as exc:
                    self.problems.extend(pydantic_problems(exc, shown, locator, model, (name,)))
                continue
            if value is None:
                value = []
            kind = f"{item_model.__name__.lower()}s"
            if not isinstance(value, list):
                line, col = locator.find((name,))
                self.problems.append(Problem(shown, line, col, f"{name}: expected a list of "
                                             f"{item_model.__name__} records"))
                self.broken.add(f"{kind}:*")
                value = []
            try:  # all at once, inside pydantic-core, when every record is valid
                adapter = _adapter(list[item_model])
                records = adapter.dump_python(adapter.validate_python(value), mode="json")
                result[name] = list(enumerate(records))
            except ValidationError:
                result[name] = [
                    (i, record.model_dump(mode="json")) for i, item in enumerate(value)
                    if (record := self._validate(item_model, item, (name, i), shown, locator,
                                                 kind))
                ]
        return result

    def _validate(self, model, item, path: tuple, shown: str, locator: Locator, kind: str):
        try:
            return model.model_validate(item)
        except ValidationError as exc:
            self.problems.extend(pydantic_problems(exc, shown, locator, model, path))
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                self.broken.add(f"{kind}:{item['id']}")
            return None

    def _record(self, kind: str, record: dict, shown: str, locator: Locator, path: tuple):
        key = f"{kind}:{record['id']}"
        origins = self.origins
        line, col = locator.find(path + ("id",))
        if key in origins:
            first_file, first_line, _ = origins[key]
            self.problems.append(Problem(shown, line, col, (
                f"duplicate {kind[:-1]} id {record['id']!r} "
                f"(first defined at {first_file}:{first_line})")))
            return
        origins[key] = [shown, line, col]
        self.where[key] = (shown, locator, path)
        self.records[kind].append(record)

    def _add_source_card(self, fields: dict, shown, locator):
        self._record("sources", fields["card"], shown, locator, ())

    def _add_actors(self, fields: dict, shown, locator):
        problems = len(self.problems)
        for i, actor in fields.get("actors", []):
            self._record("actors", actor, shown, locator, ("actors", i))
        if len(self.problems) == problems and "actor_names" in fields:
            self.kb.keep("actor_names", fields["actor_names"])  # built from these very records

    def _add_steps(self, fields: dict, shown, locator):
        for i, step in fields.get("steps", []):
            self._record("steps", step, shown, locator, ("steps", i))

    def _add_source_data(self, fields: dict, shown, locator):
        for i, quote in fields.get("quotes", []):
            self._record("quotes", quote, shown, locator, ("quotes", i))
        for i, position in fields.get("positions", []):
            self._record("positions", position, shown, locator, ("positions", i))
        if fields.get("source") is not None:
            self.source_refs.append((fields["source"], shown, locator))

    def finish(self) -> KnowledgeBase:
        kb = self.kb
        for source_id, shown, locator in self.source_refs:
            if source_id not in kb.source_by_id and not {f"sources:{source_id}",
                                                          "sources:*"} & self.broken:
                line, col = locator.find(("source",))
                known = ", ".join(sorted(kb.source_by_id)) or "none"
                self.problems.append(Problem(
                    shown, line, col, f"unknown source {source_id!r} (known: {known})"))
        for position in kb.positions:
            if position["date"] is None and position["source"] in kb.source_by_id:
                position["date"] = kb.source_by_id[position["source"]]["published"]
        for kind, rid, path, message in checks.check(kb, self.broken):
            shown, locator, base = self.where[f"{kind}:{rid}"]
            line, col = locator.find(base + path)
            self.problems.append(Problem(shown, line, col, message))
        if self.problems:
            raise InvalidKnowledgeBase(self.problems)
        return kb


def _as_stored(fields: dict) -> None:
    """Quotes and positions as the knowledge base holds them: with their source, and a
    position's order as three lists of its own."""
    source = fields.get("source")
    fields["quotes"] = [(i, {"id": quote["id"], "source": source, **quote})
                        for i, quote in fields.get("quotes", [])]
    fields["positions"] = [(i, {
        "id": p["id"], "actor": p["actor"], "stated_by": p["stated_by"],
        "reported_by": p["reported_by"], "stance": p["stance"], "step": p["step"],
        **(p["order"] or {"before": [], "after": [], "together": []}),
        "summary": p["summary"], "source": source,
        "quotes": p["quotes"], "date": p["date"],
    }) for i, p in fields.get("positions", [])]


def _shape(data) -> str:
    return {list: "list", str: "text value", type(None): "empty document"}.get(type(data), "value")


_WHOLE_KIND = {"source-card": "sources:*", "actors": "actors:*", "steps": "steps:*",
               "source-data": "quotes:*"}


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


def load(root: Path, parallel_from: int | None = PARALLEL_FROM) -> KnowledgeBase:
    """Load and check a knowledge base root; raise InvalidKnowledgeBase listing every problem.

    From `parallel_from` bytes of files on (None: never), a second process reads about
    half of them at the same time. Either way the files are then added in one order, and
    any file with a problem is read again in that pass, so the knowledge base and the
    messages do not depend on who read what."""
    files = [(kind, path) for kind, paths in files_of(root).items() for path in paths]
    clean = read_clean(files, _clean, _encode, _decode, parallel_from)
    collector = _Collector()
    for n, (kind, path) in enumerate(files):
        if n in clean:
            collector.add(kind, *clean[n])
        else:
            collector.read(kind, path)
    return collector.finish()


def _clean(kind: str, path: Path):
    """(fields, file shown, locator) of a file without problems of its own, else None."""
    collector = _Collector()
    got = collector.validated(kind, path)
    return None if collector.problems else got


def _encode(got) -> list:
    """A clean file's reading as JSON, to pass between processes."""
    fields, shown, locator = got
    return [fields, shown, [[list(path), line, col] for path, (line, col) in
                            locator.known().items()]]


def _decode(encoded: list, kind: str, path: Path):
    fields, shown, marks = encoded
    return fields, shown, file_locator({tuple(p): (line, col) for p, line, col in marks},
                                       path, shown)
