"""Load time and peak memory of `load_connections` at 1k/10k/30k/100k rows.

Target (issue 16): at most 100 ms at 30,000 rows, absolute. Plain `pandas.read_csv(path,
skiprows=3)` on the same file, which does no normalising at all, is printed next to it as the
floor; the other export eras (no URL, legacy dates, spreadsheet re-save) are timed at 30k too.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pandas as pd  # noqa: E402

from bench.common import SIZES, best_of, peak_rss_mb, table  # noqa: E402
from core.demo import connections_csv  # noqa: E402
from core.loader import load_connections  # noqa: E402

TARGET_MS = 100


def _cpu(fn, repeat: int = 5) -> float:
    """Median CPU time of `fn` in seconds (this process, all threads)."""
    fn()
    times = []
    for _ in range(repeat):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return statistics.median(times)


def main() -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in SIZES:
            path = Path(tmp) / f"Connections_{n}.csv"
            path.write_bytes(connections_csv(n, seed=11))
            plain = best_of(lambda p=path: pd.read_csv(p, skiprows=3))
            ours = best_of(lambda p=path: load_connections(p))
            mem_plain = peak_rss_mb(
                f"import pandas as pd\ndef work():\n    pd.read_csv({str(path)!r}, skiprows=3)"
            )
            mem_ours = peak_rss_mb(
                "from core.loader import load_connections\n"
                f"def work():\n    load_connections({str(path)!r})"
            )
            rows.append(
                [
                    f"{n:,}",
                    f"{path.stat().st_size / 1e6:.1f} MB",
                    f"{plain * 1e3:.0f} ms",
                    f"{ours * 1e3:.0f} ms",
                    f"{mem_plain:.0f} MB",
                    f"{mem_ours:.0f} MB",
                ]
            )
        eras = []
        for variant in ("modern", "no_url", "legacy", "resaved"):
            path = Path(tmp) / f"Connections_{variant}.csv"
            path.write_bytes(connections_csv(30_000, seed=11, variant=variant))
            eras.append(
                [
                    variant,
                    f"{best_of(lambda p=path: load_connections(p)) * 1e3:.0f} ms",
                    f"{_cpu(lambda p=path: load_connections(p)) * 1e3:.0f} ms",
                ]
            )
    print("Loader: load_connections vs plain pandas.read_csv(skiprows=3), median of 5 runs")
    print(
        table(["rows", "file", "read_csv", "load_connections", "peak read_csv", "peak load"], rows)
    )
    print("\nEach export era at 30,000 rows (median of 5 runs; CPU time is what the loader")
    print("itself costs, whatever else the machine is doing)")
    print(table(["era", "wall", "CPU"], eras))
    print(f"Target: at most {TARGET_MS} ms at 30,000 rows.")


if __name__ == "__main__":
    main()
