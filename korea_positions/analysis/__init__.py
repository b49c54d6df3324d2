"""The analysis: pure functions over the knowledge base's records: resolving names,
filtering positions and quotes, ordering steps, finding conflicts, proving quotes."""
