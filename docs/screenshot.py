"""Regenerates docs/report.png, the README's screenshot of `kpos report`: the report of
the bundled knowledge base (or of --data DIR) opened in headless Chromium.

    python docs/screenshot.py [--data DIR] [--width 1100] [--height 1500]

Needs kpos installed in this Python and Chromium (Debian: apt-get install chromium).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="knowledge base root (default: the bundled one)")
    parser.add_argument("--width", type=int, default=1100)
    parser.add_argument("--height", type=int, default=1500)
    parser.add_argument("--output", default=str(HERE / "report.png"))
    args = parser.parse_args(argv)
    browser = next((shutil.which(name) for name in BROWSERS if shutil.which(name)), None)
    if browser is None:
        sys.exit("no Chromium found: apt-get install chromium")
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        data = ["--data", args.data] if args.data else []
        env = {k: v for k, v in os.environ.items() if k != "KPOS_DATA"}
        subprocess.run([sys.executable, "-m", "korea_positions", *data, "report", "-o", str(page)],
                       check=True, env=env)  # fmt: skip
        subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             "--no-first-run", f"--user-data-dir={Path(tmp) / 'profile'}",
             f"--window-size={args.width},{args.height}", f"--screenshot={args.output}",
             page.as_uri()],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
    print(f"wrote {args.output} ({Path(args.output).stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
