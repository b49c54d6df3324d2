"""kpos verify on small texts written for the purpose."""

from __future__ import annotations

import json

import pytest
from conftest import MINI, edit, line_of

from korea_positions.analysis.textmatch import Normalized, closest_words, find, word_diff

TEXTS = MINI / "texts"


def verdicts(kpos, data, texts=TEXTS):
    result = kpos("verify", "--texts", str(texts), "-f", "json", data=data)
    return result, {r["quote"]: r for r in json.loads(result.stdout)}


def test_all_found_exit_0(kpos):
    result, records = verdicts(kpos, MINI)
    assert result.exit_code == 0
    assert {r["status"] for r in records.values()} == {"ok"}
    assert records["alpha-not-first"]["line"] == 4
    assert list(records["alpha-sincerity"])[:4] == ["quote", "source", "status", "detail"]


def test_hit_across_a_line_break():
    text = Normalized("it is the token\n   of trust, she said")
    assert find("the token of trust", text).found


@pytest.mark.parametrize(
    "quote",
    [
        "Pyongyang's negotiator",
        "Pyongyang’s negotiator",
        '"We will not move first,"',
        "peace must come first -- no"[:24],
        "first - “a declaration",
        "first—“a declaration",
    ],
)
def test_tolerated_differences(quote):
    text = Normalized((TEXTS / "alpha.txt").read_text(encoding="utf-8"))
    assert find(quote, text).found, quote


@pytest.mark.parametrize(
    "quote", ["Pyongyangs negotiator", "we will not move first", "We will not move  first now"]
)
def test_word_changes_are_not_tolerated(quote):
    text = Normalized((TEXTS / "alpha.txt").read_text(encoding="utf-8"))
    assert not find(quote, text).found


def test_near_miss_shows_closest_passage_and_difference(kpos, kb_copy):
    edit(kb_copy / "data/sources/alpha.yaml", "token of trust", "token of faith")
    result, records = verdicts(kpos, kb_copy)
    assert result.exit_code == 1
    record = records["alpha-token"]
    assert record["status"] == "not-found" and record["line"] == 5
    assert "'a declaration is the token of trust'" in record["detail"]
    assert "-'faith' +'trust'" in record["detail"]
    assert records["alpha-sincerity"]["status"] == "ok"


def test_word_diff():
    assert (
        word_diff("to negotiate a treaty", "to negotiating a treaty")
        == "-'negotiate' +'negotiating'"
    )


def test_sha_mismatch(kpos, kb_copy, tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "alpha.txt").write_bytes((TEXTS / "alpha.txt").read_bytes() + b"\nEdited.\n")
    (texts / "beta.txt").write_bytes((TEXTS / "beta.txt").read_bytes())
    result, records = verdicts(kpos, kb_copy, texts)
    assert result.exit_code == 1
    assert records["alpha-sincerity"]["status"] == "sha-mismatch"
    assert "the source card says 11d614fa6f73" in records["alpha-sincerity"]["detail"]
    assert records["beta-simultaneously"]["status"] == "ok"


def test_missing_text(kpos, tmp_path):
    (tmp_path / "beta.txt").write_bytes((TEXTS / "beta.txt").read_bytes())
    result, records = verdicts(kpos, MINI, tmp_path)
    assert result.exit_code == 1
    assert records["alpha-token"]["status"] == "no-text"
    assert records["beta-simultaneously"]["status"] == "ok"


def test_missing_texts_directory_is_usage_error(kpos, tmp_path):
    result = kpos("verify", "--texts", str(tmp_path / "nope"))
    assert result.exit_code == 2


def test_short_quote_found_where_it_is_quoted():
    text = Normalized("it is legally binding.\nHe called it “legal” in the end.")
    match = find("legal", text)
    assert match.found and match.line(text.original) == 2


def test_curly_apostrophe_in_a_name(kpos):
    from korea_positions.analysis.names import normalize

    assert normalize("Pyongyang’s Negotiator") == normalize("pyongyang's negotiator")


@pytest.mark.parametrize("name", ["../alpha.txt", "/etc/hostname", "..", "sub/alpha.txt"])
def test_text_must_be_a_bare_file_name(kpos, kb_copy, name):
    edit(kb_copy / "seeds/alpha.yaml", "text: alpha.txt", f"text: {name!r}")
    result = kpos("validate", data=kb_copy)
    assert result.exit_code == 1 and "seeds/alpha.yaml:" in result.stdout
    assert "text: should be a bare file name, without a directory" in result.stdout


def test_a_text_that_is_not_a_regular_file_is_no_text(kpos, tmp_path):
    (tmp_path / "alpha.txt").mkdir()
    (tmp_path / "beta.txt").write_bytes((TEXTS / "beta.txt").read_bytes())
    result, records = verdicts(kpos, MINI, tmp_path)
    assert records["alpha-token"]["status"] == "no-text"


def test_failed_lists_only_the_problems_with_where_they_are_written(kpos, kb_copy):
    edit(kb_copy / "data/sources/alpha.yaml", "token of trust", "token of faith")
    result = kpos("verify", "--texts", str(TEXTS), "--failed", "-f", "json", data=kb_copy)
    assert result.exit_code == 1
    (record,) = json.loads(result.stdout)
    line = line_of(kb_copy / "data/sources/alpha.yaml", "- id: alpha-token")
    assert record["quote"] == "alpha-token" and record["origin"].endswith(f"alpha.yaml:{line}")
    assert record["detail"].startswith(f"{record['origin']}: not in the text; closest passage")
    everything = json.loads(
        kpos("verify", "--texts", str(TEXTS), "-f", "json", data=kb_copy).stdout
    )
    assert len(everything) == 4 and {r["status"] for r in everything} == {"ok", "not-found"}


def test_failed_with_nothing_failing_prints_a_header_only(kpos):
    result = kpos("verify", "--texts", str(TEXTS), "--failed", "-f", "tsv")
    assert result.exit_code == 0 and result.stdout.count("\n") == 1


@pytest.mark.parametrize(
    "quote,difference",
    [
        # The closest passage opens with a quotation mark and ends before a comma and
        # "she said": neither is a difference.
        ("a declaration is the token of faith", "-'faith' +'trust'"),
        ("the declaration is the token of trust", "-'the' +'a'"),
        ("a declaration is a token of trust", "-'a' +'the'"),
        ("a declaration is the token", None),
    ],
)
def test_the_difference_has_no_alignment_noise(kpos, kb_copy, quote, difference):
    edit(kb_copy / "data/sources/alpha.yaml", "a declaration is the token of trust", quote)
    _, records = verdicts(kpos, kb_copy)
    record = records["alpha-token"]
    if difference is None:
        assert record["status"] == "ok"
    else:
        assert record["detail"].endswith(f"; difference: {difference}"), record["detail"]


def test_closest_words_cut_the_passage_to_the_quote():
    passage = "“It will be a political statement expressing a common will,” Mr"
    cut, difference = closest_words(
        "It will be a political statement expressing the shared will", passage
    )
    assert cut == "It will be a political statement expressing a common will"
    assert difference == "-'the shared' +'a common'"


# --- where the texts are: --texts, then KPOS_TEXTS, then the root's texts/ ------------


def test_texts_default_to_the_roots_texts_directory(kpos):
    result = kpos("verify", "-f", "json")
    assert result.exit_code == 0
    assert {r["status"] for r in json.loads(result.stdout)} == {"ok"}


def test_kpos_texts_comes_before_the_roots_texts(kpos, tmp_path, monkeypatch):
    monkeypatch.setenv("KPOS_TEXTS", str(tmp_path))  # empty: nothing found there
    result = kpos("verify", "-f", "json")
    assert result.exit_code == 1
    assert {r["status"] for r in json.loads(result.stdout)} == {"no-text"}
    assert kpos("verify", "--texts", str(TEXTS)).exit_code == 0  # --texts first


def test_no_text_anywhere_is_said_once_with_what_to_do(kpos, kb_copy):
    import shutil

    shutil.rmtree(kb_copy / "texts")
    result = kpos("verify", "-f", "json", data=kb_copy)
    assert result.exit_code == 1
    hint = [line for line in result.stderr.splitlines() if "no source text found" in line]
    assert len(hint) == 1
    assert str(kb_copy / "texts") in hint[0] and "--texts DIR" in hint[0]
    assert "KPOS_TEXTS" in hint[0]


def test_sha_mismatch_shows_both_hashes_in_full_and_the_command(kpos, kb_copy):
    import hashlib

    changed = (TEXTS / "alpha.txt").read_bytes() + b"\nEdited.\n"
    (kb_copy / "texts" / "alpha.txt").write_bytes(changed)
    result, records = verdicts(kpos, kb_copy, kb_copy / "texts")
    detail = records["alpha-token"]["detail"]
    assert hashlib.sha256(changed).hexdigest() in detail
    assert "11d614fa6f73428e7180796d1628e3bf054713908e8c311058a2ca2e58ca8de0" in detail
    assert (
        f"kpos --data {kb_copy} add source --texts {kb_copy / 'texts'} --update alpha-2018-01-02"
        in detail
    )


def test_failed_lists_only_what_is_not_verified(kpos, kb_copy):
    edit(kb_copy / "data/sources/alpha.yaml", "token of trust", "token of faith")
    result = kpos("verify", "--failed", "-f", "json", data=kb_copy)
    assert result.exit_code == 1
    assert [r["quote"] for r in json.loads(result.stdout)] == ["alpha-token"]
    assert kpos("verify", "--failed", "-f", "json").stdout == "[\n]\n"
