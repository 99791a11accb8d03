"""Simulator page: server time of one rerun after a rule change, at 10k and 30k connections.

Drives the real page in `streamlit.testing` (AppTest): the demo export generator at n rows,
loaded through `core.loader`, the SaaS preset ICP, then rule-threshold and cap slider steps,
each timed (median of a few steps, after a warm-up; wall and CPU time). AppTest runs the script as the server does
and serialises every element, so this is the server's share of a click, not the browser's.
`--profile` prints the top cumulative functions of one rule change (cProfile).

AppTest reruns the whole script on every change (it does not scope a rerun to a fragment), and
most of a click's time was the browser redrawing charts and the people grid, so
`--browser [ROOT]` also times clicks in headless Chromium against `streamlit run` of ROOT (this
tree by default; point it at a copy of an older commit to compare): an upload of each size, the
SaaS preset, then six rule switches and six cap steps, median and max seconds from the event to
the app being idle again (bench/ui_latency.py's measure).
"""

from __future__ import annotations

import cProfile
import pstats
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import table  # noqa: E402
from core.demo import generate_export  # noqa: E402
from core.icp import PRESETS  # noqa: E402
from core.loader import load_export  # noqa: E402
from tests.conftest import app_state, new_app  # noqa: E402

PAGE = "pages/3_Pruning_simulator.py"
SIZES = (10_000, 30_000)
STEPS = 6


def _page(n: int):
    """An AppTest session on the simulator with an n-row export and the SaaS preset ICP."""
    at = new_app(timeout=300)
    at.run()
    s = app_state(at)
    s.replace_network(load_export(generate_export(n, seed=11)))
    s.icp = PRESETS["B2B SaaS founder selling to sales leaders"]
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def _timed(at, action) -> tuple[float, float]:
    """(wall, CPU) seconds of one widget change and the rerun it causes. CPU time of the whole
    process (the script thread included) is steadier than wall time on a shared machine."""
    t, c = time.perf_counter(), time.process_time()
    action(at)
    assert not at.exception, at.exception
    return time.perf_counter() - t, time.process_time() - c


def _toggle(at) -> None:
    w = at.toggle(key="old_on")
    w.set_value(not w.value).run()


def _rule_step(at) -> None:
    """A new value for rule 2's fit threshold each time: a plan not computed before."""
    if not at.toggle(key="r2_fit_on").value:
        at.toggle(key="r2_fit_on").set_value(True).run()
    w = at.slider(key="r2_fit_below")
    w.set_value((w.value + 5) % 100 or 5).run()


def _cap_step(at) -> None:
    w = at.slider(key="cap")
    w.set_value(w.value + 5 if w.value < 60 else 20).run()


def _median(at, action) -> str:
    action(at)  # warm-up: the first change computes what later ones reuse
    times = [_timed(at, action) for _ in range(STEPS)]
    wall = statistics.median(t for t, _ in times)
    cpu = statistics.median(c for _, c in times)
    return f"{wall * 1000:.0f} ms ({cpu * 1000:.0f} CPU)"


def _profile(at, n: int) -> None:
    """cProfile of one rule switch: the script runs in its own thread, so profile that one."""
    prof = cProfile.Profile()

    def start(*_):
        sys.setprofile(None)
        prof.enable()

    threading.setprofile(start)
    _toggle(at)
    threading.setprofile(None)
    print(f"\n--- profile of one rule switch at {n:,} ---")
    pstats.Stats(prof).sort_stats("cumulative").print_stats(30)


def _browser(root: Path) -> None:
    import tempfile

    from playwright.sync_api import sync_playwright

    from bench.ui_latency import _go, timed
    from tests.browser.conftest import CHROMIUM, start_server, stop_server, wait_ready

    tmp = Path(tempfile.mkdtemp(prefix="bench-sim-"))
    proc, base, log = start_server(tmp, cwd=root)
    rows = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=["--disable-gpu", "--no-first-run"]
            )
            for n in SIZES:
                export = tmp / f"export-{n}.zip"
                export.write_bytes(generate_export(n, seed=11))
                page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
                page.set_default_timeout(120_000)
                page.goto(base)
                wait_ready(page, timeout=120_000)
                page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(
                    str(export)
                )
                page.wait_for_function(
                    "() => document.body.innerText.includes('Your export')", timeout=120_000
                )
                wait_ready(page)
                _go(page, "Define your ICP")()
                wait_ready(page)
                page.get_by_test_id("stSelectbox").filter(has_text="workshop preset").click()
                page.get_by_role("option", name="B2B SaaS founder selling to sales leaders").click()
                wait_ready(page)
                page.get_by_role("button", name="Use this preset").click()
                wait_ready(page)
                _go(page, "Pruning simulator")()
                wait_ready(page)
                toggle = page.get_by_test_id("stCheckbox").filter(has_text="Connected more than")
                cap = page.get_by_test_id("stSlider").filter(has_text="Remove at most")

                def step(cap=cap, page=page) -> None:
                    cap.get_by_role("slider").focus()
                    page.keyboard.press("ArrowRight")

                switches = sorted(timed(page, toggle.first.click) for _ in range(STEPS))
                steps = sorted(timed(page, step) for _ in range(STEPS))
                rows.append(
                    [
                        f"{n:,}",
                        f"{statistics.median(switches):.2f} / {switches[-1]:.2f}",
                        f"{statistics.median(steps):.2f} / {steps[-1]:.2f}",
                    ]
                )
                page.context.close()
            browser.close()
    finally:
        stop_server(proc, log)
    print(f"\nSimulator page in Chromium ({root}): seconds per click, median / max of {STEPS}")
    print(table(["connections", "rule switch", "cap slider step"], rows))


def main() -> None:
    rows = []
    for n in SIZES:
        at = _page(n)
        rows.append([f"{n:,}", _median(at, _rule_step), _median(at, _cap_step)])
        if "--profile" in sys.argv:
            _profile(at, n)
    print(
        f"Simulator page: server time per rerun (AppTest, median of {STEPS} after a "
        "warm-up; each step a plan not computed before)"
    )
    print(table(["connections", "rule threshold step", "cap slider step"], rows))
    if "--browser" in sys.argv:
        after = sys.argv[sys.argv.index("--browser") + 1 :]
        _browser(Path(after[0]) if after else Path(__file__).resolve().parents[1])


if __name__ == "__main__":
    main()
