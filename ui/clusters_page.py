"""Cached helpers for the clusters page; the simulator reads what this page stores.

Caching: everything goes through `ui.memo` (per session, keyed by the network fingerprint and the
arguments), in two levels: the prepared vectors once per network and method (the slow part),
then one clustering per k (fast). Moving to another page and back, or back to an earlier k,
recomputes nothing.
"""

from __future__ import annotations

import zlib

import numpy as np
import pandas as pd
import streamlit as st

from core.clustering import (
    ClusterResult,
    Prepared,
    cluster_prepared,
    cluster_stats,
    prepare,
    suggest_k,
)
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
#: The k slider: "Auto" or a number of groups.
K_OPTIONS: list = ["Auto"] + list(range(2, 21))


def _texts(df: pd.DataFrame) -> pd.Series:
    """The role each person states (headline, else job title); "" when none, so people with
    only a company are left out of groups instead of being grouped by their employer's name."""
    role = df["headline"].where(df["headline"] != "", df["position"])
    return role.where(~df["is_blank"], "")


def people_with_titles() -> int:
    """How many people state a role (the ones that can be grouped)."""
    return memo("clusters.people", lambda df: int((_texts(df) != "").sum()))


def semantic_available() -> bool:
    """True when the optional semantic extra is installed (the page then offers the mode)."""
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


def _prepare(df: pd.DataFrame, method: str) -> Prepared:
    embedder = _embedder() if method == "semantic" else None
    return prepare(_texts(df), random_state=0, embedder=embedder)


def prepared(method: str = "lexical") -> Prepared:
    """Cleaned, deduplicated, vectorised titles of this network (once per network and method)."""
    return memo("clusters.prep", _prepare, method)


def _cluster(df: pd.DataFrame, k: int | None, method: str) -> ClusterResult:
    return cluster_prepared(prepared(method), k=k, random_state=0)


def clusters(k: int | None, method: str = "lexical") -> ClusterResult:
    """The clustering for this network and k: computed once per session, then instant.

    Also publishes the labels for the simulator, and forgets tags and names made for another
    clustering (cluster ids only mean something for the clustering they came from); when that
    drops some, `marks_cleared()` says so once.
    """
    prepared(method)  # keeps the slow part fresh in the session memo
    result = memo("clusters", _cluster, k, method)
    signature = (result.k, method, zlib.crc32(result.labels.tobytes()))
    previous = get("cluster_signature")
    if previous is not None and previous != signature:
        if cluster_tags() or cluster_names():
            put("cluster_marks_cleared", True)
        set_cluster_tags({})
        set_cluster_names({})
    put("cluster_signature", signature)
    put("cluster_labels", result.labels)
    put("cluster_default_names", dict(result.names))
    return result


def marks_cleared() -> bool:
    """True once after a change of k or method threw away the user's marks."""
    flag = bool(get("cluster_marks_cleared", False))
    put("cluster_marks_cleared", False)
    return flag


def suggestion(method: str = "lexical") -> pd.DataFrame:
    """`core.clustering.suggest_k` for this network (computed on request, then memoised)."""
    return memo("clusters.suggest", lambda df, m: suggest_k(prepared(m)), method)


def names(result: ClusterResult) -> dict[int, str]:
    """Cluster names with the user's renames applied."""
    out = dict(result.names)
    out.update({c: n for c, n in cluster_names().items() if c in out and n.strip()})
    return out


def _scored():
    current = icp()
    return (memo("icp.score", score, current) if current is not None else None), current


def stats(result: ClusterResult) -> pd.DataFrame:
    """Per-cluster table with the user's names and decisions (ICP columns when an ICP exists)."""
    scored, current = _scored()
    # Keyed by the labels themselves: lexical and semantic runs can share a k.
    labels_key = zlib.crc32(result.labels.tobytes())
    df = memo("clusters.stats", lambda d, key, i: cluster_stats(
        d, result.labels, result.names, scored), labels_key, current)
    df = df.copy()
    df["name"] = df["cluster"].map(names(result))
    tags = cluster_tags()
    df["decision"] = df["cluster"].map(lambda c: tags.get(int(c), "keep"))
    return df


def fit_mix(result: ClusterResult) -> pd.DataFrame | None:
    """People per cluster and ICP fit band (cluster, fit_band, count), None without an ICP."""
    scored, current = _scored()
    if scored is None:
        return None

    def build(df, key, i):
        frame = pd.DataFrame({"cluster": result.labels, "fit_band": scored["fit_band"].to_numpy()})
        frame = frame[(frame["cluster"] >= 0) & frame["fit_band"].isin(["strong", "partial", "off"])]
        return frame.groupby(["cluster", "fit_band"]).size().rename("count").reset_index()

    return memo("clusters.fitmix", build, zlib.crc32(result.labels.tobytes()), current)


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
    """People in one cluster: best ICP fit first when an ICP exists, else most typical first."""
    df = connections()
    mask = result.labels == cluster
    out = df.loc[mask, ["full_name", "position", "company", "connected_on", "engaged"]].copy()
    out["typical"] = np.clip(result.typicality[mask], 0, 1)
    scored, _ = _scored()
    if scored is not None:
        out["fit"] = scored.loc[mask, "fit"]
        out["fit_reasons"] = scored.loc[mask, "fit_reasons"]
        return out.sort_values(["fit", "typical"], ascending=False, kind="stable")
    return out.sort_values("typical", ascending=False, kind="stable")


def map_frame(result: ClusterResult, limit: int = 2500) -> pd.DataFrame:
    """Points for the map (a deterministic sample above `limit`, so the browser stays fast).

    2,500 points show every group's shape; more only cost the browser time drawing them (with
    a room of laptops on one network, each browser's drawing time is what people wait for).
    """
    df = connections()
    real = np.flatnonzero(result.labels >= 0)
    if len(real) > limit:
        real = np.sort(np.random.default_rng(0).choice(real, size=limit, replace=False))
    nm = names(result)
    return pd.DataFrame({
        "x": result.coords[real, 0], "y": result.coords[real, 1],
        "cluster": result.labels[real],
        "group": [nm[c] for c in result.labels[real]],
        "position": df["position"].to_numpy()[real], "company": df["company"].to_numpy()[real],
    })


def picked_cluster(bar_event, map_event, valid: list[int]) -> int | None:
    """The cluster the user last clicked in either chart (None when no new click).

    Both charts keep their selection; the one that changed since the last run is the newer.
    """
    def first(event, name):
        try:
            points = event.selection.get(name) or []
        except AttributeError:
            return None
        ids = [int(p["cluster"]) for p in points if "cluster" in p]
        return ids[0] if ids else None

    now = {"bar": first(bar_event, "pick"), "map": first(map_event, "pick_map")}
    before = get("cluster_chart_picks", {"bar": None, "map": None})
    put("cluster_chart_picks", now)
    for source in ("bar", "map"):
        if now[source] is not None and now[source] != before.get(source) and now[source] in valid:
            return now[source]
    return None
