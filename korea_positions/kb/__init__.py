"""The knowledge base: models, reading, loading, checks and the cache.

Files -> `yamlread` (strict YAML with every value's line and column) -> `validate`
(pydantic models) -> `records` (rows) -> `store` (SQLite) -> `loader` (only changed files
re-read, then `checks` across files) -> `knowledge.KnowledgeBase`, the records the
analysis reads. `cache` keeps one store per root on disk.
"""
