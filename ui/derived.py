"""Values derived from the session's state, each computed once per session for what it depends on.

One small typed function per derived value: it names its cache key explicitly (everything the
result depends on, starting with the network's fingerprint) and its own bound. Pages call these;
they never call the cache themselves and never stash a result for another page to read, so a page
always shows what the current ICP, corrections, groups and rules give.
"""

from __future__ import annotations

import pandas as pd

from core.clustering import (
    ClusterResult,
    Prepared,
    carry_over,
    cluster_prepared,
    grouping_texts,
    prepare,
)
from core.icp import score, title_text
from core.titles import read_titles
from ui.state import cached, state


def titles() -> pd.DataFrame:
    """The title model's reading of every connection's title (function, function2, seniority,
    confidence, why, key; aligned to the connection table), with the user's corrections on top.

    Reads the role only (`core.icp.title_text`: headline, else position), never the company, so
    a company name is not taken for a job. Scoring reuses it, so changing the ICP never reads
    titles again; a correction changes the key, so every page sees it at once.
    """
    s = state()
    net, corrections = s.network, s.corrections
    return cached("titles", (net.fingerprint, corrections),
                  lambda: read_titles(title_text(net.df), corrections), bound=2)


def scored() -> pd.DataFrame | None:
    """Every connection scored against the current ICP with the user's corrections (None while
    there is no ICP): `core.icp.score` columns (fit, fit_band, fit_reasons, function, ...)."""
    s = state()
    if s.icp is None:
        return None
    net, icp, corrections = s.network, s.icp, s.corrections
    return cached("scored", (net.fingerprint, icp, corrections),
                  lambda: score(net.df, icp, corrections, titles=titles()), bound=2)


def grouping() -> ClusterResult:
    """The groups for the current method, number of groups and corrections.

    Also keeps the user's renames and keep/review/prune marks on the groups they were made
    for: when the grouping changed since they were made (another k, method or correction),
    `core.clustering.carry_over` maps them to the new groups by overlap and leaves what moved
    in `state().grouping.moved` for the clusters page to say. Here, not in a page, so every
    page that reads marks (the simulator too) sees them on the groups it gets.
    """
    s = state()
    g = s.grouping
    result = _groups(g.method, g.k, s.corrections)
    basis = (s.network.fingerprint, g.method, g.k, s.corrections)
    if g.basis != basis:
        if g.basis and g.basis[0] == basis[0] and (g.names or g.tags):
            old = _groups(*g.basis[1:])
            moved = carry_over(old.labels, result.labels, g.names, g.tags, old.names)
            g.names, g.tags, g.moved = moved.names, moved.tags, moved.messages
        g.basis = basis
    return result


def _groups(method: str, k: int | None, corrections) -> ClusterResult:
    """One grouping, from the prepared titles (once per network, method and corrections)."""
    net = state().network
    prep = cached("grouping.prepared", (net.fingerprint, method, corrections),
                  lambda: _prepare(net.df, method, corrections), bound=2)
    return cached("grouping", (net.fingerprint, method, k, corrections),
                  lambda: cluster_prepared(prep, k), bound=4)


def grouping_prepared() -> Prepared:
    """The prepared titles behind `grouping()` (distinct titles, functions, vectors)."""
    s = state()
    net, method, corrections = s.network, s.grouping.method, s.corrections
    return cached("grouping.prepared", (net.fingerprint, method, corrections),
                  lambda: _prepare(net.df, method, corrections), bound=2)


def _prepare(df: pd.DataFrame, method: str, corrections) -> Prepared:
    embedder = None
    if method == "semantic":
        from core.semantic import EmbeddingCache

        # One embedding cache per session: each distinct title is embedded once.
        embedder = cached("grouping.embedder", (), EmbeddingCache, bound=1)
    # The title model's reading of every connection, shared with scoring (read once), when it
    # is for these corrections (an earlier grouping, kept for carry-over, may have others).
    reading = titles() if corrections == state().corrections else None
    return prepare(grouping_texts(df), random_state=0, embedder=embedder,
                   corrections=corrections, reading=reading)


def scenario_result(scenario):
    """`core.simulator.run` for `scenario` on the current scored table (the bare table while
    there is no ICP), with the current groups when the scenario prunes a group.

    Keyed by everything the plan depends on (network, ICP, corrections, grouping, scenario), so
    the simulator page, a shared link and the report get the same plan, never a stale one.
    """
    from core.simulator import run

    s = state()
    net = s.network
    table = scored()
    if table is None:
        table = net.df
    labels, groups_key = None, None
    if scenario.prune_groups:
        labels = _group_labels()
        groups_key = (s.grouping.method, s.grouping.k)
    key = (net.fingerprint, s.icp, s.corrections, groups_key, scenario)
    return cached("scenario", key, lambda: run(table, scenario, groups=labels), bound=4)


def _group_labels():
    """The current grouping's label per row (its marks carried over by `grouping()`)."""
    return grouping().labels
