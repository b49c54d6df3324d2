"""The output: records rendered as tables, json, jsonl, csv, tsv and yaml (`formats`),
whole-knowledge-base exports and diagrams (`exports`, `diagrams`), and file schemas."""
