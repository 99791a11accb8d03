"""Pruning what-if: rules → a plan, and what the plan does to engaged share, ICP share and reach.

Engagement is usually unknown (a bare Connections.csv has none), so every engaged number is an
expected value: the sum of per-person engagement probabilities. With messages.csv they are
measured (1 or 0) and labelled so; otherwise they come from rates the user states.
Ghost rows count as connections (they are in N) but can never engage and are never pruned.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from core.reach import ModelA, ModelB
from core.schema import CONNECTION_CAP

# --- engagement -----------------------------------------------------------------------------


@dataclass(frozen=True)
class EngagementAssumptions:
    """Assumed share of connections who engage with you, used where nothing is measured.

    `overall` applies to everyone; if `by_band` is set, rates per ICP fit band (strong, partial,
    off) replace it for scored people. `known_engaged` are people the user ticked.
    """

    overall: float = 0.10
    by_band: dict[str, float] | None = None
    known_engaged: tuple[int, ...] = ()


#: Where the default comes from, shown next to it.
ENGAGEMENT_SOURCE = (
    "Assumption: 10% of connections interact with you in a year. The demo network measures "
    "11.6% from its messages; set your own from how many people reacted, commented or wrote to "
    "you last year."
)


def engagement_probability(connections: pd.DataFrame,
                           assumptions: EngagementAssumptions = EngagementAssumptions()
                           ) -> tuple[np.ndarray, str]:
    """Per-person probability of being engaged, and "measured" or "assumed".

    Measured: the `engaged` column where it is known (1 or 0); people it does not cover get the
    assumed rate. Ticked people are 1. Ghost rows are 0.
    """
    n = len(connections)
    ghost = connections["is_blank"].to_numpy(dtype=bool)
    engaged = connections["engaged"] if "engaged" in connections else pd.Series(pd.NA, index=range(n))
    known = engaged.notna().to_numpy() & ~ghost
    p = np.full(n, float(assumptions.overall))
    if assumptions.by_band and "fit_band" in connections:
        bands = connections["fit_band"].astype(str).to_numpy()
        for band, rate in assumptions.by_band.items():
            p[bands == band] = float(rate)
    label = "assumed"
    if known.any():
        p[known] = engaged[known].astype(bool).to_numpy(dtype=float)
        label = "measured"
    ids = np.asarray([i for i in assumptions.known_engaged if 0 <= i < n], dtype=int)
    p[ids] = 1.0
    p[ghost] = 0.0
    return np.clip(p, 0.0, 1.0), label


# --- rules and plans ------------------------------------------------------------------------


@dataclass(frozen=True)
class PruneRules:
    """Which connections a plan selects. Each rule is off when None/False/empty.

    - fit_below: ICP fit under this value (needs a scored table: a `fit` column).
    - inactive_months: no interaction for this many months, or never (needs measured engagement).
    - never_interacted: no interaction on record at all (needs measured engagement).
    - older_than_years: connected more than this many years ago and not engaged (measured, or
      ticked as engaged when unknown).
    - prune_clusters: clusters the user tagged "prune" (needs cluster labels).
    - prune_ids / protect_ids: hand-picked people; protecting always wins.
    """

    fit_below: float | None = None
    inactive_months: int | None = None
    never_interacted: bool = False
    older_than_years: float | None = None
    prune_clusters: tuple[int, ...] = ()
    prune_ids: tuple[int, ...] = ()
    protect_ids: tuple[int, ...] = ()


@dataclass
class Plan:
    """The people a plan removes (`mask`) and, per person, why (`reasons`, "" when not selected)."""

    mask: np.ndarray
    reasons: pd.Series

    @property
    def size(self) -> int:
        return int(self.mask.sum())


def reference_date(connections: pd.DataFrame) -> pd.Timestamp:
    """"Today" for the rules: the export's newest date, so a plan does not drift over time."""
    dates = pd.concat([connections["connected_on"], connections["last_interaction"]]).dropna()
    return dates.max() if not dates.empty else pd.Timestamp("2026-01-01")


def plan(connections: pd.DataFrame, rules: PruneRules, *,
         cluster_labels: np.ndarray | None = None, today: pd.Timestamp | None = None,
         known_engaged: tuple[int, ...] = ()) -> Plan:
    """Apply the rules. A person is selected if any rule selects them, unless protected.

    Ghost rows are never selected. Rules whose data is missing (no `fit` column, no measured
    engagement, no cluster labels) select nobody; the page says so rather than hiding it.
    """
    n = len(connections)
    ghost = connections["is_blank"].to_numpy(dtype=bool)
    today = today if today is not None else reference_date(connections)
    parts: list[np.ndarray] = []

    def rule(mask: np.ndarray, text: str) -> None:
        parts.append(np.where(mask & ~ghost, text, ""))

    measured = connections["engaged"].notna().to_numpy() & ~ghost
    last = connections["last_interaction"]
    if rules.fit_below is not None and "fit" in connections:
        fit = connections["fit"].to_numpy(dtype=float)
        rule(np.nan_to_num(fit, nan=101) < rules.fit_below, f"ICP fit below {rules.fit_below:g}")
    if rules.inactive_months is not None and measured.any():
        cutoff = today - pd.DateOffset(months=int(rules.inactive_months))
        # NaT (never interacted) is stale too: a NaT comparison is False, so test it apart.
        stale = ((last < cutoff) | last.isna()).to_numpy(dtype=bool) & measured
        rule(stale, f"no interaction in {int(rules.inactive_months)} months")
    if rules.never_interacted and measured.any():
        never = (connections["interactions"].fillna(0).to_numpy() <= 0) & measured
        rule(never, "never interacted")
    if rules.older_than_years is not None:
        cutoff = today - pd.DateOffset(days=int(round(365.25 * rules.older_than_years)))
        old = (connections["connected_on"] < cutoff).fillna(False).to_numpy(dtype=bool)
        engaged_now = connections["engaged"].fillna(False).astype(bool).to_numpy()
        ticked = np.zeros(n, dtype=bool)
        ticked[[i for i in known_engaged if 0 <= i < n]] = True
        rule(old & ~engaged_now & ~ticked,
             f"connected over {rules.older_than_years:g} years ago, no recent interaction")
    if rules.prune_clusters and cluster_labels is not None and len(cluster_labels) == n:
        rule(np.isin(np.asarray(cluster_labels), list(rules.prune_clusters)),
             "in a group marked prune")
    if rules.prune_ids:
        picked = np.zeros(n, dtype=bool)
        picked[[i for i in rules.prune_ids if 0 <= i < n]] = True
        rule(picked, "picked by you")

    if parts:
        reasons = pd.Series(parts[0], dtype=object)
        for p in parts[1:]:
            reasons = reasons.where(p == "", np.where(reasons == "", p, reasons + "; " + p))
        reasons = reasons.astype(str)
    else:
        reasons = pd.Series([""] * n, dtype=str)
    mask = (reasons != "").to_numpy().copy()
    if rules.protect_ids:
        protect = np.zeros(n, dtype=bool)
        protect[[i for i in rules.protect_ids if 0 <= i < n]] = True
        mask &= ~protect
    mask &= ~ghost
    reasons = reasons.where(mask, "")
    reasons.index = connections.index
    return Plan(mask=mask, reasons=reasons)


# --- outcomes -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Snapshot:
    """A network's numbers. Shares are None for an empty network (nothing to divide by)."""

    size: int
    engaged: float
    engaged_share: float | None
    icp_strong: int
    icp_share: float | None
    clusters: dict[int, int] = field(default_factory=dict)
    headroom: int = 0


@dataclass(frozen=True)
class Outcome:
    before: Snapshot
    after: Snapshot
    removed: int
    engaged_removed: float
    engagement: str  # "measured" or "assumed"

    @property
    def empty_after(self) -> bool:
        return self.after.size == 0


def _snapshot(n: int, e: float, strong: int, clusters: dict[int, int]) -> Snapshot:
    return Snapshot(size=n, engaged=e, engaged_share=(e / n) if n else None, icp_strong=strong,
                    icp_share=(strong / n) if n else None, clusters=clusters,
                    headroom=CONNECTION_CAP - n)


def simulate(connections: pd.DataFrame, prune_mask: np.ndarray, *,
             p_engaged: np.ndarray | None = None, engagement: str | None = None,
             cluster_labels: np.ndarray | None = None) -> Outcome:
    """Before and after removing `prune_mask`. Exact: after = (E − engaged removed) / (N − removed).

    `p_engaged` defaults to `engagement_probability(connections)`; ICP counts need `fit_band`.
    """
    if p_engaged is None:
        p_engaged, label = engagement_probability(connections)
        engagement = engagement or label
    mask = np.asarray(prune_mask, dtype=bool)
    p = np.asarray(p_engaged, dtype=float)
    strong = (connections["fit_band"].astype(str).to_numpy() == "strong"
              if "fit_band" in connections else np.zeros(len(connections), dtype=bool))
    labels = np.asarray(cluster_labels) if cluster_labels is not None else None

    def clusters(keep: np.ndarray) -> dict[int, int]:
        if labels is None:
            return {}
        vals, counts = np.unique(labels[keep & (labels >= 0)], return_counts=True)
        return {int(v): int(c) for v, c in zip(vals, counts, strict=True)}

    everyone = np.ones(len(p), dtype=bool)
    n, e, s = len(p), float(p.sum()), int(strong.sum())
    r, er, sr = int(mask.sum()), float(p[mask].sum()), int(strong[mask].sum())
    return Outcome(
        before=_snapshot(n, e, s, clusters(everyone)),
        after=_snapshot(n - r, e - er, s - sr, clusters(~mask)),
        removed=r, engaged_removed=er, engagement=engagement or "assumed",
    )


def priority_order(connections: pd.DataFrame, mask: np.ndarray, p_engaged: np.ndarray
                   ) -> np.ndarray:
    """Indices of the plan's people, least valuable first: least engaged, then lowest fit."""
    idx = np.flatnonzero(mask)
    fit = (connections["fit"].to_numpy(dtype=float) if "fit" in connections
           else np.zeros(len(connections)))
    fit = np.nan_to_num(fit, nan=0.0)
    order = np.lexsort((idx, fit[idx], p_engaged[idx]))
    return idx[order]


def sweep(connections: pd.DataFrame, mask: np.ndarray, p_engaged: np.ndarray,
          model_a: ModelA = ModelA(), model_b: ModelB = ModelB(), points: int = 200
          ) -> pd.DataFrame:
    """The trade-off curve: remove the plan's people in priority order, 0 to all.

    One row per step (at most `points` + 1, evenly spaced, always including 0 and all), with
    size, engaged, engaged_share, icp_share and both models' impressions. Vectorised with
    cumulative sums: 30k people in a few milliseconds.
    """
    order = priority_order(connections, mask, p_engaged)
    m = len(order)
    steps = np.unique(np.linspace(0, m, min(m, points) + 1).round().astype(int))
    strong = (connections["fit_band"].astype(str).to_numpy() == "strong"
              if "fit_band" in connections else np.zeros(len(connections), dtype=bool))
    cum_e = np.concatenate([[0.0], np.cumsum(p_engaged[order])])
    cum_s = np.concatenate([[0], np.cumsum(strong[order])])
    n0, e0, s0 = len(connections), float(p_engaged.sum()), int(strong.sum())
    size = n0 - steps
    engaged = e0 - cum_e[steps]
    icp = s0 - cum_s[steps]
    with np.errstate(divide="ignore", invalid="ignore"):
        es = np.where(size > 0, engaged / size, np.nan)
        ish = np.where(size > 0, icp / size, np.nan)
    return pd.DataFrame({
        "removed": steps, "size": size, "engaged": engaged, "engaged_share": es,
        "icp_share": ish, "impressions_a": model_a.impressions(size, engaged),
        "impressions_b": model_b.impressions(size, engaged),
    })
