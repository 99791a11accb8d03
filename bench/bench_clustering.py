"""Clustering: fit time and peak memory at 1k/10k/30k/100k, cached rerun, quality on the set.

Targets at 30k: <= 4 s cold, <= 0.2 s cached; V-measure >= 0.30 on tests/data/labelled_titles.csv.
The cached figure is what a rerun of the page pays for clustering: a lookup in the session memo
(ui.memo keys by network fingerprint and k, nothing is copied), reproduced here as the same
dictionary lookup.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from sklearn.metrics import v_measure_score  # noqa: E402

from bench.common import ROOT, SIZES, peak_rss_mb, table  # noqa: E402
from bench.data import network  # noqa: E402
from core.clustering import cluster_texts  # noqa: E402


def main() -> None:
    rows = []
    for n in SIZES:
        df = network(n)
        texts = df["text"].where(~df["is_blank"], "")
        t = time.perf_counter()
        result = cluster_texts(texts)
        cold = time.perf_counter() - t
        memo = {("clusters", "fingerprint", None): result}
        t = time.perf_counter()
        for _ in range(1000):
            memo[("clusters", "fingerprint", None)]
        cached = (time.perf_counter() - t) / 1000
        mem = peak_rss_mb(
            "from bench.data import network\nfrom core.clustering import cluster_texts\n"
            f"df = network({n})\ntexts = df['text'].where(~df['is_blank'], '')\n"
            "def work():\n    cluster_texts(texts)")
        largest = np.bincount(result.labels[result.labels >= 0]).max() / (result.labels >= 0).sum()
        rows.append([f"{n:,}", f"{texts[texts != ''].nunique():,}", result.k, f"{cold:.2f} s",
                     f"{cached * 1e6:.2f} µs", f"{mem:.0f} MB", f"{largest:.0%}"])
    print("Clustering: cluster_texts(texts) with the default k")
    print(table(["connections", "distinct texts", "k", "cold", "cached", "peak", "largest"],
                rows))
    data = pd.read_csv(ROOT / "tests" / "data" / "labelled_titles.csv")
    print(f"\nLabelled set: {len(data):,} titles, {data['group'].nunique()} groups")
    out = []
    for k in (None, 12, 15):
        r = cluster_texts(data["title"], k=k)
        v = v_measure_score(data["group"], r.labels)
        out.append(["auto" if k is None else k, r.k, f"{v:.3f}",
                    f"{np.bincount(r.labels).max() / len(data):.0%}"])
    print(table(["k asked", "k", "V-measure", "largest cluster"], out))
    print("Targets: V-measure >= 0.30; at 30k <= 4 s cold, <= 0.2 s cached.")


if __name__ == "__main__":
    main()
