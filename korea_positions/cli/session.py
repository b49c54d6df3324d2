"""One command's view of the knowledge base: the global options and the Environment,
which root they choose, and the knowledge base itself, loaded once, when a command first
asks for it."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from korea_positions.cli.environment import Environment


class Session:
    def __init__(self, env: Environment, data: str | None = None, debug: bool = False,
                 no_cache: bool = False):  # fmt: skip
        self.env, self.data, self.debug, self.no_cache = env, data, debug, no_cache
        self._kb = None

    @cached_property
    def place(self):
        """The root (kb.files.Root): --data, else KPOS_DATA, else the nearest one from the
        working directory upward, else the bundled one."""
        from korea_positions.kb.files import find_root

        return find_root(self.data, self.env.kpos_data, self.env.cwd)

    @property
    def root(self) -> Path:
        return self.place.path

    def texts(self, given: str | None) -> tuple[Path, str]:
        """Where the source texts are: --texts, else KPOS_TEXTS, else the root's texts/;
        and which of them said so."""
        from korea_positions.kb.files import texts_dir

        return texts_dir(self.root, given, self.env.kpos_texts)

    def command(self, name: str, texts: str | None = None) -> str:
        """How to run another command on the same knowledge base and texts, to suggest it:
        `kpos --data DIR add source --texts DIR --update`."""
        import shlex

        words = ["kpos"]
        if self.data:
            words += ["--data", shlex.quote(self.data)]
        words += name.split()
        if texts:
            words += ["--texts", shlex.quote(texts)]
        return " ".join(words + (["--update"] if name == "add source" else []))

    def checked(self):
        """The knowledge base, with its orders checked at every date too (what `validate`
        checks); raises InvalidKnowledgeBase listing every problem."""
        from korea_positions.analysis.orders import order_problems
        from korea_positions.errors import InvalidKnowledgeBase

        kb = self.kb()
        problems = order_problems(kb)
        if problems:
            raise InvalidKnowledgeBase(problems)
        return kb

    def forget_cache(self) -> None:
        """Delete this knowledge base's cache: the next `kb()` builds it again."""
        from korea_positions.kb import cache

        cache.remove(cache.cache_path(self.root, self.env.cache_dir))
        self._kb = None

    def kb(self):
        if self._kb is None:
            from korea_positions.kb import cache

            if self.no_cache:
                self._kb = cache.load_uncached(self.root)
            else:
                self._kb = cache.load_cached(self.root, self.env.cache_dir)
        return self._kb


def session(ctx) -> Session:
    """The Session of the running command (made by the app's callback)."""
    obj = ctx.find_root().obj
    if isinstance(obj, Session):
        return obj
    return Session(obj if isinstance(obj, Environment) else Environment.from_process())
