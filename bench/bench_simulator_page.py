"""Simulator page: server time of one rerun after a rule change, at 10k and 30k connections.

Drives the real page in `streamlit.testing` (AppTest): the demo export generator at n rows,
loaded through `core.loader`, the SaaS preset ICP, then one rule switch and one slider step,
each timed (median of a few steps, after a warm-up). AppTest runs the script as the server does
and serialises every element, so this is the server's share of a click, not the browser's.
`--profile` prints the top cumulative functions of one rule change (cProfile).
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
STEPS = 4


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


def _timed(at, action) -> float:
    t = time.perf_counter()
    action(at)
    assert not at.exception, at.exception
    return time.perf_counter() - t


def _toggle(at) -> None:
    w = at.toggle(key="old_on")
    w.set_value(not w.value).run()


def _slider(at) -> None:
    w = at.slider(key="cap")
    w.set_value(20 if w.value != 20 else 25).run()


def _median(at, action) -> float:
    _timed(at, action)  # warm-up: the first change computes what later ones reuse
    return statistics.median(_timed(at, action) for _ in range(STEPS))


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


def main() -> None:
    rows = []
    for n in SIZES:
        at = _page(n)
        rows.append([f"{n:,}", f"{_median(at, _toggle) * 1000:.0f} ms",
                     f"{_median(at, _slider) * 1000:.0f} ms"])
        if "--profile" in sys.argv:
            _profile(at, n)
    print("Simulator page: server time per rerun (AppTest, median of "
          f"{STEPS} after a warm-up)")
    print(table(["connections", "rule switch", "cap slider step"], rows))


if __name__ == "__main__":
    main()
