"""The report in a real browser: headless Chromium renders it, and the DOM it dumps holds
every position and every quote exactly as stored, the filter narrows it, the drawings are
there, nothing is wider than a phone, and its screenshot is not blank.

Skipped only outside CI when no Chromium is installed (.ci/run installs Debian's).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import report_kb
from pagecheck import parse, png_colours

from korea_positions.kb.cache import load_uncached
from korea_positions.kb.files import bundled_root

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


@pytest.fixture(scope="module")
def browser() -> str:
    found = next((shutil.which(n) for n in NAMES if shutil.which(n)), None)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("no Chromium in CI: .ci/run installs Debian's chromium")
        pytest.skip("no Chromium installed")
    return found


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict[str, Path]:
    """The report of the test knowledge base and of the bundled one."""
    from typer.testing import CliRunner

    from korea_positions.cli.app import app

    where = tmp_path_factory.mktemp("report")
    roots = {"test": report_kb.build(where / "kb"), "bundled": bundled_root()}
    pages = {}
    for name, root in roots.items():
        pages[name] = where / f"{name}.html"
        result = CliRunner().invoke(app, ["--data", str(root), "report", "-o", str(pages[name])])
        assert result.exit_code == 0, result.output
    pages["roots"] = roots
    return pages


def run(browser: str, url: str, *args: str, profile: Path) -> str:
    command = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-extensions",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        "--allow-file-access-from-files",
        *args,
        url,
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def dom(browser: str, path: Path, fragment: str = "", profile: Path | None = None):
    out = run(
        browser,
        path.as_uri() + fragment,
        "--virtual-time-budget=5000",
        "--dump-dom",
        profile=profile or path.parent / "profile",
    )
    return parse(out)


def by_id(root, prefix: str) -> dict:
    return {
        e.attrs["id"][len(prefix) :]: e
        for e in root.iter()
        if e.attrs.get("id", "").startswith(prefix)
    }


@pytest.mark.parametrize("name", ["test", "bundled"])
def test_rendered_page_holds_every_position_and_quote_exactly(browser, made, name):
    root = dom(browser, made[name])
    kb = load_uncached(made["roots"][name])
    cards = by_id(root, "p-")
    for p in kb.positions:
        assert p["id"] in cards[p["id"]].text()
        assert p["summary"] in cards[p["id"]].text()
    quotes = by_id(root, "q-")
    shown = {e.text() for e in root.iter() if "quote-text" in e.classes}
    for q in kb.quotes:
        (text,) = [e.text() for e in quotes[q["id"]].iter() if "quote-text" in e.classes]
        assert text == q["text"]
    assert shown == {q["text"] for q in kb.quotes}
    assert not any(e.hidden() for e in cards.values())


def test_the_script_ran_and_the_drawings_are_there(browser, made):
    root = dom(browser, made["test"])
    form = next(e for e in root.iter() if e.attrs.get("id") == "filter-form")
    assert "hidden" not in form.attrs  # shown by the script
    svgs = [e for e in root.iter() if e.tag == "svg"]
    assert len(svgs) == 12
    assert all(any(c.tag in ("rect", "circle", "path") for c in s.iter()) for s in svgs)
    marks = [e for e in root.iter() if "mark" in e.classes]
    listed = [e for e in root.iter() if e.attrs.get("id", "").startswith("mark-")]
    assert len(marks) == 2 * len(listed)  # wide and narrow timelines


def visible_positions(root) -> set[str]:
    return {pid for pid, e in by_id(root, "p-").items() if not e.hidden()}


@pytest.mark.parametrize(
    "typed, shown",
    [
        ("DPRK", {"one-dprk-declaration-first", "one-dprk-hostile-first"}),
        ("pyongyang", {"one-dprk-declaration-first", "one-dprk-hostile-first"}),
        ("kim bo ra", {"one-dprk-declaration-first"}),
        (
            "Full nuclear inventory",
            {
                "one-us-inventory-first",
                "one-dprk-declaration-first",
                "two-rok-both",
                "two-rok-treaty-last",
                "one-pat-view",
            },
        ),
        ("U.S., treaty", set()),
        ("Seoul, treaty", {"two-rok-treaty-last"}),
    ],
)
def test_the_filter_narrows_every_part(browser, made, typed, shown):
    root = dom(browser, made["test"], "#filter=" + typed.replace(" ", "%20"))
    assert visible_positions(root) == shown
    status = next(e for e in root.iter() if e.attrs.get("id") == "filter-status").text()
    assert status.startswith(f"Showing {len(shown)} of 9 positions")
    if typed == "DPRK":
        for e in root.iter():
            if e.tag in ("th", "td") and "dprk" not in e.attrs.get("data-actors", "dprk").split():
                assert e.hidden()
        rows = {
            e.attrs["data-steps"]: e
            for e in root.iter()
            if e.tag == "tr" and e.attrs.get("data-steps")
        }
        assert [step for step, row in rows.items() if not row.hidden()] == [
            "declaration",
            report_kb.LONG,
            "denuclearization",
            "treaty",
        ]
        headers = [e.text() for e in root.iter() if e.tag == "abbr" and not e.hidden()]
        assert headers == ["dprk"]
        quotes = {qid for qid, e in by_id(root, "q-").items() if not e.hidden()}
        assert quotes == {"one-trust"}
        figures = [e for e in root.iter() if "sequence" in e.classes and not e.hidden()]
        assert len(figures) == 1 and "North Korea" in figures[0].text()


def test_an_unknown_name_filters_nothing_and_says_so(browser, made):
    root = dom(browser, made["test"], "#filter=nobody")
    assert len(visible_positions(root)) == 9
    status = next(e for e in root.iter() if e.attrs.get("id") == "filter-status").text()
    assert "no actor or step called “nobody”" in status


@pytest.mark.parametrize("name", ["test", "bundled"])
def test_no_horizontal_scrolling_on_a_phone(browser, made, name):
    """In a frame 375 px wide (headless windows are at least 500 px wide)."""
    page = made[name]
    frame = page.parent / f"phone-{name}.html"
    frame.write_text(
        '<!DOCTYPE html><html><body style="margin:0">'
        f'<iframe id="f" src="{page.name}" style="width:375px;height:800px;border:0"></iframe>'
        "<script>document.getElementById('f').addEventListener('load', function () {"
        "var e = this.contentDocument.documentElement;"
        "document.body.setAttribute('data-width', e.scrollWidth + ' ' + e.clientWidth);"
        "});</script></body></html>",
        encoding="utf-8",
    )
    root = dom(browser, frame)
    body = next(e for e in root.iter() if e.tag == "body")
    scroll, client = map(int, body.attrs["data-width"].split())
    assert scroll <= client, f"{scroll} px wide in a {client} px frame"


def test_the_screenshot_is_not_blank(browser, made, tmp_path):
    shot = tmp_path / "shot.png"
    run(
        browser,
        made["bundled"].as_uri(),
        "--window-size=800,600",
        f"--screenshot={shot}",
        profile=tmp_path / "profile",
    )
    colours = png_colours(shot.read_bytes())
    total = sum(colours.values())
    assert len(colours) > 1
    assert colours.most_common(1)[0][1] < 0.97 * total  # more than a blank page with a dot
