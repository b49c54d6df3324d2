"""`kpos report` without a browser: where it writes, what the page holds and escapes, that
it asks for nothing outside itself, its size, and that only it imports Jinja2."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib import resources

import pytest
import report_kb
from conftest import MINI
from pagecheck import parse

from korea_positions.kb.cache import load_uncached
from korea_positions.kb.files import bundled_root


@pytest.fixture
def big(tmp_path):
    return report_kb.build(tmp_path / "kb")


def page(kpos, *args, data=MINI) -> str:
    result = kpos("report", "-o", "-", *args, data=data)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_writes_kpos_report_html_by_default_atomically(kpos, tmp_path, monkeypatch):
    tmp_path = tmp_path / "here"
    tmp_path.mkdir()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "kpos-report.html").write_text("old")
    result = kpos("report")
    assert result.exit_code == 0, result.output
    written = (tmp_path / "kpos-report.html").read_text(encoding="utf-8")
    assert written.startswith("<!DOCTYPE html>") and written.rstrip().endswith("</html>")
    assert [p.name for p in tmp_path.iterdir()] == ["kpos-report.html"]  # no temporary left
    assert "wrote" in result.stderr
    mask = os.umask(0o022)
    os.umask(mask)
    assert (tmp_path / "kpos-report.html").stat().st_mode & 0o777 == 0o666 & ~mask
    assert kpos("report", "-o", str(tmp_path / "out.html")).exit_code == 0
    assert (tmp_path / "out.html").read_text(encoding="utf-8") == written


def test_dash_writes_to_standard_output(kpos):
    assert page(kpos).startswith("<!DOCTYPE html>")


def test_a_missing_directory_is_a_usage_error(kpos, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = kpos("report", "-o", "missing/r.html")
    assert result.exit_code == 2 and "--output" in result.output


def test_a_directory_where_the_page_should_go_is_exit_74(kpos, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = kpos("report", "-o", ".")
    assert result.exit_code == 74 and "it is a directory, not a file" in result.stderr


def test_every_text_is_escaped_by_the_template(kpos, big):
    html = page(kpos, data=big)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html and "Inventory &lt;first&gt; &amp; then" in html
    assert "https://example.org/one?a=1&amp;b=2" in html
    quotes = [e.text() for e in parse(html).iter() if "quote-text" in e.classes]
    assert report_kb.TRICKY in quotes and "trust [the] process" in quotes


def test_every_position_and_quote_is_on_the_page(kpos, big):
    root = parse(page(kpos, data=big))
    ids = {e.attrs.get("id") for e in root.iter()}
    kb = load_uncached(big)
    assert {f"p-{p['id']}" for p in kb.positions} <= ids
    assert {f"q-{q['id']}" for q in kb.quotes} <= ids
    assert {f"s-{s['id']}" for s in kb.sources} <= ids
    texts = {e.text() for e in root.iter() if "quote-text" in e.classes}
    assert texts == {q["text"] for q in kb.quotes}


def test_every_link_inside_the_page_has_its_target(kpos, big):
    root = parse(page(kpos, data=big))
    ids = {e.attrs["id"] for e in root.iter() if "id" in e.attrs}
    inside = {e.attrs["href"][1:] for e in root.iter() if e.attrs.get("href", "").startswith("#")}
    assert inside - ids == set()


def test_the_page_asks_for_nothing_outside_itself(kpos, big):
    html = page(kpos, data=big)
    root = parse(html)
    for e in root.iter():
        assert "src" not in e.attrs, e.tag
        if e.tag == "link":
            assert e.attrs["href"].startswith("data:"), e.attrs
        if "href" in e.attrs and e.tag != "a":
            assert e.attrs["href"].startswith(("#", "data:")), e.attrs
    assert "@import" not in html and "url(" not in html
    csp = [e.attrs["content"] for e in root.iter() if e.attrs.get("http-equiv")]
    assert csp and csp[0].startswith("default-src 'none'")


def test_as_of_firm_and_actor_narrow_the_page(kpos, big):
    ids = lambda html: {e.attrs.get("id") for e in parse(html).iter()}  # noqa: E731
    early = ids(page(kpos, "--as-of", "2018-05-01", data=big))
    assert "p-two-rok-treaty-last" in early and "p-one-us-inventory-first" not in early
    firm = ids(page(kpos, "--firm", data=big))
    assert "p-one-us-inspections" not in firm and "p-one-us-inventory-first" in firm
    us = parse(page(kpos, "--actor", "Washington", data=big))
    headers = [e.text() for e in us.iter() if e.tag == "abbr"]
    assert headers == ["us"]
    assert "p-two-rok-both" not in {e.attrs.get("id") for e in us.iter()}


def test_a_party_whose_orders_loop_is_named_not_drawn(kpos, kb_copy):
    with (kb_copy / "data/sources/beta.yaml").open("a") as out:
        out.write(
            "  - {id: beta-us-loop, actor: us, stance: demand, step: declaration, "
            "order: {before: [inventory]}, summary: x, date: '2018-01-02'}\n"
        )
    root = parse(page(kpos, data=kb_copy))
    (trouble,) = [e for e in root.iter() if e.attrs.get("id") == "troubles"]
    assert "contradict" in trouble.text() and "kpos validate" in trouble.text()
    assert [e.text() for e in root.iter() if e.tag == "abbr"] == ["dprk", "rok"]


def test_drawings_are_svg_made_by_kpos(kpos, big):
    root = parse(page(kpos, data=big))
    drawings = [e for e in root.iter() if e.tag == "svg"]
    assert len(drawings) == 2 * 5 + 2  # each party's sequence, wide and narrow; the timeline
    chips = [e for e in root.iter() if "chip" in e.classes]
    assert any("conflict" in c.classes for c in chips) and any("hedged" in c.classes for c in chips)
    marks = [e for e in root.iter() if "mark" in e.classes]
    assert any("open-start" in m.classes for m in marks) and any(
        "approx" in m.classes for m in marks
    )


def test_bundled_report_is_under_two_megabytes(kpos):
    html = page(kpos, data=bundled_root())
    assert len(html.encode("utf-8")) < 2 * 1024 * 1024


def test_templates_ship_with_the_package():
    templates = resources.files("korea_positions.output.report") / "templates"
    for name in ("report.html.j2", "svg.j2", "report.css", "report.js"):
        assert (templates / name).is_file(), name


def test_only_the_report_imports_jinja2():
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from korea_positions.cli.app import app\n"
        f"for args in (['matrix'], ['sequence'], ['demands'], ['export', '-f', 'dot']):\n"
        f"    CliRunner().invoke(app, ['--data', {str(MINI)!r}, *args])\n"
        "assert 'jinja2' not in sys.modules, 'jinja2 imported'\n"
        f"CliRunner().invoke(app, ['--data', {str(MINI)!r}, 'report', '-o', '-'])\n"
        "assert 'jinja2' in sys.modules\n"
    )
    env = dict(os.environ, KPOS_DATA=str(MINI))
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
