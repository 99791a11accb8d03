"""ICP scoring time at 1k/10k/30k/100k connections (target: <= 0.3 s at 30k).

The tables come from the demo generator at each size, read by the real loader: realistic,
varied titles (about 13k distinct among 30k connections) and companies. Prints a table.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import SIZES, best_of, table  # noqa: E402
from bench.data import network  # noqa: E402
from core.icp import PRESETS, score  # noqa: E402
from core.titles import classify_titles  # noqa: E402


def main() -> None:
    icp = PRESETS["B2B SaaS founder selling to sales leaders"]
    rows = []
    for n in SIZES:
        df = network(n)
        title = df["headline"].where(df["headline"] != "", df["position"])
        start = time.perf_counter()
        score(df, icp)
        first = time.perf_counter() - start
        t = best_of(lambda d=df: score(d, icp), repeat=3)
        c = best_of(lambda s=title: classify_titles(s), repeat=3)
        rows.append([f"{n:,}", f"{title.nunique():,}", f"{df['company'].nunique():,}",
                     f"{first * 1e3:.0f} ms", f"{t * 1e3:.0f} ms", f"{c * 1e3:.0f} ms"])
    print("ICP scoring: score(connections, preset); median of 3 runs after a warm-up")
    print(table(["connections", "distinct titles", "distinct companies", "first call", "score",
                 "classify_titles alone"], rows))
    print(f"Target: <= 300 ms at 30,000. Load average while measuring: "
          f"{', '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores.")


if __name__ == "__main__":
    main()
