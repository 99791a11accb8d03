"""Cached helpers for the clusters page; the simulator reads what this page stores."""

from __future__ import annotations

import zlib

import numpy as np
import pandas as pd
import streamlit as st

from core.clustering import ClusterResult, cluster_stats, cluster_texts, default_k
from core.icp import score
from ui.session import (
    cluster_names,
    cluster_tags,
    connections,
    get,
    icp,
    memo,
    put,
    set_cluster_names,
    set_cluster_tags,
)

#: Below this many people with a title, groups say nothing useful.
MIN_PEOPLE = 20
DECISIONS = ["keep", "review", "prune"]


def _texts(df: pd.DataFrame) -> pd.Series:
    """The role each person states (headline, else job title); "" when none, so people with
    only a company are left out of groups instead of being grouped by their employer's name."""
    role = df["headline"].where(df["headline"] != "", df["position"])
    return role.where(~df["is_blank"], "")


def people_with_titles() -> int:
    return int((_texts(connections()) != "").sum())


def _cluster(df: pd.DataFrame, k: int | None, method: str = "lexical") -> ClusterResult:
    embedder = None
    if method == "semantic":
        embedder = _embedder()
    return cluster_texts(_texts(df), k=k, random_state=0, embedder=embedder)


def semantic_available() -> bool:
    from core.semantic import available

    return available()


def _embedder():
    """This session's embedding cache, with a progress bar while new titles are embedded."""
    from core.semantic import EmbeddingCache

    cache = get("semantic_cache")
    if cache is None:
        cache = EmbeddingCache()
        put("semantic_cache", cache)
    bar = st.progress(0.0, text="Reading the meaning of each distinct title…")

    def run(texts):
        out = cache(texts, progress=lambda f: bar.progress(f, text=f"Embedding titles… "
                                                                  f"{f:.0%}"))
        bar.empty()
        return out

    return run


def _distinct(df: pd.DataFrame) -> int:
    return int(_texts(df)[lambda s: s != ""].nunique())


def auto_k() -> int:
    return default_k(memo("clusters.distinct", _distinct))


def clusters(k: int | None, method: str = "lexical") -> ClusterResult:
    """The clustering for this network and k: computed once per session, then instant.

    Also publishes the labels for the simulator, and forgets tags made for another k or
    method (cluster ids only mean something for the clustering they came from).
    """
    result = memo("clusters", _cluster, k, method)
    # Tags belong to one clustering: a different k or method makes them meaningless.
    signature = (result.k, method)
    if get("cluster_signature") not in (None, signature):
        set_cluster_tags({})
        set_cluster_names({})
    put("cluster_signature", signature)
    put("cluster_labels", result.labels)
    put("cluster_default_names", dict(result.names))
    return result


def names(result: ClusterResult) -> dict[int, str]:
    """Cluster names with the user's renames applied."""
    out = dict(result.names)
    out.update({c: n for c, n in cluster_names().items() if c in out and n.strip()})
    return out


def stats(result: ClusterResult) -> pd.DataFrame:
    """Per-cluster table with the user's names and decisions (ICP columns when an ICP exists)."""
    current = icp()
    scored = memo("icp.score", score, current) if current is not None else None
    # Keyed by the labels themselves: lexical and semantic runs can share a k.
    labels_key = zlib.crc32(result.labels.tobytes())
    df = memo("clusters.stats", lambda d, k, i: cluster_stats(
        d, result.labels, result.names, scored), labels_key, current)
    df = df.copy()
    df["name"] = df["cluster"].map(names(result))
    tags = cluster_tags()
    df["decision"] = df["cluster"].map(lambda c: tags.get(int(c), "keep"))
    return df


def save_edits(edited: pd.DataFrame, result: ClusterResult) -> None:
    """Store renames and keep/review/prune decisions from the editor."""
    renames = {int(r.cluster): str(r.name)[:60] for r in edited.itertuples()
               if str(r.name).strip() and str(r.name) != result.names.get(int(r.cluster))}
    tags = {int(r.cluster): str(r.decision) for r in edited.itertuples()
            if str(r.decision) in DECISIONS and str(r.decision) != "keep"}
    if renames != cluster_names():
        set_cluster_names(renames)
    if tags != cluster_tags():
        set_cluster_tags(tags)


def members(result: ClusterResult, cluster: int) -> pd.DataFrame:
    """People in one cluster, best ICP fit first when an ICP exists."""
    df = connections()
    mask = result.labels == cluster
    out = df.loc[mask, ["full_name", "position", "company", "connected_on", "engaged"]].copy()
    current = icp()
    if current is not None:
        scored = memo("icp.score", score, current)
        out["fit"] = scored.loc[mask, "fit"]
        out["fit_reasons"] = scored.loc[mask, "fit_reasons"]
        out = out.sort_values("fit", ascending=False)
    return out


def map_frame(result: ClusterResult, limit: int = 4000) -> pd.DataFrame:
    """Points for the map (a deterministic sample above `limit`, so the browser stays fast)."""
    df = connections()
    real = np.flatnonzero(result.labels >= 0)
    if len(real) > limit:
        real = np.sort(np.random.default_rng(0).choice(real, size=limit, replace=False))
    nm = names(result)
    return pd.DataFrame({
        "x": result.coords[real, 0], "y": result.coords[real, 1],
        "group": [nm[c] for c in result.labels[real]],
        "position": df["position"].to_numpy()[real], "company": df["company"].to_numpy()[real],
    })
