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
    semantic(data)


def semantic(data: pd.DataFrame) -> None:
    """Semantic mode (optional extra): embedding throughput and quality next to lexical."""
    import os

    from core.semantic import EmbeddingCache, available, embed

    if not available():
        print("\nSemantic mode: not installed (make semantic).")
        return
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    embed(["warm up"])
    titles = network(30_000)["position"].drop_duplicates().head(5000).tolist()
    t = time.perf_counter()
    embed(titles)
    rate = len(titles) / (time.perf_counter() - t)
    out = []
    for k in (None, 12, 15):
        lex = cluster_texts(data["title"], k=k)
        sem = cluster_texts(data["title"], k=k, embedder=EmbeddingCache())
        out.append(["auto" if k is None else k, f"{v_measure_score(data['group'], lex.labels):.3f}",
                    f"{v_measure_score(data['group'], sem.labels):.3f}"])
    print(f"\nSemantic mode: {rate:,.0f} titles/s embedding throughput (5,000 distinct titles)")
    print(table(["k asked", "V lexical", "V semantic"], out))


if __name__ == "__main__":
    main()
