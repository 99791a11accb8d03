"""ICP scoring time at 1k/10k/30k/100k connections (target: <= 0.3 s at 30k)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import SIZES, best_of, table  # noqa: E402
from bench.data import network  # noqa: E402
from core.icp import PRESETS, score  # noqa: E402


def main() -> None:
    icp = PRESETS["B2B SaaS founder selling to sales leaders"]
    rows = []
    for n in SIZES:
        df = network(n)
        distinct = df["position"].nunique()
        t = best_of(lambda d=df: score(d, icp), repeat=3)
        rows.append([f"{n:,}", f"{distinct:,}", f"{t * 1e3:.0f} ms"])
    print("ICP scoring: score(connections, preset), median of 3 runs")
    print(table(["connections", "distinct titles", "score"], rows))
    print("Target: <= 300 ms at 30,000.")


if __name__ == "__main__":
    main()
