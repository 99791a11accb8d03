"""Take full-page screenshots of every page on the demo network (for the README and a human look).

Usage: .venv/bin/python scripts/screenshots.py [OUT_DIR]   (default docs/screenshots)
Needs Debian's Chromium (/usr/bin/chromium).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.conftest import CHROMIUM, start_server, stop_server, wait_ready  # noqa: E402

PAGES = {
    "home": "",
    "icp": "Define_your_ICP",
    "clusters": "Cluster_connections",
    "simulator": "Pruning_simulator",
    "faq": "Remove_or_block",
}


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        proc, url, log = start_server(Path(tmp))
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True)
                page = browser.new_page(viewport={"width": 1400, "height": 2400})
                for name, slug in PAGES.items():
                    page.goto(f"{url}/{slug}", timeout=120_000)
                    wait_ready(page, timeout=120_000)
                    page.wait_for_timeout(800)  # let charts finish drawing
                    page.screenshot(path=str(out / f"{name}.png"), full_page=True)
                    print(f"wrote {out / f'{name}.png'}")
                browser.close()
        finally:
            stop_server(proc, log)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
