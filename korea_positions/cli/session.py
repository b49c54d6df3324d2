"""One command's view of the knowledge base: the global options and the Environment,
and the knowledge base itself, loaded once, when a command first asks for it."""

from __future__ import annotations

from pathlib import Path

from korea_positions.cli.environment import Environment


class Session:
    def __init__(self, env: Environment, data: str | None = None, debug: bool = False,
                 no_cache: bool = False):  # fmt: skip
        self.env, self.data, self.debug, self.no_cache = env, data, debug, no_cache
        self._kb = None

    @property
    def root(self) -> Path:
        from korea_positions.kb.files import resolve_root

        return resolve_root(self.data)

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
