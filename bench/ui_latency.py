"""`make bench-ui`: how long each click takes to answer, in real headless Chromium.

One server, one attendee at a time, a fixed journey (upload, ICP preset, three multiselect
picks, a keyword, the clusters page, a rename, a simulator rule change, a people search) on a
10k and a 30k export, 5 runs each; prints every step's median and p95 in seconds.

What is timed is what a user feels: from the input event to the moment Streamlit reports the
script idle again with no skeletons left (the same markers its own e2e suite waits for). A
MutationObserver records when the app's script state last turned to "notRunning", so polling
intervals do not inflate the figures.

Usage: .venv/bin/python bench/ui_latency.py [SIZE ...]   (default: 10000 30000)
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Page, sync_playwright  # noqa: E402

from bench.common import table  # noqa: E402
from core.demo import generate_export  # noqa: E402
from tests.browser.conftest import CHROMIUM, start_server, stop_server, wait_ready  # noqa: E402

RUNS = int(os.environ.get("BENCH_UI_RUNS", "5"))
SIZES = (10_000, 30_000)

# Records the time of every change of the app's script state (performance.now(), ms).
_OBSERVER = """() => {
  const app = document.querySelector("[data-testid='stApp']");
  window.__idleAt = performance.now(); window.__runs = 0;
  new MutationObserver(() => {
    if (app.dataset.testScriptState === 'notRunning') window.__idleAt = performance.now();
    else window.__runs += 1;
  }).observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""


def timed(page: Page, action: Callable[[], None], timeout: int = 120_000) -> float:
    """Seconds from `action` until the app is idle again after the rerun it caused."""
    page.evaluate(_OBSERVER)
    start = page.evaluate("() => performance.now()")
    runs_before = page.evaluate("() => window.__runs")
    action()
    try:  # the rerun may start a few ms after the event
        page.wait_for_function(f"() => window.__runs > {runs_before}", timeout=3_000)
    except Exception:  # noqa: BLE001 - no rerun at all: the answer was immediate
        return 0.0
    wait_ready(page, timeout=timeout)
    return (page.evaluate("() => window.__idleAt") - start) / 1000


def _go(page: Page, label: str) -> Callable[[], None]:
    return lambda: page.locator("[data-testid='stSidebar'] a").filter(has_text=label).first.click()


def _pick(page: Page, box: str, option: str) -> Callable[[], None]:
    def act() -> None:
        page.get_by_test_id("stMultiSelect").filter(has_text=box).first.locator("input").click()
        page.get_by_role("option").filter(has_text=option).first.click()
        page.keyboard.press("Escape")

    return act


def _type(page: Page, label: str, text: str) -> Callable[[], None]:
    def act() -> None:
        box = page.get_by_label(label).first
        box.fill(text)
        box.press("Enter")

    return act


def journey(page: Page, base: str, export: Path) -> dict[str, float]:
    """One attendee's journey; returns seconds per step (steps the UI lacks are left out)."""
    out: dict[str, float] = {}
    page.goto(base)
    wait_ready(page, timeout=120_000)
    uploader = page.locator("[data-testid='stFileUploaderDropzoneInput']")
    out["upload"] = timed(page, lambda: uploader.set_input_files(str(export)))
    out["open ICP page"] = timed(page, _go(page, "Define your ICP"))

    def preset() -> None:
        page.get_by_test_id("stSelectbox").filter(has_text="preset").first.click()
        page.get_by_role("option").nth(1).click()

    timed(page, preset)
    use = page.get_by_role("button", name="Use this preset")
    if use.count():
        out["ICP preset"] = timed(page, lambda: use.click())
    for i, fn in enumerate(("Marketing", "Finance", "Operations"), 1):
        out[f"pick {i}"] = timed(page, _pick(page, "Job functions", fn))
    page.get_by_role("button", name="Next").click()
    wait_ready(page)
    page.get_by_role("button", name="Next").click()
    wait_ready(page)
    out["keyword"] = timed(page, _pick(page, "Nice-to-have", "a"))
    out["open clusters (first)"] = timed(page, _go(page, "Cluster connections"))

    def rename() -> None:  # the groups table: open the first group's name, type, Enter
        grid = page.get_by_role("heading", name="Your groups").locator(
            "xpath=following::*[@data-testid='stDataFrame'][1]"
        )
        grid.scroll_into_view_if_needed()
        editor = page.locator("textarea, input.gdg-input").first
        for _ in range(3):  # a grid still settling may swallow the first click
            grid.dblclick(position={"x": 80, "y": 52})
            try:
                editor.wait_for(state="visible", timeout=2_000)
                break
            except Exception:  # noqa: BLE001 - try again
                page.keyboard.press("Escape")
        editor.fill("Renamed group")
        if os.environ.get("BENCH_UI_SHOT"):
            page.screenshot(path=os.environ["BENCH_UI_SHOT"])
        page.keyboard.press("Enter")

    out["rename a group"] = timed(page, rename)
    out["people search (clusters)"] = timed(page, _type(page, "Search names", "Director"))
    out["open simulator"] = timed(page, _go(page, "Pruning simulator"))
    main = page.get_by_test_id("stMain")
    toggle = (
        main.get_by_test_id("stCheckbox")
        .filter(has_not=page.locator("input[disabled]"))
        .first.locator("label")
    )
    if toggle.count():
        out["rule change"] = timed(page, lambda: toggle.click())
    page.get_by_role("tab", name="People").click()
    wait_ready(page)
    out["people search (simulator)"] = timed(
        page, _type(page, "Search the whole network", "Director")
    )
    return out


def main(sizes: tuple[int, ...]) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="bench-ui-"))
    exports = {}
    for n in sizes:
        exports[n] = tmp / f"export-{n}.zip"
        exports[n].write_bytes(generate_export(n, seed=11))
    proc, base, log = start_server(tmp)
    rows = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=["--disable-gpu", "--no-first-run"]
            )
            warm = browser.new_page()
            warm.goto(base)
            wait_ready(warm, timeout=120_000)
            warm.close()
            for n in sizes:
                samples: dict[str, list[float]] = {}
                for _ in range(RUNS):
                    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
                    page = ctx.new_page()
                    page.set_default_timeout(60_000)
                    t0 = time.perf_counter()
                    try:
                        steps = journey(page, base, exports[n])
                    except Exception:
                        shot = tmp / f"failed-{n}.png"
                        page.screenshot(path=str(shot), full_page=True)
                        print(f"  journey failed; screenshot {shot}", flush=True)
                        raise
                    for step, secs in steps.items():
                        samples.setdefault(step, []).append(secs)
                    print(f"  {n:,}: journey in {time.perf_counter() - t0:.1f} s", flush=True)
                    ctx.close()
                for step, xs in samples.items():
                    xs = sorted(xs)
                    p95 = xs[min(len(xs) - 1, round(0.95 * (len(xs) - 1)))]
                    rows.append([f"{n:,}", step, f"{statistics.median(xs):.2f}", f"{p95:.2f}"])
            browser.close()
    finally:
        stop_server(proc, log)
    print(table(["connections", "step", "median s", "p95 s"], rows))


if __name__ == "__main__":
    main(tuple(int(a) for a in sys.argv[1:]) or SIZES)
