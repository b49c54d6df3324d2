"""Every direct quotation of a news article, with who said it: `extract(text, actors,
known_quotes)` returns one record per quotation, in text order, by rules over the text and
the actors' names only, with no I/O. `records` describes the fields of a record; `spans`
finds the quotations and sentences, `names` who is named where, `verbs` the speech verbs
and `attribution` who said each quotation.
"""

from korea_positions.analysis.extract.records import extract

__all__ = ["extract"]
