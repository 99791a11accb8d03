"""ICP scoring time at 1k/10k/30k connections (target: <= 0.3 s at 30k, cold, title reading
included), and 30k hostile titles (target: at most twice the normal time).

The tables come from the demo generator at each size, read by the real loader: realistic,
varied titles and companies. "Cold" is the first `score` call on a table (the title model reads
every distinct title; the model itself is loaded beforehand, as the server does at start);
"ICP change" is a later score with the titles already read (what a click in the wizard costs).
Prints a table.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from bench.common import HOSTILE_TITLES, best_of, table  # noqa: E402
from bench.data import network  # noqa: E402
from core.icp import PRESETS, score, title_text  # noqa: E402
from core.titles import Correction, read_titles, title_key  # noqa: E402

SIZES = (1_000, 10_000, 30_000)
ICP = PRESETS["B2B SaaS founder selling to sales leaders"]
CORRECTIONS = (
    Correction(title_key("Managing Partner"), "Entrepreneurship", "Owner / Partner"),
    Correction(title_key("Growth Hacker"), "Marketing"),
)


def hostile(df: pd.DataFrame, seed: int = 7) -> pd.DataFrame:
    """The same table with every title replaced by bad input: 10,000-character titles (1%),
    emoji only, right-to-left text, control characters and mixed scripts, each made distinct."""
    rng = np.random.default_rng(seed)
    kinds = HOSTILE_TITLES
    pick = rng.integers(0, len(kinds), len(df))
    titles = [f"{kinds[k]} {i}" for i, k in enumerate(pick)]
    for i in rng.choice(len(df), size=max(1, len(df) // 100), replace=False):
        titles[i] = ("Sales " * 1700)[:10_000] + str(i)
    return df.assign(
        position=pd.Series(titles, index=df.index, dtype="str"),
        headline=pd.Series("", index=df.index, dtype="str"),
    )


def cold(df: pd.DataFrame) -> tuple[float, float]:
    """One first call, titles read and scored from scratch: (wall, CPU) seconds. CPU time says
    what the work costs when the 2 shared cores are busy with other processes."""
    wall, cpu = time.perf_counter(), time.process_time()
    score(df, ICP, CORRECTIONS)
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    read_titles(pd.Series(["warm up the title model"]))  # the server loads it once at start
    rows, figures = [], {}
    for name, df in [(f"{n:,}", network(n)) for n in SIZES] + [
        ("30,000 hostile", hostile(network(30_000)))
    ]:
        text = title_text(df)
        first, first_cpu = cold(df)
        reading = read_titles(text, CORRECTIONS)
        change = best_of(lambda d=df, r=reading: score(d, ICP, CORRECTIONS, titles=r), repeat=3)
        read = best_of(lambda s=text: read_titles(s, CORRECTIONS), repeat=3)
        figures[name] = (first, first_cpu, change)
        rows.append(
            [
                name,
                f"{text.nunique():,}",
                f"{df['company'].nunique():,}",
                f"{first * 1e3:.0f} ms",
                f"{first_cpu * 1e3:.0f} ms",
                f"{read * 1e3:.0f} ms",
                f"{change * 1e3:.0f} ms",
            ]
        )
    normal, bad = figures["30,000"], figures["30,000 hostile"]
    ratio = [f"{b / a:.1f}x" for a, b in zip(normal, bad, strict=True)]
    print("ICP scoring: score(connections, preset, 2 corrections)")
    print(
        table(
            [
                "connections",
                "distinct titles",
                "distinct companies",
                "cold (titles read + scored)",
                "cold, CPU time",
                "read_titles alone",
                "ICP change (titles read)",
            ],
            rows,
        )
    )
    print(
        f"Targets: cold <= 300 ms at 30,000; hostile 30,000 <= 2x normal (measured {ratio[0]} "
        f"cold, {ratio[1]} cold CPU, {ratio[2]} on an ICP change). "
        "Load average while measuring: "
        f"{', '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores."
    )


if __name__ == "__main__":
    main()
