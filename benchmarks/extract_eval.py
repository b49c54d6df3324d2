"""Score `korea_positions.analysis.extract` against the curated quotes of the bundled sources.

    python benchmarks/extract_eval.py --texts DIR [--root REPO] [-v]

The gold is the knowledge base: each source's `quotes:` (data/sources/*.yaml, `text` and
`speaker`), whose article text is the file named by the source card's `text`
(seeds/*.yaml), looked up in `--texts DIR` or the `KPOS_TEXTS` environment variable (the
texts are not part of the project).

A predicted quotation matches a gold quote when their texts are equal after folding
quotation marks and apostrophes (curly to straight), dashes, the ellipsis character and
whitespace, and trimming spaces, punctuation and quotation marks at either edge; each gold
quote matches at most one prediction. Reported, per article and overall (summed over
articles): precision and recall of quotation spans, and speaker accuracy over the matched
spans (the predicted speaker id equal to the gold `speaker`).

Short quotations count like any other: the gold curates quoted words and phrases set
inside a sentence ("sincerity", "symbolic", "means") as quotes of their own, so leaving
`short` ones out would only lose recall. The gold keeps a quotation within a quotation
inside the outer one (Cheon's ‘Why do the American troops…?’, Moon's ‘you gotta engage in
talks.’), as `extract` does; a gold quote that repeats a passage of another one is
counted as missed. `known_quotes=[]` is passed so `known` cannot leak the gold.

With -v, every disagreement is listed: quotations found but not curated, curated but not
found, and speakers that differ.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from korea_positions.analysis.extract import extract  # noqa: E402
from korea_positions.analysis.extract.records import fold  # noqa: E402


def load_gold(root: Path) -> tuple[list[dict], list[dict]]:
    """(articles, actors) from the knowledge base at `root`.

    Each article: {"source", "text_file", "quotes": [{"id", "text", "speaker"}]}.
    The only function that reads the knowledge base's files.
    """
    actors = yaml.safe_load((root / "data" / "actors.yaml").read_text("utf-8"))["actors"]
    quotes_of = {}
    for path in sorted((root / "data" / "sources").glob("*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8")) or {}
        quotes_of[data.get("source", path.stem)] = [
            {"id": q["id"], "text": q["text"], "speaker": q.get("speaker")}
            for q in data.get("quotes") or []
        ]
    articles = []
    for path in sorted((root / "seeds").glob("*.yaml")):
        card = yaml.safe_load(path.read_text("utf-8"))
        if card.get("text") and card["id"] in quotes_of:
            articles.append(
                {"source": card["id"], "text_file": card["text"], "quotes": quotes_of[card["id"]]}
            )
    return articles, actors


def key(text: str) -> str:
    return fold(text)


def score(predicted: list[dict], gold: list[dict]) -> dict:
    """Matches one to one by folded text; counts and the disagreements."""
    unmatched = list(gold)
    pairs, extra = [], []
    for p in predicted:
        g = next((g for g in unmatched if key(g["text"]) == key(p["text"])), None)
        if g is None:
            extra.append(p)
        else:
            unmatched.remove(g)
            pairs.append((p, g))
    wrong = [(p, g) for p, g in pairs if p["speaker"] != g["speaker"]]
    return {
        "predicted": len(predicted),
        "gold": len(gold),
        "matched": len(pairs),
        "speaker_ok": len(pairs) - len(wrong),
        "extra": extra,
        "missed": unmatched,
        "wrong_speaker": wrong,
    }


def ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def line(name: str, s: dict, seconds: float | None = None) -> str:
    timing = f"  {seconds * 1000:6.1f} ms" if seconds is not None else ""
    return (
        f"{name:28} P {ratio(s['matched'], s['predicted']):.3f} ({s['matched']}/{s['predicted']})"
        f"  R {ratio(s['matched'], s['gold']):.3f} ({s['matched']}/{s['gold']})"
        f"  speaker {ratio(s['speaker_ok'], s['matched']):.3f} ({s['speaker_ok']}/{s['matched']})"
        f"{timing}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", default=os.environ.get("KPOS_TEXTS"))
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    if not args.texts:
        parser.error("give --texts DIR or set KPOS_TEXTS")
    articles, actors = load_gold(args.root)
    total = {"predicted": 0, "gold": 0, "matched": 0, "speaker_ok": 0}
    for article in articles:
        text = (Path(args.texts) / article["text_file"]).read_text("utf-8")
        start = time.perf_counter()
        predicted = extract(text, actors, [])
        seconds = time.perf_counter() - start
        s = score(predicted, article["quotes"])
        print(line(article["source"], s, seconds) + f"  {len(text.split())} words")
        for name in total:
            total[name] += s[name]
        if args.verbose:
            for p in s["extra"]:
                print(f"    not curated: {p['text']!r} (speaker {p['speaker']})")
            for g in s["missed"]:
                print(f"    not found:   {g['text']!r} [{g['id']}] (speaker {g['speaker']})")
            for p, g in s["wrong_speaker"]:
                print(f"    speaker:     {g['id']}: gold {g['speaker']}, found {p['speaker']}")
    print(line("overall", total))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
