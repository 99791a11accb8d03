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


def best_of(fn: Callable[[], object], repeat: int = 5, warmup: bool = True) -> float:
    """Median wall time of `repeat` runs, after one warm-up run unless `warmup` is False (for
    work that is cold on every call anyway), in seconds (median resists noise)."""
    if warmup:
        fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def peak_rss_mb(code: str) -> float:
    """Peak resident memory growth (MB) while `work()` runs, in a fresh interpreter.

    `code` must define `work()`; anything before it (imports, data) is part of the baseline.
    A thread samples RSS every millisecond (ru_maxrss would report the import peak instead).
    """
    script = (
        "import json, threading, time, psutil\n"
        f"{code}\n"
        "proc = psutil.Process()\n"
        "base = proc.memory_info().rss\n"
        "peak = [base]\n"
        "done = threading.Event()\n"
        "def sample():\n"
        "    while not done.is_set():\n"
        "        peak[0] = max(peak[0], proc.memory_info().rss)\n"
        "        time.sleep(0.001)\n"
        "t = threading.Thread(target=sample); t.start()\n"
        "work()\n"
        "done.set(); t.join()\n"
        "peak[0] = max(peak[0], proc.memory_info().rss)\n"
        "print(json.dumps((peak[0] - base) / 2**20))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return float(json.loads(out.stdout.strip().splitlines()[-1]))


def table(headers: list[str], rows: list[list[object]]) -> str:
    """A plain-text table for the terminal and for closing notes."""
    cells = [[str(h) for h in headers]] + [[str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = ["  ".join(c.rjust(w) for c, w in zip(r, widths, strict=True)) for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


#: Bad input a title field can hold (10,000-character titles are added by the callers): emoji
#: only, right-to-left scripts, control characters, a bidirectional override, mixed scripts and
#: styled letters. One list for every benchmark that times hostile titles.
HOSTILE_TITLES = (
    "🚀💼🔥✨" * 3,
    "مدير المبيعات الإقليمي",
    "ראש צוות פיתוח",
    "VP\x00Sales\x07\x1b[31m",
    "\u202eselaS fo daeH\u202c",
    "Директор по продажам 销售总监 営業部長",
    "Ｃ Ｅ Ｏ 𝐅𝐨𝐮𝐧𝐝𝐞𝐫",
)
