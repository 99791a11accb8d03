"""Helpers shared by the benchmark scripts: timing, peak memory in a fresh process, tables."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZES = (1_000, 10_000, 30_000, 100_000)


def best_of(fn: Callable[[], object], repeat: int = 5) -> float:
    """Median wall time of `repeat` runs after one warm-up, in seconds (median resists noise)."""
    fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def peak_rss_mb(code: str) -> float:
    """Peak RSS growth (MB) of running `code` in a fresh interpreter, over its import baseline.

    `code` must define a function `work()`; setup lines before it run before the baseline.
    """
    script = (
        "import resource, json\n"
        f"{code}\n"
        "base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "work()\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(json.dumps((peak - base) / 1024))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    return float(json.loads(out.stdout.strip().splitlines()[-1]))


def table(headers: list[str], rows: list[list[object]]) -> str:
    """A plain-text table for the terminal and for closing notes."""
    cells = [[str(h) for h in headers]] + [[str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = ["  ".join(c.rjust(w) for c, w in zip(r, widths, strict=True)) for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
