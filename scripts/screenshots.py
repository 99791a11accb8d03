"""Screenshots of every page on the demo network, for the README and for a human look.

Usage: .venv/bin/python scripts/screenshots.py [OUT_DIR] [--projector-only]
(default OUT_DIR: docs/screenshots). Needs Debian's Chromium (/usr/bin/chromium).

Writes the README's pictures (`home.png`, ... at 1400 px wide, the whole page) and the projector
set: what the room sees on the first screen of each page at 1280 x 720 and 1920 x 1080, in
workshop mode and out of it (`workshop-1280-simulator.png`, `normal-1920-faq.png`, ...). The
browser test tests/browser/test_projector_browser.py checks the same pages at the same sizes.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.conftest import (  # noqa: E402
    CHROMIUM,
    MODES,
    PAGES,
    PROJECTOR_SIZES,
    start_server,
    stop_server,
    wait_ready,
)


def _open(page, url: str) -> None:
    page.goto(url, timeout=120_000)
    wait_ready(page, timeout=120_000)
    page.wait_for_timeout(1200)  # charts draw after Streamlit reports idle


def _readme(browser, url: str, out: Path) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 2400})
    for name, slug in PAGES.items():
        _open(page, f"{url}/{slug}")
        page.screenshot(path=str(out / f"{name}.png"), full_page=True)
        print(f"wrote {out / f'{name}.png'}")
    page.close()


def _projector(browser, url: str, out: Path) -> None:
    for width, height in PROJECTOR_SIZES:
        for mode in MODES:
            page = browser.new_page(viewport={"width": width, "height": height})
            query = "?mode=workshop" if mode == "workshop" else ""
            for name, slug in PAGES.items():
                _open(page, f"{url}/{slug}{query}")
                path = out / f"{mode}-{width}-{name}.png"
                page.screenshot(path=str(path))
                print(f"wrote {path}")
            page.close()


def main(out: Path, readme: bool = True) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        proc, url, log = start_server(Path(tmp))
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True)
                if readme:
                    _readme(browser, url, out)
                _projector(browser, url, out)
                browser.close()
        finally:
            stop_server(proc, log)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(
        Path(args[0]) if args else ROOT / "docs" / "screenshots",
        readme="--projector-only" not in sys.argv,
    )
