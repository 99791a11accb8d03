"""Simulator: exact arithmetic, rule semantics, properties, reach models, sweep."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.reach import ModelA, ModelB
from core.simulator import (
    EngagementAssumptions,
    PruneRules,
    engagement_probability,
    plan,
    simulate,
    sweep,
)


def network(engaged, fit=None, ghost=None, last=None, connected=None, interactions=None):
    n = len(engaged)
    df = pd.DataFrame({
        "full_name": [f"P{i}" for i in range(n)],
        "is_blank": ghost if ghost is not None else [False] * n,
        "engaged": pd.array(engaged, dtype="boolean"),
        "last_interaction": pd.to_datetime(last if last is not None else [pd.NaT] * n),
        "connected_on": pd.to_datetime(connected if connected is not None
                                       else ["2020-01-01"] * n),
        "interactions": interactions if interactions is not None else [np.nan] * n,
    })
    if fit is not None:
        df["fit"] = fit
        df["fit_band"] = np.where(np.asarray(fit) >= 60, "strong",
                                  np.where(np.asarray(fit) >= 30, "partial", "off"))
    return df


def test_exact_arithmetic():
    df = network([True, True, False, False, False], fit=[90, 70, 10, 20, 80])
    o = simulate(df, np.array([False, False, True, True, False]))
    assert (o.before.size, o.before.engaged, o.before.icp_strong) == (5, 2, 3)
    assert o.before.engaged_share == pytest.approx(2 / 5)
    assert (o.after.size, o.after.engaged) == (3, 2)
    assert o.after.engaged_share == pytest.approx((2 - 0) / (5 - 2))
    assert o.after.icp_share == pytest.approx(3 / 3)
    assert o.engagement == "measured"


def test_everyone_pruned_is_an_empty_state_not_an_error():
    df = network([True, False])
    o = simulate(df, np.array([True, True]))
    assert o.empty_after and o.after.engaged_share is None and o.after.icp_share is None


def test_assumed_engagement_is_an_expected_value():
    df = network([None, None, None, None], fit=[90, 50, 10, 10])
    p, label = engagement_probability(df, EngagementAssumptions(overall=0.25))
    assert label == "assumed" and p.sum() == pytest.approx(1.0)
    p, _ = engagement_probability(df, EngagementAssumptions(
        by_band={"strong": 0.5, "partial": 0.2, "off": 0.0}, known_engaged=(3,)))
    assert p.tolist() == [0.5, 0.2, 0.0, 1.0]


def test_ghosts_are_counted_never_engaged_never_pruned():
    df = network([None, None, None], ghost=[False, True, False], fit=[10, np.nan, 10])
    p, _ = engagement_probability(df, EngagementAssumptions(overall=0.5, known_engaged=(1,)))
    assert p[1] == 0
    pl = plan(df, PruneRules(fit_below=50, prune_ids=(1,)))
    assert pl.mask.tolist() == [True, False, True]
    assert simulate(df, pl.mask, p_engaged=p).before.size == 3


def test_rules_and_reasons():
    df = network([True, False, False, None],
                 fit=[90, 20, 80, 50],
                 last=["2026-10-01", "2023-01-01", pd.NaT, pd.NaT],
                 connected=["2025-01-01", "2016-01-01", "2015-06-01", "2026-09-01"],
                 interactions=[5, 1, 0, np.nan])
    today = pd.Timestamp("2026-11-01")
    assert plan(df, PruneRules(fit_below=30), today=today).mask.tolist() == [0, 1, 0, 0]
    inactive = plan(df, PruneRules(inactive_months=12), today=today)
    assert inactive.mask.tolist() == [False, True, True, False]  # unknown is never assumed stale
    assert plan(df, PruneRules(never_interacted=True), today=today).mask.tolist() == [0, 0, 1, 0]
    old = plan(df, PruneRules(older_than_years=5), today=today)
    assert old.mask.tolist() == [False, True, True, False]
    both = plan(df, PruneRules(fit_below=30, inactive_months=12), today=today)
    assert both.reasons.iloc[1] == "ICP fit below 30; no interaction in 12 months"
    assert both.reasons.iloc[0] == ""


def test_cluster_rule_and_missing_inputs_select_nobody():
    df = network([None] * 4)
    labels = np.array([0, 1, 1, 2])
    assert plan(df, PruneRules(prune_clusters=(1,)), cluster_labels=labels).mask.tolist() == [
        False, True, True, False]
    assert not plan(df, PruneRules(prune_clusters=(1,))).mask.any()  # no labels yet
    assert not plan(df, PruneRules(fit_below=50)).mask.any()  # no ICP yet
    assert not plan(df, PruneRules(inactive_months=6)).mask.any()  # engagement unknown


_people = st.lists(st.tuples(st.booleans(), st.floats(0, 100), st.booleans()), min_size=1,
                   max_size=40)


@settings(max_examples=150, deadline=None)
@given(_people, st.data())
def test_removing_only_disengaged_never_lowers_engaged_share(people, data):
    df = network([e for e, _, _ in people], fit=[f for _, f, _ in people])
    disengaged = [i for i, (e, _, _) in enumerate(people) if not e]
    chosen = data.draw(st.lists(st.sampled_from(disengaged), unique=True) if disengaged
                       else st.just([]))
    mask = np.zeros(len(people), dtype=bool)
    mask[chosen] = True
    o = simulate(df, mask)
    if not o.empty_after:
        assert o.after.engaged_share >= o.before.engaged_share - 1e-12
        a = ModelA()
        assert a.impressions(o.after.size, o.after.engaged) <= a.impressions(
            o.before.size, o.before.engaged) + 1e-9


@settings(max_examples=150, deadline=None)
@given(_people, st.lists(st.integers(0, 39)), st.lists(st.integers(0, 39)))
def test_protect_beats_prune_and_ghosts_never_selected(people, prune, protect):
    df = network([e for e, _, _ in people], fit=[f for _, f, _ in people],
                 ghost=[g for _, _, g in people])
    pl = plan(df, PruneRules(fit_below=50, prune_ids=tuple(prune), protect_ids=tuple(protect)))
    for i in protect:
        if i < len(people):
            assert not pl.mask[i]
    assert not pl.mask[df["is_blank"].to_numpy()].any()
    assert ((pl.reasons != "") == pl.mask).all()


def test_model_b_matches_the_formula():
    b = ModelB()
    n, e = 1000.0, 100.0
    s = e / n
    f = 3 * s / (3 * s + 1 - s)
    r = f * 0.08 + (1 - f) * 0.005
    x = 1 + 9 * r**4 / (r**4 + 0.04**4)
    assert b.impressions(n, e) == pytest.approx(0.07 * n * x)
    assert b.impressions(0, 0) == 0


def test_model_a_at_fixed_point():
    a = ModelA()
    assert a.impressions(1000, 100) == pytest.approx(
        100 * 0.4 + 900 * 0.06 + 3 * (100 * 0.4 * 0.08 + 900 * 0.06 * 0.005))


def test_sweep_curve():
    rng = np.random.default_rng(0)
    n = 500
    df = network(list(rng.random(n) < 0.2), fit=list(rng.uniform(0, 100, n)))
    mask = np.ones(n, dtype=bool)
    p, _ = engagement_probability(df)
    curve = sweep(df, mask, p)
    assert len(curve) >= 101
    assert curve["removed"].iloc[0] == 0 and curve["removed"].iloc[-1] == n
    assert curve["size"].iloc[-1] == 0 and np.isnan(curve["engaged_share"].iloc[-1])
    # Least engaged go first: the engaged share rises while only disengaged people leave.
    disengaged = int((p == 0).sum())
    head = curve[curve["removed"] <= disengaged]["engaged_share"].to_numpy()
    assert (np.diff(head) >= -1e-12).all()
