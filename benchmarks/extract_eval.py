"""Score `korea_positions.analysis.extract` against the curated quotes of the bundled sources.

    python benchmarks/extract_eval.py [--texts DIR] [--root REPO] [-v]

The gold is the knowledge base: each source's `quotes:` (data/sources/*.yaml, `text` and
`speaker`), whose article text is the file named by the source card's `text`
(seeds/*.yaml), looked up as kpos looks it up: `--texts DIR`, else the `KPOS_TEXTS`
environment variable, else the root's texts/ (the texts are not part of the project).

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

Speed: each article's time, and the median of 5 runs over all the articles as one text
(more than 2,000 words).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from korea_positions.analysis.extract import extract  # noqa: E402
from korea_positions.analysis.extract.records import fold  # noqa: E402
from korea_positions.kb.files import texts_dir  # noqa: E402
from korea_positions.kb.yamlread import read_yaml  # noqa: E402


def _read(path: Path):
    return read_yaml(path, str(path))[0]


def load_gold(root: Path) -> tuple[list[dict], list[dict]]:
    """(articles, actors) from the knowledge base at `root`.

    Each article: {"source", "text_file", "quotes": [{"id", "text", "speaker"}]}.
    The only function that reads the knowledge base's files.
    """
    actors = _read(root / "data" / "actors.yaml")["actors"]
    quotes_of = {}
    for path in sorted((root / "data" / "sources").glob("*.yaml")):
        data = _read(path) or {}
        quotes_of[data.get("source", path.stem)] = [
            {"id": q["id"], "text": q["text"], "speaker": q.get("speaker")}
            for q in data.get("quotes") or []
        ]
    articles = []
    for path in sorted((root / "seeds").glob("*.yaml")):
        card = _read(path)
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
    parser.add_argument("--texts", help="the texts' directory [default: KPOS_TEXTS, texts/]")
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    directory, _ = texts_dir(args.root, args.texts, os.environ.get("KPOS_TEXTS"))
    articles, actors = load_gold(args.root)
    missing = [a["text_file"] for a in articles if not (directory / a["text_file"]).is_file()]
    if missing:
        parser.error(f"no {', '.join(missing)} in {directory}: give --texts DIR or set KPOS_TEXTS")
    total = {"predicted": 0, "gold": 0, "matched": 0, "speaker_ok": 0}
    texts = []
    for article in articles:
        text = (directory / article["text_file"]).read_text("utf-8")
        texts.append(text)
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
    whole = "\n\n".join(texts)
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        extract(whole, actors, [])
        runs.append(time.perf_counter() - start)
    print(f"all articles as one text, {len(whole.split())} words: "
          f"{statistics.median(runs) * 1000:.1f} ms (median of 5)")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
